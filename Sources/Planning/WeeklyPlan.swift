import Works

/// A week of rounds, with what could not be placed and the totals. It
/// carries its week, options and mode, so outputs need nothing beside it.
public struct WeeklyPlan: Sendable {
    public var week: ISOWeek { options.week }
    public var options: PlanOptions
    public var mode: PlanMode
    /// Weekday rounds, by day then id.
    public var rounds: [Round]
    /// Precautionary gritting: stand-by rounds per depot (no day).
    public var gritting: [Round]
    public var unplaced: [UnplacedVisit]
    /// Work the fleet could not do, per day and depot (its visits are in `unplaced`).
    public var shortfalls: [Shortfall]
    /// Order rules the plan could not keep inside a day (a sweep before the grass cut on one street and day).
    public var orderConflicts: [OrderConflict] = []
    /// Task visits in the week (one per task, segment and visit day).
    public var taskVisits: Int
    public var totals: PlanTotals
    /// Totals per organisation that ran the rounds (for the baseline split).
    public var totalsByOrganisation: [String: PlanTotals]
    /// Where the wall time went.
    public var timing: PlanTiming
}

/// Wall-clock seconds of one plan: in the solver's search, and in everything
/// else (expanding, merging, shortest paths, laying rounds out, rostering).
public struct PlanTiming: Sendable, Equatable {
    /// In calls to the solver, its setup included.
    public var solverSeconds = 0.0
    /// Of those, in the planner's shortest paths the solver asked for.
    public var shortestPathSeconds = 0.0
    public var totalSeconds = 0.0
    /// The solver's own work: its search and its setup beyond the distances.
    public var searchSeconds: Double { solverSeconds - shortestPathSeconds }
    public var outsideSolverSeconds: Double { totalSeconds - searchSeconds }

    public init() {}
}
