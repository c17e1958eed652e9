import Foundation
import Geometry
import JSON
import StreetImport
import StreetNetwork
import TestSupport
import XCTest

final class StreetFileTests: XCTestCase {
    /// Runs the committed independent checker (scripts/check_streets.py).
    private func pythonCheck(_ file: URL) throws -> [String: Double] {
        let script = SharedData.projectRoot.appendingPathComponent("scripts/check_streets.py")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONParser.parse(result.stdout)
        return json.object!.compactMapValues(\.number)
    }

    func testRutlandCountsAndLengthsMatchIndependentCheck() throws {
        guard let file = SharedData.rutlandGeoJSON else { throw XCTSkip(SharedData.skipMessage) }
        let read = try StreetFile.read(file)
        let expected = try pythonCheck(file)
        XCTAssertEqual(read.featureCount, 6_661)
        XCTAssertEqual(Set(read.lines.map(\.featureIndex)).count, Int(expected["kept_ways"]!))
        XCTAssertEqual(read.lines.filter(\.oneWay).count, Int(expected["one_way_ways"]!))
        XCTAssertEqual(read.skipped["highway=footway"], 1_162)
        // Exact-coordinate splitting, as the checker does it.
        let exact = try StreetNetwork(lines: read.lines, crs: read.targetCRS, snapTolerance: 0)
        XCTAssertEqual(exact.segments.count, Int(expected["segments"]!))
        XCTAssertEqual(exact.junctions.count, Int(expected["junctions"]!))
        // Grid lengths in Rutland are about 0.03% shorter than on the
        // ellipsoid (the BNG scale factor there is about 0.9997).
        let ratio = exact.totalLength / 1000 / expected["km_ellipsoid"]!
        XCTAssertEqual(ratio, 0.9997, accuracy: 0.0003)
    }

