/// What a stable week kept and what keeping it cost: the stability against
/// the stored plan the week started from, and, when a fresh plan was made
/// beside it with the same budget, the totals of both.
public struct StableWeekReport: Sendable, Equatable {
    public var stability: PlanStability
    /// The week as planned from the stored one.
    public var stable: PlanTotals
    /// The same week planned from scratch with the same budget; nil when not asked for.
    public var fresh: PlanTotals?
    /// What the fresh plan would have kept of the stored week.
    public var freshStability: PlanStability?

    public init(
        stability: PlanStability, stable: PlanTotals, fresh: PlanTotals? = nil,
        freshStability: PlanStability? = nil
    ) {
        self.stability = stability
        self.stable = stable
        self.fresh = fresh
        self.freshStability = freshStability
    }

    /// What stability costs a week against the fresh plan, in £ (negative
    /// when the stable plan is cheaper); nil without a fresh plan.
    public var extraMoney: Double? { fresh.map { stable.money - $0.money } }
    public var extraCrewHours: Double? { fresh.map { stable.crewHours - $0.crewHours } }
    public var extraKm: Double? { fresh.map { stable.km - $0.km } }
}
