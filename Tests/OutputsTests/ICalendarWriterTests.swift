import Foundation
import Planning
import TestSupport
import Works
import XCTest

@testable import Outputs

/// schedule.ics read back strictly: RFC 5545 line folding, CRLF, balanced
/// blocks, and the times of a summer (BST) and a winter (GMT) week.
final class ICalendarWriterTests: XCTestCase {
    /// A strict reader: CRLF only, every physical line at most 75 octets,
    /// unfolded content lines of NAME[;PARAM]:VALUE, balanced BEGIN/END.
    struct StrictCalendar {
        var lines: [String] = []
        var events: [[String: String]] = []

        init(_ text: String) throws {
            let bytes = Array(text.utf8)
            XCTAssertFalse(
                zip(bytes, bytes.dropFirst()).contains { $0.1 == 10 && $0.0 != 13 }, "a line break without CR")
            var physical = text.components(separatedBy: "\r\n")
            XCTAssertEqual(physical.removeLast(), "", "the file ends with CRLF")
            for line in physical {
                XCTAssertLessThanOrEqual(line.utf8.count, 75, "longer than 75 octets: \(line)")
                if line.hasPrefix(" ") {
                    let previous = try XCTUnwrap(lines.popLast(), "a continuation line first")
                    lines.append(previous + line.dropFirst())
                } else {
                    lines.append(line)
                }
            }
            var stack: [String] = []
            var event: [String: String]?
            for line in lines {
                let colon = try XCTUnwrap(line.firstIndex(of: ":"), "no colon in \(line)")
                let name = String(line[..<colon])
                let value = String(line[line.index(after: colon)...])
                XCTAssertFalse(name.isEmpty, line)
                if name == "BEGIN" {
                    stack.append(value)
                    if value == "VEVENT" { event = [:] }
                }
                if name == "END" {
                    XCTAssertEqual(stack.popLast(), value, "unbalanced END:\(value)")
                    if value == "VEVENT", let e = event {
                        events.append(e)
                        event = nil
                    }
                }
                if event != nil, name != "BEGIN" { event?[name] = value }
            }
            XCTAssertTrue(stack.isEmpty, "unclosed \(stack)")
        }
    }

