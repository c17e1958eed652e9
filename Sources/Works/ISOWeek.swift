import Foundation

/// An ISO 8601 week ("2026-W48"): Monday to Sunday, week 1 holding the
/// year's first Thursday.
public struct ISOWeek: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .iso8601)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The years a week may be read in: plans and overlaps of this millennium
    /// (before 1583 the calendar is not Gregorian, and year 0 is no year).
    public static let years = 2000...2999

    /// Reads "2026-W48" (also "2026W48"): four digits, a year of `years`;
    /// nil for a week the year lacks, or a sign or other character.
    public init?(parsing text: String) {
        let t = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = t.split(separator: "W")
        guard parts.count == 2, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), Self.years.contains(y), let w = Int(parts[1]), (1...53).contains(w)
        else { return nil }
        let candidate = ISOWeek(year: y, week: w)
        guard ISOWeek(containing: candidate.monday) == candidate else { return nil }
        self = candidate
    }

    /// The week after today's: what a plan is for unless a week is named (`streetrounds plan`, the API).
    public static var next: ISOWeek { ISOWeek(containing: Date()).adding(weeks: 1) }

    /// The week a date (UTC) falls in.
    public init(containing date: Date) {
        let c = Self.calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        self.init(year: c.yearForWeekOfYear!, week: c.weekOfYear!)
    }

    /// Midnight UTC on the Monday.
    public var monday: Date {
        Self.calendar.date(from: DateComponents(weekday: 2, weekOfYear: week, yearForWeekOfYear: year))!
    }

    /// The date of `day` in this week.
    public func date(of day: Weekday) -> Date {
        monday.addingTimeInterval(Double(day.rawValue - 1) * 86_400)
    }

    /// Weeks from `other` to this one (negative when earlier).
    public func weeks(since other: ISOWeek) -> Int {
        Int((monday.timeIntervalSince(other.monday) / (7 * 86_400)).rounded())
    }

    public func adding(weeks n: Int) -> ISOWeek {
        ISOWeek(containing: monday.addingTimeInterval(Double(n) * 7 * 86_400))
    }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    public var description: String { String(format: "%04d-W%02d", year, week) }
}

extension Date {
    /// Month and day (UTC).
    var monthDay: Season.MonthDay {
        let c = ISOWeek.calendar.dateComponents([.month, .day], from: self)
        return Season.MonthDay(month: c.month!, day: c.day!)
    }
}

extension Character {
    /// 0-9 only (not other scripts' digits, signs or spaces).
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
