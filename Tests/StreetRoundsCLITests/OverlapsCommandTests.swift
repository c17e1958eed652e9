import Foundation
import Geometry
import JSON
import TestSupport
import XCTest

/// End-to-end: the cron job's command, its formats, state and exit codes.
final class OverlapsCommandTests: CLITestCase {

    func testFormatsAndGroupingByStreet() throws {
        let db = try sampleDatabase()
        let text = try run(["overlaps", "--db", db, "--week", "2026-W48"])
        XCTAssertEqual(text.status, 1, text.stderr)
        // High Street's 14 segments: one line for the duplicate sweeping, not 14.
        // The street file's place nodes name the town the street lies in.
        XCTAssertTrue(text.stdout.contains("High Street, Stretton Magna (14 segments, 1.40 km)"), text.stdout)
        let dup = text.stdout.split(separator: "\n").filter {
            $0.contains("duplicate: sweeping by county-council (CC-SW-001) and sweeping by town-council (TC-002)")
        }
        XCTAssertEqual(dup.count, 1)
        XCTAssertTrue(dup[0].contains("on 14 segments"), String(dup[0]))
        XCTAssertTrue(
            text.stdout.contains(
                "conflict: sweeping by county-council (CC-SW-001) and gritting by highways-contractor (HC-GR-002)"),
            text.stdout)
        // JSON lists every segment; CSV has a row per finding.
        let json = try JSONParser.parse(
            try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "json"]).stdout)
        let findings = try XCTUnwrap(json["findings"]?.array)
        XCTAssertEqual(
            findings.filter { $0["kind"]?.string == "duplicate" && $0["task_ids"] == ["CC-SW-001", "TC-002"] }.count, 14
        )
        let csv = try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "csv"]).stdout.split(
            separator: "\n")
        XCTAssertEqual(csv.count, findings.count + 1)
        XCTAssertTrue(csv[0].hasPrefix("key,kind,segment_id,street"))
        // --org keeps only findings that involve it.
        let org = try JSONParser.parse(
            try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "json", "--org", "litter-volunteers"])
                .stdout)
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
        XCTAssertEqual(
            try run([
                "tasks", "submit", "data/sample-town/tasks/litter-volunteers.geojson", "--org", "litter-volunteers",
                "--db", db
            ]).status, 0)
        let third = try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only", "--format", "json"])
        XCTAssertEqual(third.status, 1)
        let thirdFindings = try JSONParser.parse(third.stdout)["findings"]!.array!
        XCTAssertFalse(thirdFindings.isEmpty)
        XCTAssertTrue(thirdFindings.allSatisfy { $0["organisations"]!.array!.contains("litter-volunteers") })
        XCTAssertTrue(firstKeys.isDisjoint(with: thirdFindings.map { $0["key"]!.string! }))
    }

    func testTwoRunsAtOnceNeitherDoubleReportNorLoseState() throws {
        let db = try sampleDatabase()
        let all = Set(
            try JSONParser.parse(try run(["overlaps", "--db", db, "--week", "2026-W48", "--format", "json"]).stdout)[
                "findings"]!.array!.map { $0["key"]!.string! })
        // Two processes started together, then both awaited.
        let runs = (0..<2).map { _ -> (Process, Pipe) in
            let process = Process()
            let pipe = Pipe()
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
        // a Sunday in July: nobody shares a street, and the text says so (not silent)
        let sunday = try run(["overlaps", "--db", db, "--from", "2026-07-05", "--to", "2026-07-05"])
        XCTAssertEqual(sunday.status, 0)
        XCTAssertTrue(sunday.stdout.hasPrefix("No overlaps in "), sunday.stdout)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--week", "2026-W99"]).status, 2)
        XCTAssertEqual(
            try run(["overlaps", "--db", db, "--week", "2026-W48", "--from", "2026-11-23", "--to", "2026-11-29"])
                .status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--from", "2026-11-30", "--to", "2026-11-23"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--format", "xml"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", db, "--org", "nobody"]).status, 2)
        XCTAssertEqual(try run(["overlaps", "--db", directory.appendingPathComponent("none.sqlite").path]).status, 3)
        let notADatabase = directory.appendingPathComponent("junk.sqlite")
        try Data("this is not a database, it is some text of a reasonable length".utf8).write(to: notADatabase)
        XCTAssertEqual(try run(["overlaps", "--db", notADatabase.path]).status, 3)
    }

    // MARK: - Streets located, keys kept

    func testJSONAndCSVCarryTheLocatedStreetGroup() throws {
        let db = try sampleDatabase()
        let week = ["--week", "2026-W48"]
        let json = try JSONParser.parse(try run(["overlaps", "--db", db, "--format", "json"] + week).stdout)
        let streets = try XCTUnwrap(json["streets"]?.array)
        XCTAssertEqual(
            streets.compactMap { $0["label"]?.string }.sorted(),
            ["High Street, Stretton Magna", "Station Road, Stretton Magna"])
        let ids = Set(streets.compactMap { $0["id"]?.string })
        for street in streets {
            let box = try XCTUnwrap(street["bbox"]?.array?.compactMap(\.number))
            let centroid = try XCTUnwrap(street["centroid"]?.array?.compactMap(\.number))
            XCTAssertEqual(box.count, 4)
            XCTAssertTrue(box[0] <= centroid[0] && centroid[0] <= box[2])
            XCTAssertTrue(box[1] <= centroid[1] && centroid[1] <= box[3])
            XCTAssertEqual(street["place"]?.string, "Stretton Magna")
        }
        let findings = try XCTUnwrap(json["findings"]?.array)
        XCTAssertTrue(findings.allSatisfy { ids.contains($0["segment"]?["street_group"]?.string ?? "") })
        // The same data imported again gives the same ids.
        let again = try sampleDatabase(name: "again.sqlite")
        let json2 = try JSONParser.parse(try run(["overlaps", "--db", again, "--format", "json"] + week).stdout)
        XCTAssertEqual(Set(try XCTUnwrap(json2["streets"]?.array).compactMap { $0["id"]?.string }), ids)
        let csv = try run(["overlaps", "--db", db, "--format", "csv"] + week).stdout.split(separator: "\n")
        XCTAssertTrue(csv[0].hasSuffix(",reason,place,street_group"), String(csv[0]))
        XCTAssertTrue(csv.dropFirst().allSatisfy { $0.contains(",Stretton Magna,") }, String(csv[1]))
    }

    /// The keys of the sample week as the release before street groups
    /// reported them (Expected/sample-overlap-keys-2026-W48.csv, written by
    /// that build's `overlaps --format csv`): a cron database that recorded
    /// them reports none of them again.
    func testKeysAreTheOnesReportedBeforeStreetGroups() throws {
        let expected = try String(
            contentsOf: SharedData.projectRoot.appendingPathComponent(
                "Tests/StreetRoundsCLITests/Expected/sample-overlap-keys-2026-W48.csv"),
            encoding: .utf8)
        let before = expected.split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(before.count, 127)
        let db = try sampleDatabase()
        let now = try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only", "--format", "csv"])
        XCTAssertEqual(now.status, 1, now.stderr)
        let rows = now.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",").prefix(3).joined(separator: ",")
        }
        XCTAssertEqual(Set(rows), Set(before))
    }

    // MARK: - At-least-once reporting

    /// How a run into a failing output ended.
    private struct FailedRun {
        var status: Int32
        var signalled: Bool
        var stderr: String
    }

    /// Runs `overlaps --new-only` with its standard output on `output`.
    private func newOnly(_ db: String, into output: FileHandle) throws -> FailedRun {
        let process = Process()
        let err = Pipe()
        process.executableURL = binary
        process.arguments = ["overlaps", "--db", db, "--week", "2026-W48", "--new-only"]
        process.currentDirectoryURL = SharedData.projectRoot
        process.standardOutput = output
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return FailedRun(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stderr: message)
    }

    /// After a failed write, the next run reports every finding again.
    private func assertNothingWasMarked(_ db: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let next = try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only", "--format", "csv"])
        XCTAssertEqual(next.status, 1, next.stderr, file: file, line: line)
        // The header and all 127 findings.
        XCTAssertEqual(next.stdout.split(separator: "\n").count, 128, file: file, line: line)
    }

    func testAReportIntoAFullDeviceExitsNonZeroAndMarksNothing() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
        let db = try sampleDatabase()
        let result = try newOnly(db, into: full)
        XCTAssertFalse(result.signalled)
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertTrue(result.stderr.contains("No space left on device"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was marked as reported"), result.stderr)
        try assertNothingWasMarked(db)
    }

    func testAReportIntoAPipeNobodyReadsExitsNonZeroAndMarksNothing() throws {
        let db = try sampleDatabase()
        // A pipe into `false`: the reader has exited before the report is written.
        let pipe = Pipe()
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/false")
        reader.standardInput = pipe
        try reader.run()
        reader.waitUntilExit()
        try pipe.fileHandleForReading.close()
        let result = try newOnly(db, into: pipe.fileHandleForWriting)
        XCTAssertFalse(result.signalled, "killed by SIGPIPE before it could decide")
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertTrue(result.stderr.contains("Broken pipe"), result.stderr)
        try assertNothingWasMarked(db)
        // And a report that is written marks them: the run after is silent.
        XCTAssertEqual(try run(["overlaps", "--db", db, "--week", "2026-W48", "--new-only"]).status, 0)
    }
}
