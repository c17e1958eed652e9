import Foundation

/// Deadhead costs for an instance too large for a dense table, in memory
/// linear in its terminals: each terminal's nearest terminals (`Limits`)
/// at their exact cost, in a small open-addressed row of its own; the
/// depot's (terminal 0's) costs to and from every terminal; and for every
/// other pair an upper bound, a real path's cost, through hubs.
///
/// The hubs are a few hundred terminals spread by farthest-point selection
/// from the depot, each with its exact costs to and from every terminal;
/// each terminal has its own hub (the nearest, there and back), and a far
/// pair (a, b) costs the cheaper of a -> hub(a) -> b and a -> hub(b) -> b.
/// Rows and hubs' costs sit on huge pages (`PagedArray`), since a look-up
/// is a random read, as in the dense table. So the search works on
/// exact costs where routes are made (between near tasks, and to and from
/// the depot) and on upper bounds elsewhere, where a good route seldom
/// goes; a solution's true cost is never above what the search saw, and
/// `exactCost` gives it. Read-only once built (hence Sendable). Internal.
final class NearDistances: @unchecked Sendable {
    /// How much is kept.
    struct Limits {
        /// Terminals whose exact costs each terminal keeps (at most half
        /// the slots of a row). Default 512: with 128, far pairs were 30%
        /// of the look-ups on Rutland's 5,000 required edges (24% with
        /// 512), and the search 14-23% slower.
        var nearCount = 512
        /// Hubs whose exact costs to and from every terminal are kept.
        /// Default 256.
        var hubCount = 256

        func check() {
            precondition((1...(1 << NearDistances.slotShift) / 2).contains(nearCount), "near terminals out of range")
            precondition(hubCount >= 1, "no hub")
        }
    }

    /// log2 of the slots per row: twice the most near terminals, so a
    /// look-up seldom probes more than twice, and always meets an empty slot.
    static let slotShift = 10

    let terminalCount: Int
    /// Row a: slot -> (b + 1) << 32 | cost(a, b); 0 = empty.
    private let rows: PagedArray<UInt64>
    /// Hub k is terminal `hubs[k]`.
    let hubs: [Int]
    /// Each terminal's own hub, and its costs to and from it.
    private let anchors: PagedArray<Anchor>
    /// hubs x terminals: cost from hub k to terminal b at `k * terminalCount
    /// + b`, and from b to hub k (the same array when every link is two-way).
    private let fromHub: PagedArray<Int32>
    private let toHub: PagedArray<Int32>
    /// The look-up the search reads, on the storage above.
    let lookUp: NearLookUp
    /// Whether every cost is the same either way (every link two-way), so
    /// a's cost to b is b's to a when only b's row holds it.
    private let symmetric: Bool
    /// The dearest cost found (a cost of `DistanceTable.unreachable` or
    /// more was capped there).
    let largestFound: Int
    /// For `exactCost` between far terminals.
    private let exact: @Sendable (_ from: Int, _ to: Int) -> Int

    /// The bytes that near costs for `terminals` terminals take at most,
    /// about: rows of 8 KiB, and each hub's costs to and from every
    /// terminal, twice while they are built.
    static func bytes(terminals: Int, limits: Limits = Limits()) -> Int {
        let hubs = min(terminals, limits.hubCount)
        let bytes = terminals.multipliedReportingOverflow(by: (1 << slotShift) * 8 + 4 * hubs * 4 + 20)
        return bytes.overflow ? .max : bytes.partialValue
    }

