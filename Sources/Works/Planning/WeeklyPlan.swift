/// A week of rounds, with what could not be placed and the totals.
public struct WeeklyPlan: Sendable {
    /// Weekday rounds, by day then id.
    public var rounds: [Round]
    /// Precautionary gritting: stand-by rounds per depot (no day).
    public var gritting: [Round]
    public var unplaced: [UnplacedVisit]
    /// Task visits in the week (one per task, segment and visit day).
    public var taskVisits: Int
    public var totals: PlanTotals
    /// Totals per organisation that ran the rounds (for the baseline split).
    public var totalsByOrganisation: [String: PlanTotals]
}

/// Figures of a set of rounds.
public struct PlanTotals: Sendable, Equatable {
    public var rounds = 0
    public var km = 0.0
    public var deadheadKm = 0.0
    public var crewHours = 0.0
    public var money = 0.0
    public var co2eKg = 0.0
    /// Stops: how often a street sees a crew.
    public var streetVisits = 0

    public init() {}

    public static func + (a: PlanTotals, b: PlanTotals) -> PlanTotals {
        var t = PlanTotals()
        t.rounds = a.rounds + b.rounds
        t.km = a.km + b.km
        t.deadheadKm = a.deadheadKm + b.deadheadKm
        t.crewHours = a.crewHours + b.crewHours
        t.money = a.money + b.money
        t.co2eKg = a.co2eKg + b.co2eKg
        t.streetVisits = a.streetVisits + b.streetVisits
        return t
    }
}
