import Foundation
import Planning
import Works

/// schedule.ics (RFC 5545): an event per weekday round, for crew calendars.
public enum ICalendarWriter {
    public static func text(_ plan: WeeklyPlan, week: ISOWeek, stamp: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//StreetRounds//Weekly plan//EN", "CALSCALE:GREGORIAN"]
        for r in plan.rounds {
            guard let day = r.day else { continue }
            let start = week.date(of: day).addingTimeInterval(Double(r.startMinutes * 60))
            let streets = r.stops.map { $0.visit.segment }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(week)-\(r.id)@streetrounds",
                "DTSTAMP:\(f.string(from: stamp))",
                "DTSTART:\(f.string(from: start))",
                "DTEND:\(f.string(from: start.addingTimeInterval(Double(r.seconds))))",
                "SUMMARY:\(escape("Round \(r.id) (\(r.crewLabel))"))",
                "LOCATION:\(escape("Depot \(r.depot)"))",
                "DESCRIPTION:\(escape("\(r.stops.count) stops on \(Set(streets).count) segments, \(String(format: "%.1f", r.metres / 1000)) km"))",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
