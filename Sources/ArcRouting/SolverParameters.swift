/// Every tuning parameter of the solver in one place, each with its default
/// and meaning (as HGS-CVRP keeps its `AlgorithmParameters`).
public struct SolverParameters: Sendable {
    /// Wall-clock limit in seconds; the search stops at the first check
    /// after it. Default 10.
    public var timeLimit: Double = 10
    /// Iteration budget (offspring made); nil = until the time limit. With a
    /// budget and the same seed the answer is the same on every run.
    public var maxIterations: Int?
    /// Seed of the random source (SplitMix64). Default 1.
    public var seed: UInt64 = 1
    /// Independent searches run at once, on that many threads, the best
    /// kept; search k uses seed + k. Default 1 (single-threaded).
    public var threads: Int = 1
    /// Population kept after survivor selection (HGS's mu). Default 25.
    public var populationSize: Int = 25
    /// Offspring added before survivors are selected (HGS's lambda). Default 40.
    public var generationSize: Int = 40
    /// Elite individuals protected by the biased fitness. Default 4.
    public var eliteCount: Int = 4
    /// Nearest individuals averaged in the diversity contribution. Default 5.
    public var closeCount: Int = 5
    /// Nearest tasks each task is tried next to in local search (the
    /// granular neighbourhood). Default 25.
    public var granularity: Int = 25
    /// Iterations without improving the best before the population restarts
    /// (the best found stays the answer). Default 8,000.
    public var restartAfter: Int = 8_000
    /// Split lets a route carry up to this multiple of the capacity, with a
    /// penalty, so the search can cross infeasible space. Default 1.5.
    public var splitLoadFactor: Double = 1.5
    /// Fraction of local-search results that should be feasible; the
    /// capacity penalty adapts towards it every 100 iterations. Default 0.2.
    public var targetFeasible: Double = 0.2
    /// Multiplier of the penalty for the repair pass on an infeasible
    /// offspring. Default 10.
    public var repairPenaltyFactor: Double = 10

    public init() {}
}