    /// "20260629T070000" in Europe/London (the system's tzdata) as a UTC instant.
    func londonInstant(_ local: String) throws -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = try XCTUnwrap(TimeZone(identifier: "Europe/London"))
        f.dateFormat = "yyyyMMdd'T'HHmmss"
        return try XCTUnwrap(f.date(from: local))
    }

    func check(week: String, offsetHours: Int) throws {
        let s = try PlannedSample.make(week)
        let text = ICalendarWriter.text(s.shared, week: s.week, stamp: Date(), drawing: s.drawing)
        let calendar = try StrictCalendar(text)
        XCTAssertTrue(calendar.lines.contains("TZID:Europe/London"))
        XCTAssertEqual(calendar.events.count, s.shared.rounds.count)
        for (event, round) in zip(calendar.events, s.shared.rounds) {
            let start = try XCTUnwrap(event["DTSTART;TZID=Europe/London"])
            let day = try XCTUnwrap(round.day)
            // The wall-clock start is the plan's; in UTC it is an hour earlier in summer.
            let expectedLocal =
                LondonTime.dateText(s.week, day).replacingOccurrences(of: "-", with: "")
                + String(format: "T%02d%02d00", round.startMinutes / 60, round.startMinutes % 60)
            XCTAssertEqual(start, expectedLocal)
            let utc = try londonInstant(start)
            let midnightUTC = s.week.date(of: day)
            XCTAssertEqual(
                utc.timeIntervalSince(midnightUTC), Double(round.startMinutes * 60 - offsetHours * 3600), "\(start)")
            XCTAssertEqual(LondonTime.instant(s.week, day, minutes: round.startMinutes), utc)
            XCTAssertTrue(event["SUMMARY"]?.contains("(\(round.crew)") ?? false, "\(event)")
            XCTAssertTrue(event["DESCRIPTION"]?.contains("Streets in order:") ?? false)
            XCTAssertNotNil(event["GEO"])
            XCTAssertNotNil(event["SEQUENCE"].flatMap { Int($0) })
        }
        let uids = calendar.events.compactMap { $0["UID"] }
        XCTAssertEqual(Set(uids).count, s.shared.rounds.count, "one UID per round")
        XCTAssertFalse(uids.contains { $0.contains("0700-1100") }, "UIDs name crews and days, not the solver's rounds")
    }

    func testSummerWeekIsBritishSummerTime() throws { try check(week: "2026-W27", offsetHours: 1) }

    func testWinterWeekIsGreenwichMeanTime() throws { try check(week: "2026-W48", offsetHours: 0) }

    func testAReplanKeepsUIDsAndRaisesTheSequence() throws {
        let s = try PlannedSample.make("2026-W48")
        let first = try StrictCalendar(ICalendarWriter.text(s.shared, week: s.week, stamp: Date(), drawing: s.drawing))
        let later = try StrictCalendar(
            ICalendarWriter.text(s.shared, week: s.week, stamp: Date().addingTimeInterval(3600), drawing: s.drawing))
        XCTAssertEqual(first.events.map { $0["UID"] }, later.events.map { $0["UID"] })
        for (a, b) in zip(first.events, later.events) {
            XCTAssertGreaterThan(Int(b["SEQUENCE"] ?? "") ?? 0, Int(a["SEQUENCE"] ?? "") ?? 0)
        }
    }

    func testGrittingStandbyIsItsOwnCalendar() throws {
        let s = try PlannedSample.make("2026-W48")
        XCTAssertFalse(s.shared.gritting.isEmpty, "the sample grits in week 48")
        let calendar = try StrictCalendar(
            ICalendarWriter.standbyText(s.shared, week: s.week, stamp: Date(), drawing: s.drawing))
        XCTAssertEqual(calendar.events.count, s.shared.gritting.count)
        XCTAssertTrue(calendar.events.allSatisfy { $0["SUMMARY"]?.hasPrefix("Gritting stand-by") ?? false })
        XCTAssertTrue(calendar.events.allSatisfy { $0["DTSTART;VALUE=DATE"] == "20261123" })
    }

    /// Found by a hostile tester: a bare CR in a name ended the line for some readers, so a street named
    /// "A\rEND:VEVENT\rBEGIN:VEVENT\rUID:evil" made events; control characters went through raw.
    func testNamesWithLineEndsAndControlCharactersStayOneValue() {
        let escaped = ICalendarWriter.escape("A\rEND:VEVENT\r\nUID:evil\nB\u{0B}C\u{01}\u{7F};,\\\tD")
        XCTAssertEqual(escaped, "A\\nEND:VEVENT\\nUID:evil\\nB C  \\;\\,\\\\\tD")
        XCTAssertFalse(escaped.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" })
    }

    func testFoldingNeverSplitsACharacter() throws {
        let s = try PlannedSample.make("2026-W48")
        let text = ICalendarWriter.text(s.shared, week: s.week, stamp: Date(), drawing: s.drawing)
        _ = try StrictCalendar(text)
        // Every physical line is valid UTF-8 on its own: a fold inside a character would break it.
        for line in text.components(separatedBy: "\r\n") {
            XCTAssertNotNil(String(data: Data(line.utf8), encoding: .utf8))
        }
        XCTAssertTrue(text.contains("\r\n "), "long descriptions are folded")
        // Two- and three-octet characters at every offset across the 75-octet boundary.
        for pad in 0..<3 {
            let line = "DESCRIPTION:" + String(repeating: "x", count: pad) + String(repeating: "é£€", count: 40)
            let folded = ICalendarWriter.fold(line)
            for piece in folded.components(separatedBy: "\r\n") {
                XCTAssertLessThanOrEqual(piece.utf8.count, 75)
                XCTAssertNotNil(String(data: Data(piece.utf8), encoding: .utf8), "a fold inside a character")
            }
            XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), line)
        }
    }

    /// A second, independent reader: Python's icalendar (pip install icalendar),
    /// turning the zoned times into UTC with its own zone database.
    func testPythonICalendarReadsTheTimes() throws {
        guard let python = installedTool("python3"),
            try runProcess(python, ["-c", "import icalendar"]).status == 0
        else {
            throw XCTSkip(
                "python3 with icalendar is not installed (pip install icalendar); the strict Swift reader above still "
                    + "runs"
            )
        }
        let summer = try PlannedSample.make("2026-W27")
        let file = scratchFolder().appendingPathComponent("summer.ics")
        try ICalendarWriter.text(summer.shared, week: summer.week, stamp: Date(), drawing: summer.drawing).write(
            to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, icalendar, datetime
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for e in cal.walk('VEVENT'):
                print(e['UID'], e['DTSTART'].dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M'))
            """
        let result = try runProcess(python, ["-c", script, file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, summer.shared.rounds.count)
        for (line, round) in zip(lines, summer.shared.rounds) {
            let day = try XCTUnwrap(round.day)
            let utc = LondonTime.utcText(LondonTime.instant(summer.week, day, minutes: round.startMinutes)).prefix(16)
            XCTAssertTrue(line.hasSuffix(utc), "\(line) vs \(utc)")
            XCTAssertTrue(
                utc.hasSuffix(String(format: "%02d:%02d", round.startMinutes / 60 - 1, round.startMinutes % 60)),
                "BST is UTC+1")
        }
    }
}
