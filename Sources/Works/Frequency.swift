/// How often a task recurs.
public enum Frequency: Sendable, Equatable, CustomStringConvertible {
    /// Every allowed weekday.
    case daily
    /// N visits a week on allowed weekdays, spread apart (1...7).
    case perWeek(Int)
    /// Once every two ISO weeks, counted from an anchor week.
    case fortnightly
    /// Once in the first ISO week of each month.
    case monthly

    public static let weekly = Frequency.perWeek(1)

    /// Reads "daily", "weekly", "fortnightly", "monthly", "N/week".
    public init?(parsing text: String) {
        switch text.lowercased().replacingOccurrences(of: " ", with: "") {
        case "daily": self = .daily
        case "weekly": self = .perWeek(1)
        case "fortnightly": self = .fortnightly
        case "monthly": self = .monthly
        case let t where t.hasSuffix("/week"):
            guard let n = Int(t.dropLast(5)), (1...7).contains(n) else { return nil }
            self = .perWeek(n)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .daily: return "daily"
        case .perWeek(1): return "weekly"
        case .perWeek(let n): return "\(n)/week"
        case .fortnightly: return "fortnightly"
        case .monthly: return "monthly"
        }
    }

    /// Visits in a week in which the task falls due, on `allowed` weekdays.
    public func visitsInDueWeek(allowed: Int) -> Int {
        switch self {
        case .daily: return allowed
        case .perWeek(let n): return n
        case .fortnightly, .monthly: return 1
        }
    }
}
