import Geometry

extension StreetNetwork {
    /// Builds the network: splits lines into segments at every junction (a
    /// vertex shared by two or more lines, or used twice by one line), keeps
    /// dead ends, and labels connected components (0 = the largest).
    ///
    /// Lines with link-and-node topology of their own (OS Open Roads'
    /// start and end nodes) meet only at their ends: a vertex inside such a
    /// link is a bridge or an underpass, not a junction.
    ///
    /// Vertices closer than `snapTolerance` metres are one vertex: that joins
    /// lines whose shared point was rounded differently. Zero keeps exact
    /// matches only.
    ///
    /// - Complexity: O(v) expected in the number of vertices (a hash grid
    ///   with cells of the tolerance).
    /// - Throws: `StreetNetworkError.emptyNetwork` when no line has length; `.segmentTooLong` when a
    ///   segment runs over `longestSegment` between junctions.
    public init(lines: [StreetLine], crs: CRS, snapTolerance: Double = 0.5) throws {
        // 1. One id per distinct vertex (within the tolerance).
        var grid = VertexGrid(tolerance: snapTolerance)
        var vertexIDs: [[Int]] = []
        vertexIDs.reserveCapacity(lines.count)
        for line in lines { vertexIDs.append(grid.ids(of: line)) }
        // 2. Count how often each vertex is used; line ends always split.
        var uses = [UInt8](repeating: 0, count: grid.points.count)
        for (line, ids) in zip(lines, vertexIDs) {
            for (k, v) in ids.enumerated() where ids.count >= 2 {
                let isEnd = k == 0 || k == ids.count - 1
                if line.hasExplicitTopology, !isEnd { continue }
                let bump: UInt8 = isEnd ? 2 : 1
                uses[v] = uses[v] >= 2 ? 2 : min(2, uses[v] + bump)
            }
        }
        // 3. Split; junctions numbered densely in order of first use.
        var junctionOf = [Int](repeating: -1, count: grid.points.count)
        var junctions: [Point] = []
        func junction(_ v: Int) -> Int {
            if junctionOf[v] < 0 {
                junctionOf[v] = junctions.count
                junctions.append(grid.points[v])
            }
            return junctionOf[v]
        }
        var segments: [StreetSegment] = []
        for (line, ids) in zip(lines, vertexIDs) where ids.count >= 2 {
            var start = 0
            var points: [Point] = [grid.points[ids[0]]]
            for k in 1..<ids.count {
                points.append(grid.points[ids[k]])
                let isLast = k == ids.count - 1
                guard isLast || (uses[ids[k]] >= 2 && !line.hasExplicitTopology) else { continue }
                let length = Polyline.length(points)
                guard length <= Self.longestSegment else { throw Self.tooLong(line, length) }
                segments.append(
                    StreetSegment(
                        id: segments.count, from: junction(ids[start]), to: junction(ids[k]),
                        sourceID: line.sourceID, name: line.name, roadClass: line.roadClass, ref: line.ref,
                        usrn: line.usrn, formOfWay: line.formOfWay, oneWay: line.oneWay, speedKmh: line.speedKmh,
                        length: length, points: points, component: 0))
                start = k
                points = [grid.points[ids[k]]]
            }
        }
        guard !segments.isEmpty else {
            throw StreetNetworkError(
                .emptyNetwork, "no street with a length was found: the file holds no usable vehicle road lines")
        }
        // 4. Components.
        let labels = Self.componentLabels(junctionCount: junctions.count, segments: segments)
        for i in segments.indices { segments[i].component = labels[segments[i].from] }
        self.init(crs: crs, junctions: junctions, segments: segments)
    }

    /// The longest segment between two junctions, in metres: no street runs 500 km without a junction, and
    /// travel times in milliseconds stay within 32 bits at any plausible speed
    /// (`RoadClass.plausibleSpeedKmh`).
    public static let longestSegment = 500_000.0

    static func tooLong(_ line: StreetLine, _ length: Double) -> StreetNetworkError {
        let named = line.name.map { " (\($0))" } ?? ""
        return StreetNetworkError(
            .segmentTooLong,
            "line \(line.sourceID)\(named) runs \(Int(length / 1000)) km between two junctions; no street runs "
                + "over \(Int(longestSegment / 1000)) km without one: check the file's coordinates and its "
                + "coordinate reference system, or leave the line out")
    }

    /// Labels junctions by connected component (ignoring direction), the
    /// largest component (by segment count) 0, the next 1, and so on.
    /// - Complexity: O(n α(n)) with union-find.
    static func componentLabels(junctionCount: Int, segments: [StreetSegment]) -> [Int] {
        var sets = DisjointSets(count: junctionCount)
        for s in segments { sets.union(s.from, s.to) }
        func find(_ x: Int) -> Int { sets.find(x) }
        var size: [Int: Int] = [:]
        for s in segments { size[find(s.from), default: 0] += 1 }
        let order = size.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var rank: [Int: Int] = [:]
        for (k, entry) in order.enumerated() { rank[entry.key] = k }
        return (0..<junctionCount).map { rank[find($0)] ?? 0 }
    }
}

/// A hash grid that gives one id to all points within `tolerance` metres of
/// the first point seen there.
private struct VertexGrid {
    let tolerance: Double
    let cell: Double
    var points: [Point] = []
    var exact: [Point: Int] = [:]
    var cells: [Int64: [Int]] = [:]

    init(tolerance: Double) {
        self.tolerance = tolerance
        self.cell = max(tolerance, 1e-9)
    }

    /// The ids of a line's vertices in order, repeated vertices collapsed.
    mutating func ids(of line: StreetLine) -> [Int] {
        var ids: [Int] = []
        ids.reserveCapacity(line.points.count)
        for p in line.points {
            let v = id(for: p)
            if v != ids.last { ids.append(v) }  // collapse repeated vertices
        }
        return ids
    }

    func key(_ cx: Int64, _ cy: Int64) -> Int64 { cx &* 73_856_093 ^ cy &* 19_349_663 }

    mutating func id(for p: Point) -> Int {
        if let id = exact[p] { return id }
        if tolerance > 0 {
            let cx = Int64((p.x / cell).rounded(.down))
            let cy = Int64((p.y / cell).rounded(.down))
            var best: (Int, Double)?
            for dx in -1...1 {
                for dy in -1...1 {
                    for id in cells[key(cx + Int64(dx), cy + Int64(dy))] ?? [] {
                        let d = points[id].distance(to: p)
                        if d <= tolerance, d < (best?.1 ?? .infinity) { best = (id, d) }
                    }
                }
            }
            if let best {
                exact[p] = best.0
                return best.0
            }
            cells[key(cx, cy), default: []].append(points.count)
        }
        exact[p] = points.count
        points.append(p)
        return points.count - 1
    }
}
