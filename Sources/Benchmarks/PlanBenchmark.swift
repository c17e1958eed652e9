import ArcRouting
import Foundation
import Geometry
import Outputs
import Planning
import StreetImport
import StreetNetwork
import Works

/// A county week on Rutland: every vehicle street given tasks by five
/// partners (seeded), `scale` times over, with the partners' fleets.
struct CountyWeek {
    var network: StreetNetwork
    var planner: WeeklyPlanner
    var tasks: [MatchedTask]
    var registry: OrganisationRegistry
    /// Whose street data it is, for the report's credit line.
    var dataSource: StreetDataSource

    init(file: URL, scale: Int) throws {
        let read = try StreetFile.read(file)
        network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        dataSource = StreetDataSource(kind: read.dataSource)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let catalogue = try ActivityCatalogue(contentsOf: root.appendingPathComponent("data/activities.json"))
        let table = try Compatibility(
            contentsOf: root.appendingPathComponent("data/compatibility.json"), catalogue: catalogue)
        registry = rutlandRegistry(scale: scale)
        tasks = countyTasks(network, scale: scale)
        planner = WeeklyPlanner(network: network, catalogue: catalogue, registry: registry, compatibility: table)
    }

    /// The week planned shared, with its wall-clock seconds.
    func planShared(_ options: PlanOptions) throws -> (plan: WeeklyPlan, wall: Double) {
        var plan: WeeklyPlan!
        let wall = try seconds { plan = try planner.plan(tasks, options: options, mode: .shared) }
        return (plan, wall)
    }
}

/// Tasks of five partners on the main component's streets (seeded): a
/// county programme that a few crews per partner can do in a week (about
/// half their shift hours as service at the stops), `scale` times over.
func countyTasks(_ network: StreetNetwork, scale: Int) -> [MatchedTask] {
    var rng = RandomSource(seed: 2026)
    var tasks: [MatchedTask] = []
    let main = network.segments.filter { $0.component == 0 }
    for copy in 0..<scale {
        // Streets in runs of 25 consecutive segments (an OSM way's pieces are numbered together).
        for start in stride(from: 0, to: main.count, by: 25) {
            let run = main[start..<min(main.count, start + 25)]
            let ids = run.map(\.id)
            func add(
                _ org: String, _ activity: String, _ frequency: Frequency, days: [Weekday] = Weekday.workingWeek,
                priority: Int? = nil, season: Season? = nil, segments: [Int]
            ) {
                guard !segments.isEmpty else { return }
                tasks.append(
                    MatchedTask(
                        task: StreetTask(
                            organisation: org, taskID: "\(org)-\(copy)-\(start)-\(activity)", activity: activity,
                            frequency: frequency, season: season, weekdays: days, priority: priority),
                        segments: segments))
            }
            let residential = run.filter { ["residential", "living_street", "unclassified"].contains($0.roadClass) }
                .map(\.id)
            let classified = run.filter { ["trunk", "primary", "secondary", "tertiary"].contains($0.roadClass) }.map(
                \.id)
            if rng.below(10) < 3 {
                add("county-council", "sweeping", [.weekly, .fortnightly, .monthly][rng.below(3)], segments: ids)
            }
            if rng.below(10) == 0 {
                add(
                    "town-council", "litter_picking", .perWeek(2),
                    days: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday], segments: residential)
            }
            add("highways-contractor", "gully_emptying", .monthly, segments: classified)
            add("highways-contractor", "gritting", .daily, days: Weekday.allCases, priority: 1, segments: classified)
            if rng.below(20) == 0 { add("housing-association", "grass_cutting", .fortnightly, segments: residential) }
            if rng.below(8) == 0 {
                add("litter-volunteers", "litter_picking", .monthly, days: [.saturday, .sunday], segments: residential)
            }
        }
    }
    return tasks
}

