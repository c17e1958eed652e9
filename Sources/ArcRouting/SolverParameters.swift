/// Every tuning parameter of the solver in one place, each with its default
/// and meaning (as HGS-CVRP keeps its `AlgorithmParameters`).
public struct SolverParameters: Sendable {
    /// Wall time of the whole solve in seconds, counted from the call to
    /// `CARPSolver.solve` (the distance table and the instance included);
    /// the search stops at the first check after it. nil = no time limit:
    /// then `maxIterations` must be set, and the clock decides nothing on
    /// the search's path (it only times the stages: `SearchStages`).
    /// Default 10.
    public var timeLimit: Double? = 10
    /// Iteration budget (offspring made); nil = until the time limit. With a
    /// budget, no time limit and the same seed, the answer is the same on
    /// every run and every machine.
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
    /// penalties adapt towards it every `penaltyPeriod` iterations.
    /// Default 0.2.
    public var targetFeasible: Double = 0.2
    /// Iterations between two adaptations of the penalties, and the number
    /// of recent local-search results the feasible share is taken over.
    /// Default 100.
    public var penaltyPeriod: Int = 100
    /// How far the feasible share may stray from `targetFeasible` before the
    /// penalties change. Default 0.05.
    public var feasibleTolerance: Double = 0.05
    /// Factor on the penalties when too few results are feasible (> 1).
    /// Default 1.2.
    public var penaltyIncrease: Double = 1.2
    /// Factor on the penalties when too many results are feasible (< 1).
    /// Default 0.85.
    public var penaltyDecrease: Double = 0.85
    /// Bounds of the adapted penalties, per unit of excess load or cost.
    /// Defaults 0.01 and 100,000.
    public var penaltyRange: ClosedRange<Double> = 0.01...100_000
    /// Bounds of the initial capacity penalty, which is the largest deadhead
    /// cost per unit of the largest demand (as HGS-CVRP). Defaults 0.1 and
    /// 1,000.
    public var initialLoadPenaltyRange: ClosedRange<Double> = 0.1...1_000
    /// Initial penalty per unit of cost over the route limit. Default 1.
    public var initialDurationPenalty: Double = 1
    /// Multiplier of the penalty for the repair pass on an infeasible
    /// offspring. Default 10.
    public var repairPenaltyFactor: Double = 10
    /// Repair passes on an infeasible offspring, each with the penalty
    /// multiplied again by `repairPenaltyFactor`. Default 2.
    public var repairPasses: Int = 2
    /// Random tours tried to fill the population, as a multiple of
    /// `populationSize` (some fail to become feasible). Default 4.
    public var initialAttemptsFactor: Int = 4
    /// Most passes of local search over all tasks before it stops even if
    /// moves still improve (a guard against cycling). Default 1,000.
    public var localSearchRounds: Int = 1_000
    /// Whether local search, once a pass of the granular moves changes
    /// nothing, tries SWAP* (Vidal 2022) on the pairs of routes that the
    /// tasks' neighbour lists link (two tasks exchange routes, each at its
    /// cheapest place in the other), on instances of fewer than
    /// `largeInstanceTasks` required links; not on a large instance's
    /// sub-problems either, where its slower passes cost more than they
    /// found within 10 s (docs/arc-routing.md). Default true.
    public var swapStar: Bool = true
    /// Penalty per unit of excess load and cost in the construction's Split,
    /// which keeps the capacity and all but forbids overlong routes.
    /// Default 1,000,000.
    public var constructionPenalty: Double = 1_000_000
    /// From this many required links up, an instance is large: the
    /// construction is improved from its own routes as well as re-split,
    /// and the initial population grows from randomised nearest-neighbour
    /// tours rather than random ones, whose local search costs seconds at a
    /// few thousand tasks. Below it (every classic benchmark instance) the
    /// search is as in Vidal 2017. Default 400.
    public var largeInstanceTasks: Int = 400
    /// Randomised nearest-neighbour tours take one of this many nearest
    /// unserved tasks at random at each step. Default 3.
    public var greedyChoices: Int = 3
    /// From this many required links up, the search has decomposition
    /// phases (Vidal 2017; Oliveira et al. 2025, MADCoM): the best
    /// solution's routes are grouped into neighbouring routes, each group
    /// solved as a sub-problem by a small search of its own, and the routes
    /// put back make a new individual. Below it (every classic benchmark
    /// instance) there are none. Default 800.
    public var decompositionTasks: Int = 800
    /// Iterations of the whole search between two decomposition phases
    /// (at least 1). Default 20.
    public var decompositionPeriod: Int = 20
    /// Tasks of one sub-problem, about: the routes are grouped into
    /// `round(tasks / decompositionSize)` groups of balanced size (at
    /// least 1). Default 300.
    public var decompositionSize: Int = 300
    /// Offspring a sub-problem's search makes; they count in the
    /// iterations and the iteration budget (at least 0). Default 100.
    public var decompositionIterations: Int = 100
    /// Population of a sub-problem's search (its mu; its lambda is twice
    /// as many; at least 1). Default 5.
    public var decompositionPopulation: Int = 5
    /// Steps of ruin and recreate (Christiaens and Vanden Berghe 2020) on
    /// the best solution before the first decomposition phase, per task;
    /// steps are not offspring: they have this budget of their own, outside
    /// the iteration budget (at least 0; 0 = none). Default 40 (Rutland,
    /// 1,000 to 5,000 tasks: 20 and 80 did no better).
    public var ruinStepsPerTask: Int = 40
    /// Tasks one step of ruin and recreate removes, on average (SISR's
    /// c-bar; at least 1). Default 20 (5 and 10 did worse on Rutland).
    public var ruinMeanRemoved: Int = 20
    /// Longest string of consecutive tasks a step removes (SISR's L-max;
    /// at least 1), in the first ruin and recreate. A step ruins up to
    /// 4 x `ruinMeanRemoved` / (1 + this) - 1 routes. Default 20: 1 or 2
    /// routes, strings of up to 20 (Rutland's routes hold about 80 tasks;
    /// against the paper's 10, up to 6 routes: 0.2-0.4% lower at 3,000 to
    /// 8,000 tasks; 15 no better, 30, one route a step, 1.2% worse).
    public var ruinLongestString: Int = 20
    /// Share of ruin and recreate's steps (0 to 1) that start at the first
    /// or last task of a random task's route, so the string cut there
    /// starts or ends the route (where it leaves or rejoins the depot).
    /// Default 0.3 (Rutland at 10 s: 0.26% and 0.14% lower at 5,000 and
    /// 8,000 tasks over 12 seeds, no change at 1,000 and 3,000; 0.1 weaker
    /// at 5,000, 0.5 and 0.7 within the seeds' spread of 0.3:
    /// docs/arc-routing.md, "Twelfth session").
    public var ruinRouteEndShare: Double = 0.3
    /// When none of a task's `granularity` nearest tasks sits in a route
    /// with room for it, ruin and recreate tries it beside its next nearest
    /// ones, up to this many, before it scans every route with room (the
    /// scan took most of a step on Rutland's 5,000 tasks, where routes run
    /// full). At most `granularity` means no such second ring. Default 100.
    public var ruinWiderNeighbours: Int = 100
    /// Temperatures of ruin and recreate's annealing at its first and last
    /// step, as shares of the starting solution's mean cost per task; the
    /// temperature falls geometrically between them (both above 0, the
    /// last no higher than the first). Defaults 3 and 0.005 (Rutland at
    /// 10 s, 16 seeds against a start of 1: 0.25%, 0.31% and 0.11% lower at
    /// 3,000, 5,000 and 8,000 tasks; a start of 0.3 did worse, 10 worse at
    /// 5,000 and 8,000: docs/arc-routing.md, "Sixteenth session").
    public var ruinStartTemperature: Double = 3
    public var ruinFinalTemperature: Double = 0.005
    /// Under a time limit, the first ruin and recreate times its first
    /// steps (a fiftieth of them, at least 100) and, when all its steps
    /// would take this share of the time left or more but less than all of
    /// it, runs instead the steps that fit in that time, cooling from where
    /// it is to `ruinFillFinalTemperature` (a share of the starting
    /// solution's mean cost per task, as the others): where the phases
    /// after it would have little time, a longer, warmer schedule pays
    /// more (docs/arc-routing.md, "Fourteenth session"). From 0 to 1; nil
    /// = never, as without a time limit. From `ruinFillEveryTasks` tasks up
    /// a share of 0 stands for it. Defaults 0.15 and 0.1 (Rutland at
    /// 10 s, two sets of paired runs over 16 seeds: 3,000 tasks 0.14% and
    /// 0.27% lower, 5,000 tasks 0.24% lower (measured at a share of 0.3,
    /// which fires there alike: the plan takes 0.8 to 1.05 of the time) and
    /// 0.06% higher; no change at 1,000 tasks, whose plan takes about a
    /// twelfth of the time, nor at 8,000, whose plan does not fit; at 30 s,
    /// 8 seeds, 0.53% and 0.47% lower at 5,000 and 8,000 tasks, and at 2 s,
    /// 16 seeds, 0.41% lower at 1,000). Once filled, it looks at its pace
    /// again every tenth of the plan (`RuinAndRecreate.Pacer`), so that it
    /// ends at the deadline, not up to a third of the time before it
    /// (Rutland at 10 s, 24 seeds: 0.20% lower at 5,000 tasks, 0.03% at
    /// 3,000: docs/arc-routing.md, "Seventeenth session"). A plan of which less
    /// fits than the share at which its own cooling passes
    /// `ruinFillFinalTemperature` (0.53 with the defaults) is shortened to
    /// what fits, cooling to `ruinFinalTemperature`, instead of being cut
    /// hot (Rutland's 8,000 tasks at 5 s, 16 seeds: 1.24% lower, 15 of 16;
    /// at 7 s and 10 s, near or above that share, no change:
    /// docs/arc-routing.md, "Nineteenth session"); a nil share turns that
    /// off too.
    public var ruinFillShare: Double? = 0.15
    public var ruinFillFinalTemperature: Double = 0.1
    /// From this many tasks up, the first ruin and recreate fills the time
    /// whenever its plan fits in it, as at a `ruinFillShare` of 0 (not when
    /// that is nil): at that size one long annealing beat the phases and
    /// rounds after a short one at 10 s to 600 s (docs/arc-routing.md,
    /// "Fifteenth session"). At least 1. Default 2,000 (Rutland, seed 1,
    /// 600 s: filled runs 0.43%, 0.77% and 0.82% lower at 3,000, 5,000 and
    /// 8,000 tasks, 0.21% higher at 1,000; at 10 s, 8 seeds, 0.29% higher
    /// at 1,000; between 1,000 and 3,000 not measured).
    public var ruinFillEveryTasks: Int = 2_000
    /// After the first phase, rounds of a short, cold ruin and recreate
    /// (this many steps per task, from `ruinRepeatTemperature` down to
    /// `ruinFinalTemperature`), each followed by a phase, until the time
    /// limit or the iteration budget ends, before the population's random
    /// starts (at least 0; 0 = none). Default 5 (Rutland, 1,000 and 3,000
    /// tasks, eight seeds: better on every seed).
    public var ruinRepeatStepsPerTask: Int = 5
    public var ruinRepeatTemperature: Double = 0.05
    /// `ruinLongestString` in those rounds. Default 10 (20 there cost the
    /// 1,000-task Rutland instance 0.3%).
    public var ruinRepeatLongestString: Int = 10
    /// Rounds in a row that leave the best as it was before the rounds stop
    /// and the population's search takes over (at least 1). Default 3.
    public var ruinRepeatPatience: Int = 3
    /// The most terminals (the depot and the ends of required links) whose
    /// deadhead costs are all kept, in a table that grows with their square;
    /// beyond, each terminal keeps its nearest and a few hubs' costs, in
    /// memory that grows linearly, and the search sees an upper bound
    /// between far tasks (the answer's cost is exact). At least 1. Default
    /// 4,000 (a table of 64 MB). On Rutland at 10 s, with ruin and recreate
    /// filling the time, near costs did 0.26% worse at 3,000 required edges
    /// (2,680 ends), about even at 4,000 (about 3,590 ends), 0.09% better at
    /// 5,000 (4,453 ends, where they save 0.7 s of setup and about a quarter
    /// of the peak memory; docs/arc-routing.md, "Eighteenth session"), and
    /// 0.9-1.0% better at 8,000 (7,097 ends; its "Memory" bullet).
    public var denseTableTerminals: Int = 4_000
    /// Iterations between two calls of the progress callback. Default 500.
    public var progressPeriod: Int = 500

