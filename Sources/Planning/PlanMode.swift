/// Which of the two plans of a week the planner makes: all partners
/// together, or each partner alone with its own crews (the baseline that
/// savings are measured against). Same stages, same solver, same budget.
public enum PlanMode: String, Sendable, CaseIterable {
    /// Partners that pool their crews share one pool; visits merge across partners.
    case shared
    /// Every partner plans alone; visits merge only within a partner.
    case baseline
}
