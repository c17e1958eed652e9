import Works

/// What one coalition plan of the Shapley computation may spend: each
/// intermediate coalition (neither one partner nor all) gets an equal part
/// of a total wall-clock budget, or, with an iteration budget, a quarter of
/// the plan's iterations per routing job (the same shares on every run).
public struct CoalitionBudget: Sendable, Equatable {
    /// Coalitions planned (one partner alone and everyone together are read
    /// from the baseline and the shared plan, not planned again).
    public var plans: Int
    /// Wall-clock seconds of each coalition plan.
    public var secondsPerPlan: Double
    /// Solver iterations per routing job of each coalition plan, when the
    /// plan is iteration-bound.
    public var iterationsPerJob: Int?

    /// The least a coalition plan is given, in seconds.
    public static let minimumSeconds = 0.2

    /// - Parameter totalSeconds: wall-clock seconds for all coalition plans together.
    public init(partners n: Int, samples: Int, totalSeconds: Double, iterations: Int?) {
        let every = n < 3 ? 0 : (n <= 62 ? (1 << n) - n - 2 : Int.max)
        plans = n <= ShapleyShares.exactLimit ? every : min(every, max(1, samples) * (n - 2))
        secondsPerPlan = max(Self.minimumSeconds, totalSeconds / Double(max(1, plans)))
        iterationsPerJob = iterations.map { max(1, $0 / 4) }
    }
}

/// Fair shares in a plan: the Shapley value over partners, each coalition
/// planned by this planner with the same rules (`.shared` mode, its
/// members' crews and tasks only) and a reduced budget.
extension WeeklyPlanner {
    /// The Shapley shares of the money sharing saves. c(one partner) is its
    /// part of `baseline`, c(everyone) is `shared`'s cost, so the shares add
    /// up to the saving the savings table shows; the coalitions between are
    /// planned within `budget`.
    /// - Complexity: `budget.plans` plans (2^n - n - 2 for n <= 8 partners).
    public func shapley(
        _ tasks: [MatchedTask], options: PlanOptions, shared: WeeklyPlan, baseline: WeeklyPlan,
        budget: CoalitionBudget, samples: Int = ShapleyShares.defaultSamples,
        progress: ((String) -> Void)? = nil
    ) throws -> ShapleyShares {
        let partners = registry.ids
        var coalitionOptions = options
        coalitionOptions.seconds = budget.secondsPerPlan
        coalitionOptions.iterations = budget.iterationsPerJob
        var planned = 0
        var shares = try ShapleyShares(partners: partners, samples: samples, seed: options.seed) { members in
            if members.count == 1 { return baseline.totalsByOrganisation[members[0]]?.money ?? 0 }
            if members.count == partners.count { return shared.totals.money }
            planned += 1
            progress?("fair shares: coalition \(planned) of \(budget.plans): \(members.joined(separator: "+"))")
            return try coalitionCost(members, tasks: tasks, options: coalitionOptions)
        }
        shares.budget = budget
        shares.budget?.plans = planned
        return shares
    }

    /// What `members` would spend planning together: the money of their
    /// shared plan, made with their crews and tasks only.
    func coalitionCost(_ members: [String], tasks: [MatchedTask], options: PlanOptions) throws -> Double {
        let ids = Set(members)
        let planner = WeeklyPlanner(self, registry: OrganisationRegistry(members.compactMap { registry[$0] }))
        let mine = tasks.filter { ids.contains($0.task.organisation) }
        return try planner.plan(mine, options: options, mode: .shared).totals.money
    }

    /// This planner with another registry, the street graphs shared.
    init(_ planner: WeeklyPlanner, registry: OrganisationRegistry) {
        network = planner.network
        catalogue = planner.catalogue
        self.registry = registry
        compatibility = planner.compatibility
        streets = planner.streets
        builder = planner.builder
    }
}
