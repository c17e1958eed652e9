import Foundation
import Geometry
import JSON
import TestSupport
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end: `streetrounds plan` on the sample, and every output parses.
final class PlanCommandTests: CLITestCase {
    /// The stored schedule of the sample week planned with an iteration budget.
    static let golden = "Tests/StreetRoundsCLITests/Expected/sample-schedule.csv"

    /// Golden test (as VROOM diffs a solution file): the sample week planned
    /// with `--iterations` and no time limit gives the stored schedule.csv byte
    /// for byte, on any machine. After a change that is meant to change plans,
    /// run it with STREETROUNDS_UPDATE_EXPECTED=1 to store the new schedule,
    /// and say why in the commit.
    func testSampleWeekWithAnIterationBudgetGivesTheStoredSchedule() throws {
        let db = try sampleDatabase()
        let out = directory.appendingPathComponent("plan")
        // A tiny --seconds: the iteration budget lifts the time limit, so the plan cannot depend on it.
        let result = try run([
            "plan", "--db", db, "--week", "2026-W48", "--out", out.path, "--iterations", "40",
            "--seconds", "0.01"
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let made = try String(contentsOf: out.appendingPathComponent("schedule.csv"), encoding: .utf8)
        let stored = SharedData.projectRoot.appendingPathComponent(Self.golden)
        if ProcessInfo.processInfo.environment["STREETROUNDS_UPDATE_EXPECTED"] == "1" {
            try made.write(to: stored, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: stored, encoding: .utf8)
        XCTAssertGreaterThan(expected.split(separator: "\n").count, 10)
        XCTAssertTrue(made == expected, "schedule.csv differs from \(Self.golden); diff them to see where")
    }

    func testPlanWritesOutputsThatParse() throws {
        let db = try sampleDatabase()
        let out = directory.appendingPathComponent("plan")
        let result = try run([
            "plan", "--db", db, "--week", "2026-W48", "--out", out.path, "--iterations", "20", "--seconds", "30"
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("report: \(out.path)/report.html"), result.stdout)
        XCTAssertTrue(result.stdout.contains("sharing saves"), result.stdout)
        XCTAssertTrue(result.stderr.contains("plan: shared: routing 1 of"), "progress on stderr: \(result.stderr)")

        // GeoJSON: a LineString per round.
        let geojson = try JSONParser.parse(Data(contentsOf: out.appendingPathComponent("rounds.geojson")))
        let features = try XCTUnwrap(geojson["features"]?.array)
        XCTAssertFalse(features.isEmpty)
        XCTAssertTrue(
            features.allSatisfy {
                $0["geometry"]?["type"]?.string == "LineString"
                    && ($0["geometry"]?["coordinates"]?.array?.count ?? 0) >= 2
            })
        // savings.json: the figures add up.
        let savings = try JSONParser.parse(Data(contentsOf: out.appendingPathComponent("savings.json")))
        let saved = try XCTUnwrap(savings["savings"]?["money_gbp"]?.number)
        let split = try XCTUnwrap(savings["split"]?.array).reduce(0) { $0 + ($1["money_gbp"]?.number ?? 0) }
        XCTAssertEqual(split, saved, accuracy: 0.05)
        XCTAssertNotNil(savings["order_conflicts"]?.array, "order rules broken within a day listed, [] when none")
        XCTAssertEqual(
            (savings["baseline"]?["money_gbp"]?.number ?? 0) - (savings["shared"]?["money_gbp"]?.number ?? 0), saved,
            accuracy: 0.02)
        // CSV: a header and rows of the same width.
        let csv = try String(contentsOf: out.appendingPathComponent("schedule.csv"), encoding: .utf8).split(
            separator: "\n")
        XCTAssertTrue(csv[0].hasPrefix("date_yyyy_mm_dd,iso_week,day,round,crew"))
        XCTAssertGreaterThan(csv.count, 10)
        XCTAssertTrue(
            csv.allSatisfy {
                !$0.contains("\"") && $0.split(separator: ",", omittingEmptySubsequences: false).count == 19
            })
        // GPX: well-formed XML with a track, one file per round.
        let gpxFiles = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("gpx").path)
        XCTAssertEqual(gpxFiles.count, features.count)
        for name in gpxFiles {
            let parser = XMLParser(contentsOf: out.appendingPathComponent("gpx/\(name)"))!
            XCTAssertTrue(parser.parse(), "\(name): \(String(describing: parser.parserError))")
        }
        // iCalendar: balanced blocks, CRLF lines, an event per weekday round.
        let ics = try String(contentsOf: out.appendingPathComponent("schedule.ics"), encoding: .utf8)
        XCTAssertTrue(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        let events = ics.components(separatedBy: "BEGIN:VEVENT").count - 1
        XCTAssertEqual(events, ics.components(separatedBy: "END:VEVENT").count - 1)
        XCTAssertEqual(events, features.filter { $0["properties"]?["kind"]?.string == "weekday" }.count)
        try assertReportIsSelfContained(in: out, rounds: features.count)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("gritting-standby.ics").path))
    }

    /// report.html in `out`: self-contained, with the summary and a map per round.
    private func assertReportIsSelfContained(
        in out: URL, rounds: Int, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<h2>What sharing saves</h2>"), file: file, line: line)
        // A hidden street layer, the savings chart, the week's overview, then a map per round.
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, rounds + 3, file: file, line: line)
        XCTAssertEqual(
            html.components(separatedBy: "<figure class=\"map\">").count - 1, rounds + 1, file: file, line: line)
        XCTAssertEqual(
            html.components(separatedBy: "<ul class=\"legend\">").count - 1, rounds + 1, file: file, line: line)
        XCTAssertTrue(
            html.contains("Synthetic street data"), "the sample's credit says it is synthetic", file: file, line: line)
        XCTAssertFalse(html.contains("src=\"http"), "nothing fetched from the internet", file: file, line: line)
        XCTAssertFalse(html.contains("<script"), file: file, line: line)
    }

    /// Organisations imported into the database are the registry a command reads (before any file), with
    /// their crews' working days: a plan runs from another folder with nothing but the database.
    func testPlanReadsTheOrganisationsImportedIntoTheDatabase() throws {
        let db = try sampleDatabase()
        XCTAssertEqual(try run(["orgs", "import", "data/organisations.json", "--db", db]).status, 0)
        let elsewhere = directory.appendingPathComponent("nowhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("stored").path
        let planned = try runProcess(
            binary,
            [
                "plan", "--db", db, "--week", "2026-W48", "--out", out,
                "--iterations", "40", "--seconds", "0.01"
            ], currentDirectory: elsewhere)
        XCTAssertEqual(planned.status, 0, planned.stderr)
        // The same registry from the store as from the file: the golden schedule, crews' days included.
        let made = try String(contentsOfFile: out + "/schedule.csv", encoding: .utf8)
        let stored = try String(contentsOf: SharedData.projectRoot.appendingPathComponent(Self.golden), encoding: .utf8)
        XCTAssertTrue(made == stored, "a plan with the stored registry differs from one with the file")
    }

    func testPlanRunsFromAnyFolderWithTheRegistryBesideTheDatabase() throws {
        let db = try sampleDatabase()
        let elsewhere = directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let out = directory.appendingPathComponent("p").path
        let args = ["plan", "--db", db, "--week", "2026-W48", "--out", out, "--iterations", "5"]
        let missing = try runProcess(binary, args, currentDirectory: elsewhere)
        XCTAssertEqual(missing.status, 4)
        let looked = "no organisations.json found (looked at \(directory.path)/organisations.json"
        XCTAssertTrue(missing.stderr.contains(looked), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("--registry PATH"), missing.stderr)
        try FileManager.default.copyItem(
            at: SharedData.projectRoot.appendingPathComponent("data/organisations.json"),
            to: directory.appendingPathComponent("organisations.json"))
        let planned = try runProcess(binary, args, currentDirectory: elsewhere)
        XCTAssertEqual(planned.status, 0, planned.stderr)  // catalogue and compatibility table built in
        let version = try runProcess(binary, ["--version"], currentDirectory: elsewhere)
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// --export-carp writes each routing job as a CARPLIB file the carp command solves; a run that finds
    /// one of its names there writes none (and leaves that file alone); the --out folder is refused.
    func testRoutingJobsExportAsCARPLIBFilesThatSolve() throws {
        let db = try sampleDatabase()
        let carp = directory.appendingPathComponent("carp")
        let args = [
            "plan", "--db", db, "--week", "2026-W48", "--out", directory.appendingPathComponent("plan").path,
            "--iterations", "10", "--export-carp", carp.path
        ]
        let result = try run(args)
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: carp.path).sorted()
        XCTAssertGreaterThan(files.count, 5)
        XCTAssertTrue(files.allSatisfy { $0.hasSuffix(".dat") }, "\(files)")
        let first = carp.appendingPathComponent(files[0])
        let text = try String(contentsOf: first, encoding: .utf8)
        XCTAssertTrue(text.contains("LISTA_ARISTAS_NOREQ"), "the street graph as deadhead links")
        let solved = try run(["carp", first.path, "--iterations", "20"])
        XCTAssertEqual(solved.status, 0, solved.stderr)
        // Only the last of the week's names there: refused before anything is written.
        for file in files.dropLast() { try FileManager.default.removeItem(at: carp.appendingPathComponent(file)) }
        let again = try run(args)
        XCTAssertEqual(again.status, 4)
        XCTAssertTrue(again.stderr.contains("already holds \(files.last ?? "")"), again.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: carp.path), [files.last ?? ""])
        let inside = try run([
            "plan", "--db", db, "--week", "2026-W48", "--out", directory.appendingPathComponent("plan").path,
            "--iterations", "10", "--export-carp", directory.appendingPathComponent("plan/carp").path
        ])
        XCTAssertEqual(inside.status, 2, "the --out folder is replaced whole: \(inside.stderr)")
        XCTAssertTrue(inside.stderr.contains("is in the --out folder"), inside.stderr)
    }

    func testBadArgumentsAndAFailedPlanLeaveTheOutputsAlone() throws {
        let db = try sampleDatabase()
        XCTAssertEqual(try run(["plan", "--db", db, "--week", "2026-W60"]).status, 2)
        let typo = try run(["plan", "--db", db, "--week", "0026-W48"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("the year must be from 2000 to 2999"), typo.stderr)
        XCTAssertEqual(try run(["plan", "--db", db, "--week", "+026-W48"]).status, 2)
        let oldDate = try run(["plan", "--db", db, "--week", "1999-12-31"])
        XCTAssertTrue(oldDate.stderr.contains("the year must be from 2000 to 2999"), "not 'write 1999-W52'")
        XCTAssertEqual(try run(["plan", "--db", db, "--start", "25:00"]).status, 2)
        XCTAssertEqual(try run(["plan", "--db", db, "--iterations", "2000000000"]).status, 2, "no hours-long plan")
        // The example in the message is computed from what was written.
        let date = try run(["plan", "--db", db, "--week", "2026-06-01"])
        XCTAssertEqual(date.status, 2)
        XCTAssertTrue(date.stderr.contains("2026-06-01 is a date in 2026-W23; write 2026-W23"), date.stderr)
        let start = try run(["plan", "--db", db, "--start", "0730"])
        XCTAssertTrue(start.stderr.contains("write 07:30"), start.stderr)
        XCTAssertEqual(try run(["plan", "--db", directory.appendingPathComponent("none.sqlite").path]).status, 3)
        // A database with streets but no tasks: a clear error, and no outputs written.
        let empty = directory.appendingPathComponent("e.sqlite").path
        XCTAssertEqual(try run(["streets", "import", "data/sample-town/streets.geojson", "--db", empty]).status, 0)
        let out = directory.appendingPathComponent("plan")
        let failed = try run(["plan", "--db", empty, "--week", "2026-W48", "--out", out.path])
        XCTAssertEqual(failed.status, 4)
        XCTAssertTrue(failed.stderr.contains("holds no task lists"), failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
