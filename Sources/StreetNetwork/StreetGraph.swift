/// The street network as a compact directed graph for routing: adjacency in
/// flat arrays (compressed sparse rows), one arc per direction of travel.
///
/// Arc `2s` runs along segment `s` from its `from` junction to its `to`
/// junction; arc `2s + 1` runs back and exists only when the segment is
/// two-way. Costs are integer travel times in milliseconds (scale 1 ms),
/// unless the caller gives its own (`init(_:reversed:cost:)`), so sums are
/// exact and searches deterministic.
public struct StreetGraph: Sendable {
    public let nodeCount: Int
    /// `firstOut[v] ..< firstOut[v + 1]` indexes the arcs leaving node v.
    public let firstOut: [Int32]
    /// Head node of each arc, in CSR order.
    public let head: [Int32]
    /// Cost of each arc (milliseconds, or the caller's unit), in CSR order.
    public let cost: [Int32]
    /// The arc id (`2s` or `2s + 1`) of each CSR position.
    public let arcID: [Int32]
    /// Segment lengths in metres, by segment id.
    public let segmentLength: [Double]

    /// Builds the graph from a network; `reversed` turns every arc round,
    /// for distances *to* a node (the way back to a depot).
    /// - Complexity: O(n + m), a counting sort of arcs by tail.
    public init(_ network: StreetNetwork, reversed: Bool = false) {
        self.init(network, reversed: reversed) { Self.milliseconds($0.travelSeconds) }
    }

    /// Seconds as whole milliseconds, at least 1 and at most `Int32.max` (about 596 hours; searches sum
    /// them in 64 bits), so that no stored speed or length can trap the conversion. A network built by
    /// `StreetNetwork(lines:)` stays below: `longestSegment` at 1 km/h is 1.8e9 ms.
    public static func milliseconds(_ seconds: Double) -> Int32 {
        let ms = (seconds * 1000).rounded()
        return ms.isNaN ? 1 : Int32(min(Double(Int32.max), max(1, ms)))
    }

    /// Builds the graph with the caller's integer cost per segment (both
    /// directions), in the caller's unit: the planner uses whole seconds
    /// rounded up, its solver's clock. `cost` says nothing of direction.
    /// - Complexity: O(n + m), a counting sort of arcs by tail.
    public init(_ network: StreetNetwork, reversed: Bool = false, cost: (StreetSegment) -> Int32) {
        let n = network.junctions.count
        var tails: [Int32] = []
        var heads: [Int32] = []
        var costs: [Int32] = []
        var ids: [Int32] = []
        let m = network.segments.count * 2
        tails.reserveCapacity(m)
        heads.reserveCapacity(m)
        costs.reserveCapacity(m)
        ids.reserveCapacity(m)
        for s in network.segments {
            let ms = cost(s)
            let (a, b) = reversed ? (Int32(s.to), Int32(s.from)) : (Int32(s.from), Int32(s.to))
            tails.append(a)
            heads.append(b)
            costs.append(ms)
            ids.append(Int32(2 * s.id))
            if !s.oneWay {
                tails.append(b)
                heads.append(a)
                costs.append(ms)
                ids.append(Int32(2 * s.id + 1))
            }
        }
        var first = [Int32](repeating: 0, count: n + 1)
        for t in tails { first[Int(t) + 1] += 1 }
        for v in 0..<n { first[v + 1] += first[v] }
        var fill = first
        var h = [Int32](repeating: 0, count: tails.count)
        var c = [Int32](repeating: 0, count: tails.count)
        var a = [Int32](repeating: 0, count: tails.count)
        for k in tails.indices {
            let pos = Int(fill[Int(tails[k])])
            fill[Int(tails[k])] += 1
            h[pos] = heads[k]
            c[pos] = costs[k]
            a[pos] = ids[k]
        }
        self.nodeCount = n
        self.firstOut = first
        self.head = h
        self.cost = c
        self.arcID = a
        self.segmentLength = network.segments.map(\.length)
    }

    public var arcCount: Int { head.count }

    /// The segment an arc runs along, and whether it runs against the
    /// segment's drawing direction.
    @inlinable
    public static func segment(ofArc arc: Int32) -> (segment: Int, reversed: Bool) {
        (Int(arc >> 1), arc & 1 == 1)
    }
}
