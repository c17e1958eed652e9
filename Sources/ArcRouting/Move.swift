/// A local-search move behind one protocol, as VROOM and HGS-CVRP keep
/// theirs: `evaluate` finds the move's best valid form for task u beside
/// task v and its gain in penalised cost; `apply` performs it. Internal.
protocol Move {
    /// How much the penalised cost falls (positive = better).
    var gain: Double { get }
    static func evaluate(_ state: RouteState, u: Int, v: Int) -> Self?
    func apply(to state: inout RouteState)
}