    public init() {}

    /// Whether an instance of `taskCount` tasks gets decomposition phases.
    func decomposes(taskCount: Int) -> Bool { taskCount >= decompositionTasks }

    /// Whether ruin and recreate runs on an instance of `taskCount` tasks.
    func ruinsAndRecreates(taskCount: Int) -> Bool { decomposes(taskCount: taskCount) && ruinStepsPerTask > 0 }

    /// The share of the time left from which the first ruin and recreate
    /// fills it, on an instance of `taskCount` tasks (`ruinFillShare`, 0
    /// from `ruinFillEveryTasks` tasks up); nil = never.
    func ruinFillShare(taskCount: Int) -> Double? {
        ruinFillShare.map { taskCount >= ruinFillEveryTasks ? 0 : $0 }
    }

    /// Refuses decomposition and ruin parameters out of range (named in
    /// the message).
    /// - Throws: `ArcRoutingError.malformedInstance`.
    func validate(for name: String) throws {
        let bad = [
            ("decompositionPeriod", decompositionPeriod, 1), ("decompositionSize", decompositionSize, 1),
            ("decompositionIterations", decompositionIterations, 0),
            ("decompositionPopulation", decompositionPopulation, 1), ("ruinStepsPerTask", ruinStepsPerTask, 0),
            ("ruinMeanRemoved", ruinMeanRemoved, 1), ("ruinLongestString", ruinLongestString, 1),
            ("ruinWiderNeighbours", ruinWiderNeighbours, 0), ("ruinRepeatStepsPerTask", ruinRepeatStepsPerTask, 0),
            ("ruinRepeatLongestString", ruinRepeatLongestString, 1),
            ("ruinRepeatPatience", ruinRepeatPatience, 1), ("ruinFillEveryTasks", ruinFillEveryTasks, 1),
            ("denseTableTerminals", denseTableTerminals, 1)
        ].filter { $0.1 < $0.2 }
        if let (field, value, least) = bad.first {
            throw ArcRoutingError(.malformedInstance, "\(name): \(field) is \(value), must be at least \(least)")
        }
        for (field, share) in [("ruinRouteEndShare", ruinRouteEndShare), ("ruinFillShare", ruinFillShare ?? 0)]
        where !(0...1).contains(share) {
            throw ArcRoutingError(.malformedInstance, "\(name): \(field) is \(share), must be from 0 to 1")
        }
        guard ruinFinalTemperature > 0, ruinFinalTemperature <= ruinStartTemperature,
            ruinFinalTemperature <= ruinRepeatTemperature
        else {
            throw ArcRoutingError(
                .malformedInstance,
                "\(name): ruin temperatures \(ruinStartTemperature) and \(ruinRepeatTemperature) to "
                    + "\(ruinFinalTemperature) must be above 0 "
                    + "and fall, not rise")
        }
        guard ruinFillFinalTemperature > 0, ruinFillFinalTemperature.isFinite else {
            throw ArcRoutingError(
                .malformedInstance,
                "\(name): ruinFillFinalTemperature is \(ruinFillFinalTemperature), must be above 0 and finite")
        }
    }
}
