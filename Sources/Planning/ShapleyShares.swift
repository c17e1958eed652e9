import ArcRouting

/// Fair shares of what sharing saves: the Shapley value (Shapley 1953, "A
/// value for n-person games") of the savings game over partners. A
/// coalition S of partners costs c(S) when its members plan together; it
/// saves v(S) = sum of c({i}) over its members - c(S). Partner i receives
/// its average marginal saving over every order in which partners could
/// join: phi(i) = sum over S without i of |S|! (n - |S| - 1)! / n! *
/// (v(S + i) - v(S)). The shares add up to v(everyone), the total saving,
/// by construction (efficiency), sampled or not.
///
/// Exact up to `exactLimit` partners (2^n - 1 coalition costs); beyond,
/// `samples` random orders of the partners (seeded), each giving every
/// partner its marginal saving, averaged (Castro, Gómez and Tejada 2009,
/// "Polynomial calculation of the Shapley value based on sampling"): each
/// order telescopes to the total, so the average does too.
public struct ShapleyShares: Sendable, Equatable {
    public struct Share: Sendable, Equatable {
        public var organisation: String
        /// c({i}): what the partner's own plan costs, in the cost's unit (£ in plans).
        public var aloneCost: Double
        /// phi(i): its fair share of the saving.
        public var saving: Double
    }

    /// In the order of `partners`.
    public var shares: [Share]
    /// v(everyone) = the sum of the shares.
    public var totalSaving: Double
    /// Random orders averaged; nil when exact.
    public var samples: Int?
    /// Distinct coalitions whose cost was asked for (empty coalition apart).
    public var coalitionsCosted: Int
    /// The budget coalition plans had, when a planner made them.
    public var budget: CoalitionBudget?

    /// Partners beyond this many are sampled: 2^8 - 1 = 255 coalitions.
    public static let exactLimit = 8
    /// Random orders averaged beyond `exactLimit` partners.
    public static let defaultSamples = 50

    /// - Parameters:
    ///   - cost: c(S) for a non-empty coalition, its members in `partners`' order.
    ///     Asked once per distinct coalition.
    /// - Complexity: exact: 2^n - 1 costs and O(2^n n) arithmetic; sampled:
    ///   at most samples * n costs.
    public init(
        partners: [String], samples: Int = ShapleyShares.defaultSamples, seed: UInt64 = 1,
        exactLimit: Int = ShapleyShares.exactLimit, cost: ([String]) throws -> Double
    ) throws {
        let n = partners.count
        var known: [Set<Int>: Double] = [:]
        func c(_ members: Set<Int>) throws -> Double {
            if members.isEmpty { return 0 }
            if let value = known[members] { return value }
            let value = try cost(members.sorted().map { partners[$0] })
            known[members] = value
            return value
        }
        let costShares: [Double]
        if n <= exactLimit {
            costShares = try Self.exact(n, cost: c)
            self.samples = nil
        } else {
            costShares = try Self.sampled(n, samples: max(1, samples), seed: seed, cost: c)
            self.samples = max(1, samples)
        }
        let alone = try (0..<n).map { try c([$0]) }
        shares = (0..<n).map {
            Share(organisation: partners[$0], aloneCost: alone[$0], saving: alone[$0] - costShares[$0])
        }
        totalSaving = alone.reduce(0, +) - (try c(Set(0..<n)))
        coalitionsCosted = known.count
    }

    /// Each partner's Shapley share of the cost, over every coalition.
    private static func exact(_ n: Int, cost: (Set<Int>) throws -> Double) throws -> [Double] {
        var weight = [Double](repeating: 0, count: n)  // |S|! (n - |S| - 1)! / n!
        for s in 0..<n { weight[s] = factorial(s) * factorial(n - s - 1) / factorial(n) }
        var shares = [Double](repeating: 0, count: n)
        for mask in 0..<(1 << n) {
            let members = Set((0..<n).filter { mask & (1 << $0) != 0 })
            let without = try cost(members)
            for i in 0..<n where !members.contains(i) {
                shares[i] += weight[members.count] * (try cost(members.union([i])) - without)
            }
        }
        return shares
    }

    /// Each partner's marginal cost averaged over `samples` seeded random orders.
    private static func sampled(
        _ n: Int, samples: Int, seed: UInt64,
        cost: (Set<Int>) throws -> Double
    ) throws -> [Double] {
        var random = RandomSource(seed: seed)
        var shares = [Double](repeating: 0, count: n)
        for _ in 0..<samples {
            var order = Array(0..<n)
            for k in stride(from: n - 1, to: 0, by: -1) { order.swapAt(k, random.below(k + 1)) }
            var members = Set<Int>()
            var before = 0.0
            for i in order {
                members.insert(i)
                let after = try cost(members)
                shares[i] += after - before
                before = after
            }
        }
        return shares.map { $0 / Double(samples) }
    }

    private static func factorial(_ k: Int) -> Double { k < 2 ? 1 : (2...k).reduce(1.0) { $0 * Double($1) } }
}
