/// Deadhead costs that the caller computes on its own graph, so a problem
/// needs no deadhead links: the street planner answers from one
/// shortest-path pass on the street graph, and lays the rounds' paths out
/// from the same search trees. Costs are in the problem's integer unit.
public protocol CARPDeadheadCosts: Sendable {
    /// The cheapest deadhead cost from node `source` to each of `targets`,
    /// in the order given; `Int.max` where a target cannot be reached.
    /// - Complexity: the caller's; the solver calls it once per terminal
    ///   (the depot and the ends of the required links).
    func costs(from source: Int, to targets: [Int]) -> [Int]
}
