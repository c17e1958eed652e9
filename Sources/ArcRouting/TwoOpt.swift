/// 2-opt within a route: the services after u up to v are served in reverse
/// order and direction, so u is followed by v reversed. Only when every
/// task in the stretch may be served both ways. O(1) with prefix sums.
struct TwoOpt: Move {
    let gain: Double
    let route: Int
    let from: Int, to: Int

    static func evaluate(_ s: RouteState, u: Int, v: Int) -> TwoOpt? {
        let i = s.instance
        let r = s.routeOf[u]
        guard s.routeOf[v] == r else { return nil }
        let a = s.posOf[u] + 1
        let b = s.posOf[v]  // reverse a...b
        guard b > a, s.fixed[r][b + 1] - s.fixed[r][a] == 0 else { return nil }
        let first = s.routes[r][a]
        let last = s.routes[r][b]
        let before = s.at(r, a - 1)
        let after = s.at(r, b + 1)
        let newCost =
            s.cost[r] - i.dh(before, first) - i.dh(last, after) - (s.fwd[r][b] - s.fwd[r][a])
            + i.dh(before, i.flipped(last)) + i.dh(i.flipped(first), after) + (s.rev[r][b] - s.rev[r][a])
        let gain = s.penalised(r) - s.penalised(cost: newCost, load: s.load[r])
        return gain > 1e-9 ? TwoOpt(gain: gain, route: r, from: a, to: b) : nil
    }

    func apply(to s: inout RouteState) {
        let reversed = s.routes[route][from...to].reversed().map { $0 ^ 1 }
        s.routes[route].replaceSubrange(from...to, with: reversed)
        s.refresh(route)
    }
}