/// The county week planned shared and as the baseline. Prints, per plan,
/// the fleet figures, wall time against the budget and the time outside
/// the solver's search; and the peak memory of the process. With `report`,
/// also writes that week's report.html into the folder; with `nextWeek`,
/// also plans the week after from the stored shared plan (`nextWeekBenchmark`).
func planBenchmark(
    file: URL, scale: Int, budget: Double, iterations: Int?, report: URL? = nil, nextWeek: Bool = false
) throws {
    let county = try CountyWeek(file: file, scale: scale)
    var options = PlanOptions(week: ISOWeek(parsing: "2026-W49")!)  // December: monthly tasks due, gritting in season
    options.seconds = budget
    options.iterations = iterations
    var shared: WeeklyPlan!
    var baseline: WeeklyPlan!
    let sharedTime = try seconds { shared = try county.planner.plan(county.tasks, options: options, mode: .shared) }
    let baselineTime = try seconds {
        baseline = try county.planner.plan(county.tasks, options: options, mode: .baseline)
    }
    let savings = Savings(baseline: baseline, shared: shared, partners: county.registry.ids)
    if let report { try writeReport(county, shared: shared, baseline: baseline, savings: savings, into: report) }
    print(
        String(
            format: "Plan benchmark %dx: %d tasks, %d task visits in %@ on Rutland (%d segments); %@ per plan",
            scale, county.tasks.count, shared.taskVisits, options.week.description, county.network.segments.count,
            iterations.map { "\($0) iterations per job" } ?? String(format: "budget %.0f s", budget)))
    for (plan, wall) in [(shared!, sharedTime), (baseline!, baselineTime)] {
        printFleet(plan, registry: county.registry, wall: wall, budget: iterations == nil ? budget : nil)
    }
    print(
        String(
            format: "  saving: %.0f km, %.0f crew hours, £%.0f, %.0f kg CO2e, %d street visits; wall %.1f s; "
                + "peak memory %.0f MB", savings.km, savings.crewHours, savings.money, savings.co2eKg,
            savings.streetVisits, sharedTime + baselineTime, peakMemoryMB()))
    if nextWeek { try nextWeekBenchmark(county, shared: shared) }
}

