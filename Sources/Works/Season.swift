/// Part of the year a task applies to, as month-day ranges; a range may
/// wrap the new year (November to February for gritting).
public struct Season: Sendable, Equatable, CustomStringConvertible {
    public struct MonthDay: Sendable, Equatable, Comparable, CustomStringConvertible {
        public var month: Int
        public var day: Int

        /// Reads "MM-DD" (a real day of a leap year).
        public init?(parsing text: String) {
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let m = Int(parts[0]),
                let d = Int(parts[1]),
                (1...12).contains(m), d >= 1, d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            else { return nil }
            month = m
            day = d
        }

        public init(month: Int, day: Int) {
            self.month = month
            self.day = day
        }

        public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }

        public var description: String { (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)" }
    }

    public var from: MonthDay
    public var to: MonthDay

    public init(from: MonthDay, to: MonthDay) {
        self.from = from
        self.to = to
    }

    public func contains(_ d: MonthDay) -> Bool {
        from <= to ? (from <= d && d <= to) : (d >= from || d <= to)
    }

    public var description: String { "\(from) to \(to)" }
}
