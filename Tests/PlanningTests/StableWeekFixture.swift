import Foundation
import Geometry
import Planning
import StreetNetwork
import TestSupport
import Works

/// A drawn town of three partners for stable weeks and fair shares: a grid
/// of streets near Oakham (60 m blocks east-west, 30 m north-south), the
/// council's sweepers at a (two crews), the town's litter vans at e (two
/// crews), the housing association's mower at t (one crew). Shifts of
/// 1.5 h, so a day's work around a depot takes more than one round.
///
///     a     b     c     d     e
///
///
///     f     g     h     i     j
///
///
///     k     l     m     n     o
///
///
///     p     q     r     s     t
struct StableWeekFixture {
    static let picture = """
        a     b     c     d     e


        f     g     h     i     j


        k     l     m     n     o


        p     q     r     s     t
        """
    static let rows = ["abcde", "fghij", "klmno", "pqrst"]
    static let columns = ["afkp", "bglq", "chmr", "dins", "ejot"]
    static let origin = Point(x: 486_000, y: 308_000)

    let network: StreetNetwork
    let planner: WeeklyPlanner
    let registry: OrganisationRegistry
    /// Each street (a row or a column of the grid) by name, its segment ids.
    let streets: [String: [Int]]

    init() throws {
        let map = DrawnMap(Self.picture)
        var lines: [StreetLine] = []
        for street in Self.rows + Self.columns {
            let names = Array(street)
            for k in 0..<(names.count - 1) {
                let points = map.path(String([names[k], names[k + 1]]))
                    .map { Point(x: Self.origin.x + $0.x, y: Self.origin.y + $0.y) }
                lines.append(
                    StreetLine(
                        featureIndex: lines.count, sourceID: "way/\(lines.count)", name: street,
                        roadClass: "residential", oneWay: false, speedKmh: 30, points: points))
            }
        }
        network = try StreetNetwork(lines: lines, crs: .britishNationalGrid)
        var streets: [String: [Int]] = [:]
        for s in network.segments { streets[s.name ?? "", default: []].append(s.id) }
        self.streets = streets
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        func depot(_ id: String, at point: Character) -> Organisation.Depot {
            let p = map.path(String(point))[0]
            let at = Point(x: Self.origin.x + p.x, y: Self.origin.y + p.y)
            return Organisation.Depot(id: id, name: id, location: projection.unproject(at) ?? LonLat(lon: 0, lat: 0))
        }
        func crews(
            _ prefix: String, _ count: Int, depot: String, vehicle: String,
            skills: [String]
        ) -> [Organisation.Crew] {
            (1...count).map {
                Organisation.Crew(
                    id: "\(prefix)-\($0)", depot: depot, vehicleType: vehicle, skills: skills,
                    shiftHours: 1.5, capacity: nil, capacityUnit: nil, costPerHour: 40, costPerKm: 1,
                    co2ePerKm: 0.3)
            }
        }
        registry = OrganisationRegistry([
            Organisation(
                id: "council", name: "Council", depots: [depot("yard", at: "a")],
                crews: crews("C", 2, depot: "yard", vehicle: "compact_sweeper", skills: ["sweeping"])),
            Organisation(
                id: "town", name: "Town", depots: [depot("shed", at: "e")],
                crews: crews("T", 2, depot: "shed", vehicle: "caged_van", skills: ["litter_picking"])),
            Organisation(
                id: "housing", name: "Housing", depots: [depot("garage", at: "t")],
                crews: crews(
                    "H", 1, depot: "garage", vehicle: "mower_van",
                    skills: ["grass_cutting", "litter_picking"]))
        ])
        let root = SharedData.projectRoot
        let catalogue = try ActivityCatalogue(contentsOf: root.appendingPathComponent("data/activities.json"))
        let table = try Compatibility(
            contentsOf: root.appendingPathComponent("data/compatibility.json"),
            catalogue: catalogue)
        planner = WeeklyPlanner(network: network, catalogue: catalogue, registry: registry, compatibility: table)
    }

    /// The partners' task lists: every street swept weekly by the council,
    /// litter picked twice a week by the town, the rows' verges cut by the
    /// housing association; 22 tasks, 70 task visits.
    func tasks() -> [MatchedTask] {
        var tasks: [MatchedTask] = []
        func add(_ org: String, _ id: String, _ activity: String, _ street: String, _ frequency: Frequency) {
            let task = StreetTask(organisation: org, taskID: id, activity: activity, frequency: frequency)
            tasks.append(MatchedTask(task: task, segments: streets[street] ?? []))
        }
        for (k, street) in (Self.rows + Self.columns).enumerated() {
            add("council", "SW-\(k)", "sweeping", street, .weekly)
            add("town", "LP-\(k)", "litter_picking", street, k % 3 == 0 ? .perWeek(2) : .weekly)
        }
        for (k, street) in Self.rows.enumerated() { add("housing", "GC-\(k)", "grass_cutting", street, .weekly) }
        return tasks
    }

    /// The lists with the council's changed by a tenth: of its 9 tasks it
    /// drops one and takes a new one, twice a week, on another street.
    func changedTasks() -> [MatchedTask] {
        var changed = tasks().filter { !($0.task.organisation == "council" && $0.task.taskID == "SW-1") }
        changed.append(
            MatchedTask(
                task: StreetTask(
                    organisation: "council", taskID: "SW-NEW", activity: "sweeping",
                    frequency: .perWeek(2)), segments: streets["klmno"] ?? []))
        return changed
    }

    /// Options bound by iterations: the same plan on every run.
    static func options(week: String = "2026-W48", seed: UInt64 = 1) -> PlanOptions {
        var options = PlanOptions(week: ISOWeek(parsing: week) ?? ISOWeek(year: 2026, week: 48))
        options.iterations = 20
        options.seed = seed
        return options
    }
}
