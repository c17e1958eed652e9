import ArgumentParser
import Foundation
import Geometry
import Works

// The value types the command line takes, parsed once where the arguments
// are read. Each has a `parse` that throws a message with an example
// computed from what was written; options use it as their transform.

extension ISOWeek: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    /// "2026-W48"; a date or a week the year lacks gets the week to write.
    static func parse(_ text: String) throws -> ISOWeek {
        if let week = ISOWeek(parsing: text) { return week }
        let day = DateFormatter()
        day.dateFormat = "yyyy-MM-dd"
        day.timeZone = TimeZone(identifier: "UTC")
        day.locale = Locale(identifier: "en_US_POSIX")
        let outOfRange = ValidationError(
            "\(text) is not a week StreetRounds plans: the year must be from \(ISOWeek.years.lowerBound) to "
                + "\(ISOWeek.years.upperBound)")
        if let date = day.date(from: text.trimmingCharacters(in: .whitespaces)) {
            let week = ISOWeek(containing: date)
            guard ISOWeek.years.contains(week.year) else { throw outOfRange }
            throw ValidationError("\(text) is a date in \(week); write \(week)")
        }
        let digits = text.uppercased().replacingOccurrences(of: "-", with: "").split(separator: "W")
        if digits.count == 2, let year = Int(digits[0]), digits[0].count == 4, !ISOWeek.years.contains(year) {
            throw outOfRange
        }
        if digits.count == 2, let year = Int(digits[0]), digits[0].count == 4, Int(digits[1]) != nil {
            let last = ISOWeek(containing: ISOWeek(year: year + 1, week: 1).monday.addingTimeInterval(-86_400))
            throw ValidationError("\(year) has weeks \(ISOWeek(year: year, week: 1)) to \(last); write one of those")
        }
        let next = ISOWeek.next
        throw ValidationError("\(text) is not an ISO week; write it as YEAR-Wnn, e.g. \(next) for next week")
    }
}

/// A calendar day as the command line takes it, "2026-11-30", at midnight UTC.
struct CalendarDay: CustomStringConvertible {
    var date: Date
    var description: String

    private static let format: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    /// "2026-11-30"; a week, or a day the month lacks, gets the text to write.
    static func parse(_ text: String) throws -> CalendarDay {
        if let date = format.date(from: text), format.string(from: date) == text {
            return CalendarDay(date: date, description: text)
        }
        if let week = ISOWeek(parsing: text) {
            throw ValidationError(
                "\(text) is a week; write its days, --from \(format.string(from: week.monday)) "
                    + "--to \(format.string(from: week.date(of: .sunday))), or use --week \(week)")
        }
        let today = format.string(from: Date())
        throw ValidationError("\(text) is not a calendar day; write it as YYYY-MM-DD, e.g. \(today)")
    }
}

extension TimeWindow: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }

    /// "07:00-15:30".
    static func parse(_ text: String) throws -> TimeWindow {
        if let window = TimeWindow(parsing: text) { return window }
        throw ValidationError("\(text) is not hours of the day; write START-END as HH:MM-HH:MM, e.g. 07:00-15:30")
    }

    /// A time of day "HH:MM", as minutes after midnight.
    static func parseStart(_ text: String) throws -> Int {
        if let window = TimeWindow(parsing: "\(text)-24:00") { return window.start }
        let digits = text.filter(\.isNumber)
        if let n = Int(digits), digits.count == 4, text.count == 4, n / 100 < 24, n % 100 < 60 {
            throw ValidationError("\(text) is not HH:MM; write \(digits.prefix(2)):\(digits.suffix(2))")
        }
        throw ValidationError("\(text) is not a time of day; write HH:MM from 00:00 to 23:59, e.g. 07:00")
    }
}

extension LonLat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let p = LonLat(parsing: argument), p.isValidWGS84 else { return nil }
        self = p
    }

    /// "LON,LAT" in WGS84 degrees; latitude first, or projected metres, are
    /// named as such.
    static func parse(_ text: String) throws -> LonLat {
        guard let p = LonLat(parsing: text) else {
            throw ValidationError("\(text) is not LON,LAT; write it as, e.g., -0.7275,52.6698")
        }
        guard p.isValidWGS84 else {
            throw ValidationError(
                "\(text) is out of range for WGS84 (longitude -180..180, latitude -90..90); "
                    + "British National Grid metres are not accepted here")
        }
        // Britain lies at latitude 49-61 and longitude -9-2: a swap there is read the wrong way round.
        if (49...61).contains(p.lon), (-9...2).contains(p.lat) {
            throw ValidationError("\(text) looks like LAT,LON; write LON first: \(p.lat),\(p.lon)")
        }
        return p
    }

    /// The point as the command line echoes it: degrees to 4 decimals (about 10 m).
    var echo: String { String(format: "%.4f,%.4f", lon, lat) }
}
