import Foundation

/// Shortest deadhead costs between the nodes that matter (the depot and the
/// ends of required links): from the caller's `CARPDeadheadCosts` when the
/// problem has them, else by one Dijkstra per such node over the problem's
/// links, on a radix heap, each stopping once every terminal is settled.
/// Stored as 32-bit integers (half the memory of `Int`; 4,500 terminals
/// take 80 MB) in a `CostMatrix` on huge pages, so a finite cost must stay
/// below `unreachable`. Internal to the solver.
///
/// - Complexity: O(t (m + n log C)) to build for t terminals and largest
///   cost C, less when the terminals lie close together; O(t^2) memory;
///   O(1) per look-up.
struct DistanceTable: Sendable {
    /// Index of each node among the terminals, -1 for the others.
    let terminalOf: [Int]
    let terminalCount: Int
    /// t x t; `unreachable` where unreachable.
    let cost: CostMatrix

    /// Marks a pair with no path; also the bound on finite costs (about 5.4e8).
    static let unreachable = Int(Int32.max / 4)

    /// The largest table built, in bytes: half the machine's memory, at
    /// most 8 GiB (46,340 terminals). Beyond it the solve is refused, not
    /// left to fail for memory (a hostile file of 11 MB asked for 335 GiB).
    static let maxBytes = min(8 << 30, Int(clamping: ProcessInfo.processInfo.physicalMemory / 2))

    init(_ problem: CARPProblem) throws {
        var terminalOf = [Int](repeating: -1, count: problem.nodeCount)
        var terminals: [Int] = []
        func add(_ v: Int) {
            if terminalOf[v] < 0 {
                terminalOf[v] = terminals.count
                terminals.append(v)
            }
        }
        add(problem.depot)
        for link in problem.links where link.isRequired {
            add(link.from)
            add(link.to)
        }
        self.terminalOf = terminalOf
        self.terminalCount = terminals.count
        let bytes = terminals.count.multipliedReportingOverflow(by: terminals.count * MemoryLayout<Int32>.stride)
        guard !bytes.overflow, bytes.partialValue <= Self.maxBytes else {
            let most = Int(Double(Self.maxBytes / MemoryLayout<Int32>.stride).squareRoot())
            throw ArcRoutingError(
                .infeasibleInstance,
                "\(problem.name): \(terminals.count) depot and required-link ends are more than the solver "
                    + "takes on this machine (\(most), a distance table of \(Self.maxBytes >> 30) GiB); "
                    + "split the problem into smaller ones")
        }
        var largest = 0
        let cost = CostMatrix(side: terminals.count, filledWith: Int32(Self.unreachable)) { cost in
            guard let given = problem.deadheadCosts else {
                largest = Self.dijkstra(problem, terminals: terminals, terminalOf: terminalOf, into: cost)
                return
            }
            for (row, source) in terminals.enumerated() {
                for (col, c) in given.costs(from: source, to: terminals).enumerated() where c != Int.max {
                    largest = max(largest, c)
                    cost[row * terminals.count + col] = Int32(clamping: c)
                }
            }
        }
        guard largest < Self.unreachable else {
            throw ArcRoutingError(
                .infeasibleInstance,
                "\(problem.name): a shortest deadhead path costs \(Self.unreachable) or more, over the "
                    + "solver's bound of \(Self.unreachable - 1); state costs in a coarser unit")
        }
        self.cost = cost
    }

    /// One Dijkstra per terminal over the problem's links (adjacency in
    /// compressed rows), stopped when every terminal it must find is
    /// settled: all of them, or, when every link is two-way (costs are then
    /// symmetric), those from its own index on, the others mirrored from
    /// earlier rows. Row-major t x t into `cost` (left as it is where
    /// unreachable); returns the largest cost found. A path's cost stops at
    /// `unreachable`, so a terminal only that far is found at that cost and
    /// the caller refuses the instance, while a dearer way to a node that
    /// has a cheaper one changes nothing.
    private static func dijkstra(
        _ problem: CARPProblem, terminals: [Int], terminalOf: [Int],
        into cost: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        let graph = Adjacency(problem)
        let t = terminals.count
        var largest = 0
        var dist = [Int](repeating: Int.max, count: problem.nodeCount)
        var touched: [Int] = []
        var heap = RadixHeap()
        let symmetric = problem.links.allSatisfy(\.twoWay)
        for (row, source) in terminals.enumerated() {
            let first = symmetric ? row : 0
            for v in touched { dist[v] = Int.max }
            touched.removeAll(keepingCapacity: true)
            dist[source] = 0
            touched.append(source)
            heap.push(0, source)
            var settled = 0
            while let (d, u) = heap.pop() {
                if d > dist[u] { continue }
                if terminalOf[u] >= first {
                    cost[row * t + terminalOf[u]] = Int32(truncatingIfNeeded: d)
                    largest = max(largest, d)
                    settled += 1
                    if settled == t - first { break }
                }
                for a in graph.first[u]..<graph.first[u + 1] {
                    let v = graph.head[a]
                    let c = min(d + graph.cost[a], Self.unreachable)
                    guard c < dist[v] else { continue }
                    if dist[v] == Int.max { touched.append(v) }
                    dist[v] = c
                    heap.push(c, v)
                }
            }
            heap.removeAll()
        }
        if symmetric {
            for row in 0..<t {
                for col in (row + 1)..<t { cost[col * t + row] = cost[row * t + col] }
            }
        }
        return largest
    }

    /// The largest reachable cost in the table. - Complexity: O(t^2)
    var largestFiniteCost: Int {
        Int(cost.entries.lazy.filter { Int($0) < Self.unreachable }.max() ?? 1)
    }

    /// The cost from node `a` to node `b`, both terminals.
    func callAsFunction(_ a: Int, _ b: Int) -> Int {
        precondition(terminalOf[a] >= 0 && terminalOf[b] >= 0, "not a terminal")
        return Int(cost[terminalOf[a] * terminalCount + terminalOf[b]])
    }
}

/// The problem's links as a directed graph in compressed rows: the arcs
/// leaving node v are `first[v] ..< first[v + 1]`. Internal.
private struct Adjacency {
    let first: [Int]
    let head: [Int]
    let cost: [Int]

    init(_ problem: CARPProblem) {
        var count = [Int](repeating: 0, count: problem.nodeCount + 1)
        for link in problem.links {
            count[link.from + 1] += 1
            if link.twoWay { count[link.to + 1] += 1 }
        }
        for v in 0..<problem.nodeCount { count[v + 1] += count[v] }
        var next = count
        var head = [Int](repeating: 0, count: count[problem.nodeCount])
        var cost = head
        for link in problem.links {
            head[next[link.from]] = link.to
            cost[next[link.from]] = min(link.deadheadCost, DistanceTable.unreachable)
            next[link.from] += 1
            if link.twoWay {
                head[next[link.to]] = link.from
                cost[next[link.to]] = min(link.deadheadCost, DistanceTable.unreachable)
                next[link.to] += 1
            }
        }
        first = count
        self.head = head
        self.cost = cost
    }
}
