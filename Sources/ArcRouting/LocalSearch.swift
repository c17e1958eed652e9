import Foundation

/// Local search over the granular neighbourhood (Toth and Vigo 2003): for
/// each task u, in random order, and each of its nearest tasks v, try the
/// moves in turn and apply the first that lowers the penalised cost; when a
/// pass changes nothing, SWAP* on pairs of neighbouring routes; repeat
/// until no move improves. Internal.
struct LocalSearch {
    let instance: SearchInstance
    /// For each task, the nearest other tasks by deadhead between any end
    /// of one and any start of the other.
    let neighbours: [[Int]]

    /// Most passes over all tasks (`SolverParameters.localSearchRounds`).
    let maxRounds: Int
    /// Whether a pass that the granular moves leave as it was ends with
    /// SWAP* over neighbouring routes (`SolverParameters.swapStar`, below
    /// `largeInstanceTasks`).
    let swapStar: Bool
    /// `SolverParameters.granularity`: SWAP* skips a pair of routes of a
    /// and b tasks when its a x b pairs of tasks would cost more than their
    /// tasks' (a + b) x granularity granular moves.
    let granularity: Int

    /// - Parameter neighbours: from `LocalSearch.neighbours`, shared by
    ///   every search of one solve.
    init(_ instance: SearchInstance, neighbours: [[Int]], parameters: SolverParameters) {
        self.instance = instance
        self.neighbours = neighbours
        self.maxRounds = parameters.localSearchRounds
        self.swapStar = parameters.swapStar && instance.taskCount < parameters.largeInstanceTasks
        self.granularity = parameters.granularity
    }

    /// Each task's `granularity` nearest other tasks, nearest first (ties by
    /// index): u's nearness to v is the cheapest deadhead from either end of
    /// u to either end of v (on an undirected instance, the cheapest way
    /// between them either way round). Reads two rows of the distance table
    /// per task, in order.
    /// - Complexity: O(n^2) time, about O(n log granularity) per task beyond
    ///   the scan; O(n granularity) memory.
    static func neighbours(_ instance: SearchInstance, granularity: Int) -> [[Int]] {
        let n = instance.taskCount
        let k = min(granularity, n - 1)
        guard k > 0 else { return Array(repeating: [], count: n) }
        let table = instance.table
        guard let cost = table.cost else { return nearNeighbours(instance, granularity: k) }
        let width = table.terminalCount
        return (0..<n).map { u in
            let rowA = instance.startTerminal[2 * u] * width
            let rowB = instance.endTerminal[2 * u] * width
            var near = Cheapest(k)
            for v in 0..<n where v != u {
                let a = instance.startTerminal[2 * v]
                let b = instance.endTerminal[2 * v]
                near.offer(Int(min(min(cost[rowA + a], cost[rowA + b]), min(cost[rowB + a], cost[rowB + b]))), v)
            }
            return near.items.map(\.index)
        }
    }

    /// `neighbours` on a table of near costs: the same nearness, over the
    /// tasks with an end among the nearest terminals of u's two ends (so
    /// fewer than `granularity` where those hold fewer tasks).
    /// - Complexity: O(n k log k) for k near terminals per terminal.
    private static func nearNeighbours(_ instance: SearchInstance, granularity k: Int) -> [[Int]] {
        let n = instance.taskCount
        var tasksAt = [[Int]](repeating: [], count: instance.table.terminalCount)
        for v in 0..<n {
            tasksAt[instance.startTerminal[2 * v]].append(v)
            if instance.endTerminal[2 * v] != instance.startTerminal[2 * v] {
                tasksAt[instance.endTerminal[2 * v]].append(v)
            }
        }
        var gap = [Int](repeating: Int.max, count: n)
        var seen: [Int] = []
        return (0..<n).map { u in
            for end in [instance.startTerminal[2 * u], instance.endTerminal[2 * u]] {
                instance.table.near!.forEachNear(end) { terminal, cost in
                    for v in tasksAt[terminal] where v != u {
                        if gap[v] == Int.max { seen.append(v) }
                        gap[v] = min(gap[v], cost)
                    }
                }
            }
            var near = Cheapest(k)
            for v in seen {
                near.offer(gap[v], v)
                gap[v] = Int.max
            }
            seen.removeAll(keepingCapacity: true)
            return near.items.map(\.index)
        }
    }

