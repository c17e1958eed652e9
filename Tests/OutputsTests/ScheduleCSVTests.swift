import Foundation
import Outputs
import Planning
import TestSupport
import Works
import XCTest

/// schedule.csv read back by a strict RFC 4180 reader (Python's csv module
/// in strict mode): every row as wide as the header, units in the quantity
/// headers, the driven and served columns adding up to each round's
/// distance, and hostile task ids neutralised.
final class ScheduleCSVTests: XCTestCase {
    func rows(_ text: String) throws -> [[String]] {
        guard let python = installedTool("python3") else { throw XCTSkip("python3 is not installed") }
        let file = scratchFolder().appendingPathComponent("schedule.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let script =
            "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline=''), strict=True))))"
        let result = try runProcess(python, ["-c", script, file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try XCTUnwrap(json as? [[String]])
    }

    func testRowsAddUpToEachRound() throws {
        let s = try PlannedSample.make("2026-W48")
        let table = try rows(ScheduleCSV.text(s.shared, week: s.week, network: s.drawing.network))
        let header = try XCTUnwrap(table.first)
        XCTAssertEqual(header, ScheduleCSV.columns)
        XCTAssertTrue(table.allSatisfy { $0.count == header.count })
        for name in ["arrival", "departure", "service", "driven", "served"] {
            let column = try XCTUnwrap(header.first { $0.contains(name) })
            XCTAssertTrue(
                ["_min", "_km", "_hh_mm_europe_london"].contains { column.hasSuffix($0) }, "unit in \(column)")
        }
        let col = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        for r in s.shared.rounds {
            let mine = table.dropFirst().filter { $0[col["round"]!] == r.id }
            XCTAssertEqual(mine.count, r.stops.count + 1, "a row per stop and the drive back")
            let km = mine.reduce(0.0) {
                $0 + Double($1[col["driven_to_reach_km"]!])! + Double($1[col["length_served_km"]!])!
            }
            XCTAssertEqual(km, r.metres / 1000, accuracy: 0.001 * Double(mine.count), r.id)
            let day = try XCTUnwrap(r.day)
            XCTAssertTrue(
                mine.allSatisfy {
                    $0[col["date_yyyy_mm_dd"]!] == LondonTime.dateText(s.week, day)
                        && $0[col["iso_week"]!] == "2026-W48"
                })
        }
    }

    /// A broken order rule is written on its rounds' stops at its street and
    /// day, and nowhere else (a round id it names that is not in the plan marks nothing).
    func testAnOrderConflictIsWrittenOnItsStops() throws {
        var s = try PlannedSample.make("2026-W48")
        let round = try XCTUnwrap(s.shared.rounds.first { $0.day != nil && !$0.stops.isEmpty })
        let day = try XCTUnwrap(round.day)
        let segment = round.stops[0].visit.segment
        s.shared.orderConflicts = [
            OrderConflict(
                day: day, segment: segment, street: "High Street", first: "grass_cutting", then: "sweeping",
                reason: "=crew busy", rounds: [round.id, "no-such-round"])
        ]
        let table = try rows(ScheduleCSV.text(s.shared, week: s.week, network: s.drawing.network))
        let col = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
        let marked = table.dropFirst().filter { !$0[col["order_conflict"]!].isEmpty }
        XCTAssertEqual(
            marked.map { [$0[col["round"]!], $0[col["segment_id"]!], $0[col["day"]!]] },
            [[round.id, String(segment), day.code]])
        let text = try XCTUnwrap(marked.first?[col["order_conflict"]!])
        XCTAssertTrue(text.hasPrefix("grass_cutting should come before sweeping here: "), text)
        XCTAssertTrue(text.hasSuffix(": =crew busy"), text)
        XCTAssertEqual(
            try rows(ScheduleCSV.text(s.baseline, week: s.week, network: s.drawing.network)).dropFirst()
                .filter { !$0[col["order_conflict"]!].isEmpty }, [], "none when every rule is kept")
    }

    /// A night round that starts at 23:50: its stops after midnight carry the next day's date, the
    /// round's day and id stay.
    func testStopsAfterMidnightHaveTheNextDaysDate() throws {
        var s = try PlannedSample.make("2026-W48")
        let k = try XCTUnwrap(s.shared.rounds.firstIndex { $0.day == .monday && $0.seconds > 1200 })
        s.shared.rounds[k].startMinutes = 23 * 60 + 50
        let round = s.shared.rounds[k]
        let table = try rows(ScheduleCSV.text(s.shared, week: s.week, network: s.drawing.network))
        let col = Dictionary(uniqueKeysWithValues: table[0].enumerated().map { ($1, $0) })
        let mine = table.dropFirst().filter { $0[col["round"]!] == round.id }
        let arrivals = round.stops.map(\.arrival) + [round.seconds]
        XCTAssertEqual(mine.count, arrivals.count)
        for (row, arrival) in zip(mine, arrivals) {
            let date = arrival >= 600 ? "2026-11-24" : "2026-11-23"
            XCTAssertEqual(row[col["date_yyyy_mm_dd"]!], date, "arrival \(arrival) s after 23:50")
            XCTAssertEqual(row[col["day"]!], "mon")
        }
        XCTAssertTrue(mine.contains { $0[col["date_yyyy_mm_dd"]!] == "2026-11-24" }, "the round runs past midnight")
        XCTAssertEqual(LondonTime.dateText(s.week, .sunday, minutes: 1440), "2026-11-30", "into the next week")
    }

    func testFormulaTaskIDsAreNeutralised() throws {
        let hostile = "=HYPERLINK(\"http://x\",\"y\")"
        let s = try PlannedSample.make("2026-W48", renaming: ["TC-001": hostile, "CC-SW-001": "+1-2"])
        let table = try rows(ScheduleCSV.text(s.shared, week: s.week, network: s.drawing.network))
        let ids = table.dropFirst().map { $0[12] }
        XCTAssertTrue(ids.contains { $0.contains(hostile) }, "the renamed task is in the plan")
        XCTAssertFalse(
            table.joined().contains { ["=", "+", "-", "@"].contains($0.first.map(String.init) ?? "") },
            "no cell starts a formula")
    }
}

final class CSVTextTests: XCTestCase {
    func testCellsThatWouldRunAsFormulasGetAnApostrophe() {
        XCTAssertEqual(CSVText.cell("=1+2"), "'=1+2")
        XCTAssertEqual(CSVText.cell("+44 1694"), "'+44 1694")
        XCTAssertEqual(CSVText.cell("-3"), "'-3")
        XCTAssertEqual(CSVText.cell("  =1+2"), "'  =1+2", "after spaces a spreadsheet may trim")
        XCTAssertEqual(CSVText.cell("\u{A0}@SUM(A1)"), "'\u{A0}@SUM(A1)")
        XCTAssertEqual(CSVText.cell(" Mill Lane"), " Mill Lane")
        XCTAssertEqual(CSVText.cell("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVText.cell("\tx"), "'\tx")
        XCTAssertEqual(CSVText.cell("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSVText.cell("=HYPERLINK(\"a\",\"b\")"), "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"")
        XCTAssertEqual(CSVText.cell("High Street"), "High Street")
        XCTAssertEqual(CSVText.cell("Meadow Way, east"), "\"Meadow Way, east\"")
        XCTAssertEqual(CSVText.cell(""), "")
        XCTAssertEqual(CSVText.number(-1.25, digits: 1), "-1.2")
    }
}
