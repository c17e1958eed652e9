import Foundation
import Planning
import Works

/// Wall-clock times of a plan (Europe/London, as crews read them) turned into
/// instants with the real zone rules (the system's tzdata), so summer
/// rounds land in BST and winter ones in GMT. Cost: a calendar lookup each.
public enum LondonTime {
    public static let zoneID = "Europe/London"

    static let zone: TimeZone = TimeZone(identifier: zoneID) ?? TimeZone(secondsFromGMT: 0) ?? .current

    static let utcCalendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        return c
    }()

    static let londonCalendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = zone
        return c
    }()

    /// The calendar date of `day` in `week`, "2026-06-29"; with `minutes`
    /// after its midnight, the date then (past 24 h, a later one).
    public static func dateText(_ week: ISOWeek, _ day: Weekday, minutes: Int = 0) -> String {
        let days = minutes / WallClock.minutesPerDay
        let c = utcCalendar.dateComponents(
            [.year, .month, .day], from: week.date(of: day).addingTimeInterval(Double(days) * 86_400))
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// The instant `minutes` after local midnight of `day` in `week`
    /// (minutes past 24 h run into the next day).
    public static func instant(_ week: ISOWeek, _ day: Weekday, minutes: Int) -> Date {
        var c = utcCalendar.dateComponents([.year, .month, .day], from: week.date(of: day))
        c.hour = minutes / 60
        c.minute = minutes % 60
        return londonCalendar.date(from: c) ?? week.date(of: day).addingTimeInterval(Double(minutes * 60))
    }

    /// Local "YYYYMMDDTHHMMSS" (iCalendar's local form) of `minutes` after
    /// midnight of `day` in `week`.
    static func localStamp(_ week: ISOWeek, _ day: Weekday, seconds: Int) -> String {
        let base = utcCalendar.dateComponents(
            [.year, .month, .day], from: week.date(of: day).addingTimeInterval(Double(seconds)))
        let s = seconds % 86_400
        return String(
            format: "%04d%02d%02dT%02d%02d%02d", base.year ?? 0, base.month ?? 0, base.day ?? 0, s / 3600, s / 60 % 60,
            s % 60)
    }

    /// ISO 8601 in UTC, "2026-06-29T06:00:00Z".
    public static func utcText(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }
}