    @inline(__always)
    private func attempt<M: Move>(_: M.Type, _ state: inout RouteState, _ u: Int, _ v: Int) -> Bool {
        guard let move = M.evaluate(state, u: u, v: v) else { return false }
        move.apply(to: &state)
        return true
    }

    /// Improves `state` until no move helps, or until `deadline` (checked
    /// once per task tried; nil, the default, never reads the clock).
    func run(_ state: inout RouteState, rng: inout RandomSource, until deadline: Date? = nil) {
        var order = Array(0..<instance.taskCount)
        var lastTested = [Int](repeating: -1, count: instance.taskCount)
        var improved = true
        var rounds = 0
        var routePairsTested = -1
        while improved && rounds < maxRounds {
            improved = false
            rounds += 1
            order.shuffle(using: &rng)
            for u in order {
                if let deadline, Date() >= deadline { return }
                let testedBefore = lastTested[u]
                lastTested[u] = state.changes
                if attempt(Flip.self, &state, u, u) { improved = true }
                for v in neighbours[u] {
                    // Skip pairs whose routes have not changed since u was last tried.
                    let changed = max(state.modifiedAt[state.routeOf[u]], state.modifiedAt[state.routeOf[v]])
                    if rounds > 1, changed <= testedBefore { continue }
                    if attempt(Relocate.self, &state, u, v)
                        || attempt(Swap.self, &state, u, v)
                        || attempt(TwoOptStar.self, &state, u, v)
                        || attempt(TwoOpt.self, &state, u, v)
                    {
                        improved = true
                    }
                }
                if attempt(NewRoute.self, &state, u, u) { improved = true }
            }
            // SWAP* once the granular moves find nothing, as in a final pass.
            if swapStar, !improved {
                let clock = state.changes
                if swapStarPass(&state, since: routePairsTested) { improved = true }
                routePairsTested = clock
            }
        }
    }

    /// SWAP* on each pair of routes that a task's neighbour list links, in
    /// the order of their indices, except pairs of routes neither of which
    /// changed since the clock `since` and pairs of long routes
    /// (`granularity`); true when a move was applied.
    private func swapStarPass(_ state: inout RouteState, since tested: Int) -> Bool {
        let width = state.routes.count
        var linked = [Bool](repeating: false, count: width * width)
        var pairs: [Int] = []
        for u in 0..<instance.taskCount {
            let ru = state.routeOf[u]
            for v in neighbours[u] where state.routeOf[v] != ru {
                let rv = state.routeOf[v]
                let pair = min(ru, rv) * width + max(ru, rv)
                if !linked[pair] {
                    linked[pair] = true
                    pairs.append(pair)
                }
            }
        }
        pairs.sort()
        var improved = false
        for pair in pairs {
            let (a, b) = (pair / width, pair % width)
            // SWAP* tidies empty routes away, which renumbers the routes after
            // them: the rest of the pass tries the pairs the indices now name
            // (still distinct routes; better than ending the pass, by the
            // figures in docs/arc-routing.md).
            guard b < state.routes.count, !state.routes[a].isEmpty, !state.routes[b].isEmpty else { continue }
            let (sizeA, sizeB) = (state.routes[a].count, state.routes[b].count)
            if sizeA * sizeB > granularity * (sizeA + sizeB) { continue }
            if max(state.modifiedAt[a], state.modifiedAt[b]) <= tested { continue }
            if let move = SwapStar.best(state, a, b) {
                move.apply(to: &state)
                improved = true
            }
        }
        return improved
    }
}