/// The week's report.html, as `streetrounds plan` writes it, into `folder`.
func writeReport(_ county: CountyWeek, shared: WeeklyPlan, baseline: WeeklyPlan, savings: Savings, into folder: URL)
    throws
{
    let drawing = try RoundDrawing(network: county.network, registry: county.registry, attribution: county.dataSource)
    let note = "Synthetic partners, crews and tasks on real Rutland streets (Benchmarks/PlanBenchmark.swift)"
    let html = HTMLReport.text(
        shared: shared, baseline: baseline, savings: savings, week: shared.options.week,
        drawing: drawing, assumptions: [note])
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try html.write(to: folder.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
}

/// One plan's fleet figures: rounds, crews used per day, utilisation of the
/// crews' shifts, extra shifts, unplaced with reasons, shortfalls, cost, time.
func printFleet(_ plan: WeeklyPlan, registry: OrganisationRegistry, wall: Double, budget: Double?) {
    var shift: [String: Double] = [:]
    for id in registry.ids { for crew in registry[id]?.crews ?? [] { shift[crew.id] = crew.shiftHours * 3600 } }
    var used: [String: Double] = [:]  // "day|crew" → seconds
    for r in plan.rounds { used["\(r.day?.code ?? "-")|\(r.crew)", default: 0] += Double(r.seconds) }
    let shares = used.map { $0.value / (shift[String($0.key.split(separator: "|").last ?? "")] ?? 1) }.sorted()
    let perDay = Weekday.allCases.map { day in
        "\(day.code) \(Set(plan.rounds.filter { $0.day == day }.map(\.crew)).count)"
    }.joined(separator: ", ")
    print(
        String(
            format: "  %@: %d rounds, %d stops, %d gritting rounds; cost £%.0f, %.1f crew hours, %.0f km",
            plan.mode.rawValue, plan.rounds.count, plan.totals.streetVisits, plan.gritting.count,
            plan.totals.money,
            plan.totals.crewHours, plan.totals.km))
    print("    crews used per day: \(perDay)")
    if let low = shares.first, let high = shares.last {
        print(
            String(
                format: "    crew utilisation (share of shift, per crew and day): min %.2f, median %.2f, max %.2f",
                low, shares[shares.count / 2], high))
    }
    let extra = plan.rounds.filter(\.extraShift).count
    let hours = plan.shortfalls.reduce(0) { $0 + $1.crewHours }
    print(
        String(
            format: "    extra shifts %d; unplaced %d; beyond the fleet %.1f crew hours in %d day-depots", extra,
            plan.unplaced.count, hours, plan.shortfalls.count))
    let reasons = Dictionary(grouping: plan.unplaced, by: { String($0.reason.prefix(70)) }).mapValues(\.count)
    for (reason, n) in reasons.sorted(by: { $0.value > $1.value }).prefix(4) { print("      \(n) x \(reason)…") }
    for s in plan.shortfalls.prefix(3) { print("      \(s)") }
    let outside = plan.timing.outsideSolverSeconds
    let against = budget.map { String(format: " against a budget of %.0f s (%+.1f%%)", $0, (wall / $0 - 1) * 100) }
    print(
        String(
            format: "    wall %.1f s%@; outside the solver's search %.1f s (%.0f%% of wall; shortest paths %.1f s)",
            wall, against ?? "",
            outside, outside / max(wall, 1e-9) * 100, plan.timing.shortestPathSeconds))
}

/// The week's work at the stops (service hours, before merging and driving)
/// per partner against its fleet's shift hours: whether the fleet can suffice.
func printDemand(_ county: CountyWeek, catalogue: ActivityCatalogue, week: ISOWeek) {
    var service: [String: Double] = [:]
    for matched in county.tasks where matched.task.activity != "gritting" {
        let visits = VisitPlan(
            matched.task, from: week.monday, to: week.date(of: .sunday), anchor: ISOWeek(year: 2026, week: 1)
        )
        .totalVisits
        let minutes = matched.segments.reduce(0.0) {
            $0 + (catalogue[matched.task.activity]?.serviceMinutes(metres: county.network.segments[$1].length) ?? 0)
        }
        service[matched.task.organisation, default: 0] += Double(visits) * minutes / 60
    }
    for id in county.registry.ids {
        let crews = (county.registry[id]?.crews ?? []).filter { !$0.skills.contains("gritting") }
        let fleet = crews.reduce(0.0) { $0 + $1.shiftHours * Double($1.days.count) }
        print(
            String(
                format: "  %@: %.0f service hours in the week; fleet %d crews, %.0f shift hours", id as NSString,
                service[id] ?? 0, crews.count, fleet))
    }
}

/// The finite-crew method against the simplest alternatives, on the shared
/// county week with an iteration budget (figures that do not depend on the
/// machine): nearest depot and no repair, nearest depot with repair, and
/// the capacitated assignment with repair.
func fleetBenchmark(file: URL, iterations: Int) throws {
    let county = try CountyWeek(file: file, scale: 1)
    print("Fleet benchmark: the shared county week (2026-W49) on Rutland, \(iterations) iterations per routing job")
    printDemand(county, catalogue: county.planner.catalogue, week: ISOWeek(year: 2026, week: 49))
    guard iterations > 0 else { return }
    print("  method                          rounds  cost £  crew h  unplaced  beyond fleet (crew h)  wall s")
    for (name, method, repair) in [
        ("nearest depot, no repair", CrewAssignmentMethod.nearestDepot, false),
        ("nearest depot + repair", .nearestDepot, true),
        ("capacitated + repair", .capacitated, true)
    ] {
        var options = PlanOptions(week: ISOWeek(parsing: "2026-W49")!)
        options.iterations = iterations
        options.crewAssignment = method
        options.fleetRepair = repair
        let (plan, wall) = try county.planShared(options)
        print(
            String(
                format: "  %-30@  %6d  %6.0f  %6.1f  %8d  %21.1f  %6.1f", name as NSString, plan.rounds.count,
                plan.totals.money, plan.totals.crewHours, plan.unplaced.count,
                plan.shortfalls.reduce(0) { $0 + $1.crewHours }, wall))
    }
}

/// Peak resident memory of this process (VmHWM), in MB.
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kb / 1024
}

