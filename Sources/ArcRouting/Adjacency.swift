/// The problem's links as a directed graph in compressed rows: the arcs
/// leaving node v are `first[v] ..< first[v + 1]`; `reversed` turns every
/// arc round (for costs *to* a node). Costs are capped at
/// `DistanceTable.unreachable`. Internal.
struct Adjacency: Sendable {
    let first: [Int]
    let head: [Int]
    let cost: [Int]

    init(_ problem: CARPProblem, reversed: Bool = false) {
        var count = [Int](repeating: 0, count: problem.nodeCount + 1)
        var arcs: [(from: Int, to: Int, cost: Int)] = []
        for link in problem.links {
            let cost = min(link.deadheadCost, DistanceTable.unreachable)
            arcs.append(reversed ? (link.to, link.from, cost) : (link.from, link.to, cost))
            if link.twoWay { arcs.append(reversed ? (link.from, link.to, cost) : (link.to, link.from, cost)) }
        }
        for arc in arcs { count[arc.from + 1] += 1 }
        for v in 0..<problem.nodeCount { count[v + 1] += count[v] }
        var next = count
        var head = [Int](repeating: 0, count: arcs.count)
        var cost = head
        for arc in arcs {
            head[next[arc.from]] = arc.to
            cost[next[arc.from]] = arc.cost
            next[arc.from] += 1
        }
        first = count
        self.head = head
        self.cost = cost
    }

    var nodeCount: Int { first.count - 1 }

    /// The arcs leaving node `v` for another node (loops left out: no
    /// shortest path takes one).
    func arcs(leaving v: Int) -> [Int] { (first[v]..<first[v + 1]).filter { head[$0] != v } }
}

/// One Dijkstra at a time over an `Adjacency`, on a radix heap, reusing
/// its arrays between searches (only the nodes a search touched are reset).
/// A path's cost stops at `DistanceTable.unreachable`. Internal.
struct ShortestPaths {
    let graph: Adjacency
    private var dist: [Int]
    private var touched: [Int] = []
    private var heap = RadixHeap()

    init(_ graph: Adjacency) {
        self.graph = graph
        dist = [Int](repeating: Int.max, count: graph.nodeCount)
    }

    /// Settles nodes from `source` in order of cost, handing each with its
    /// cost to `settle`, until `settle` returns false or none is left.
    mutating func search(from source: Int, settle: (_ node: Int, _ cost: Int) -> Bool) {
        for v in touched { dist[v] = Int.max }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        dist[source] = 0
        touched.append(source)
        heap.push(0, source)
        while let (d, u) = heap.pop() {
            if d > dist[u] { continue }
            guard settle(u, d) else { return }
            for a in graph.first[u]..<graph.first[u + 1] {
                let v = graph.head[a]
                let c = min(d + graph.cost[a], DistanceTable.unreachable)
                guard c < dist[v] else { continue }
                if dist[v] == Int.max { touched.append(v) }
                dist[v] = c
                heap.push(c, v)
            }
        }
    }

    /// Settles from `source` until all `count` terminals (`terminalOf`:
    /// each node's terminal number, -1 for the others) are settled, or none
    /// is left, handing each terminal with its cost to `found`.
    mutating func settle(
        of terminalOf: [Int], count: Int, from source: Int, _ found: (_ terminal: Int, _ cost: Int) -> Void
    ) {
        var left = count
        guard left > 0 else { return }
        search(from: source) { node, cost in
            guard terminalOf[node] >= 0 else { return true }
            found(terminalOf[node], cost)
            left -= 1
            return left > 0
        }
    }
}
