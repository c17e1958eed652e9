/// Swap: tasks u and v exchange places, each in its cheaper direction
/// (Prins 2004's move M3 for CARP). Adjacent tasks in one route are left to
/// relocate.
struct Swap: Move {
    let gain: Double
    let u: Int, v: Int
    let tdU: Int, tdV: Int

    static func evaluate(_ s: RouteState, u: Int, v: Int) -> Swap? {
        let i = s.instance
        let ru = s.routeOf[u]
        let pu = s.posOf[u]
        let rv = s.routeOf[v]
        let pv = s.posOf[v]
        if ru == rv, abs(pu - pv) < 2 { return nil }
        let oldU = s.td(ofTask: u)
        let oldV = s.td(ofTask: v)
        let au = s.at(ru, pu - 1)
        let bu = s.at(ru, pu + 1)
        let av = s.at(rv, pv - 1)
        let bv = s.at(rv, pv + 1)
        // Best direction of v in u's place, and of u in v's place.
        func best(_ task: Int, _ a: Int, _ b: Int) -> (Int, Int) {
            var choice = (2 * task, i.dh(a, 2 * task) + i.dh(2 * task, b))
            if i.canFlip(2 * task) {
                let c = i.dh(a, 2 * task + 1) + i.dh(2 * task + 1, b)
                if c < choice.1 { choice = (2 * task + 1, c) }
            }
            return choice
        }
        let (newV, inU) = best(v, au, bu)
        let (newU, inV) = best(u, av, bv)
        let deltaU = inU + i.svc(newV) - i.dh(au, oldU) - i.svc(oldU) - i.dh(oldU, bu)
        let deltaV = inV + i.svc(newU) - i.dh(av, oldV) - i.svc(oldV) - i.dh(oldV, bv)
        let gain: Double
        if ru == rv {
            gain = s.penalised(ru) - s.penalised(cost: s.cost[ru] + deltaU + deltaV, load: s.load[ru])
        } else {
            let shift = i.dem(oldV) - i.dem(oldU)
            gain =
                s.penalised(ru) + s.penalised(rv)
                - s.penalised(cost: s.cost[ru] + deltaU, load: s.load[ru] + shift)
                - s.penalised(cost: s.cost[rv] + deltaV, load: s.load[rv] - shift)
        }
        return gain > 1e-9 ? Swap(gain: gain, u: u, v: v, tdU: newU, tdV: newV) : nil
    }

    func apply(to s: inout RouteState) {
        let ru = s.routeOf[u]
        let pu = s.posOf[u]
        let rv = s.routeOf[v]
        let pv = s.posOf[v]
        s.routes[ru][pu] = tdV
        s.routes[rv][pv] = tdU
        s.refresh(ru)
        if rv != ru { s.refresh(rv) }
        s.tidy()
    }
}
