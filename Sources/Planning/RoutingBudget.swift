import ArcRouting
import Foundation

/// Shares a plan's wall time between its routing jobs as the plan goes:
/// each job gets its share (by visits) of the time left, so setup and
/// earlier jobs' overruns are counted and the plan ends near its budget.
/// With an iteration budget there is no time limit: the same plan on any
/// machine.
struct RoutingBudget {
    let options: PlanOptions
    /// When the plan started (its setup counts against the budget).
    let started: ContinuousClock.Instant
    /// Visits of the jobs not yet solved.
    private(set) var remainingVisits: Int
    /// The least a job is given, in seconds, even when time has run out.
    static let minimumSeconds = 0.01

    init(options: PlanOptions, started: ContinuousClock.Instant, jobs: [RoutingJob]) {
        self.options = options
        self.started = started
        remainingVisits = jobs.reduce(0) { $0 + $1.visits.count }
    }

    /// Wall-clock seconds left of the plan's budget.
    var secondsLeft: Double { options.seconds - (ContinuousClock.now - started).seconds }

    /// The solver's parameters for job `k` of the plan, and its share of the
    /// time left; counts the job as solved.
    mutating func parameters(forJob k: Int, _ job: RoutingJob) -> SolverParameters {
        var parameters = SolverParameters()
        parameters.seed = options.seed &+ UInt64(k)
        parameters.maxIterations = options.iterations
        let share = Double(job.visits.count) / Double(max(1, remainingVisits))
        parameters.timeLimit =
            options.iterations == nil
            ? max(Self.minimumSeconds, secondsLeft * share) : .greatestFiniteMagnitude
        remainingVisits -= job.visits.count
        return parameters
    }

    /// The parameters of a fleet-repair job (rounds moved to another crew
    /// class): its own seed, the iteration budget, else a small share of the
    /// time left (the repair runs after every job has had its share).
    func repairParameters(move: Int, _ job: RoutingJob) -> SolverParameters {
        var parameters = SolverParameters()
        parameters.seed = options.seed &+ Self.repairSeedOffset &+ UInt64(move)
        parameters.maxIterations = options.iterations
        parameters.timeLimit =
            options.iterations == nil
            ? min(Self.repairMaximumSeconds, max(Self.minimumSeconds, secondsLeft)) : .greatestFiniteMagnitude
        return parameters
    }

    static let repairSeedOffset: UInt64 = 1 << 32
    /// The most a repair job is given, in seconds.
    static let repairMaximumSeconds = 0.5
}
