import Foundation

/// Shortest deadhead costs between the nodes that matter (the depot and the
/// ends of required links): from the caller's `CARPDeadheadCosts` when the
/// problem has them, else by Dijkstra over the problem's links, on a radix
/// heap. Up to `SolverParameters.denseTableTerminals` terminals, every pair
/// in a dense table of 32-bit integers (4,000, the default limit, take
/// 64 MB) in a `PagedArray` on huge pages; beyond, `NearDistances`: exact
/// costs to each terminal's nearest and through hubs, in memory linear in
/// the terminals. A finite cost must stay below `unreachable`. Internal to the
/// solver.
///
/// - Complexity: dense, O(s (m + n log C) + t^2 d) to build for t
///   terminals, s of them searched (`derivedRows`: about half on a street
///   graph), largest cost C and d arcs a node, and O(t^2) memory; near,
///   O(t k log k + h (m + n log C)) to build for k near terminals and h
///   hubs (on a street graph, where k terminals lie within about k log k
///   nodes; from the caller's costs, t calls of t targets), O(t h) memory
///   with rows of a fixed 8 KiB. O(1) per look-up.
struct DistanceTable: Sendable {
    /// Index of each node among the terminals, -1 for the others.
    let terminalOf: [Int]
    let terminalCount: Int
    /// t x t, `unreachable` where unreachable: up to the dense limit.
    let cost: PagedArray<Int32>?
    /// Beyond it: near costs and hubs.
    let near: NearDistances?

    /// Marks a pair with no path; also the bound on finite costs (about 5.4e8).
    static let unreachable = Int(Int32.max / 4)

    /// The largest table built, in bytes: half the machine's memory, at
    /// most 8 GiB (46,340 terminals in a dense table). Beyond it the solve
    /// is refused, not left to fail for memory (a hostile file of 11 MB
    /// asked for 335 GiB).
    static let maxBytes = min(8 << 30, Int(clamping: ProcessInfo.processInfo.physicalMemory / 2))

    /// - Parameters:
    ///   - denseLimit: the most terminals kept in a dense table; beyond,
    ///     `NearDistances`, keeping `nearLimits`.
    init(
        _ problem: CARPProblem, denseLimit: Int = SolverParameters().denseTableTerminals,
        nearLimits: NearDistances.Limits = NearDistances.Limits()
    ) throws {
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
        let dense = terminals.count <= denseLimit
        try Self.checkSize(problem, terminals: terminals.count, dense: dense, nearLimits: nearLimits)
        var largest = 0
        var bound = "a shortest deadhead path costs \(Self.unreachable) or more"
        if dense {
            cost = try Self.denseCosts(problem, terminals: terminals, terminalOf: terminalOf, largest: &largest)
            near = nil
        } else {
            let near =
                try problem.deadheadCosts.map {
                    try NearDistances($0, terminals: terminals, limits: nearLimits, name: problem.name)
                } ?? NearDistances(problem, terminals: terminals, terminalOf: terminalOf, limits: nearLimits)
            // A far pair's true cost is at most twice the dearest found (there by the depot and on), so
            // every true cost stays below the bound, as the dense table checks of every pair.
            largest = near.largestFound >= Self.unreachable / 2 ? Self.unreachable : 2 * near.largestFound
            bound =
                "with near costs, twice the dearest deadhead path found (\(near.largestFound)) reaches "
                + "\(Self.unreachable)"
            cost = nil
            self.near = near
        }
        guard largest < Self.unreachable else {
            throw ArcRoutingError(
                .infeasibleInstance,
                "\(problem.name): \(bound), over the solver's bound of \(Self.unreachable - 1); "
                    + "state costs in a coarser unit")
        }
    }

    /// Refuses a table over `maxBytes`.
    private static func checkSize(
        _ problem: CARPProblem, terminals: Int, dense: Bool, nearLimits: NearDistances.Limits
    ) throws {
        let bytes =
            dense
            ? terminals.multipliedReportingOverflow(by: terminals * MemoryLayout<Int32>.stride)
            : (partialValue: NearDistances.bytes(terminals: terminals, limits: nearLimits), overflow: false)
        guard !bytes.overflow, bytes.partialValue <= Self.maxBytes else {
            throw ArcRoutingError(
                .infeasibleInstance,
                "\(problem.name): \(terminals) depot and required-link ends need more memory than the solver "
                    + "takes on this machine (\(Self.maxBytes >> 30) GiB for its distances); "
                    + "split the problem into smaller ones")
        }
    }

    /// Every pair's cost: from the caller's costs, or by Dijkstra.
    /// - Throws: `ArcRoutingError.malformedInstance` for a negative cost
    ///   from the caller.
    private static func denseCosts(
        _ problem: CARPProblem, terminals: [Int], terminalOf: [Int], largest: inout Int
    ) throws -> PagedArray<Int32> {
        var found = 0
        var negative: (Int, Int, Int)?
        let matrix = PagedArray(side: terminals.count, filledWith: Int32(Self.unreachable)) { cost in
            guard let given = problem.deadheadCosts else {
                found = Self.dijkstra(problem, terminals: terminals, terminalOf: terminalOf, into: cost)
                return
            }
            for (row, source) in terminals.enumerated() {
                for (col, c) in given.costs(from: source, to: terminals).enumerated() where c != Int.max {
                    if c < 0, negative == nil { negative = (c, source, terminals[col]) }
                    found = max(found, c)
                    cost[row * terminals.count + col] = Int32(clamping: c)
                }
            }
        }
        if let (cost, from, to) = negative { throw negativeCost(problem.name, cost, from: from, to: to) }
        largest = found
        return matrix
    }