    /// Built by one Dijkstra per terminal over the problem's links, each
    /// stopped at its nearest terminals, and one each way per
    /// hub over the whole graph.
    convenience init(_ problem: CARPProblem, terminals: [Int], terminalOf: [Int], limits: Limits = Limits()) {
        limits.check()
        let forward = Adjacency(problem)
        let symmetric = problem.links.allSatisfy(\.twoWay)
        var paths = ShortestPaths(forward)
        var largest = 0
        func everyTerminal(_ search: inout ShortestPaths, from source: Int) -> [Int32] {
            var row = [Int32](repeating: Int32(DistanceTable.unreachable), count: terminals.count)
            search.settle(of: terminalOf, count: terminals.count, from: terminals[source]) { b, cost in
                row[b] = Int32(cost)
                largest = max(largest, cost)
            }
            return row
        }
        let hubs = Self.spreadHubs(terminals.count, most: limits.hubCount) { everyTerminal(&paths, from: $0) }
        var reversePaths = ShortestPaths(symmetric ? forward : Adjacency(problem, reversed: true))
        let toHub = symmetric ? nil : hubs.order.flatMap { everyTerminal(&reversePaths, from: $0) }
        let rows = Self.rows(terminals.count) { source, insert in
            var found = 0
            paths.search(from: terminals[source]) { node, cost in
                guard terminalOf[node] >= 0 else { return true }
                insert(terminalOf[node], cost)
                largest = max(largest, cost)
                found += 1
                return found < limits.nearCount
            }
        }
        let lookUp = LockedShortestPaths(ShortestPaths(forward))
        self.init(
            terminalCount: terminals.count, rows: rows, hubs: hubs.order, fromHub: hubs.rows, toHub: toHub,
            symmetric: symmetric, largestFound: largest,
            exact: { from, to in lookUp.cost(from: terminals[from], to: terminals[to]) })
    }

    /// Built from the caller's costs: one call per hub, then, from a
    /// `CARPNearestCosts` caller, each hub's costs backwards and each
    /// terminal's nearest; from any other, one call per terminal of which
    /// the nearest are kept (and the costs to the hubs read). `exactCost`
    /// asks for one target.
    /// - Throws: `ArcRoutingError.malformedInstance` for a negative cost.
    convenience init(
        _ given: any CARPDeadheadCosts, terminals: [Int], limits: Limits = Limits(), name: String = "problem"
    ) throws {
        limits.check()
        var largest = 0
        var negative: (Int, Int, Int)?
        /// A cost as kept, noting the dearest and the first negative one.
        func kept(_ c: Int, from a: Int, to b: Int) -> Int32 {
            if c < 0, negative == nil { negative = (c, terminals[a], terminals[b]) }
            if c != Int.max { largest = max(largest, c) }
            return Int32(min(max(c, 0), DistanceTable.unreachable))
        }
        func row(_ source: Int) -> [Int32] {
            given.costs(from: terminals[source], to: terminals).enumerated().map { kept($1, from: source, to: $0) }
        }
        let hubs = Self.spreadHubs(terminals.count, most: limits.hubCount) { row($0) }
        let t = terminals.count
        var toHub = [Int32](repeating: Int32(DistanceTable.unreachable), count: hubs.order.count * t)
        let rows: PagedArray<UInt64>
        if let searches = given as? any CARPNearestCosts {
            var terminalOf: [Int: Int] = [:]
            for (k, node) in terminals.enumerated() { terminalOf[node] = k }
            for (k, hub) in hubs.order.enumerated() {
                for (a, c) in searches.costs(to: terminals[hub], from: terminals).enumerated() {
                    toHub[k * t + a] = kept(c, from: a, to: hub)
                }
            }
            rows = Self.rows(t) { source, insert in
                // At most `nearCount` however many come back, so a row always has empty slots.
                var nearest = Cheapest(limits.nearCount)
                for (node, c) in searches.nearest(from: terminals[source], among: terminals, count: limits.nearCount) {
                    guard let b = terminalOf[node], c != Int.max else { continue }
                    nearest.offer(Int(kept(c, from: source, to: b)), b)
                }
                for (cost, b) in nearest.items { insert(b, cost) }
            }
        } else {
            rows = Self.rows(t) { source, insert in
                let costs = row(source)
                for (k, hub) in hubs.order.enumerated() { toHub[k * t + source] = costs[hub] }
                var nearest = Cheapest(limits.nearCount)
                for (b, cost) in costs.enumerated() { nearest.offer(Int(cost), b) }
                for (cost, b) in nearest.items { insert(b, cost) }
            }
        }
        if let (cost, from, to) = negative { throw DistanceTable.negativeCost(name, cost, from: from, to: to) }
        self.init(
            terminalCount: terminals.count, rows: rows, hubs: hubs.order, fromHub: hubs.rows, toHub: toHub,
            symmetric: false, largestFound: largest,
            exact: { from, to in
                min(max(0, given.costs(from: terminals[from], to: [terminals[to]])[0]), DistanceTable.unreachable)
            })
    }

