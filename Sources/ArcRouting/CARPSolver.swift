import Foundation

/// The arc-routing core's entry point: solves a `CARPProblem` with the
/// hybrid genetic search and returns routes, cost and search statistics.
public enum CARPSolver {
    public struct Result: Sendable {
        public var solution: CARPSolution
        /// A valid lower bound on the optimum (all service, plus the cheapest
        /// way out and back for the fewest routes the demand needs).
        public var lowerBound: Int
        /// Seconds from the start until the best solution was found.
        public var secondsToBest: Double
        /// Seconds from the call until the search began: the distance
        /// table, the instance and the neighbour lists.
        public var setupSeconds: Double
        /// Seconds from the call to the answer: the whole solve.
        public var seconds: Double
        /// Offspring made, summed over the searches.
        public var iterations: Int
        /// Where the searches' time went, summed over them.
        public var stages = SearchStages()
    }

    /// Solves `problem` within `parameters.timeLimit` seconds of wall time
    /// counted from this call (setup included), or `maxIterations`
    /// offspring per search when there is no time limit (then the answer
    /// depends only on the problem and the parameters, never on the clock).
    /// - Parameter progress: called now and then with (iterations, best
    ///   cost, seconds); from more than one thread when `threads > 1`.
    /// - Throws: `ArcRoutingError.infeasibleInstance` when no solution exists
    ///   (a link over capacity or out of reach) or none was found in time;
    ///   `.malformedInstance` when neither a time limit nor an iteration
    ///   budget is set, or a decomposition parameter is out of range.
    public static func solve(
        _ problem: CARPProblem, parameters: SolverParameters = SolverParameters(),
        progress: (@Sendable (Int, Int, Double) -> Void)? = nil
    ) throws -> Result {
        let start = Date()
        guard parameters.timeLimit != nil || parameters.maxIterations != nil else {
            throw ArcRoutingError(.malformedInstance, "\(problem.name): set a time limit or an iteration budget")
        }
        try parameters.validate(for: problem.name)
        let deadline = parameters.timeLimit.map { start.addingTimeInterval($0) }
        let instance = try SearchInstance(problem, denseLimit: parameters.denseTableTerminals)
        let (neighbours, wider) = nearestTasks(instance, parameters)
        let setupSeconds = Date().timeIntervalSince(start)
        let threads = max(1, parameters.threads)
        let results = SearchResults(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { k in
            var search = HybridGeneticSearch(
                instance, neighbours: neighbours, widerNeighbours: wider, parameters: parameters,
                seed: parameters.seed &+ UInt64(k))
            search.run(deadline: deadline, start: start, progress: progress)
            results.set(k, search.best.map { ($0, search.bestTime, search.iterations) }, stages: search.stages)
        }
        let found = results.all.compactMap { $0 }
        // Ranked by true cost: with near costs the searches saw upper bounds.
        let ranked = found.map { (solution: instance.solution($0.0.routes), time: $0.1) }
        guard let winner = ranked.min(by: { ($0.solution.cost, $0.time) < ($1.solution.cost, $1.time) }) else {
            throw ArcRoutingError(
                .infeasibleInstance,
                "\(problem.name): no feasible solution found within "
                    + "\(budget(parameters)); give more time, or check the capacity and the route limit")
        }
        return Result(
            solution: winner.solution, lowerBound: instance.lowerBound, secondsToBest: winner.time,
            setupSeconds: setupSeconds, seconds: Date().timeIntervalSince(start),
            iterations: found.reduce(0) { $0 + $1.2 }, stages: results.stages.reduce(SearchStages(), +))
    }
}

extension CARPSolver {
    /// Each task's `granularity` nearest tasks, and, when ruin and recreate
    /// will run, its `ruinWiderNeighbours` nearest (else none): one scan,
    /// the first lists the second's beginnings.
    static func nearestTasks(
        _ instance: SearchInstance, _ parameters: SolverParameters
    ) -> (granular: [[Int]], wider: [[Int]]) {
        guard parameters.ruinsAndRecreates(taskCount: instance.taskCount),
            parameters.ruinWiderNeighbours > parameters.granularity
        else {
            return (LocalSearch.neighbours(instance, granularity: parameters.granularity), [])
        }
        let wider = LocalSearch.neighbours(instance, granularity: parameters.ruinWiderNeighbours)
        return (wider.map { Array($0.prefix(parameters.granularity)) }, wider)
    }

    /// The construction the search starts from (nearest-neighbour giant
    /// tour cut by Split within capacity), as a solution at its true cost:
    /// the baseline the solver's answer is never worse than, as the search
    /// counts costs (with near costs, beyond `denseLimit` terminals, those
    /// are upper bounds, so either's true cost may be lower). Route limits
    /// are not enforced here.
    public static func construct(
        _ problem: CARPProblem, denseLimit: Int = SolverParameters().denseTableTerminals
    ) throws -> CARPSolution {
        let instance = try SearchInstance(problem, denseLimit: denseLimit)
        return instance.solution(Construction.routes(instance, penalty: SolverParameters().constructionPenalty))
    }
}

/// The budget in words, for messages.
private func budget(_ parameters: SolverParameters) -> String {
    switch (parameters.timeLimit, parameters.maxIterations) {
    case let (seconds?, iterations?): "the time limit (\(seconds) s) or the iteration budget (\(iterations))"
    case let (seconds?, nil): "the time limit (\(seconds) s)"
    case let (nil, iterations?): "the iteration budget (\(iterations))"
    case (nil, nil): "no budget"
    }
}

/// Results of parallel searches, one slot per search.
private final class SearchResults: @unchecked Sendable {
    private var slots: [(Individual, Double, Int)?]
    private var stageSlots: [SearchStages]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        stageSlots = Array(repeating: SearchStages(), count: count)
    }

    func set(_ k: Int, _ value: (Individual, Double, Int)?, stages: SearchStages) {
        lock.lock()
        slots[k] = value
        stageSlots[k] = stages
        lock.unlock()
    }

    var stages: [SearchStages] {
        lock.lock()
        defer { lock.unlock() }
        return stageSlots
    }

    var all: [(Individual, Double, Int)?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
