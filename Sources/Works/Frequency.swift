/// How often a task recurs.
public enum Frequency: Sendable, Equatable, CustomStringConvertible {
    /// Every allowed weekday.
    case daily
    /// N visits a week on allowed weekdays, spread apart (1...7).
    case perWeek(Int)
    /// Once every two ISO weeks, counted from an anchor week.
    case fortnightly
    /// Once a month, in one of the four ISO weeks whose Monday falls on its
    /// days 1-7, 8-14, 15-21 or 22-28 (none in a week whose Monday is the 29th or later).
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

    /// The weeks of a cycle a task may name (`cycle_week`): 1-2 fortnightly,
    /// 1-4 monthly; nil for the frequencies due every week.
    public var cycleWeeks: ClosedRange<Int>? {
        switch self {
        case .fortnightly: return 1...2
        case .monthly: return 1...4
        case .daily, .perWeek: return nil
        }
    }

    /// Whether a task of this frequency falls due in `week`, in week
    /// `cycleWeek` of its cycle (1 when nil): fortnightly in the weeks an
    /// even number of weeks from `anchor` (1) or those between (2); monthly
    /// in the week whose Monday is one of the month's days 1-7 (1), 8-14 (2),
    /// 15-21 (3) or 22-28 (4).
    public func isDue(in week: ISOWeek, cycleWeek: Int?, anchor: ISOWeek) -> Bool {
        let wanted = (cycleWeek ?? 1) - 1
        switch self {
        case .daily, .perWeek: return true
        case .fortnightly: return (week.weeks(since: anchor) % 2 + 2) % 2 == wanted
        case .monthly: return (week.monday.monthDay.day - 1) / 7 == wanted
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
