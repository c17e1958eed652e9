import Works

/// Work the fleet cannot do on a day at a depot: crew hours beyond the
/// shifts of the crews that work there that day. Its visits are listed as
/// unplaced; the plan stays one that can be run.
public struct Shortfall: Sendable, Equatable, CustomStringConvertible {
    public var day: Weekday
    public var organisation: String
    public var depot: String
    /// Crew hours of the rounds no crew could take.
    public var crewHours: Double
    /// Crews of the class working that day.
    public var crews: Int
    /// Whether its visits could move to no other day (their tasks allow
    /// none, or visit more than once a week and keep their spacing); when
    /// false, the other days were tried and had no room.
    public var noOtherDay: Bool

    /// "Tuesday, town-yard (town-council): 3.1 crew hours beyond 2 crews' shifts; these tasks allow no other day".
    public var description: String {
        let shifts = crews == 1 ? "1 crew's shift" : "\(crews) crews' shifts"
        let fleet = crews == 0 ? "and no crew of its kind works that day" : "beyond \(shifts)"
        let days =
            noOtherDay
            ? "these tasks allow no other day" : "the other days these tasks allow have no room either"
        let hours = String(format: "%.1f", crewHours)
        return "\(day.fullName.capitalized), \(depot) (\(organisation)): \(hours) crew hours \(fleet); \(days)"
    }
}
