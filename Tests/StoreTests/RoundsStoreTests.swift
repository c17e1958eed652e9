import Foundation
import Geometry
import Store
import StreetImport
import StreetNetwork
import TestSupport
import XCTest

final class RoundsStoreTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func leeds() throws -> StreetNetwork {
        guard let file = SharedData.leedsGeoJSON else { throw XCTSkip(SharedData.skipMessage) }
        let read = try StreetFile.read(file)
        return try StreetNetwork(lines: read.lines, crs: read.targetCRS)
    }

    private let provenance = NetworkProvenance(
        sourceFile: "leeds.geojson", sourceFormat: "GeoJSON", snapTolerance: 0.5, importedAt: "2026-11-23T00:00:00Z")

    func testSaveAndLoadRoundTrip() throws {
        let network = try leeds()
        let store = try RoundsStore(path: directory.appendingPathComponent("a.sqlite").path, create: true)
        try store.saveNetwork(network, provenance: provenance)
        let loaded = try store.loadNetwork()
        XCTAssertEqual(loaded.crs, network.crs)
        XCTAssertEqual(loaded.junctions, network.junctions)
        XCTAssertEqual(loaded.segments, network.segments)
        XCTAssertEqual(try store.networkProvenance(), provenance)
    }

    func testFailedSaveLeavesTheDatabaseAsItWas() throws {
        let network = try leeds()
        let path = directory.appendingPathComponent("b.sqlite").path
        let store = try RoundsStore(path: path, create: true)
        try store.saveNetwork(network, provenance: provenance)
        // A network whose last segment breaks a constraint: the write fails midway.
        var segments = network.segments
        segments[segments.count - 1].length = .nan
        let broken = StreetNetwork(
            crs: network.crs, junctions: network.junctions, segments: Array(segments.dropFirst(3)))
        let other = NetworkProvenance(sourceFile: "x", sourceFormat: "GeoJSON", snapTolerance: 0, importedAt: "later")
        XCTAssertThrowsError(try store.saveNetwork(broken, provenance: other)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .writeFailed)
            XCTAssertTrue("\(error)".contains("nothing was changed"))
        }
        let again = try RoundsStore(path: path)
        XCTAssertEqual(try again.loadNetwork().segments, network.segments)
        XCTAssertEqual(try again.networkProvenance(), provenance)
    }

    func testNearestSegmentMatchesBruteForce() throws {
        let network = try leeds()
        let store = try RoundsStore(path: directory.appendingPathComponent("c.sqlite").path, create: true)
        try store.saveNetwork(network, provenance: provenance)
        let box = network.boundingBox!
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<200 {
            let p = Point(
                x: Double.random(in: box.minX - 200...box.maxX + 200, using: &rng),
                y: Double.random(in: box.minY - 200...box.maxY + 200, using: &rng))
            let brute = network.segments.map { ($0.id, Polyline.nearest(to: p, on: $0.points).distance) }
                .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }!
            let found = try store.nearestSegment(to: p, maxDistance: 5_000)
            XCTAssertEqual(found?.distance ?? -1, brute.1, accuracy: 1e-9)
        }
        // Far from every street.
        XCTAssertNil(try store.nearestSegment(to: Point(x: box.maxX + 3_000, y: box.maxY), maxDistance: 500))
    }

    func testMissingAndForeignDatabases() throws {
        let missing = directory.appendingPathComponent("none.sqlite").path
        XCTAssertThrowsError(try RoundsStore(path: missing)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .missingDatabase)
            XCTAssertTrue("\(error)".contains("streetrounds streets import"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        let text = directory.appendingPathComponent("text.sqlite")
        try Data("not a database at all, just some text that is long enough".utf8).write(to: text)
        XCTAssertThrowsError(try RoundsStore(path: text.path)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .unreadableDatabase)
        }
        let empty = try RoundsStore(path: directory.appendingPathComponent("empty.sqlite").path, create: true)
        XCTAssertThrowsError(try empty.loadNetwork()) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .noNetwork)
        }
    }
}
