/// Settings of one weekly plan.
public struct PlanOptions: Sendable {
    public var week: ISOWeek
    /// Seconds of solver time for the whole plan (shared and baseline each
    /// get this much), shared out by the size of each day's problem.
    public var seconds: Double = 10
    public var seed: UInt64 = 1
    /// Solver iterations per problem; with a seed, the same plan every run.
    public var iterations: Int?
    /// The week fortnightly tasks count from.
    public var fortnightAnchor = ISOWeek(year: 2026, week: 1)
    /// Gritting: every stand-by round must finish within this many hours.
    public var treatmentDeadlineHours: Double = 3
    /// When rounds without hours of their own leave the depot, in minutes
    /// after midnight. Default 07:00.
    public var shiftStartMinutes = 7 * 60

    public init(week: ISOWeek) {
        self.week = week
    }
}
