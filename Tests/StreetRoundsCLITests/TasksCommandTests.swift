import Foundation
import Geometry
import JSON
import TestSupport
import XCTest

/// End-to-end: task lists through the built binary.
final class TasksCommandTests: CLITestCase {

    private func sample(_ path: String) -> String {
        SharedData.projectRoot.appendingPathComponent("data/sample-town/\(path)").path
    }

    func testSubmitListExportAndResubmitTheExport() throws {
        let db = try sampleDatabase(submitting: [])
        let submitted = try run([
            "tasks", "submit", sample("tasks/town-council.geojson"), "--org", "town-council", "--db", db
        ])
        XCTAssertEqual(submitted.status, 0, submitted.stderr)
        XCTAssertTrue(submitted.stdout.contains("5 tasks, matched to"), submitted.stdout)
        let nobody = try run(["tasks", "list", "--db", db, "--org", "nosuch"])
        XCTAssertEqual(nobody.status, 4, "an organisation the store does not know: \(nobody.stdout)")
        XCTAssertTrue(nobody.stderr.contains("no organisation nosuch"), nobody.stderr)
        let device = try run(["tasks", "list", "--db", db, "--org", "county-council", "--registry", "/dev/null"])
        XCTAssertEqual(device.status, 4, device.stderr)
        XCTAssertTrue(device.stderr.contains("found the end of the file"), "not 'permission': \(device.stderr)")
        let listed = try run(["tasks", "list", "--db", db])
        XCTAssertTrue(listed.stdout.contains("TC-001  litter_picking  daily mon,tue,wed,thu,fri,sat"), listed.stdout)
        // Export, then submit the export: the same tasks on the same segments.
        let exported = directory.appendingPathComponent("export.geojson").path
        XCTAssertEqual(try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", exported]).status, 0)
        let first = try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: exported)))
        XCTAssertEqual(first["features"]?.array?.count, 5)
        let again = try run(["tasks", "submit", exported, "--org", "town-council", "--db", db])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(
            try run(["tasks", "list", "--db", db]).stdout.split(separator: "\n").prefix(6),
            listed.stdout.split(separator: "\n").prefix(6))
        let second = directory.appendingPathComponent("export2.geojson").path
        XCTAssertEqual(try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", second]).status, 0)
        XCTAssertEqual(try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: second))), first)
        // History: two submissions.
        let history = try run(["tasks", "list", "--db", db]).stdout
        XCTAssertTrue(history.contains("town-council  town-council.geojson  5 tasks"), history)
        XCTAssertTrue(history.contains("town-council  export.geojson  5 tasks"), history)
    }

    /// A monthly task's week of the month goes through submit, list and export.
    func testTheWeekOfAMonthlyTaskIsKeptAndShown() throws {
        let db = try sampleDatabase(submitting: [])
        let file = directory.appendingPathComponent("monthly.geojson")
        func feature(_ id: String, _ extra: String) -> String {
            """
            {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[-2.808, 52.531], [-2.808, 52.532]]},
             "properties": {"task_id": "\(id)", "activity": "weed_control", "frequency": "monthly"\(extra)}}
            """
        }
        try Data(
            """
            {"type": "FeatureCollection", "organisation": "town-council", "features": [
            \(feature("M4", #", "cycle_week": 4"#)), \(feature("M1", ""))]}
            """.utf8
        ).write(to: file)
        let submitted = try run(["tasks", "submit", file.path, "--org", "town-council", "--db", db])
        XCTAssertEqual(submitted.status, 0, submitted.stderr)
        let listed = try run(["tasks", "list", "--db", db]).stdout
        XCTAssertTrue(listed.contains("M4  weed_control  monthly, week 4 mon,tue,wed,thu,fri"), listed)
        XCTAssertTrue(listed.contains("M1  weed_control  monthly mon,tue,wed,thu,fri"), listed)
        let exported = directory.appendingPathComponent("export.geojson").path
        XCTAssertEqual(try run(["tasks", "export", "--db", db, "--org", "town-council", "--out", exported]).status, 0)
        let features = try XCTUnwrap(try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: exported)))["features"])
        XCTAssertEqual(
            features.array?.map { $0["properties"]?["cycle_week"] }, [nil, .number(4)], "M1, then M4: by task id")
    }

    func testARejectedListChangesNothingAndListsEveryProblem() throws {
        let db = try sampleDatabase(submitting: [])
        XCTAssertEqual(
            try run(["tasks", "submit", sample("tasks/town-council.geojson"), "--org", "town-council", "--db", db])
                .status, 0)
        let before = try run(["tasks", "list", "--db", db]).stdout
        let bad = directory.appendingPathComponent("bad.geojson")
        try Data(
            """
            {"type": "FeatureCollection", "organisation": "town-council", "features": [
             {"type": "Feature",
              "geometry": {"type": "LineString", "coordinates": [[-2.808, 52.531], [-2.808, 52.532]]},
              "properties": {"task_id": "X1", "activity": "sweping", "frequency": "weekly"}},
             {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-2.5, 52.3]},
              "properties": {"task_id": "X2", "activity": "sweeping", "frequency": "weekly",
                             "weekdays": ["mon", "xyz"]}}]}
            """.utf8
        ).write(to: bad)
        let rejected = try run(["tasks", "submit", bad.path, "--org", "town-council", "--db", db])
        XCTAssertEqual(rejected.status, 4)
        XCTAssertTrue(rejected.stderr.contains("2 problems; nothing was stored"), rejected.stderr)
        XCTAssertTrue(rejected.stderr.contains("feature 0 (task X1), property activity"), rejected.stderr)
        XCTAssertTrue(rejected.stderr.contains("feature 1 (task X2), property weekdays"), rejected.stderr)
        XCTAssertEqual(try run(["tasks", "list", "--db", db]).stdout, before)
        // Valid as a file, but the point is far from every street: a matching problem.
        try Data(
            String(decoding: try Data(contentsOf: bad), as: UTF8.self).replacingOccurrences(
                of: "sweping", with: "sweeping"
            )
            .replacingOccurrences(of: "\"xyz\"", with: "\"tue\"").utf8
        ).write(to: bad)
        XCTAssertEqual(try run(["tasks", "validate", bad.path]).status, 0)
        let unmatched = try run(["tasks", "validate", bad.path, "--db", db])
        XCTAssertEqual(unmatched.status, 4)
        XCTAssertTrue(
            unmatched.stderr.contains(
                "feature 1 (task X2), property geometry: the point is more than 50 m from any street"), unmatched.stderr
        )
        // Wrong organisation, missing database.
        XCTAssertEqual(
            try run(["tasks", "submit", sample("tasks/town-council.geojson"), "--org", "county-council", "--db", db])
                .status, 4)
        XCTAssertEqual(
            try run(["tasks", "list", "--db", directory.appendingPathComponent("none.sqlite").path]).status, 3)
        // Re-importing streets under matched tasks is refused, and says why.
        let reimport = try run(["streets", "import", sample("streets.geojson"), "--db", db])
        XCTAssertEqual(reimport.status, 4)
        XCTAssertTrue(reimport.stderr.contains("would orphan them"), reimport.stderr)
    }
}
