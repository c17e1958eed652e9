/// Relocate to a new route: task u alone from the depot and back (used
/// when routes are over capacity or too long).
struct NewRoute: Move {
    let gain: Double
    let task: Int
    let td: Int

    static func evaluate(_ s: RouteState, u: Int, v: Int) -> NewRoute? {
        let i = s.instance
        let ru = s.routeOf[u]
        let pu = s.posOf[u]
        let empty = s.routes.count - 1
        guard s.routes[ru].count > 1, s.routes[empty].isEmpty else { return nil }
        if let fleet = i.fleetSize, s.routes.count > fleet { return nil }
        let tdU = s.td(ofTask: u)
        let before = s.at(ru, pu - 1)
        let after = s.at(ru, pu + 1)
        let removed = s.cost[ru] - i.dh(before, tdU) - i.svc(tdU) - i.dh(tdU, after) + i.dh(before, after)
        var best: NewRoute?
        for flip in 0..<(i.canFlip(tdU) ? 2 : 1) {
            let dir = (tdU & ~1) | flip
            let alone = i.dh(-1, dir) + i.svc(dir) + i.dh(dir, -1)
            let gain =
                s.penalised(ru) - s.penalised(cost: removed, load: s.load[ru] - i.dem(tdU))
                - s.penalised(cost: alone, load: i.dem(tdU))
            if gain > best?.gain ?? 1e-9 { best = NewRoute(gain: gain, task: u, td: dir) }
        }
        return best
    }

    func apply(to s: inout RouteState) {
        let ru = s.routeOf[task]
        let empty = s.routes.count - 1
        s.routes[ru].remove(at: s.posOf[task])
        s.routes[empty] = [td]
        s.refresh(ru)
        s.refresh(empty)
        s.tidy()
    }
}
