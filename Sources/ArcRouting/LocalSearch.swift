/// Local search over the granular neighbourhood (Toth and Vigo 2003): for
/// each task u, in random order, and each of its nearest tasks v, try the
/// moves in turn and apply the first that lowers the penalised cost; repeat
/// until no move improves. Internal.
struct LocalSearch {
    let instance: SearchInstance
    /// For each task, the nearest other tasks by deadhead between any end
    /// of one and any start of the other.
    let neighbours: [[Int]]

    /// Most passes over all tasks (`SolverParameters.localSearchRounds`).
    let maxRounds: Int

    init(_ instance: SearchInstance, parameters: SolverParameters) {
        self.instance = instance
        self.maxRounds = parameters.localSearchRounds
        let granularity = parameters.granularity
        let n = instance.taskCount
        var neighbours: [[Int]] = []
        for u in 0..<n {
            var near: [(Int, Int)] = []
            for v in 0..<n where v != u {
                var d = Int.max
                for a in [2 * u, 2 * u + 1] where a & 1 == 0 || instance.twoWay[u] {
                    for b in [2 * v, 2 * v + 1] where b & 1 == 0 || instance.twoWay[v] {
                        d = min(d, instance.dh(a, b), instance.dh(b, a))
                    }
                }
                near.append((d, v))
            }
            near.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            neighbours.append(near.prefix(granularity).map(\.1))
        }
        self.neighbours = neighbours
    }

    @inline(__always)
    private func attempt<M: Move>(_: M.Type, _ state: inout RouteState, _ u: Int, _ v: Int) -> Bool {
        guard let move = M.evaluate(state, u: u, v: v) else { return false }
        move.apply(to: &state)
        return true
    }

    /// Improves `state` until no move helps.
    func run(_ state: inout RouteState, rng: inout RandomSource) {
        var order = Array(0..<instance.taskCount)
        var lastTested = [Int](repeating: -1, count: instance.taskCount)
        var improved = true
        var rounds = 0
        while improved && rounds < maxRounds {
            improved = false
            rounds += 1
            order.shuffle(using: &rng)
            for u in order {
                let testedBefore = lastTested[u]
                lastTested[u] = state.changes
                if attempt(Flip.self, &state, u, u) { improved = true }
                for v in neighbours[u] {
                    // Skip pairs whose routes have not changed since u was last tried.
                    if rounds > 1, max(state.modifiedAt[state.routeOf[u]], state.modifiedAt[state.routeOf[v]]) <= testedBefore { continue }
                    if attempt(Relocate.self, &state, u, v)
                        || attempt(Swap.self, &state, u, v)
                        || attempt(TwoOptStar.self, &state, u, v)
                        || attempt(TwoOpt.self, &state, u, v) {
                        improved = true
                    }
                }
                if attempt(NewRoute.self, &state, u, u) { improved = true }
            }
        }
    }
}
