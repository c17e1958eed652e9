import Foundation
import Planning
import StreetNetwork
import Works

/// Stable weeks on the county, from one week to the next: the week before
/// `shared`'s (2026-W48: no monthly work due, the other half of the
/// fortnightly work) planned shared and stored, then `shared`'s week planned
/// from it, with the lists unchanged and with the county council's list
/// changed by a tenth, each beside a fresh plan with the same budget (the
/// unchanged lists' fresh plan is `shared` itself). Prints what the stable
/// plan keeps of the week before (crew and day; place in the round) against
/// the fresh one, and what stability costs. Four more plans of the shared
/// week's budget each.
func nextWeekBenchmark(_ county: CountyWeek, shared: WeeklyPlan) throws {
    var before = shared.options
    before.week = shared.week.adding(weeks: -1)
    let previous = try county.planner.plan(county.tasks, options: before, mode: .shared)
    let record = PlanRecord(previous, network: county.network)
    let preferences = try PreviousPlan(record, network: county.network).preferences
    let changed = changedByATenth(county.tasks, network: county.network)
    print(
        "  \(shared.week) planned from the stored shared plan of \(before.week) (\(previous.rounds.count) rounds, "
            + "\(previous.unplaced.count) unplaced), and fresh:")
    for (name, tasks) in [("unchanged lists", county.tasks), ("county council's list changed by a tenth", changed)] {
        var stable = shared
        let stableTime = try seconds {
            stable = try county.planner.plan(tasks, options: shared.options, mode: .shared, preferences: preferences)
        }
        var fresh = shared
        let freshTime =
            name == "unchanged lists"
            ? shared.timing.totalSeconds
            : try seconds { fresh = try county.planner.plan(tasks, options: shared.options, mode: .shared) }
        printStability(name, stable: stable, fresh: fresh, record: record, wall: [stableTime, freshTime])
    }
}

/// One line pair of the next-week benchmark: kept against fresh, and cost.
private func printStability(_ name: String, stable: WeeklyPlan, fresh: WeeklyPlan, record: PlanRecord, wall: [Double]) {
    let kept = PlanStability(previous: record, plan: stable)
    let anew = PlanStability(previous: record, plan: fresh)
    print(
        String(
            format: "    %@: %d task visits also in %@; crew and day kept %.1f%% (fresh %.1f%%), day kept %.1f%% "
                + "(fresh %.1f%%), day and partner's fleet kept %.1f%% (fresh %.1f%%); place in the round kept "
                + "%.1f%% of %d (fresh %.1f%%)", name as NSString, kept.common, record.week.description,
            kept.share * 100, anew.share * 100, kept.dayShare * 100, anew.dayShare * 100, kept.partnerShare * 100,
            anew.partnerShare * 100, kept.orderShare * 100, kept.orderCommon, anew.orderShare * 100))
    let extra = stable.totals.money - fresh.totals.money
    print(
        String(
            format: "      stability costs £%.0f (%+.1f%%) and %.1f crew hours against the fresh plan "
                + "(£%.0f, %.1f crew hours); unplaced %d (fresh %d); out of order within a day %d; "
                + "wall %.1f s stable, %.1f s fresh", extra, extra / max(fresh.totals.money, 1e-9) * 100,
            stable.totals.crewHours - fresh.totals.crewHours, fresh.totals.money, fresh.totals.crewHours,
            stable.unplaced.count, fresh.unplaced.count, stable.orderConflicts.count, wall[0], wall[1]))
    let reasons = Dictionary(grouping: stable.unplaced, by: { String($0.reason.prefix(70)) }).mapValues(\.count)
    for (reason, n) in reasons.sorted(by: { $0.value > $1.value }).prefix(2) { print("        \(n) x \(reason)…") }
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
