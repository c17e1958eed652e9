import ArcRouting
import Foundation
import Geometry
import StreetImport
import StreetNetwork
import Works

/// Generates `count` tasks on the network (seeded: LineStrings drawn along
/// streets a few metres off, Points near streets, Polygons around
/// junctions, segment ids), writes them as task lists of 10,000 tasks, then
/// times validation (parse and check) and matching to segments.
func tasksBenchmark(file: URL, count: Int) throws {
    let read = try StreetFile.read(file)
    let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
    let projection = try Projection(from: .wgs84, to: network.crs)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let catalogue = try ActivityCatalogue(contentsOf: root.appendingPathComponent("data/activities.json"))
    let registry = try OrganisationRegistry(
        contentsOf: root.appendingPathComponent("data/organisations.json"), catalogue: catalogue)
    let generated = generatedTaskLists(count, on: network, projection: projection)
    let files = generated.files
    let reader = TaskListReader(catalogue: catalogue, registry: registry)
    var lists: [TaskList] = []
    let validation = try seconds {
        for data in files {
            let (list, problems) = reader.read(data)
            guard let list, problems.isEmpty else {
                throw WorksError(.invalidTaskList, "generated list invalid: \(problems.prefix(3))")
            }
            lists.append(list)
        }
    }
    let m = matchAll(lists, network: network, projection: projection)
    let megabytes = Double(files.reduce(0) { $0 + $1.count }) / 1_048_576
    print(
        "Task list benchmark: \(count) generated tasks on Rutland (\(network.segments.count) segments), seed 2026, "
            + buildConfiguration)
    print(
        "  tasks by kind: "
            + generated.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    print(
        String(
            format: "  validate (parse and check %.1f MB in %d lists): %.3f s (%.0f tasks/s)", megabytes, files.count,
            validation, Double(count) / validation))
    print(
        String(
            format: "  spatial index: %.3f s; match: %.3f s (%.0f tasks/s)", m.indexTime, m.matching,
            Double(count) / m.matching))
    print(
        String(
            format: "  total: %.3f s; matched %d tasks to %d segments; reported: %@",
            validation + m.indexTime + m.matching, m.matched, m.segments,
            m.reported.isEmpty
                ? "none" : m.reported.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        ))
}

/// Generated task lists as GeoJSON files, and how many tasks of each kind of place they hold.
private struct GeneratedLists {
    var files: [Data]
    var kinds: [String: Int]
}

/// `count` tasks (seeded, 2026) in lists of 10,000 for the county council.
private func generatedTaskLists(_ count: Int, on network: StreetNetwork, projection: Projection) -> GeneratedLists {
    var rng = RandomSource(seed: 2026)
    func lonLat(_ p: Point) -> String {
        let q = projection.unproject(p)!
        return "[\(String(format: "%.7f", q.lon)),\(String(format: "%.7f", q.lat))]"
    }
    var files: [Data] = []
    var kinds: [String: Int] = [:]
    let perFile = 10_000
    for start in stride(from: 0, to: count, by: perFile) {
        var features: [String] = []
        for k in start..<min(count, start + perFile) {
            let s = network.segments[rng.below(network.segments.count)]
            features.append(generatedFeature(k, on: s, network, lonLat: lonLat, rng: &rng, kinds: &kinds))
        }
        files.append(
            Data(
                ("{\"type\":\"FeatureCollection\",\"organisation\":\"county-council\",\"features\":[\n"
                    + features.joined(separator: ",\n") + "\n]}\n").utf8))
    }
    return GeneratedLists(files: files, kinds: kinds)
}

/// The activities and frequencies generated tasks draw from.
private let generatedActivities = ["sweeping", "litter_picking", "grass_cutting", "weed_control", "gully_emptying"]
private let generatedFrequencies = ["daily", "weekly", "2/week", "fortnightly", "monthly"]

/// Task `k` as a GeoJSON feature on segment `s`: a line a few metres off it, a point near its middle, a
/// square around its start, or its segment id; counted in `kinds`.
private func generatedFeature(
    _ k: Int, on s: StreetSegment, _ network: StreetNetwork, lonLat: (Point) -> String, rng: inout RandomSource,
    kinds: inout [String: Int]
) -> String {
    let geometry: String
    var extra = ""
    switch rng.below(20) {
    case 0..<12:
        let shift = Double(rng.below(50)) / 10
        geometry =
            "{\"type\":\"LineString\",\"coordinates\":["
            + s.points.map { lonLat(Point(x: $0.x, y: $0.y + shift)) }.joined(separator: ",") + "]}"
        kinds["LineString", default: 0] += 1
    case 12..<17:
        let mid = Polyline.slice(s.points, from: s.length / 2, to: s.length / 2)[0]
        geometry =
            "{\"type\":\"Point\",\"coordinates\":" + lonLat(Point(x: mid.x + Double(rng.below(8)), y: mid.y))
            + "}"
        kinds["Point", default: 0] += 1
    case 17..<19:
        let c = network.junctions[s.from]
        let ring = [(-100.0, -100.0), (100, -100), (100, 100), (-100, 100), (-100, -100)].map {
            lonLat(Point(x: c.x + $0.0, y: c.y + $0.1))
        }
        geometry = "{\"type\":\"Polygon\",\"coordinates\":[[" + ring.joined(separator: ",") + "]]}"
        kinds["Polygon", default: 0] += 1
    default:
        geometry = "null"
        extra = ",\"segment_ids\":[\(s.id)]"
        kinds["segment_ids", default: 0] += 1
    }
    let activity = generatedActivities[rng.below(generatedActivities.count)]
    let frequency = generatedFrequencies[rng.below(generatedFrequencies.count)]
    return "{\"type\":\"Feature\",\"geometry\":\(geometry),\"properties\":{\"task_id\":\"B-\(k)\","
        + "\"activity\":\"\(activity)\",\"frequency\":\"\(frequency)\"\(extra)}}"
}

/// The matching figures: index build and match times in seconds, tasks and
/// segments matched, and the problems reported by kind.
private struct MatchFigures {
    var indexTime = 0.0
    var matching = 0.0
    var matched = 0
    var segments = 0
    var reported: [String: Int] = [:]
}

/// Builds the spatial index and matches every task of `lists`, timing both.
private func matchAll(_ lists: [TaskList], network: StreetNetwork, projection: Projection) -> MatchFigures {
    var figures = MatchFigures()
    var matcher: TaskMatcher!
    figures.indexTime = seconds { matcher = TaskMatcher(index: SegmentIndex(network), projection: projection) }
    var matched = 0
    var segments = 0
    var reported: [String: Int] = [:]
    figures.matching = seconds {
        for list in lists {
            for task in list.tasks {
                switch matcher.match(task) {
                case .success(let found):
                    matched += 1
                    segments += found.count
                case .failure(let problem):
                    let what =
                        problem.message.contains("ambiguous")
                        ? "ambiguous points" : "unmatched \(task.geometry?.typeName ?? "segment_ids")"
                    reported[what, default: 0] += 1
                }
            }
        }
    }
    figures.matched = matched
    figures.segments = segments
    figures.reported = reported
    return figures
}
