/// SWAP* (Vidal 2022) for CARP: task u of route a and task v of route b
/// exchange routes, each served at its cheapest place in the other route
/// (not necessarily the place the other left) in its cheaper direction; or
/// one task alone moves to its cheapest place in the other route. Each
/// task's three cheapest places in the other route are found first, so
/// that every pair of tasks is then weighed in O(1): of the places beside
/// v, which go when v leaves, at most two are among the three. A move on a
/// pair of routes, not on a pair of tasks, so not a `Move`: local search
/// calls it once its granular moves find nothing. Internal.
struct SwapStar {
    /// A task's new place: its direction and position in the target route,
    /// counted once the task leaving that route (if any) has left.
    struct Placement {
        let task: Int
        let td: Int
        let position: Int
    }

    /// A place in a route for one task: the cost it adds, before element
    /// `position` (of the route as it is), in direction `td`.
    struct Place {
        var added: Int
        var position: Int
        var td: Int

        static let none = Place(added: Int.max, position: -1, td: -1)
    }

    let gain: Double
    let routeA: Int
    let routeB: Int
    /// Route a's task that moves to route b, and route b's that moves to a.
    let fromA: Placement?
    let fromB: Placement?

    /// The best exchange or single move between routes a and b (both
    /// non-empty, a != b) that lowers the penalised cost, if any.
    /// - Complexity: O(|a| |b|) reads of the distance table.
    static func best(_ s: RouteState, _ a: Int, _ b: Int) -> SwapStar? {
        let placesA = cheapestPlaces(s, from: a, into: b)
        let placesB = cheapestPlaces(s, from: b, into: a)
        let savedA = removalSavings(s, a)
        let savedB = removalSavings(s, b)
        var best: SwapStar?
        func offer(_ gain: Double, _ fromA: Placement?, _ fromB: Placement?) {
            if gain > best?.gain ?? 1e-9 {
                best = SwapStar(gain: gain, routeA: a, routeB: b, fromA: fromA, fromB: fromB)
            }
        }
        let i = s.instance
        let before = s.penalised(a) + s.penalised(b)
        for (k, tdU) in s.routes[a].enumerated() {
            let place = placesA[3 * k]
            let demand = i.dem(tdU)
            let gain =
                before - s.penalised(cost: s.cost[a] - savedA[k], load: s.load[a] - demand)
                - s.penalised(cost: s.cost[b] + place.added, load: s.load[b] + demand)
            offer(gain, Placement(task: tdU >> 1, td: place.td, position: place.position), nil)
        }
        for (m, tdV) in s.routes[b].enumerated() {
            let place = placesB[3 * m]
            let demand = i.dem(tdV)
            let gain =
                before - s.penalised(cost: s.cost[a] + place.added, load: s.load[a] + demand)
                - s.penalised(cost: s.cost[b] - savedB[m], load: s.load[b] - demand)
            offer(gain, nil, Placement(task: tdV >> 1, td: place.td, position: place.position))
        }
        let leastA = s.routes[a].map { leastAdded(s, $0) }
        let leastB = s.routes[b].map { leastAdded(s, $0) }
        for (k, tdU) in s.routes[a].enumerated() {
            for (m, tdV) in s.routes[b].enumerated() {
                let shift = i.dem(tdV) - i.dem(tdU)
                // As HGS-CVRP, first a bound on the gain, with each task
                // adding the least it can wherever it goes.
                let bound =
                    before - s.penalised(cost: s.cost[a] - savedA[k] + leastB[m], load: s.load[a] + shift)
                    - s.penalised(cost: s.cost[b] - savedB[m] + leastA[k], load: s.load[b] - shift)
                if bound <= best?.gain ?? 1e-9 { continue }
                let intoB = bestPlace(s, placesA[(3 * k)..<(3 * k + 3)], replacing: m, of: b)
                let intoA = bestPlace(s, placesB[(3 * m)..<(3 * m + 3)], replacing: k, of: a)
                let gain =
                    before - s.penalised(cost: s.cost[a] - savedA[k] + intoA.added, load: s.load[a] + shift)
                    - s.penalised(cost: s.cost[b] - savedB[m] + intoB.added, load: s.load[b] - shift)
                offer(
                    gain, Placement(task: tdU >> 1, td: intoB.td, position: intoB.position),
                    Placement(task: tdV >> 1, td: intoA.td, position: intoA.position))
            }
        }
        return best
    }