    private init(
        terminalCount: Int, rows: PagedArray<UInt64>, hubs: [Int], fromHub: [Int32], toHub: [Int32]?,
        symmetric: Bool, largestFound: Int, exact: @escaping @Sendable (Int, Int) -> Int
    ) {
        self.terminalCount = terminalCount
        self.symmetric = symmetric
        self.rows = rows
        self.hubs = hubs
        let t = terminalCount
        let toHub = toHub ?? fromHub
        let own = (0..<t).map { a in
            let k = hubs.indices.min { k, j in
                Int(toHub[k * t + a]) + Int(fromHub[k * t + a]) < Int(toHub[j * t + a]) + Int(fromHub[j * t + a])
            }!
            return Anchor(hub: Int32(k), toHub: toHub[k * t + a], fromHub: fromHub[k * t + a])
        }
        anchors = PagedArray(count: t, filledWith: Anchor(hub: 0, toHub: 0, fromHub: 0)) {
            _ = $0.update(fromContentsOf: own)
        }
        let paged = { (costs: [Int32]) in
            PagedArray(count: costs.count, filledWith: 0) { _ = $0.update(fromContentsOf: costs) }
        }
        self.fromHub = paged(fromHub)
        self.toHub = toHub == fromHub ? self.fromHub : paged(toHub)
        lookUp = NearLookUp(
            rows: rows.pointer, anchors: anchors.pointer, fromHub: self.fromHub.pointer, toHub: self.toHub.pointer,
            terminalCount: t, symmetric: symmetric)
        self.largestFound = largestFound
        self.exact = exact
    }

    /// The rows of `count` terminals: `near(a, insert)` inserts each of a's
    /// nearest terminals b with its cost, by `insert(b, cost)`.
    private static func rows(
        _ count: Int, near: (_ a: Int, _ insert: (_ b: Int, _ cost: Int) -> Void) -> Void
    ) -> PagedArray<UInt64> {
        let mask = (1 << slotShift) - 1
        return PagedArray(count: count << slotShift, filledWith: 0) { rows in
            for a in 0..<count {
                near(a) { b, cost in
                    var slot = Self.slot(of: b)
                    while rows[a << slotShift + slot] != 0 { slot = (slot + 1) & mask }
                    rows[a << slotShift + slot] = UInt64(b + 1) << 32 | UInt64(cost)
                }
            }
        }
    }

    /// Up to `most` terminals, each the farthest from those before it
    /// (ties to the lowest index), starting with terminal 0 (the depot),
    /// with their rows (`fromRow(k)`: costs from terminal k to every
    /// terminal), laid end to end.
    private static func spreadHubs(
        _ count: Int, most: Int, fromRow: (Int) -> [Int32]
    ) -> (order: [Int], rows: [Int32]) {
        var order: [Int] = []
        var rows: [Int32] = []
        var gap = [Int32](repeating: Int32.max, count: count)
        var next = 0
        while order.count < min(count, most) {
            order.append(next)
            let row = fromRow(next)
            rows += row
            for b in 0..<count { gap[b] = min(gap[b], row[b]) }
            guard let far = gap.indices.max(by: { gap[$0] < gap[$1] }), gap[far] > 0 else { break }
            next = far
        }
        return (order, rows)
    }

    @inline(__always)
    fileprivate static func slot(of b: Int) -> Int {
        Int((UInt32(truncatingIfNeeded: b) &* 2_654_435_769) >> UInt32(32 - slotShift))
    }

    /// The exact cost from terminal a to terminal b when b is among a's
    /// nearest, else nil.
    func nearCost(_ a: Int, _ b: Int) -> Int? {
        let cost = lookUp.rowCost(a, b)
        return cost < 0 ? nil : cost
    }

    /// `NearLookUp.cost`.
    func cost(_ a: Int, _ b: Int) -> Int { lookUp.cost(a, b) }

    /// The exact cost from terminal a to terminal b, by a shortest-path
    /// search when the rows do not hold it.
    func exactCost(_ a: Int, _ b: Int) -> Int {
        if a == 0 || b == 0 { return lookUp.cost(a, b) }
        return nearCost(a, b) ?? (symmetric ? nearCost(b, a) : nil) ?? exact(a, b)
    }