    /// The error for a caller's cost below 0 (node numbers as the problem's).
    static func negativeCost(_ name: String, _ cost: Int, from: Int, to: Int) -> ArcRoutingError {
        ArcRoutingError(
            .malformedInstance,
            "\(name): the caller's deadhead cost from node \(from) to node \(to) is \(cost), below 0; "
                + "deadhead costs must not be negative")
    }

    /// Row-major t x t into `cost` (left as it is where unreachable): by
    /// Dijkstra over the problem's links from each terminal whose row no
    /// other's gives, then the others' rows from those (`derivedRows`).
    /// Returns the largest cost found. A path's cost stops at
    /// `unreachable`, so a terminal only that far is found at that cost and
    /// the caller refuses the instance. (Stopping each search of a two-way
    /// graph at the terminals after its own and mirroring the rest saved
    /// nothing measurable once half the rows are derived.)
    private static func dijkstra(
        _ problem: CARPProblem, terminals: [Int], terminalOf: [Int],
        into cost: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        let graph = Adjacency(problem)
        let derived = derivedRows(graph, terminals: terminals, terminalOf: terminalOf)
        var paths = ShortestPaths(graph)
        let t = terminals.count
        var largest = 0
        for (row, source) in terminals.enumerated() where !derived[row] {
            paths.settle(of: terminalOf, count: t, from: source) { col, d in
                cost[row * t + col] = Int32(truncatingIfNeeded: d)
                largest = max(largest, d)
            }
        }
        var through = [Int](repeating: 0, count: t)
        for (row, v) in terminals.enumerated() where derived[row] {
            largest = max(largest, deriveRow(row, of: v, graph, terminalOf, cost, &through))
        }
        return largest
    }

    /// The terminals whose rows are made from others' rather than by
    /// Dijkstra. For a terminal v and any other x, cost(v, x) is the least
    /// over v's arcs (v -> n, c) of c + cost(n, x); so when every arc out of
    /// v leads to another terminal whose row is made by Dijkstra, v's row
    /// is a few passes over those rows. Chosen greedily, fewest arcs first
    /// (dead ends, then links along a street), each choice keeping its
    /// arcs' heads searched; on Rutland's street graph about half the
    /// terminals (docs/arc-routing.md, "Fifteenth session").
    static func derivedRows(_ graph: Adjacency, terminals: [Int], terminalOf: [Int]) -> [Bool] {
        var derived = [Bool](repeating: false, count: terminals.count)
        var searched = derived
        let degree = terminals.map { graph.arcs(leaving: $0).count }
        let order = terminals.indices.sorted { (degree[$0], $0) < (degree[$1], $1) }
        for k in order where !searched[k] {
            let heads = graph.arcs(leaving: terminals[k]).map { terminalOf[graph.head[$0]] }
            guard heads.allSatisfy({ $0 >= 0 && !derived[$0] }) else { continue }
            derived[k] = true
            for h in heads { searched[h] = true }
        }
        return derived
    }

    /// Row `row` (terminal node `v`) from the rows of its arcs' heads, made
    /// already; `through` is scratch, one slot per terminal. Returns the
    /// largest cost in it, `unreachable` when a terminal is reachable only
    /// at that or more.
    private static func deriveRow(
        _ row: Int, of v: Int, _ graph: Adjacency, _ terminalOf: [Int],
        _ cost: UnsafeMutableBufferPointer<Int32>, _ through: inout [Int]
    ) -> Int {
        let t = through.count
        let u = Int32(unreachable)
        for col in 0..<t { through[col] = .max }
        through[row] = 0
        for a in graph.arcs(leaving: v) {
            let c = graph.cost[a]
            let head = terminalOf[graph.head[a]] * t
            for col in 0..<t where cost[head + col] < u {
                through[col] = min(through[col], c + Int(cost[head + col]))
            }
        }
        var largest = 0
        for col in 0..<t where through[col] != .max {
            let d = min(through[col], unreachable)
            cost[row * t + col] = Int32(d)
            largest = max(largest, d)
        }
        return largest
    }

    /// Whether every pair's cost is in a dense table.
    var isDense: Bool { cost != nil }

    /// The largest reachable cost: in the dense table, else the dearest
    /// near costs found. - Complexity: O(t^2) dense, O(1) else.
    var largestFiniteCost: Int {
        guard let cost else { return near!.largestFiniteCost }
        return Int(cost.entries.lazy.filter { Int($0) < Self.unreachable }.max() ?? 1)
    }

    /// The cost from terminal `a` to terminal `b` as the search sees it:
    /// exact in a dense table, else `NearDistances.cost` (an upper bound
    /// between far terminals).
    @inline(__always)
    func between(_ a: Int, _ b: Int) -> Int {
        if let cost { return Int(cost[a * terminalCount + b]) }
        return near!.cost(a, b)
    }

    /// The exact cost from terminal `a` to terminal `b`.
    func exactBetween(_ a: Int, _ b: Int) -> Int {
        if cost != nil { return between(a, b) }
        return near!.exactCost(a, b)
    }

    /// The cost from node `a` to node `b`, both terminals, as the search
    /// sees it.
    func callAsFunction(_ a: Int, _ b: Int) -> Int {
        precondition(terminalOf[a] >= 0 && terminalOf[b] >= 0, "not a terminal")
        return between(terminalOf[a], terminalOf[b])
    }
}
