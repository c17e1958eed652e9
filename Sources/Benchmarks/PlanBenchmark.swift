import ArcRouting
import Foundation
import Geometry
import Outputs
import StreetImport
import StreetNetwork
import Planning
import Works

/// A county week: every vehicle street of the network given tasks by five
/// partners (seeded), `scale` times over, planned shared and as the
/// baseline. Prints wall time and the peak memory of the process; with
/// `report`, also writes that week's report.html into the folder.
func planBenchmark(file: URL, scale: Int, budget: Double, report: URL? = nil) throws {
    let read = try StreetFile.read(file)
    let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let catalogue = try ActivityCatalogue(contentsOf: root.appendingPathComponent("data/activities.json"))
    let table = try Compatibility(contentsOf: root.appendingPathComponent("data/compatibility.json"), catalogue: catalogue)
    let registry = rutlandRegistry()
    var rng = RandomSource(seed: 2026)
    var tasks: [MatchedTask] = []
    let main = network.segments.filter { $0.component == 0 }
    for copy in 0..<scale {
        // Streets in runs of 25 consecutive segments (an OSM way's pieces are numbered together).
        for start in stride(from: 0, to: main.count, by: 25) {
            let run = main[start..<min(main.count, start + 25)]
            let ids = run.map(\.id)
            func add(_ org: String, _ activity: String, _ frequency: Frequency, days: [Weekday] = Weekday.workingWeek, priority: Int? = nil, season: Season? = nil, segments: [Int]) {
                guard !segments.isEmpty else { return }
                tasks.append(MatchedTask(task: StreetTask(organisation: org, taskID: "\(org)-\(copy)-\(start)-\(activity)", activity: activity,
                                                          frequency: frequency, season: season, weekdays: days, priority: priority),
                                         segments: segments))
            }
            let residential = run.filter { ["residential", "living_street", "unclassified"].contains($0.roadClass) }.map(\.id)
            let classified = run.filter { ["trunk", "primary", "secondary", "tertiary"].contains($0.roadClass) }.map(\.id)
            add("county-council", "sweeping", [.weekly, .fortnightly, .monthly][rng.below(3)], segments: ids)
            if rng.below(3) == 0 { add("town-council", "litter_picking", .perWeek(2), days: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday], segments: residential) }
            add("highways-contractor", "gully_emptying", .monthly, segments: classified)
            add("highways-contractor", "gritting", .daily, days: Weekday.allCases, priority: 1, segments: classified)
            if rng.below(5) == 0 { add("housing-association", "grass_cutting", .fortnightly, segments: residential) }
            if rng.below(8) == 0 { add("litter-volunteers", "litter_picking", .monthly, days: [.saturday, .sunday], segments: residential) }
        }
    }
    var options = PlanOptions(week: ISOWeek(parsing: "2026-W49")!)  // December: monthly tasks due, gritting in season
    options.seconds = budget
    let planner = WeeklyPlanner(network: network, catalogue: catalogue, registry: registry, compatibility: table)
    var shared: WeeklyPlan!, baseline: WeeklyPlan!
    let sharedTime = try seconds { shared = try planner.plan(tasks, options: options, mode: .shared) }
    let baselineTime = try seconds { baseline = try planner.plan(tasks, options: options, mode: .baseline) }
    let savings = Savings(baseline: baseline, shared: shared, partners: registry.ids)
    if let report {
        let source = StreetDataSource(kind: read.dataSource)
        let drawing = try RoundDrawing(network: network, registry: registry, attribution: source)
        let note = "Synthetic partners, crews and tasks on real Rutland streets (Benchmarks/PlanBenchmark.swift)"
        let html = HTMLReport.text(shared: shared, baseline: baseline, savings: savings, week: options.week,
                                   drawing: drawing, assumptions: [note])
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
        try html.write(to: report.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
    }
    print(String(format: "Plan benchmark %dx: %d tasks, %d task visits in %@ on Rutland (%d segments); solver budget %.0f s per plan",
                 scale, tasks.count, shared.taskVisits, options.week.description, network.segments.count, budget))
    print(String(format: "  shared: %.1f s, %d rounds, %d stops, %d gritting rounds, %d unplaced; baseline: %.1f s, %d rounds, %d stops, %d unplaced",
                 sharedTime, shared.rounds.count, shared.totals.streetVisits, shared.gritting.count, shared.unplaced.count,
                 baselineTime, baseline.rounds.count, baseline.totals.streetVisits, baseline.unplaced.count))
    let reasons = Dictionary(grouping: shared.unplaced, by: { $0.reason.split(separator: " ").suffix(6).joined(separator: " ") }).mapValues(\.count)
    if !reasons.isEmpty { print("  unplaced (shared) by reason: " + reasons.sorted { $0.value > $1.value }.prefix(4).map { "\($0.value) …\($0.key)" }.joined(separator: "; ")) }
    print(String(format: "  saving: %.0f km, %.0f crew hours, £%.0f, %.0f kg CO2e, %d street visits; wall %.1f s; peak memory %.0f MB",
                 savings.km, savings.crewHours, savings.money, savings.co2eKg, savings.streetVisits, sharedTime + baselineTime, peakMemoryMB()))
}

