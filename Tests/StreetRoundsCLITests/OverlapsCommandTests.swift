import Foundation
import Geometry
import TestSupport
import XCTest

/// End-to-end: the cron job's command, its formats, state and exit codes.
final class OverlapsCommandTests: CLITestCase {


    func testFormatsAndGroupingByStreet() throws {
        let db = try sampleDatabase()
        let text = try run(["overlaps", "--db", db, "--week", "2026-W48"])
        XCTAssertEqual(text.status, 1, text.stderr)
        // High Street's 14 segments: one line for the duplicate sweeping, not 14.
        // The sample town names no places: a grid reference and the nearest depot locate the street.
        XCTAssertTrue(text.stdout.contains("High Street, SO 45 93, nearest depot Market cross meeting point (14 segments, 1.40 km)"),
                      text.stdout)
        let dup = text.stdout.split(separator: "\n").filter { $0.contains("duplicate: sweeping by county-council (CC-SW-001) and sweeping by town-council (TC-002)") }
        XCTAssertEqual(dup.count, 1)
        XCTAssertTrue(dup[0].contains("on 14 segments"), String(dup[0]))
        XCTAssertTrue(text.stdout.contains("conflict: sweeping by county-council (CC-SW-001) and gritting by highways-contractor (HC-GR-002)"), text.stdout)
        // JSON lists every segment; CSV has a row per finding.
        let json = try JSONParser.parse(try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "json"]).stdout)
        let findings = try XCTUnwrap(json["findings"]?.array)
        XCTAssertEqual(findings.filter { $0["kind"]?.string == "duplicate" && $0["task_ids"] == ["CC-SW-001", "TC-002"] }.count, 14)
        let csv = try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "csv"]).stdout.split(separator: "\n")
        XCTAssertEqual(csv.count, findings.count + 1)
        XCTAssertTrue(csv[0].hasPrefix("key,kind,segment_id,street"))
        // --org keeps only findings that involve it.
        let org = try JSONParser.parse(try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "json", "--org", "litter-volunteers"]).stdout)
        XCTAssertTrue(org["findings"]!.array!.allSatisfy { $0["organisations"]!.array!.contains("litter-volunteers") })
        XCTAssertFalse(org["findings"]!.array!.isEmpty)
    }

    func testNewOnlyReportsEachFindingOnceAndIsSilentAfter() throws {
        let db = try sampleDatabase(submitting: CLITestCase.partners.filter { $0 != "litter-volunteers" })
        let first = try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only", "--format", "json"])
        XCTAssertEqual(first.status, 1)
        let firstKeys = Set(try JSONParser.parse(first.stdout)["findings"]!.array!.map { $0["key"]!.string! })
        let second = try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only"])
        XCTAssertEqual(second.status, 0)
        XCTAssertEqual(second.stdout, "")  // silent for cron
        // A new partner list: only the findings it brings are new.
        XCTAssertEqual(try run(["tasks", "submit", "data/sample-town/tasks/litter-volunteers.geojson", "--org", "litter-volunteers", "--db", db]).status, 0)
        let third = try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only", "--format", "json"])
        XCTAssertEqual(third.status, 1)
        let thirdFindings = try JSONParser.parse(third.stdout)["findings"]!.array!
        XCTAssertFalse(thirdFindings.isEmpty)
        XCTAssertTrue(thirdFindings.allSatisfy { $0["organisations"]!.array!.contains("litter-volunteers") })
        XCTAssertTrue(firstKeys.isDisjoint(with: thirdFindings.map { $0["key"]!.string! }))
    }

    func testTwoRunsAtOnceNeitherDoubleReportNorLoseState() throws {
        let db = try sampleDatabase()
        let all = Set(try JSONParser.parse(try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "json"]).stdout)["findings"]!.array!.map { $0["key"]!.string! })
        // Two processes started together, then both awaited.
        let runs = (0..<2).map { _ -> (Process, Pipe) in
            let process = Process(), pipe = Pipe()
            process.executableURL = binary
            process.arguments = ["overlaps", "--db", db, "--week", "2026-W48", "--new-only", "--format", "csv"]
            process.currentDirectoryURL = SharedData.projectRoot
            process.standardOutput = pipe
            return (process, pipe)
        }
        for (process, _) in runs { try process.run() }
        let outputs = runs.map { process, pipe -> String in
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        let keys = outputs.map { Set($0.split(separator: "\n").dropFirst().map { String($0.prefix(16)) }) }
        XCTAssertEqual(keys[0].union(keys[1]), all)
        XCTAssertTrue(keys[0].isDisjoint(with: keys[1]))
        XCTAssertEqual(try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only"]).status, 0)
    }

    func testExitCodes() throws {
        let db = try sampleDatabase()
        XCTAssertEqual(try run(["overlaps", "--db", db, "--week", "2026-W48"]).status, 1)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--from", "2026-07-05", "--to", "2026-07-05"]).status, 0)  // a Sunday in July: nobody shares a street
        XCTAssertEqual(try run(["overlaps", "--db", db, "--week", "2026-W99"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--week", "2026-W48", "--from", "2026-11-23", "--to", "2026-11-29"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--from", "2026-11-30", "--to", "2026-11-23"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--format", "xml"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--org", "nobody"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", directory.appendingPathComponent("none.sqlite").path]).status, 3)
        let notADatabase = directory.appendingPathComponent("junk.sqlite")
        try Data("this is not a database, it is some text of a reasonable length".utf8).write(to: notADatabase)
        XCTAssertEqual(try run(["overlaps", "--db", notADatabase.path]).status, 3)
    }
}
