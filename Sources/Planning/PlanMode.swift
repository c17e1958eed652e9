/// Which of the two plans of a week the planner makes: all partners
/// together, or each partner alone with its own crews (the baseline that
/// savings are measured against). Same stages, same solver, same budget.
public enum PlanMode: String, Sendable, CaseIterable {
    /// Partners that pool their crews share one pool; visits merge across partners.
    case shared
    /// Every partner plans alone; visits merge only within a partner.
    case baseline
}

/// How stops are given to crew classes (`PlanOptions.crewAssignment`).
public enum CrewAssignmentMethod: String, Sendable, CaseIterable {
    /// The class the stop's tasks prefer (nearest depot), whatever its crews can do in a day.
    case nearestDepot
    /// The preferred class with room that day, most-regret first; else the one with most room.
    case capacitated
}