    /// Each terminal near `a` with its cost, in the row's order.
    func forEachNear(_ a: Int, _ body: (_ terminal: Int, _ cost: Int) -> Void) {
        for slot in 0..<(1 << Self.slotShift) {
            let entry = rows[a << Self.slotShift + slot]
            if entry != 0 { body(Int(entry >> 32) - 1, Int(entry & 0xFFFF_FFFF)) }
        }
    }

    /// The largest finite cost found: to or from a hub, or to a near
    /// terminal (about the diameter).
    var largestFiniteCost: Int { max(1, largestFound) }

    /// A terminal's own hub, and its costs to and from it.
    struct Anchor {
        let hub: Int32
        let toHub: Int32
        let fromHub: Int32
    }
}

/// `NearDistances`' look-up on raw pointers into its storage (which it
/// keeps alive), with wrapping arithmetic: no reference to count, no check
/// that could trap, so it inlines into the search's move evaluations
/// without the calls that cost the dense table's search 9% when it merely
/// sat in the same function. Internal.
struct NearLookUp: @unchecked Sendable {
    let rows: UnsafePointer<UInt64>
    let anchors: UnsafePointer<NearDistances.Anchor>
    let fromHub: UnsafePointer<Int32>
    let toHub: UnsafePointer<Int32>
    let terminalCount: Int
    let symmetric: Bool

    /// The cost in a's row of b, or -1 when b is not among a's nearest.
    @inline(__always)
    func rowCost(_ a: Int, _ b: Int) -> Int {
        let row = rows + a &<< NearDistances.slotShift
        let mask = (1 &<< NearDistances.slotShift) &- 1
        let key = UInt64(truncatingIfNeeded: b &+ 1) &<< 32
        var slot = NearDistances.slot(of: b)
        while true {
            let entry = row[slot]
            if entry & 0xFFFF_FFFF_0000_0000 == key { return Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) }
            if entry == 0 { return -1 }
            slot = (slot &+ 1) & mask
        }
    }

    /// Lower bounds on the costs from every terminal x to terminal a
    /// (`into`) and from a to every x (`out`), by the triangle inequality
    /// through a's own hub h: cost(x, a) >= cost(x, h) - cost(a, h), and
    /// cost(a, x) >= cost(h, x) - cost(h, a). Never above `cost` (a true
    /// cost or a real path's), the hubs' costs being the cheapest (a
    /// caller's must be, `CARPDeadheadCosts`). Each reads one row of the
    /// hub's costs, the same for every x.
    @inline(__always)
    func bounds(into a: Int) -> CostBound {
        let anchor = anchors[a]
        return CostBound(row: toHub + Int(anchor.hub) &* terminalCount, less: Int(anchor.toHub))
    }

    /// See `bounds(into:)`.
    @inline(__always)
    func bounds(outOf a: Int) -> CostBound {
        let anchor = anchors[a]
        return CostBound(row: fromHub + Int(anchor.hub) &* terminalCount, less: Int(anchor.fromHub))
    }

    /// Cost from terminal a to terminal b: exact when either is the depot
    /// (hub 0: its rows) or b is among a's nearest (or, costs being
    /// symmetric, a among b's); else an upper bound through a's or b's hub.
    @inline(__always)
    func cost(_ a: Int, _ b: Int) -> Int {
        if a == 0 { return Int(fromHub[b]) }
        if b == 0 { return Int(toHub[a]) }
        var near = rowCost(a, b)
        if near < 0, symmetric { near = rowCost(b, a) }
        if near >= 0 { return near }
        let from = anchors[a]
        let to = anchors[b]
        let viaFrom = Int(from.toHub) &+ Int(fromHub[Int(from.hub) &* terminalCount &+ b])
        let viaTo = Int(toHub[Int(to.hub) &* terminalCount &+ a]) &+ Int(to.fromHub)
        let through = viaFrom < viaTo ? viaFrom : viaTo
        return through < DistanceTable.unreachable ? through : DistanceTable.unreachable
    }
}

/// A shortest-path search that threads take turns at, for the few exact
/// costs wanted after a solve. Internal.
private final class LockedShortestPaths: @unchecked Sendable {
    private var paths: ShortestPaths
    private let lock = NSLock()

    init(_ paths: ShortestPaths) { self.paths = paths }

    func cost(from source: Int, to target: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        var found = DistanceTable.unreachable
        paths.search(from: source) { node, cost in
            if node == target { found = cost }
            return node != target
        }
        return found
    }
}
