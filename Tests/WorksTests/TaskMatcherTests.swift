import Foundation
import Geometry
import JSON
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

final class TaskMatcherTests: XCTestCase {
    // loaded once; XCTest runs tests one at a time
    nonisolated(unsafe) private static var rutland: (StreetNetwork, JSON)?

    /// The Rutland network, and its raw GeoJSON for drawing task lines.
    private func rutland() throws -> (StreetNetwork, JSON) {
        if let cached = Self.rutland { return cached }
        guard let file = SharedData.rutlandGeoJSON else { throw XCTSkip(SharedData.skipMessage) }
        let read = try StreetFile.read(file)
        let loaded = (
            try StreetNetwork(lines: read.lines, crs: read.targetCRS), try JSONParser.parse(Data(contentsOf: file))
        )
        Self.rutland = loaded
        return loaded
    }

    private func matcher(_ network: StreetNetwork) throws -> TaskMatcher {
        TaskMatcher(index: SegmentIndex(network), projection: try Projection(from: .wgs84, to: network.crs))
    }

    private func task(_ geometry: GeoJSONGeometry?, usrn: String? = nil, segments: [Int]? = nil) -> StreetTask {
        StreetTask(
            organisation: "o", taskID: "T", activity: "sweeping", frequency: .weekly, usrn: usrn, segmentIDs: segments,
            geometry: geometry)
    }

    /// The way's coordinates, shifted north by `metres` (as a partner might draw them).
    private func drawnAlong(_ name: String, _ raw: JSON, shiftMetres: Double = 0) -> [[Position]] {
        raw["features"]!.array!.filter {
            $0["properties"]?["name"]?.string == name && $0["properties"]?["highway"]?.string != "footway"
        }.map { f in
            f["geometry"]!["coordinates"]!.array!.map {
                Position(x: $0.array![0].number!, y: $0.array![1].number! + shiftMetres / 111_320)
            }
        }
    }

    func testALineDrawnAlongARealStreetMatchesThatStreet() throws {
        let (network, raw) = try rutland()
        let lines = drawnAlong("Catmos Street", raw, shiftMetres: 4)
        XCTAssertFalse(lines.isEmpty)
        let found = try matcher(network).match(task(.multiLineString(lines))).get()
        let expected = Set(network.segments.filter { $0.name == "Catmos Street" }.map(\.id))
        XCTAssertEqual(Set(found.map(\.segment)), expected)
        // Streets crossing or joining it are not matched: every match is Catmos Street.
        XCTAssertTrue(found.allSatisfy { network.segments[$0.segment].name == "Catmos Street" })
    }

    func testAPointMatchesTheNearestStreetAndAJunctionIsAmbiguous() throws {
        let (network, _) = try rutland()
        let m = try matcher(network)
        // Oakham Market Place, a few metres off the centre line.
        let found = try m.match(task(.point(Position(x: -0.7275, y: 52.6698)))).get()
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(network.segments[found[0].segment].name, "Market Place")
        // A junction of two named streets: ambiguous.
        let junction = network.junctions.indices.first { j in
            Set(network.segments.filter { ($0.from == j || $0.to == j) && $0.name != nil }.map { $0.name! }).count >= 2
        }!
        let lonLat = try Projection(from: .wgs84, to: network.crs).unproject(network.junctions[junction])!
        guard case .failure(let problem) = m.match(task(.point(Position(x: lonLat.lon, y: lonLat.lat)))) else {
            return XCTFail("a junction point matched")
        }
        XCTAssertTrue(problem.message.contains("ambiguous"), problem.message)
    }

    func testAPolygonMatchesTheStreetsInside() throws {
        let (network, _) = try rutland()
        let projection = try Projection(from: .wgs84, to: network.crs)
        // A 400 m square around Oakham Market Place.
        let centre = projection.project(LonLat(lon: -0.7275, lat: 52.6698))!
        let corners = [(-200.0, -200.0), (200, -200), (200, 200), (-200, 200), (-200, -200)].map {
            projection.unproject(Point(x: centre.x + $0.0, y: centre.y + $0.1))!
        }
        let found = try matcher(network).match(task(.polygon([corners.map { Position(x: $0.lon, y: $0.lat) }]))).get()
        let inside = network.segments.filter { s in
            let mid = Polyline.slice(s.points, from: s.length / 2, to: s.length / 2)[0]
            return abs(mid.x - centre.x) < 200 && abs(mid.y - centre.y) < 200
        }.map(\.id)
        XCTAssertEqual(found.map(\.segment), inside.sorted())
        XCTAssertGreaterThan(found.count, 10)
    }