/// Peak resident memory of this process (VmHWM), in MB.
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

/// Five partners with depots in Oakham and Uppingham (synthetic crews).
func rutlandRegistry() -> OrganisationRegistry {
    let oakham = LonLat(lon: -0.7290, lat: 52.6700), uppingham = LonLat(lon: -0.7230, lat: 52.5880)
    func crews(_ org: String, _ depot: String, _ vehicle: String, _ skills: [String], _ n: Int, cost: Double, km: Double, co2e: Double,
               shift: Double = 7.5, capacity: Double? = nil) -> [Organisation.Crew] {
        (1...n).map { Organisation.Crew(id: "\(org)-\(depot)-\(vehicle)-\($0)", depot: depot, vehicleType: vehicle, skills: skills, shiftHours: shift,
                                        capacity: capacity, capacityUnit: capacity == nil ? nil : "kg salt", costPerHour: cost, costPerKm: km, co2ePerKm: co2e) }
    }
    func org(_ id: String, _ depots: [(String, LonLat)], _ crewList: [Organisation.Crew], pools: Bool = true) -> Organisation {
        Organisation(id: id, name: id, depots: depots.map { Organisation.Depot(id: $0.0, name: $0.0, location: $0.1) }, crews: crewList, poolsCrews: pools)
    }
    return OrganisationRegistry([
        org("county-council", [("oakham", oakham), ("uppingham", uppingham)],
            crews("cc", "oakham", "compact_sweeper", ["sweeping"], 4, cost: 45, km: 0.9, co2e: 0.55) + crews("cc", "uppingham", "compact_sweeper", ["sweeping"], 3, cost: 45, km: 0.9, co2e: 0.55)
                + crews("cc", "oakham", "caged_van", ["litter_picking", "weed_control", "sweeping"], 2, cost: 38, km: 0.6, co2e: 0.25)),
        org("town-council", [("oakham", oakham)], crews("tc", "oakham", "caged_van", ["litter_picking", "weed_control", "sweeping"], 3, cost: 32, km: 0.6, co2e: 0.25)),
        org("highways-contractor", [("oakham", oakham), ("uppingham", uppingham)],
            crews("hc", "oakham", "gritter", ["gritting"], 4, cost: 65, km: 1.6, co2e: 0.6, shift: 8, capacity: 6000) + crews("hc", "uppingham", "gritter", ["gritting"], 3, cost: 65, km: 1.6, co2e: 0.6, shift: 8, capacity: 6000)
                + crews("hc", "oakham", "gully_tanker", ["gully_emptying"], 3, cost: 60, km: 1.5, co2e: 0.6)),
        org("housing-association", [("uppingham", uppingham)], crews("ha", "uppingham", "mower_van", ["grass_cutting", "litter_picking"], 2, cost: 30, km: 0.6, co2e: 0.25)),
        org("litter-volunteers", [("oakham", oakham)], crews("lv", "oakham", "volunteer_car", ["litter_picking"], 2, cost: 0, km: 0.45, co2e: 0.17, shift: 3), pools: false),
    ])
}
