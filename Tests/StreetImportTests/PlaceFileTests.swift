import Foundation
import Geometry
import StreetImport
import StreetNetwork
import TestSupport
import XCTest

final class PlaceFileTests: XCTestCase {
    var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func testTheRutlandExtractNamesItsTownsAndVillages() throws {
        guard let pbf = SharedData.rutlandPBF else { throw XCTSkip(SharedData.skipMessage) }
        let places = try PlaceFile.read(pbf, targetCRS: .britishNationalGrid)
        XCTAssertTrue(places.allSatisfy { Place.settlementKinds.contains($0.kind) && !$0.name.isEmpty })
        // The county's two towns, where a map puts them (to about a kilometre).
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        for (town, at) in [
            ("Oakham", LonLat(lon: -0.731, lat: 52.670)), ("Uppingham", LonLat(lon: -0.723, lat: 52.587))
        ] {
            let place = try XCTUnwrap(places.first { $0.name == town }, "\(town) is missing")
            XCTAssertEqual(place.kind, "town")
            XCTAssertLessThan(place.point.distance(to: try XCTUnwrap(projection.project(at))), 1_000, town)
        }
        XCTAssertGreaterThan(places.filter { $0.kind == "village" }.count, 40)  // Rutland has about fifty
        // Within an area: only the places inside it.
        let oakham = try XCTUnwrap(places.first { $0.name == "Oakham" }).point
        let near = try PlaceFile.read(
            pbf, targetCRS: .britishNationalGrid,
            within: BoundingBox(
                minX: oakham.x - 10, minY: oakham.y - 10,
                maxX: oakham.x + 10, maxY: oakham.y + 10))
        XCTAssertEqual(near.map(\.name), ["Oakham"])
    }

    func testDenseAndPlainNodesOfASmallExtract() throws {
        // The fuzz seed (scripts/make_pbf_seed.py, checked with libosmium): a raw header block, then a
        // zlib block with three dense nodes (two places) and a plain place node.
        let seed = SharedData.projectRoot.appendingPathComponent("Fuzz/corpus/places/pbf-places.bin")
        let file = directory.appendingPathComponent("small.osm.pbf")
        try FileManager.default.copyItem(at: seed, to: file)
        let places = try PlaceFile.read(file, targetCRS: .britishNationalGrid)
        XCTAssertEqual(places.map(\.name), ["Oakham", "Braunston-in-Rutland", "Brooke"])
        XCTAssertEqual(places.map(\.kind), ["town", "village", "hamlet"])
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        let brooke = try XCTUnwrap(projection.project(LonLat(lon: -0.77, lat: 52.65)))
        XCTAssertLessThan(places[2].point.distance(to: brooke), 0.01)  // the same transform both ways
    }

    func testPlacePointsOfAGeoJSONFile() throws {
        let file = directory.appendingPathComponent("places.geojson")
        func point(_ properties: String, _ lon: Double, _ lat: Double) -> String {
            #"{"type":"Feature","properties":{"# + properties + #"},"geometry":{"type":"Point","coordinates":["#
                + "\(lon),\(lat)]}}"
        }
        let line =
            #"{"type":"Feature","properties":{"highway":"residential","name":"Main Street"},"#
            + #""geometry":{"type":"LineString","coordinates":[[-0.72,52.71],[-0.721,52.71]]}}"#
        let features = [
            point(#""place":"village","name":"Ashwell""#, -0.7197, 52.7142),
            point(#""place":"farm","name":"Manor Farm""#, -0.72, 52.71),
            point(#""place":"hamlet""#, -0.73, 52.71), line
        ]
        try Data((#"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}").utf8)
            .write(to: file)
        let places = try PlaceFile.read(file, targetCRS: .britishNationalGrid)
        XCTAssertEqual(places.map(\.name), ["Ashwell"])
        XCTAssertEqual(places.first.flatMap { GridReference.text($0.point) }, "SK 86 13")
    }

    func testATruncatedOrCorruptExtractFailsWithAClearMessage() throws {
        guard let pbf = SharedData.rutlandPBF else { throw XCTSkip(SharedData.skipMessage) }
        let whole = try Data(contentsOf: pbf)
        func assertFails(_ bytes: Data, mentioning words: [String], line: UInt = #line) throws {
            let file = directory.appendingPathComponent("bad.osm.pbf")
            try bytes.write(to: file)
            XCTAssertThrowsError(try PlaceFile.read(file, targetCRS: .britishNationalGrid), line: line) { error in
                let message = (error as? StreetImportError)?.message ?? "\(error)"
                XCTAssertEqual((error as? StreetImportError)?.kind, .malformedFile, message, line: line)
                for word in words { XCTAssertTrue(message.contains(word), message, line: line) }
            }
        }
        try assertFails(whole.prefix(200_000), mentioning: ["bad.osm.pbf", "block", "ends inside a block"])
        // A data block whose bytes are flipped: zlib refuses them.
        var flipped = [UInt8](whole.prefix(400_000))
        for k in 300..<2_000 { flipped[k] ^= 0x5a }
        try assertFails(Data(flipped), mentioning: ["bad.osm.pbf", "block"])
        // A block header claiming 4 GiB.
        var huge = [UInt8](whole.prefix(64))
        huge[0...3] = [0x7f, 0xff, 0xff, 0xff]
        huge[4] = 0x0a
        try assertFails(Data(huge), mentioning: ["at most 64 KiB"])
    }
}
