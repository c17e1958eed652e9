import Foundation
import Planning
import StreetNetwork
import Works

/// Stable weeks on the county: the next plan made from the stored plan of
/// `shared`, with the lists unchanged and with the county council's list
/// changed by a tenth, each beside a fresh plan with the same budget.
/// Prints what the stable plan keeps (crew and day; place in the round)
/// against the fresh one, and what stability costs. Four more plans of the
/// shared week's budget each. The next plan is of the same week with
/// another seed (`streetrounds plan` starts from the latest stored week up
/// to the one planned, so this is planning the week again): the synthetic
/// county's following week brings monthly work due that is far beyond the
/// fleet (about 1,600 visits unplaced, stable or fresh), which would hide
/// what stability does.
func nextWeekBenchmark(_ county: CountyWeek, shared: WeeklyPlan) throws {
    let record = PlanRecord(shared, network: county.network)
    let preferences = try PreviousPlan(record, network: county.network).preferences
    var options = shared.options
    options.seed = shared.options.seed &+ 1
    let lists = [
        ("unchanged lists", county.tasks),
        ("county council's list changed by a tenth", changedByATenth(county.tasks, network: county.network))
    ]
    print("  the week planned again from its stored shared plan (seed \(options.seed)), and fresh:")
    for (name, tasks) in lists {
        var stable: WeeklyPlan!
        var fresh: WeeklyPlan!
        let stableTime = try seconds {
            stable = try county.planner.plan(tasks, options: options, mode: .shared, preferences: preferences)
        }
        let freshTime = try seconds { fresh = try county.planner.plan(tasks, options: options, mode: .shared) }
        let kept = PlanStability(previous: record, plan: stable)
        let anew = PlanStability(previous: record, plan: fresh)
        print(
            String(
                format: "    %@: %d task visits also in %@; crew and day kept %.1f%% (fresh %.1f%%), "
                    + "place in the round kept %.1f%% of %d (fresh %.1f%%)", name as NSString, kept.common,
                shared.week.description, kept.share * 100, anew.share * 100, kept.orderShare * 100,
                kept.orderCommon, anew.orderShare * 100))
        let extra = stable.totals.money - fresh.totals.money
        print(
            String(
                format: "      stability costs £%.0f (%+.1f%%) and %.1f crew hours against the fresh plan "
                    + "(£%.0f, %.1f crew hours); unplaced %d (fresh %d); out of order within a day %d; "
                    + "wall %.1f s stable, %.1f s fresh", extra, extra / max(fresh.totals.money, 1e-9) * 100,
                stable.totals.crewHours - fresh.totals.crewHours, fresh.totals.money, fresh.totals.crewHours,
                stable.unplaced.count, fresh.unplaced.count, stable.orderConflicts.count, stableTime, freshTime))
        let reasons = Dictionary(grouping: stable.unplaced, by: { String($0.reason.prefix(70)) }).mapValues(\.count)
        for (reason, n) in reasons.sorted(by: { $0.value > $1.value }).prefix(2) { print("        \(n) x \(reason)…") }
    }
}

/// The county council's list with a tenth of its tasks changed: every
/// tenth of them (by task id) moves half a run of streets along the main
/// component (12 segments), under a new id; the other partners' lists as
/// they were.
func changedByATenth(_ tasks: [MatchedTask], network: StreetNetwork) -> [MatchedTask] {
    let main = network.segments.filter { $0.component == 0 }.map(\.id)
    var place: [Int: Int] = [:]
    for (k, id) in main.enumerated() { place[id] = k }
    let council = tasks.filter { $0.task.organisation == "county-council" }.map(\.task.taskID).sorted()
    let moving = Set(council.enumerated().filter { $0.offset % 10 == 0 }.map(\.element))
    return tasks.map { matched in
        guard matched.task.organisation == "county-council", moving.contains(matched.task.taskID), !main.isEmpty
        else { return matched }
        var task = matched.task
        task.taskID += "-moved"
        let segments = matched.segments.compactMap { place[$0].map { main[($0 + 12) % main.count] } }
        return MatchedTask(task: task, segments: segments)
    }
}
