/// Deadhead costs that the caller computes on its own graph, so a problem
/// needs no deadhead links: the street planner answers from one
/// shortest-path pass on the street graph, and lays the rounds' paths out
/// from the same search trees. Costs are in the problem's integer unit.
public protocol CARPDeadheadCosts: Sendable {
    /// The cheapest deadhead cost from node `source` to each of `targets`,
    /// in the order given; `Int.max` where a target cannot be reached.
    /// Never negative, and the cheapest indeed (no detour beats it: with
    /// near costs the solver takes paths through hubs as upper bounds).
    /// - Complexity: the caller's; up to the dense limit the solver calls
    ///   it once per terminal (the depot and the ends of the required
    ///   links) with every terminal as targets, in order. Beyond, once per
    ///   hub (256) with every terminal as targets; then, unless the caller
    ///   is also `CARPNearestCosts`, once more per terminal with every
    ///   terminal; and after the search, once with one target per far
    ///   deadhead of each thread's best solution.
    func costs(from source: Int, to targets: [Int]) -> [Int]
}

/// Deadhead costs from a caller that can also stop a search at the nearest
/// targets and search backwards: beyond the dense limit the solver then
/// asks each terminal only for its nearest (`NearDistances.Limits`) and
/// each hub for its costs both ways, so the caller's work and memory grow
/// about linearly with the terminals, not with their square.
public protocol CARPNearestCosts: CARPDeadheadCosts {
    /// The `count` cheapest of `targets` from node `source` (the source
    /// itself at 0 when it is one), with their costs, in any order; fewer
    /// when fewer can be reached.
    func nearest(from source: Int, among targets: [Int], count: Int) -> [(node: Int, cost: Int)]
    /// The cheapest cost from each of `sources` to node `target`, in the
    /// order given; `Int.max` where `target` cannot be reached.
    func costs(to target: Int, from sources: [Int]) -> [Int]
}
