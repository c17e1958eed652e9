import Foundation
import Geometry
import Outputs
import Planning
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

/// The sample town planned for a week (in-process, fixed iterations and
/// seed, so the same plan every run), with a drawing to write it with.
struct PlannedSample {
    var week: ISOWeek
    var shared: WeeklyPlan
    var baseline: WeeklyPlan
    var drawing: RoundDrawing
    var savings: Savings

    nonisolated(unsafe) private static var cache: [String: PlannedSample] = [:]  // XCTest runs tests one at a time

    /// - Parameter renaming: task ids to replace (old → new), to try hostile ids.
    static func make(_ week: String, renaming: [String: String] = [:]) throws -> PlannedSample {
        let cacheKey = week + renaming.description
        if let cached = cache[cacheKey] { return cached }
        let root = SharedData.projectRoot
        let read = try StreetFile.read(root.appendingPathComponent("data/sample-town/streets.geojson"))
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        let catalogue = try ActivityCatalogue(contentsOf: root.appendingPathComponent("data/activities.json"))
        let registry = try OrganisationRegistry(
            contentsOf: root.appendingPathComponent("data/organisations.json"), catalogue: catalogue)
        let table = try Compatibility(
            contentsOf: root.appendingPathComponent("data/compatibility.json"), catalogue: catalogue)
        let matcher = TaskMatcher(
            index: SegmentIndex(network), projection: try Projection(from: .wgs84, to: network.crs))
        let reader = TaskListReader(catalogue: catalogue, registry: registry)
        var tasks: [MatchedTask] = []
        let folder = root.appendingPathComponent("data/sample-town/tasks")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let list = try XCTUnwrap(reader.read(Data(contentsOf: folder.appendingPathComponent(name))).list)
            for var t in list.tasks {
                let segments = try matcher.match(t).get().map(\.segment)
                t.taskID = renaming[t.taskID] ?? t.taskID
                tasks.append(MatchedTask(task: t, segments: segments))
            }
        }
        var options = PlanOptions(week: try XCTUnwrap(ISOWeek(parsing: week)))
        options.iterations = 20
        options.seconds = 60
        let planner = WeeklyPlanner(network: network, catalogue: catalogue, registry: registry, compatibility: table)
        let shared = try planner.plan(tasks, options: options, mode: .shared)
        let baseline = try planner.plan(tasks, options: options, mode: .baseline)
        let drawing = try RoundDrawing(
            network: network, registry: registry,
            attribution: StreetDataSource(kind: read.dataSource, year: 2026, sourceFile: "streets.geojson"))
        let made = PlannedSample(
            week: options.week, shared: shared, baseline: baseline, drawing: drawing,
            savings: Savings(baseline: baseline, shared: shared, partners: registry.ids))
        cache[cacheKey] = made
        return made
    }
}
