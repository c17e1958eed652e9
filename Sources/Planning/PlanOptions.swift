import Works

/// Settings of one weekly plan.
public struct PlanOptions: Sendable, Equatable {
    public var week: ISOWeek
    /// Wall-clock seconds for the whole plan, setup included (shared and
    /// baseline each get this much), shared out between routing jobs as the
    /// plan goes. Ignored when `iterations` is set.
    public var seconds: Double = 10
    public var seed: UInt64 = 1
    /// Solver iterations per routing job. When set, the time limit is
    /// lifted: with a seed, the same plan on every run and every machine.
    public var iterations: Int?
    /// The week fortnightly tasks count from.
    public var fortnightAnchor = ISOWeek(year: 2026, week: 1)
    /// Gritting: every stand-by round must finish within this many hours.
    public var treatmentDeadlineHours: Double = 3
    /// When rounds without hours of their own leave the depot, in minutes
    /// after midnight. Default 07:00.
    public var shiftStartMinutes = 7 * 60
    /// Whether rounds no crew of their class can take move to another able
    /// crew class with time that day (the fleet repair). Default true;
    /// false reports them as a shortfall straight away.
    public var fleetRepair = true
    /// How stops are given to crew classes: `.capacitated` (default) or the
    /// simplest rule, `.nearestDepot`, for comparison.
    public var crewAssignment = CrewAssignmentMethod.capacitated

    public init(week: ISOWeek) {
        self.week = week
    }
}
