/// Relocate: task u leaves its place and is served just after or just
/// before task v, in whichever direction is cheaper (Prins 2004's move M1,
/// with the flip of Lacomme et al. 2004).
struct Relocate: Move {
    let gain: Double
    let task: Int
    let td: Int
    let route: Int
    /// Position in the target route, counted with u already removed.
    let position: Int

    static func evaluate(_ s: RouteState, u: Int, v: Int) -> Relocate? {
        let i = s.instance
        let ru = s.routeOf[u]
        let pu = s.posOf[u]
        let rv = s.routeOf[v]
        let pv = s.posOf[v]
        let tdU = s.td(ofTask: u)
        let before = s.at(ru, pu - 1)
        let after = s.at(ru, pu + 1)
        let removed = s.cost[ru] - i.dh(before, tdU) - i.svc(tdU) - i.dh(tdU, after) + i.dh(before, after)
        var best: Relocate?
        // Insert between a and b: after v (v, next) or before v (previous, v).
        for side in 0..<2 {
            let placeAfter = side == 0
            let a = placeAfter ? s.at(rv, pv) : s.at(rv, pv - 1)
            let b = placeAfter ? s.at(rv, pv + 1) : s.at(rv, pv)
            if a == tdU || b == tdU { continue }  // u is already there
            var position = placeAfter ? pv + 1 : pv
            if ru == rv, pu < position { position -= 1 }
            for flip in 0..<(i.canFlip(tdU) ? 2 : 1) {
                let dir = (tdU & ~1) | flip
                let added = i.dh(a, dir) + i.svc(dir) + i.dh(dir, b) - i.dh(a, b)
                let gain: Double
                if ru == rv {
                    gain = s.penalised(ru) - s.penalised(cost: removed + added, load: s.load[ru])
                } else {
                    gain =
                        s.penalised(ru) + s.penalised(rv)
                        - s.penalised(cost: removed, load: s.load[ru] - i.dem(tdU))
                        - s.penalised(cost: s.cost[rv] + added, load: s.load[rv] + i.dem(tdU))
                }
                if gain > best?.gain ?? 1e-9 {
                    best = Relocate(gain: gain, task: u, td: dir, route: rv, position: position)
                }
            }
        }
        return best
    }

    func apply(to s: inout RouteState) {
        let ru = s.routeOf[task]
        s.routes[ru].remove(at: s.posOf[task])
        s.routes[route].insert(td, at: position)
        s.refresh(ru)
        if route != ru { s.refresh(route) }
    }
}