    func testSegmentIDsAndUSRNs() throws {
        let (network, _) = try rutland()
        let m = try matcher(network)
        XCTAssertEqual(try m.match(task(nil, segments: [5, 3, 5])).get().map(\.segment), [3, 5])
        guard case .failure(let bad) = m.match(task(nil, segments: [999_999])) else { return XCTFail() }
        XCTAssertTrue(bad.message.contains("segment 999999 is not in the network"))
        guard case .failure(let usrn) = m.match(task(nil, usrn: "12345678")) else { return XCTFail() }
        XCTAssertTrue(usrn.message.contains("USRN 12345678 is not in the street network"))
    }

    /// A task exported with its segment ids and its line, the line then moved to another street (in QGIS,
    /// say) and the ids kept: refused, naming the street, rather than left silently where it was.
    func testSegmentIDsAndALineMovedAwayFromThemDisagree() throws {
        let (network, raw) = try rutland()
        let m = try matcher(network)
        let catmos = network.segments.filter { $0.name == "Catmos Street" }.map(\.id)
        let along = GeoJSONGeometry.multiLineString(drawnAlong("Catmos Street", raw, shiftMetres: 4))
        XCTAssertEqual(try m.match(task(along, segments: catmos)).get().map(\.segment), catmos.sorted())
        let moved = GeoJSONGeometry.multiLineString(drawnAlong("High Street", raw))
        guard case .failure(let problem) = m.match(task(moved, segments: catmos)) else { return XCTFail() }
        XCTAssertEqual(problem.property, "segment_ids")
        XCTAssertTrue(problem.message.contains("and along High Street"), problem.message)
        XCTAssertTrue(problem.message.contains("remove segment_ids"), problem.message)
    }

    /// One carriageway of three parallel ways 8 m apart, exported with its id and its own line, then
    /// submitted again unchanged: the line runs along the listed way, and the ways beside it do not count.
    func testALineAlongItsSegmentBesideParallelWaysAgrees() throws {
        let lines = (0..<3).map { k in
            StreetLine(
                featureIndex: k, sourceID: "w\(k)", roadClass: "trunk",
                points: [Point(x: 486_000, y: 308_000 + 8 * Double(k)), Point(x: 486_400, y: 308_000 + 8 * Double(k))])
        }
        let network = try StreetNetwork(lines: lines, crs: .britishNationalGrid)
        let m = try matcher(network)
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        for listed in 0..<3 {
            let drawn = network.segments[listed].points.compactMap { projection.unproject($0) }
                .map { Position(x: $0.lon, y: $0.lat) }
            XCTAssertEqual(try m.match(task(.lineString(drawn), segments: [listed])).get().map(\.segment), [listed])
        }
    }

    func testFarAwayGeometryIsReported() throws {
        let (network, _) = try rutland()
        // Shrewsbury, 100 km west of Rutland.
        guard
            case .failure(let problem) = try matcher(network).match(
                task(.lineString([Position(x: -2.75, y: 52.70), Position(x: -2.74, y: 52.70)])))
        else {
            return XCTFail("matched far away")
        }
        XCTAssertTrue(problem.message.contains("runs along no street"), problem.message)
        XCTAssertTrue(problem.message.contains("no street within 5 km"), problem.message)
    }

    func testEverySampleTaskMatches() throws {
        let file = SharedData.projectRoot.appendingPathComponent("data/sample-town/streets.geojson")
        let read = try StreetFile.read(file)
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        let reader = try shippedReader()
        let m = try matcher(network)
        let folder = SharedData.projectRoot.appendingPathComponent("data/sample-town/tasks")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let (list, problems) = reader.read(try Data(contentsOf: folder.appendingPathComponent(name)))
            XCTAssertEqual(problems, [], name)
            for t in list?.tasks ?? [] { XCTAssertNoThrow(try m.match(t).get(), "\(name) \(t.taskID)") }
        }
    }
}