/// Five partners with depots in Oakham and Uppingham and realistic fleets
/// (a few crews each, `scale` times over; synthetic): the town council
/// works Saturdays, the volunteers weekends.
func rutlandRegistry(scale: Int = 1) -> OrganisationRegistry {
    let oakham = LonLat(lon: -0.7290, lat: 52.6700)
    let uppingham = LonLat(lon: -0.7230, lat: 52.5880)
    let weekdays = Weekday.workingWeek
    let withSaturday = Weekday.workingWeek + [.saturday]
    func crews(
        _ org: String, _ depot: String, _ vehicle: String, _ skills: [String], _ n: Int, cost: Double, km: Double,
        co2e: Double,
        shift: Double = 7.5, capacity: Double? = nil, days: [Weekday] = weekdays
    ) -> [Organisation.Crew] {
        (1...(n * scale)).map {
            Organisation.Crew(
                id: "\(org)-\(depot)-\(vehicle)-\($0)", depot: depot, vehicleType: vehicle, skills: skills,
                shiftHours: shift,
                capacity: capacity, capacityUnit: capacity == nil ? nil : "kg salt", costPerHour: cost, costPerKm: km,
                co2ePerKm: co2e, days: days)
        }
    }
    func org(_ id: String, _ depots: [(String, LonLat)], _ crewList: [Organisation.Crew], pools: Bool = true)
        -> Organisation
    {
        Organisation(
            id: id, name: id, depots: depots.map { Organisation.Depot(id: $0.0, name: $0.0, location: $0.1) },
            crews: crewList, poolsCrews: pools)
    }
    return OrganisationRegistry([
        org(
            "county-council", [("oakham", oakham), ("uppingham", uppingham)],
            crews("cc", "oakham", "compact_sweeper", ["sweeping"], 4, cost: 45, km: 0.9, co2e: 0.55)
                + crews("cc", "uppingham", "compact_sweeper", ["sweeping"], 3, cost: 45, km: 0.9, co2e: 0.55)
                + crews(
                    "cc", "oakham", "caged_van", ["litter_picking", "weed_control", "sweeping"], 1, cost: 38, km: 0.6,
                    co2e: 0.25)),
        org(
            "town-council", [("oakham", oakham)],
            crews(
                "tc", "oakham", "caged_van", ["litter_picking", "weed_control", "sweeping"], 3, cost: 32, km: 0.6,
                co2e: 0.25,
                days: withSaturday)),
        org(
            "highways-contractor", [("oakham", oakham), ("uppingham", uppingham)],
            crews("hc", "oakham", "gritter", ["gritting"], 3, cost: 65, km: 1.6, co2e: 0.6, shift: 8, capacity: 6000)
                + crews(
                    "hc", "uppingham", "gritter", ["gritting"], 2, cost: 65, km: 1.6, co2e: 0.6, shift: 8,
                    capacity: 6000)
                + crews("hc", "oakham", "gully_tanker", ["gully_emptying"], 2, cost: 60, km: 1.5, co2e: 0.6)),
        org(
            "housing-association", [("uppingham", uppingham)],
            crews("ha", "uppingham", "mower_van", ["grass_cutting", "litter_picking"], 2, cost: 30, km: 0.6, co2e: 0.25)
        ),
        org(
            "litter-volunteers", [("oakham", oakham)],
            crews(
                "lv", "oakham", "volunteer_car", ["litter_picking"], 2, cost: 0, km: 0.45, co2e: 0.17, shift: 3,
                days: [.saturday, .sunday]), pools: false)
    ])
}