    /// For each task k of route `from`, its three cheapest places in route
    /// `into` (distinct positions, each in the cheaper direction), cheapest
    /// first, at 3k, 3k + 1 and 3k + 2 (one array, not one per task: SWAP*
    /// runs on thousands of pairs of routes an offspring); `Place.none`
    /// where the route has fewer places.
    private static func cheapestPlaces(_ s: RouteState, from: Int, into: Int) -> [Place] {
        let i = s.instance
        let target = s.routes[into]
        let joined = (0...target.count).map { j in i.dh(s.at(into, j - 1), s.at(into, j)) }
        var places = [Place](repeating: .none, count: 3 * s.routes[from].count)
        for (k, td) in s.routes[from].enumerated() {
            var top = (Place.none, Place.none, Place.none)
            for j in 0...target.count {
                let place = cheaper(s, td, between: s.at(into, j - 1), and: s.at(into, j), joined: joined[j], at: j)
                if place.added >= top.2.added { continue }
                top.2 = place
                if top.2.added < top.1.added { swap(&top.1, &top.2) }
                if top.1.added < top.0.added { swap(&top.0, &top.1) }
            }
            (places[3 * k], places[3 * k + 1], places[3 * k + 2]) = top
        }
        return places
    }

    /// Task-direction td (or its flip) served between x and y, whose direct
    /// deadhead is `joined`: the cost it adds, at position `position`.
    @inline(__always)
    private static func cheaper(_ s: RouteState, _ td: Int, between x: Int, and y: Int, joined: Int, at position: Int)
        -> Place
    {
        let i = s.instance
        var place = Place(added: i.dh(x, td) + i.svc(td) + i.dh(td, y) - joined, position: position, td: td)
        if i.canFlip(td) {
            let flip = td ^ 1
            let added = i.dh(x, flip) + i.svc(flip) + i.dh(flip, y) - joined
            if added < place.added { place = Place(added: added, position: position, td: flip) }
        }
        return place
    }

    /// The cheapest place among `top` (places in route r) once the task at
    /// position m of r has left, or in its very place; the position counted
    /// without it.
    private static func bestPlace(_ s: RouteState, _ top: ArraySlice<Place>, replacing m: Int, of r: Int) -> Place {
        let x = s.at(r, m - 1)
        let y = s.at(r, m + 1)
        let inPlace = cheaper(s, top[top.startIndex].td, between: x, and: y, joined: s.instance.dh(x, y), at: m)
        let kept = top.first { $0.position >= 0 && $0.position != m && $0.position != m + 1 }
        guard let kept, kept.added < inPlace.added else { return inPlace }
        return Place(added: kept.added, position: kept.position > m ? kept.position - 1 : kept.position, td: kept.td)
    }

    /// The least a task adds to a route wherever it is served, in either
    /// direction: its service less the deadhead between its own ends, on
    /// shortest-path costs (the triangle inequality). The ends' terminals
    /// exist for both directions of every task, so `dh(td ^ 1, td ^ 1)` is
    /// the deadhead from td's start to its end. On near costs, an upper
    /// bound between far terminals, the inequality can fail: then a move
    /// may be missed, never a worse one made.
    private static func leastAdded(_ s: RouteState, _ td: Int) -> Int {
        let i = s.instance
        let forward = i.svc(td) - i.dh(td ^ 1, td ^ 1)
        return i.canFlip(td) ? min(forward, i.svc(td ^ 1) - i.dh(td, td)) : forward
    }

    /// For each position of route r, how much its cost falls when the task
    /// there leaves.
    private static func removalSavings(_ s: RouteState, _ r: Int) -> [Int] {
        let i = s.instance
        return s.routes[r].indices.map { k in
            let x = s.at(r, k - 1)
            let td = s.routes[r][k]
            let y = s.at(r, k + 1)
            return i.dh(x, td) + i.svc(td) + i.dh(td, y) - i.dh(x, y)
        }
    }

    func apply(to s: inout RouteState) {
        if let u = fromA { s.routes[routeA].remove(at: s.posOf[u.task]) }
        if let v = fromB { s.routes[routeB].remove(at: s.posOf[v.task]) }
        if let u = fromA { s.routes[routeB].insert(u.td, at: u.position) }
        if let v = fromB { s.routes[routeA].insert(v.td, at: v.position) }
        s.refresh(routeA)
        s.refresh(routeB)
        s.tidy()
    }
}
