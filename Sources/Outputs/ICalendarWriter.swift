import Foundation
import Planning
import Works

/// schedule.ics and gritting-standby.ics (RFC 5545), for crew calendars.
///
/// Times are Europe/London wall-clock times with the zone written out
/// (VTIMEZONE, today's UK rules: BST from 01:00 UTC on the last Sunday of
/// March to 01:00 UTC on the last Sunday of October), so a calendar shows
/// 07:00 as 07:00 in summer and in winter. UIDs come from `RoundText.keys`
/// (week, day, crew, place in the crew's day), and SEQUENCE grows with the
/// time of the run, so a re-planned week updates the events it replaces.
/// Lines are folded at 75 octets on UTF-8 boundaries. Cost: O(stops).
public enum ICalendarWriter {
    /// The weekday rounds, one event each.
    public static func text(_ plan: WeeklyPlan, week: ISOWeek, stamp: Date, drawing: RoundDrawing) -> String {
        let keys = RoundText.keys(plan.rounds, week: week)
        var lines = header(name: "StreetRounds \(week)")
        for (r, key) in zip(plan.rounds, keys) {
            guard let day = r.day else { continue }
            lines += [
                "BEGIN:VEVENT", "UID:\(key)@streetrounds", "DTSTAMP:\(utc(stamp))", "SEQUENCE:\(sequence(stamp))",
                "DTSTART;TZID=\(LondonTime.zoneID):\(LondonTime.localStamp(week, day, seconds: r.startMinutes * 60))",
                "DTEND;TZID=\(LondonTime.zoneID):"
                    + "\(LondonTime.localStamp(week, day, seconds: r.startMinutes * 60 + r.seconds))",
                "SUMMARY:\(escape(RoundText.title(r, drawing: drawing)))"
            ]
            lines += place(r, drawing: drawing)
            lines += ["DESCRIPTION:\(escape(description(r, drawing: drawing)))", "END:VEVENT"]
        }
        return finish(lines)
    }

    /// The gritting stand-by rounds: one week-long, free-time event each
    /// (they run when the forecast calls for salting, not on a set day),
    /// saying how long the round takes and the streets in order.
    public static func standbyText(_ plan: WeeklyPlan, week: ISOWeek, stamp: Date, drawing: RoundDrawing) -> String {
        let keys = RoundText.keys(plan.gritting, week: week)
        var lines = header(name: "StreetRounds gritting stand-by \(week)")
        let monday = LondonTime.dateText(week, .monday).replacingOccurrences(of: "-", with: "")
        let next = LondonTime.dateText(week.adding(weeks: 1), .monday).replacingOccurrences(of: "-", with: "")
        for (r, key) in zip(plan.gritting, keys) {
            lines += [
                "BEGIN:VEVENT", "UID:\(key)@streetrounds", "DTSTAMP:\(utc(stamp))", "SEQUENCE:\(sequence(stamp))",
                "DTSTART;VALUE=DATE:\(monday)", "DTEND;VALUE=DATE:\(next)", "TRANSP:TRANSPARENT",
                "SUMMARY:\(escape(RoundText.title(r, drawing: drawing)))"
            ]
            lines += place(r, drawing: drawing)
            lines += ["DESCRIPTION:\(escape(description(r, drawing: drawing)))", "END:VEVENT"]
        }
        return finish(lines)
    }

    static func header(name: String) -> [String] {
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//StreetRounds//Weekly plan//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:\(escape(name))", "X-WR-TIMEZONE:\(LondonTime.zoneID)"
        ] + timezone
    }

    /// Europe/London as RFC 5545 VTIMEZONE (the rules in force since 1996).
    static let timezone = [
        "BEGIN:VTIMEZONE", "TZID:\(LondonTime.zoneID)",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"
    ]

    /// The depot as LOCATION (name) and GEO (lat;lon), when known.
    static func place(_ r: Round, drawing: RoundDrawing) -> [String] {
        guard let depot = drawing.depot(of: r) else { return ["LOCATION:\(escape("Depot \(r.depot)"))"] }
        return [
            "LOCATION:\(escape(depot.name))", String(format: "GEO:%.6f;%.6f", depot.location.lat, depot.location.lon)
        ]
    }

    static func description(_ r: Round, drawing: RoundDrawing) -> String {
        let streets = drawing.servedStreets(r).enumerated().map { "\($0.offset + 1). \($0.element)" }
        let minutes = (r.seconds + 59) / 60
        let head =
            "\(r.stops.count) stops, \(String(format: "%.1f", r.metres / 1000)) km, \(minutes / 60) h \(minutes % 60) "
            + "min"
            + " from and back to \(drawing.depot(of: r)?.name ?? r.depot). Crew \(r.crewLabel) (\(r.organisation))."
        return head + "\nStreets in order:\n" + streets.joined(separator: "\n")
    }

    /// SEQUENCE: minutes since 2026-01-01 UTC of the run, so every later
    /// plan of the week has a higher one (RFC 5545 §3.8.7.4).
    static func sequence(_ stamp: Date) -> Int { max(0, Int(stamp.timeIntervalSince1970 - 1_767_225_600) / 60) }

    static func utc(_ date: Date) -> String {
        LondonTime.utcText(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// TEXT of RFC 5545 (§3.3.11): backslash, semicolon and comma escaped, line ends (CRLF, CR, LF) as "\n", and the
    /// control characters it does not allow (all but tab) written as a space: a bare CR would end the line
    /// for some readers and let a name pass for another property.
    /// Scalar by scalar: a special followed by a combining mark is one Character to Swift.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for c in s.unicodeScalars {
            defer { afterCR = c == "\r" }
            switch c {
            case "\\", ";", ",": out.append(contentsOf: ["\\", c])
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(c)
            default: out.append(c.value < 0x20 || c.value == 0x7F ? " " : c)
            }
        }
        return String(out)
    }

    static func finish(_ lines: [String]) -> String {
        (lines + ["END:VCALENDAR"]).map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Folds a content line into pieces of at most 75 octets, continuation
    /// lines starting with a space (RFC 5545 §3.1), never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                pieces.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n")
    }
}