    func testLeedsMatchesIndependentCheck() throws {
        guard let file = SharedData.leedsGeoJSON else { throw XCTSkip(SharedData.skipMessage) }
        let read = try StreetFile.read(file)
        let expected = try pythonCheck(file)
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS, snapTolerance: 0)
        XCTAssertEqual(network.segments.count, Int(expected["segments"]!))
        XCTAssertEqual(network.junctions.count, Int(expected["junctions"]!))
        XCTAssertEqual(network.totalLength / 1000 / expected["km_ellipsoid"]!, 0.9997, accuracy: 0.0005)
    }

    func testBristolGeoPackageKeepsOSFieldsAndLength() throws {
        guard let file = SharedData.bristolGeoPackage else { throw XCTSkip(SharedData.skipMessage) }
        let read = try StreetFile.read(file)
        XCTAssertEqual(read.format, .geoPackage)
        XCTAssertEqual(read.sourceCRS, .britishNationalGrid)
        XCTAssertEqual(read.lines.count, 29)
        let total = read.lines.reduce(0) { $0 + Polyline.length($1.points) }
        XCTAssertEqual(total, 25_141.4, accuracy: 0.5)  // the shared README's check
        let m49 = try XCTUnwrap(read.lines.first { $0.sourceID == "6E48BDC8-D330-4B26-8ED3-14B0E5B2ABFE" })
        XCTAssertEqual(m49.ref, "M49")
        XCTAssertEqual(m49.roadClass, "Motorway")
        XCTAssertEqual(m49.formOfWay, "Collapsed Dual Carriageway")
        XCTAssertEqual(m49.sourceStartNode, "E09F0DB3-FA7A-4B43-B29E-064E96A12634")
        // OS link-and-node topology: 29 links, 24 nodes.
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        XCTAssertEqual(network.segments.count, 29)
        XCTAssertEqual(network.junctions.count, 24)
    }

    func testBristolWGS84GeoJSONProjectsOntoTheGeoPackage() throws {
        guard let wgs = SharedData.bristolGeoJSON, let gpkg = SharedData.bristolGeoPackage else {
            throw XCTSkip(SharedData.skipMessage)
        }
        let a = try StreetFile.read(wgs)
        let b = try StreetFile.read(gpkg)
        XCTAssertEqual(a.sourceCRS, .wgs84)
        for (la, lb) in zip(a.lines, b.lines) {
            XCTAssertEqual(la.points.count, lb.points.count)
            for (p, q) in zip(la.points, lb.points) { XCTAssertLessThan(p.distance(to: q), 2.0) }
        }
    }

    func testOneWayReversedAndSpeeds() throws {
        let url = try write(
            """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"@id":1,"highway":"residential","oneway":"-1","maxspeed":"20 mph"},
              "geometry":{"type":"LineString","coordinates":[[-0.72,52.67],[-0.71,52.67]]}},
             {"type":"Feature","properties":{"@id":2,"highway":"tertiary","junction":"roundabout"},
              "geometry":{"type":"LineString","coordinates":[[-0.71,52.67],[-0.70,52.67]]}}]}
            """)
        let read = try StreetFile.read(url)
        XCTAssertTrue(read.lines[0].oneWay)
        // reversed: drawn in travel direction
        XCTAssertGreaterThan(read.lines[0].points[0].x, read.lines[0].points[1].x)
        XCTAssertEqual(read.lines[0].speedKmh, 32.19, accuracy: 0.01)
        XCTAssertTrue(read.lines[1].oneWay)
        XCTAssertEqual(read.lines[1].speedKmh, RoadClass.defaultSpeedKmh("tertiary"))
        XCTAssertEqual(read.lines[0].sourceID, "way/1")
    }

    // MARK: bad input

    private var directory: URL!

    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func write(_ text: String, name: String = "streets.geojson") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func assertFails(
        _ text: String, _ kind: StreetImportError.Kind, mentioning parts: [String],
        sourceCRS: CRS? = nil, targetCRS: CRS = .britishNationalGrid, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let url = try write(text)
        XCTAssertThrowsError(
            try StreetFile.read(url, sourceCRS: sourceCRS, targetCRS: targetCRS), file: file, line: line
        ) { error in
            guard let e = error as? StreetImportError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(e.kind, kind, e.message, file: file, line: line)
            for part in parts {
                XCTAssertTrue(e.message.contains(part), "\(e.message) lacks \(part)", file: file, line: line)
            }
        }
    }

    func testWhoseDataItIsIsTakenFromTheFile() throws {
        let sampleFile = SharedData.projectRoot.appendingPathComponent("data/sample-town/streets.geojson")
        let sample = try StreetFile.read(sampleFile)
        XCTAssertEqual(sample.dataSource, .synthetic, "the sample calls itself synthetic")
        guard let leeds = SharedData.leedsGeoJSON, let bristol = SharedData.bristolGeoPackage else {
            throw XCTSkip(SharedData.skipMessage)
        }
        XCTAssertEqual(try StreetFile.read(leeds).dataSource, .openStreetMap)
        XCTAssertEqual(try StreetFile.read(bristol).dataSource, .ordnanceSurvey)
    }

    func testNeitherGeoJSONNorGeoPackage() throws {
        try assertFails(
            "osm_id,name\n1,High Street\n", .unsupportedFormat, mentioning: ["neither GeoJSON nor GeoPackage", "osm_id"]
        )
        try assertFails("", .unsupportedFormat, mentioning: ["empty"])
    }

    func testMalformedJSONGivesLineAndColumn() throws {
        try assertFails(
            "{\"type\": \"FeatureCollection\",\n \"features\": [}", .malformedFile, mentioning: ["line 2, column 15"])
    }

    func testEmptyCollection() throws {
        try assertFails(#"{"type":"FeatureCollection","features":[]}"#, .noStreets, mentioning: ["no features"])
    }

    func testOnlyFootpaths() throws {
        try assertFails(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"footway"},"#
                + #""geometry":{"type":"LineString","coordinates":[[-0.7,52.6],[-0.71,52.6]]}}]}"#,
            .noStreets, mentioning: ["1 highway=footway"])
    }

    func testProjectedMetresInAWGS84File() throws {
        try assertFails(
            #"{"type":"FeatureCollection","features":["#
                + #"{"type":"Feature","id":"L1","properties":{"highway":"residential"},"#
                + #""geometry":{"type":"LineString","coordinates":[[354420.89,185691.22],[354423.67,185589.51]]}}]}"#,
            .badCoordinates, mentioning: ["feature 0 (id L1)", "British National Grid", "--source-crs EPSG:27700"])
    }

    func testOutOfRangeAndNonFiniteCoordinates() throws {
        try assertFails(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"residential"},"#
                + #""geometry":{"type":"LineString","coordinates":[[-0.7,52.6],[-0.7,-95]]}}]}"#,
            .badCoordinates, mentioning: ["feature 0", "out of range"])
        try assertFails(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"residential"},"#
                + #""geometry":{"type":"LineString","coordinates":[[-0.7,52.6],[1e999,52.6]]}}]}"#,
            .malformedFile, mentioning: ["line 1, column 158", "too large to represent"])
    }

    func testOnePointLineNamesTheFeature() throws {
        try assertFails(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"residential"},"#
                + #""geometry":{"type":"LineString","coordinates":[[-0.7,52.6],[-0.71,52.6]]}},"#
                + #"{"type":"Feature","properties":{"@id":17,"highway":"residential"},"#
                + #""geometry":{"type":"LineString","coordinates":[[-0.7,52.6]]}}]}"#,
            .badFeature, mentioning: ["feature 1 (id way/17)", "LineString has 1 point; a line needs at least 2"])
    }

    func testUnknownCRS() throws {
        let ok =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"highway":"residential"},"#
            + #""geometry":{"type":"LineString","coordinates":[[-0.7,52.6],[-0.71,52.6]]}}]}"#
        try assertFails(ok, .unknownCRS, mentioning: ["EPSG:999999"], targetCRS: CRS("EPSG:999999"))
        try assertFails(ok, .unknownCRS, mentioning: ["EPSG:4326", "not a projected CRS"], targetCRS: .wgs84)
        try assertFails(ok, .unknownCRS, mentioning: ["EPSG:12345"], sourceCRS: CRS("EPSG:12345"))
        try assertFails(
            #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"Lambert"}},"features":[]}"#,
            .unknownCRS, mentioning: ["Lambert"])
    }

    func testGeoPackageWithoutLayerOfThatName() throws {
        guard let gpkg = SharedData.bristolGeoPackage else { throw XCTSkip(SharedData.skipMessage) }
        XCTAssertThrowsError(try StreetFile.read(gpkg, layer: "roads")) { error in
            XCTAssertTrue("\(error)".contains("road_link"), "\(error)")
        }
    }
}
