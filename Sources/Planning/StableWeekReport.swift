import Foundation

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

    /// `extraMoney` and `extraCrewHours` in words, "£12 more and 0.5 crew
    /// hours fewer a week" (whole pounds, tenths of an hour; "no more" when
    /// one rounds to nothing); nil without a fresh plan.
    public var extraCostText: String? {
        guard let money = extraMoney, let hours = extraCrewHours else { return nil }
        let pounds = Int(money.rounded())
        let tenths = Int((hours * 10).rounded())
        let moneyText = pounds == 0 ? "no more money" : "£\(abs(pounds)) \(pounds > 0 ? "more" : "less")"
        let hoursText =
            tenths == 0
            ? "no more crew hours"
            : String(format: "%.1f crew hours %@", Double(abs(tenths)) / 10, tenths > 0 ? "more" : "fewer")
        return "\(moneyText) and \(hoursText) a week"
    }
}
