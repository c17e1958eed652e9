/// A day of the week, ISO numbering (Monday = 1).
public enum Weekday: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// The codes task lists use: mon ... sun.
    public var code: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1] }

    public var description: String { code }

    /// Reads "mon" or "monday", any case.
    public init?(parsing text: String) {
        let t = text.lowercased()
        guard let day = Weekday.allCases.first(where: { t == $0.code || t == $0.fullName }) else { return nil }
        self = day
    }

    public var fullName: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    public static let workingWeek: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
}
