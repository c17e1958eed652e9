import Foundation
import Geometry
import Planning
import Works

/// One routing job at county size through the whole planner: every street
/// of Rutland's main network swept on one Monday by the sweepers of one
/// depot (Oakham; `crews` of them, synthetic), so the solver gets one job
/// of about 8,300 visits and 7,000 terminals, beyond its dense limit, with
/// the planner's shortest paths as its deadhead costs. Prints the job's
/// size, the rounds, the time in the planner's shortest paths and outside
/// the solver, and the process's peak memory; with `nextWeek`, the same
/// for the day a week later planned from this one (stable weeks).
func countyDayBenchmark(file: URL, budget: Double, iterations: Int?, nextWeek: Bool, crews: Int = 120) throws {
    var county = try CountyWeek(file: file, scale: 1)
    let oakham = Organisation.Depot(id: "oakham", name: "oakham", location: LonLat(lon: -0.7290, lat: 52.6700))
    let sweepers = (1...crews).map {
        Organisation.Crew(
            id: "cc-oakham-sweeper-\($0)", depot: "oakham", vehicleType: "compact_sweeper", skills: ["sweeping"],
            shiftHours: 7.5, capacity: nil, capacityUnit: nil, costPerHour: 45, costPerKm: 0.9, co2ePerKm: 0.55,
            days: [.monday])
    }
    county.registry = OrganisationRegistry([
        Organisation(id: "county-council", name: "county-council", depots: [oakham], crews: sweepers, poolsCrews: true)
    ])
    county.planner = WeeklyPlanner(
        network: county.network, catalogue: county.planner.catalogue, registry: county.registry,
        compatibility: county.planner.compatibility)
    let main = county.network.segments.filter { $0.component == 0 }.map(\.id)
    county.tasks = stride(from: 0, to: main.count, by: 25).map { start in
        MatchedTask(
            task: StreetTask(
                organisation: "county-council", taskID: "cc-\(start)-sweeping", activity: "sweeping",
                frequency: .weekly, weekdays: [.monday]),
            segments: Array(main[start..<min(main.count, start + 25)]))
    }
    var options = PlanOptions(week: ISOWeek(parsing: "2026-W49")!)
    options.seconds = budget
    options.iterations = iterations
    let (plan, wall) = try county.planShared(options)
    print(
        String(
            format: "County day benchmark: every street of Rutland's main network (%d segments) swept on one "
                + "Monday from Oakham by up to %d crews; %@",
            main.count, crews,
            iterations.map { "\($0) iterations" } ?? String(format: "budget %.0f s", budget)))
    printFleet(plan, registry: county.registry, wall: wall, budget: iterations == nil ? budget : nil)
    print(String(format: "  peak memory %.0f MB", peakMemoryMB()))
    if nextWeek { try countyDayNextWeek(county, from: plan, options: options) }
}

/// The same day a week later, planned from `previous` stored (stable weeks:
/// visits keep their crews, each round's stops last week's order where that
/// still fits): how much of the order and the crews is kept, the plan as
/// for the first day, and the peak memory after it.
private func countyDayNextWeek(_ county: CountyWeek, from previous: WeeklyPlan, options: PlanOptions) throws {
    let record = PlanRecord(previous, network: county.network)
    let preferences = try PreviousPlan(record, network: county.network).preferences
    var next = options
    next.week = options.week.adding(weeks: 1)
    var stable: WeeklyPlan!
    let wall = try seconds {
        stable = try county.planner.plan(county.tasks, options: next, mode: .shared, preferences: preferences)
    }
    let kept = PlanStability(previous: record, plan: stable)
    print(
        String(
            format: "  %@ planned from the stored plan of %@: place in the round kept %.1f%% of %d, crew and day "
                + "kept %.1f%%; cost £%.0f against £%.0f", next.week.description, options.week.description,
            kept.orderShare * 100, kept.orderCommon, kept.share * 100, stable.totals.money, previous.totals.money))
    printFleet(stable, registry: county.registry, wall: wall, budget: options.iterations == nil ? options.seconds : nil)
    print(String(format: "  peak memory %.0f MB", peakMemoryMB()))
}
