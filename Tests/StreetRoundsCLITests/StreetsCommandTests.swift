import Foundation
import JSON
import TestSupport
import XCTest

/// End-to-end: the built `streetrounds` binary on real input, compared with
/// stored output, and its exit codes.
final class StreetsCommandTests: CLITestCase {

    private func expected(_ name: String) throws -> String {
        let url = SharedData.projectRoot.appendingPathComponent("Tests/StreetRoundsCLITests/Expected/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    func testImportInfoAndRouteOnTheSampleTown() throws {
        let db = directory.appendingPathComponent("sample.sqlite").path
        let sample = SharedData.projectRoot.appendingPathComponent("data/sample-town/streets.geojson").path
        let imported = try run(["streets", "import", sample, "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let info = try run(["streets", "info", "--db", db])
        XCTAssertEqual(info.status, 0, info.stderr)
        // The first line carries the import time.
        XCTAssertEqual(
            info.stdout.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n",
            try expected("sample-info.txt"))
        let route = try run(["route", "--db", db, "--from", "-2.8080,52.5310", "--to", "-2.8016,52.5420"])
        XCTAssertEqual(route.status, 0, route.stderr)
        XCTAssertEqual(route.stdout, try expected("sample-route.txt"))
        let geojson = try run(["route", "--db", db, "--from", "-2.8080,52.5310", "--to", "-2.8016,52.5420", "--geojson"]
        )
        XCTAssertEqual(geojson.status, 0)
        XCTAssertTrue(geojson.stdout.contains("\"LineString\""))
        // From a point to itself: a Point (a LineString of one position is not GeoJSON), on its street.
        let here = ["route", "--db", db, "--from", "-2.8000,52.5300", "--to", "-2.8000,52.5300"]
        let spot = try JSONParser.parse(Data(try run(here + ["--geojson"]).stdout.utf8))
        XCTAssertEqual(spot["geometry"]?["type"]?.string, "Point")
        XCTAssertEqual(spot["geometry"]?["coordinates"]?.array?.count, 2)
        XCTAssertTrue(try run(here).stdout.contains("Streets: Crossways"))
    }

    func testRutlandImportAndLongRoute() throws {
        guard let file = SharedData.rutlandGeoJSON else { throw XCTSkip(SharedData.skipMessage) }
        let db = directory.appendingPathComponent("rutland.sqlite").path
        let imported = try run(["streets", "import", file.path, "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("4,642 streets kept"), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("8,385 segments"), imported.stdout)
        // Oakham Market Place to Uppingham.
        let route = try run(["route", "--db", db, "--from", "-0.7275,52.6698", "--to", "-0.7214,52.5886"])
        XCTAssertEqual(route.status, 0, route.stderr)
        XCTAssertTrue(route.stdout.hasPrefix("From -0.7275,52.6698: 10 m from Market Place"), route.stdout)
        XCTAssertTrue(route.stdout.contains("Distance: 10.03 km"), route.stdout)
    }

    func testExitCodesAndUnchangedDatabaseOnBadInput() throws {
        let db = directory.appendingPathComponent("x.sqlite").path
        let sample = SharedData.projectRoot.appendingPathComponent("data/sample-town/streets.geojson").path
        XCTAssertEqual(try run(["streets", "import", sample, "--db", db]).status, 0)
        let before = try run(["streets", "info", "--db", db]).stdout

        let bad = directory.appendingPathComponent("bad.geojson")
        let text =
            #"{"type":"FeatureCollection","features":["#
            + #"{"type":"Feature","id":"L9","properties":{"highway":"residential"},"#
            + #""geometry":{"type":"LineString","coordinates":[[354420.89,185691.22],[354423.67,185589.51]]}}]}"#
        try Data(text.utf8).write(to: bad)
        let failed = try run(["streets", "import", bad.path, "--db", db])
        XCTAssertEqual(failed.status, 4)
        XCTAssertTrue(failed.stderr.contains("feature 0 (id L9)"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("British National Grid"), failed.stderr)
        XCTAssertEqual(try run(["streets", "info", "--db", db]).stdout, before)

        let csv = directory.appendingPathComponent("streets.csv")
        try Data("a,b\n1,2\n".utf8).write(to: csv)
        XCTAssertEqual(try run(["streets", "import", csv.path, "--db", db]).status, 4)
        XCTAssertEqual(try run(["streets", "info", "--db", db]).stdout, before)

        XCTAssertEqual(
            try run(["streets", "info", "--db", directory.appendingPathComponent("none.sqlite").path]).status, 3)
        XCTAssertEqual(try run(["streets", "import", "/no/such/file.geojson", "--db", db]).status, 2)
        XCTAssertEqual(try run(["route", "--db", db, "--from", "nowhere", "--to", "-2.80,52.54"]).status, 2)
        let swapped = try run(["route", "--db", db, "--from", "52.5310,-2.8080", "--to", "-2.80,52.54"])
        XCTAssertEqual(swapped.status, 2)
        XCTAssertTrue(swapped.stderr.contains("looks like LAT,LON; write LON first: -2.808,52.531"), swapped.stderr)
        XCTAssertEqual(try run(["streets", "import", sample, "--db", db, "--crs", "EPSG:4326"]).status, 4)
        let far = try run(["route", "--db", db, "--from", "-2.0,52.54", "--to", "-2.8016,52.5420"])
        XCTAssertEqual(far.status, 4)
        XCTAssertTrue(far.stderr.contains("more than 500 m from any street"), far.stderr)
        XCTAssertEqual(
            try run(["route", "--db", db, "--from", "-2.0,52.54", "--to", "-2.8016,52.5420", "--max-snap", "-1"])
                .status, 2)
    }

    func testPlacesComeFromTheStreetFileOrFromAPlacesFile() throws {
        let db = directory.appendingPathComponent("places.sqlite").path
        let sample = SharedData.projectRoot.appendingPathComponent("data/sample-town/streets.geojson").path
        let own = try run(["streets", "import", sample, "--db", db])
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertTrue(own.stdout.contains("places: 7 named settlements\n"), own.stdout)
        // Another file's places replace them; a wrong places file is refused before any work.
        let other = directory.appendingPathComponent("places.geojson")
        let minton =
            #"{"type":"Feature","properties":{"place":"village","name":"Minton"},"#
            + #""geometry":{"type":"Point","coordinates":[-2.83,52.52]}}"#
        try Data((#"{"type":"FeatureCollection","features":["# + minton + "]}").utf8).write(to: other)
        let fresh = directory.appendingPathComponent("fresh.sqlite").path
        let replaced = try run(["streets", "import", sample, "--db", fresh, "--places", other.path])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(replaced.stdout.contains("places: 1 named settlements from places.geojson"), replaced.stdout)
        XCTAssertEqual(try run(["streets", "import", sample, "--db", fresh, "--places", "nowhere.pbf"]).status, 2)
        let junk = directory.appendingPathComponent("junk.osm.pbf")
        try Data([0, 0, 0, 13, 0x0a, 9] + Array("OSMHeader".utf8) + [0x18, 0x7f]).write(to: junk)
        let bad = try run(["streets", "import", sample, "--db", fresh, "--places", junk.path])
        XCTAssertEqual(bad.status, 4, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("junk.osm.pbf"), bad.stderr)
    }
}
