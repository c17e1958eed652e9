/// Where a search's time went, by kind of work, so the time per unit of
/// each can be set against the instance's size (the CARP benchmark's
/// large instances): ruin and recreate's steps, the decomposition phases'
/// offspring (made on sub-problems of a few hundred tasks), and the
/// population's own offspring (crossover, Split and local search over
/// every task). Summed over the searches of one solve.
public struct SearchStages: Sendable, Equatable {
    /// Steps of ruin and recreate, and the seconds they took.
    public var ruinSteps = 0
    /// Of those, the steps rejected before all their tasks were back.
    public var ruinStepsCutShort = 0
    /// The steps a first ruin and recreate was last re-planned to, to fill
    /// the time left (`SolverParameters.ruinFillShare`, `ruinFillEveryTasks`);
    /// 0 when none was.
    public var ruinStepsFilled = 0
    public var ruinSeconds = 0.0
    /// Offspring made by the phases' sub-problem searches, and the phases' seconds.
    public var phaseOffspring = 0
    public var phaseSeconds = 0.0
    /// Offspring of the population's own crossovers, and their seconds.
    public var offspring = 0
    public var offspringSeconds = 0.0

    public init() {}

    /// Both searches' work together.
    static func + (a: SearchStages, b: SearchStages) -> SearchStages {
        var sum = a
        sum.ruinSteps += b.ruinSteps
        sum.ruinStepsCutShort += b.ruinStepsCutShort
        sum.ruinStepsFilled += b.ruinStepsFilled
        sum.ruinSeconds += b.ruinSeconds
        sum.phaseOffspring += b.phaseOffspring
        sum.phaseSeconds += b.phaseSeconds
        sum.offspring += b.offspring
        sum.offspringSeconds += b.offspringSeconds
        return sum
    }
}
