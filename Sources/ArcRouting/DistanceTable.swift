/// Shortest deadhead costs between the nodes that matter (the depot and the
/// ends of required links): from the caller's `CARPDeadheadCosts` when the
/// problem has them, else by one Dijkstra per such node over the problem's
/// links. Internal to the solver.
///
/// - Complexity: O(t (n + m) log n) to build for t terminals; O(1) per
///   look-up.
struct DistanceTable: Sendable {
    /// Index of each node among the terminals, -1 for the others.
    let terminalOf: [Int]
    let terminalCount: Int
    /// Row-major t x t matrix; `Int.max / 4` where unreachable.
    let cost: [Int]

    static let unreachable = Int.max / 4

    init(_ problem: CARPProblem) {
        var terminalOf = [Int](repeating: -1, count: problem.nodeCount)
        var terminals: [Int] = []
        func add(_ v: Int) { if terminalOf[v] < 0 { terminalOf[v] = terminals.count; terminals.append(v) } }
        add(problem.depot)
        for link in problem.links where link.isRequired { add(link.from); add(link.to) }
        self.terminalOf = terminalOf
        self.terminalCount = terminals.count
        if let given = problem.deadheadCosts {
            cost = terminals.flatMap { source in
                given.costs(from: source, to: terminals).map { $0 == Int.max ? Self.unreachable : $0 }
            }
        } else {
            cost = Self.dijkstra(problem, terminals: terminals)
        }
    }

    /// One Dijkstra per terminal over the problem's links; row-major t x t.
    private static func dijkstra(_ problem: CARPProblem, terminals: [Int]) -> [Int] {
        // Adjacency for deadheading.
        var adjacency = [[(Int, Int)]](repeating: [], count: problem.nodeCount)
        for link in problem.links {
            adjacency[link.from].append((link.to, link.deadheadCost))
            if link.twoWay { adjacency[link.to].append((link.from, link.deadheadCost)) }
        }
        let t = terminals.count
        var cost = [Int](repeating: unreachable, count: t * t)
        var dist = [Int](repeating: unreachable, count: problem.nodeCount)
        var heap: [(Int, Int)] = []
        for (row, source) in terminals.enumerated() {
            for k in dist.indices { dist[k] = unreachable }
            dist[source] = 0
            heap.removeAll(keepingCapacity: true)
            heapPush(&heap, (0, source))
            while let (d, u) = heapPop(&heap) {
                if d > dist[u] { continue }
                for (v, c) in adjacency[u] where d + c < dist[v] {
                    dist[v] = d + c
                    heapPush(&heap, (d + c, v))
                }
            }
            for (col, target) in terminals.enumerated() { cost[row * t + col] = dist[target] }
        }
        return cost
    }

    /// The largest reachable cost in the table. - Complexity: O(t^2)
    var largestFiniteCost: Int {
        cost.lazy.filter { $0 < Self.unreachable }.max() ?? 1
    }

    @inline(__always)
    func callAsFunction(_ a: Int, _ b: Int) -> Int {
        cost[terminalOf[a] * terminalCount + terminalOf[b]]
    }
}

func heapPush(_ heap: inout [(Int, Int)], _ item: (Int, Int)) {
    heap.append(item)
    var i = heap.count - 1
    while i > 0 {
        let up = (i - 1) / 2
        if heap[up].0 <= item.0 { break }
        heap[i] = heap[up]
        i = up
    }
    heap[i] = item
}

func heapPop(_ heap: inout [(Int, Int)]) -> (Int, Int)? {
    guard let top = heap.first else { return nil }
    let last = heap.removeLast()
    if heap.isEmpty { return top }
    var i = 0
    while true {
        var c = 2 * i + 1
        if c >= heap.count { break }
        if c + 1 < heap.count, heap[c + 1].0 < heap[c].0 { c += 1 }
        if heap[c].0 >= last.0 { break }
        heap[i] = heap[c]
        i = c
    }
    heap[i] = last
    return top
}
