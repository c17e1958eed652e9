/// Deadhead costs that the caller computes on its own graph, so a problem
/// needs no deadhead links: the street planner answers from one
/// shortest-path pass on the street graph, and lays the rounds' paths out
/// from the same search trees. Costs are in the problem's integer unit.
public protocol CARPDeadheadCosts: Sendable {
    /// The cheapest deadhead cost from node `source` to each of `targets`,
    /// in the order given; `Int.max` where a target cannot be reached.
    /// Never negative, and the cheapest indeed (no detour beats it: with
    /// near costs the solver takes paths through hubs as upper bounds).
    /// - Complexity: the caller's; the solver calls it once per terminal
    ///   (the depot and the ends of the required links) with every
    ///   terminal as targets; beyond the dense limit also once more per
    ///   hub (256), and once with one target per far deadhead of the answer.
    func costs(from source: Int, to targets: [Int]) -> [Int]
}
