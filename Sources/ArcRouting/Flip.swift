/// Flip: task u served in the other direction, in place.
struct Flip: Move {
    let gain: Double
    let task: Int

    static func evaluate(_ s: RouteState, u: Int, v: Int) -> Flip? {
        let i = s.instance
        let r = s.routeOf[u]
        let p = s.posOf[u]
        let td = s.td(ofTask: u)
        guard i.canFlip(td) else { return nil }
        let a = s.at(r, p - 1)
        let b = s.at(r, p + 1)
        let delta = i.dh(a, td ^ 1) + i.dh(td ^ 1, b) - i.dh(a, td) - i.dh(td, b)
        let gain = s.penalised(r) - s.penalised(cost: s.cost[r] + delta, load: s.load[r])
        return gain > 1e-9 ? Flip(gain: gain, task: u) : nil
    }

    func apply(to s: inout RouteState) {
        let r = s.routeOf[task]
        s.routes[r][s.posOf[task]] ^= 1
        s.refresh(r)
    }
}
