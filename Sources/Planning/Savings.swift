/// What sharing saves: the baseline (each partner alone) against the shared
/// plan, both made by the same planner and solver with the same budget.
///
/// Split between partners in proportion to each partner's baseline cost
/// (what it would spend alone): partner p's share of every saving is
/// baselineCost(p) / total baseline cost. The shares add up to the total.
public struct Savings: Sendable {
    public struct Share: Sendable, Equatable {
        public var organisation: String
        public var baselineMoney: Double
        /// Its fraction of the savings (0...1).
        public var fraction: Double
        public var money: Double
        public var crewHours: Double
        public var km: Double
        public var co2eKg: Double
    }

    public var baseline: PlanTotals
    public var shared: PlanTotals
    public var km: Double { baseline.km - shared.km }
    public var deadheadKm: Double { baseline.deadheadKm - shared.deadheadKm }
    public var crewHours: Double { baseline.crewHours - shared.crewHours }
    public var money: Double { baseline.money - shared.money }
    public var co2eKg: Double { baseline.co2eKg - shared.co2eKg }
    public var streetVisits: Int { baseline.streetVisits - shared.streetVisits }
    public var shares: [Share]
    /// Fair shares (the Shapley value over partners), when they were computed
    /// (`WeeklyPlanner.shapley`): besides the proportional `shares`.
    public var shapley: ShapleyShares?

    public static let rule =
        "savings are split between partners in proportion to each partner's baseline cost "
        + "(what its own rounds would cost it alone)"

    public init(baseline: WeeklyPlan, shared: WeeklyPlan, partners: [String]) {
        self.baseline = baseline.totals
        self.shared = shared.totals
        let total = baseline.totals.money
        let money = baseline.totals.money - shared.totals.money
        let hours = baseline.totals.crewHours - shared.totals.crewHours
        let km = baseline.totals.km - shared.totals.km
        let co2e = baseline.totals.co2eKg - shared.totals.co2eKg
        shares = partners.map { p in
            let own = baseline.totalsByOrganisation[p]?.money ?? 0
            let f = total > 0 ? own / total : 1 / Double(max(1, partners.count))
            return Share(
                organisation: p, baselineMoney: own, fraction: f, money: money * f, crewHours: hours * f,
                km: km * f, co2eKg: co2e * f)
        }
    }
}
