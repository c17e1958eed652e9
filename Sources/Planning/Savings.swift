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
    /// Task visits each plan leaves undone: no cost is counted for them, so
    /// when they differ the savings compare unequal work.
    public var undone: UndoneVisits

    /// Task visits left undone (unplaced), each task's visit counted once
    /// however many a merged stop held; stand-by gritting apart, as in
    /// `WeeklyPlan.taskVisits` and in the totals.
    public struct UndoneVisits: Sendable, Equatable {
        public var shared: Int
        public var baseline: Int

        public init(shared: Int, baseline: Int) {
            self.shared = shared
            self.baseline = baseline
        }

        /// The task visits of `plan`'s unplaced stops.
        public static func count(_ plan: WeeklyPlan) -> Int {
            plan.unplaced.lazy.filter { !$0.visit.activities.contains(WeekDemand.gritting) }
                .reduce(0) { $0 + $1.visit.parts.count }
        }
    }

    /// When the plans leave different numbers of task visits undone, why the
    /// savings are not like for like; nil when they are.
    public var unequalWork: String? {
        let (shared, alone) = (undone.shared, undone.baseline)
        guard shared != alone else { return nil }
        func visits(_ n: Int) -> String { n == 1 ? "1 task visit" : "\(n) task visits" }
        let difference = "\(visits(abs(alone - shared))) \(alone > shared ? "more" : "fewer")"
        return "the shared plan does \(difference) than the partners alone (\(visits(shared)) left undone "
            + "against \(visits(alone))), and these savings count only the work each plan does"
    }

    public static let rule =
        "savings are split between partners in proportion to each partner's baseline cost "
        + "(what its own rounds would cost it alone)"

    public init(baseline: WeeklyPlan, shared: WeeklyPlan, partners: [String]) {
        self.baseline = baseline.totals
        self.shared = shared.totals
        undone = UndoneVisits(shared: UndoneVisits.count(shared), baseline: UndoneVisits.count(baseline))
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
