/// 2-opt* between two routes (Potvin and Rousseau 1995): cut both and
/// exchange the tails so that task u is followed by task v. O(1) with the
/// routes' prefix sums.
struct TwoOptStar: Move {
    let gain: Double
    let ru: Int, cutU: Int
    let rv: Int, cutV: Int

    static func evaluate(_ s: RouteState, u: Int, v: Int) -> TwoOptStar? {
        let i = s.instance
        let ru = s.routeOf[u]
        let rv = s.routeOf[v]
        guard ru != rv else { return nil }
        let a = s.posOf[u] + 1
        let b = s.posOf[v]  // ru keeps 0..<a, rv keeps 0..<b
        let lastU = s.at(ru, a - 1)
        let firstU = s.at(ru, a)
        let lastV = s.at(rv, b - 1)
        let firstV = s.at(rv, b)
        let newU = s.pre[ru][a] + i.dh(lastU, firstV) + s.suf[rv][b]
        let newV = s.pre[rv][b] + i.dh(lastV, firstU) + s.suf[ru][a]
        let loadU = s.preLoad[ru][a] + s.load[rv] - s.preLoad[rv][b]
        let loadV = s.preLoad[rv][b] + s.load[ru] - s.preLoad[ru][a]
        let gain =
            s.penalised(ru) + s.penalised(rv) - s.penalised(cost: newU, load: loadU)
            - s.penalised(cost: newV, load: loadV)
        return gain > 1e-9 ? TwoOptStar(gain: gain, ru: ru, cutU: a, rv: rv, cutV: b) : nil
    }

    func apply(to s: inout RouteState) {
        let tailU = Array(s.routes[ru][cutU...])
        let tailV = Array(s.routes[rv][cutV...])
        s.routes[ru].replaceSubrange(cutU..., with: tailV)
        s.routes[rv].replaceSubrange(cutV..., with: tailU)
        s.refresh(ru)
        s.refresh(rv)
        s.tidy()
    }
}
