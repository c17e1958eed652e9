import Foundation
import TestSupport
import XCTest

/// Hostile files through the CLI: each ends with exit 4 and a message naming the problem, never a crash
/// (exit 5 or a signal), and the database is left as it was.
final class HostileInputCommandTests: CLITestCase {
    func write(_ name: String, _ bytes: Data) throws -> String {
        let url = directory.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    func assertBadInput(
        _ arguments: [String], _ part: String,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let result = try run(arguments)
        XCTAssertEqual(result.status, 4, "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains(part), "\(result.stderr) lacks \(part)", file: file, line: line)
    }

    func street(_ coordinates: String, _ name: String = "\"High Street\"") -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"highway\":\"residential\","
            + "\"name\":\(name)},\"geometry\":{\"type\":\"LineString\",\"coordinates\":\(coordinates)}}]}"
    }

    func testStreetFiles() throws {
        let db = directory.appendingPathComponent("s.sqlite").path
        let cases: [(String, String)] = [
            (street("[[-0.7,52.6],[-0.71,52.6]]", #""\ud800""#), "lone UTF-16 high surrogate"),
            (street("[[-0.7,52.6],[1e400,52.6]]"), "too large to represent"),
            (street("[[52.6698,-0.7275],[52.6699,-0.7214]]"), "swap the axes"),
            (street("[[-0.7,52.6],[-0.71,52.6]]", "\"a\", \"name\": \"b\""), "duplicate member name"),
            ("{\"type\":" + String(repeating: "[", count: 10_000), "nesting deeper than 512"),
            (street("[[\"NaN\",52.6],[-0.71,52.6]]"), "got [\"NaN\",52.6]"),
            (street("[[-0.7],[-0.71,52.6]]"), "got [-0.7]"),
            (
                street("[]").replacingOccurrences(of: "LineString", with: "MultiLineString"),
                "1 MultiLineString of no lines"
            )
        ]
        for (k, (text, part)) in cases.enumerated() {
            try assertBadInput(["streets", "import", try write("s\(k).geojson", text), "--db", db], part)
        }
        // A street 30,000 km long between junctions (a projected file in the wrong unit, say).
        let long = """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:27700"}},"features":[
            {"type":"Feature","properties":{"highway":"residential"},
            "geometry":{"type":"LineString","coordinates":[[400000,300000],[400000,30300000]]}}]}
            """
        try assertBadInput(["streets", "import", try write("long.geojson", long), "--db", db], "between two junctions")
        // A NUL in a name no longer cuts it when stored, nor a control character reaches the outputs.
        let nul = street("[[-0.70,52.6],[-0.69,52.6]]", #""High Street\u0000 (closed\u000bTuesdays)""#)
        let nulDB = directory.appendingPathComponent("nul.sqlite").path
        XCTAssertEqual(try run(["streets", "import", try write("nul.geojson", nul), "--db", nulDB]).status, 0)
        let info = try run(["route", "--db", nulDB, "--from", "-0.6999,52.6", "--to", "-0.6901,52.6"])
        XCTAssertTrue(info.stdout.contains("High Street  (closed Tuesdays)"), info.stdout)
        // A slow maxspeed is no speed: the class's default, and routing along it works (it trapped).
        let slow = street("[[-0.70,52.6],[-0.69,52.6]]").replacingOccurrences(
            of: "\"residential\"", with: "\"residential\",\"maxspeed\":\"0.0001\"")
        let slowImport = try run(["streets", "import", try write("slow.geojson", slow), "--db", db])
        XCTAssertEqual(slowImport.status, 0, slowImport.stderr)
        XCTAssertTrue(
            slowImport.stdout.contains(
                "maxspeed not read as a speed on 1 line (their road class's default used): "
                    + "\"0.0001\" 1"), slowImport.stdout)
        let route = try run(["route", "--db", db, "--from", "-0.6999,52.6", "--to", "-0.6901,52.6"])
        XCTAssertEqual(route.status, 0, route.stderr)
        let utf16 = try write("utf16.geojson", street("[[-0.7,52.6],[-0.71,52.6]]").data(using: .utf16) ?? Data())
        try assertBadInput(["streets", "import", utf16, "--db", db], "UTF-16 text; GeoJSON is UTF-8")
        try assertBadInput(["streets", "import", directory.path, "--db", db], "is a folder")
        // "Café" in Latin-1: é is the single byte 0xE9, which is not UTF-8.
        let latin1 = street("[[-0.7,52.6],[-0.71,52.6]]", "\"Caf\u{E9}\"").utf8
            .filter { $0 != 0xC3 }.map { $0 == 0xA9 ? 0xE9 : $0 }
        let invalid = try write("latin1.geojson", Data(latin1))
        let result = try run(["streets", "import", invalid, "--db", db])
        XCTAssertEqual(result.status, 4, result.stderr)
        XCTAssertTrue(result.stderr.contains("invalid UTF-8"), result.stderr)
    }

    func testTaskListsAndCARPFiles() throws {
        let db = try sampleDatabase(submitting: [])
        let list = { (properties: String) in
            "{\"type\":\"FeatureCollection\",\"organisation\":\"town-council\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":null,\"properties\":{\"activity\":\"sweeping\",\"frequency\":\"weekly\","
                + "\(properties)}}]}"
        }
        try assertBadInput(
            [
                "tasks", "submit", try write("a.geojson", list(#""task_id":"T1","segment_ids":[1e19]"#)),
                "--org", "town-council", "--db", db
            ], "segment_ids")
        try assertBadInput(
            [
                "tasks", "submit", try write("b.geojson", list(#""task_id":"T1\u0000x","usrn":"1""#)),
                "--org", "town-council", "--db", db
            ], "U+0000")
        let carp =
            " NOMBRE : x\n VERTICES : -5\n CAPACIDAD : 5\n LISTA_ARISTAS_REQ :\n"
            + " ( 1, 2)  coste 3 demanda 1\n DEPOSITO : 1\n"
        try assertBadInput(["carp", try write("x.dat", carp)], "VERTICES -5")
        let negative = carp.replacingOccurrences(of: "-5", with: "2")
            .replacingOccurrences(of: "demanda 1", with: "demanda -1")
        try assertBadInput(["carp", try write("y.dat", negative)], "negative cost or demand")
        XCTAssertFalse(try run(["tasks", "list", "--db", db]).stdout.contains("town-council:"), "nothing was stored")
    }
}
