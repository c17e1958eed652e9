import Geometry

/// An in-memory spatial index over segment bounding boxes: a uniform grid,
/// for the many look-ups of task matching (the store's R*Tree serves single
/// queries). Cell size about the mean segment length.
///
/// - Complexity: O(n) to build; a query costs the cells it covers plus the
///   segments found there.
public struct SegmentIndex: Sendable {
    public let network: StreetNetwork
    private let origin: Point
    private let cell: Double
    private let columns: Int
    private let rows: Int
    private let cells: [[Int32]]

    public init(_ network: StreetNetwork, cellSize: Double? = nil) {
        self.network = network
        let box = network.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let mean = network.segments.isEmpty ? 100 : network.totalLength / Double(network.segments.count)
        var cell = max(10, cellSize ?? mean)
        // Keep the grid to a few million cells at most.
        while (box.width / cell) * (box.height / cell) > 4_000_000 { cell *= 2 }
        self.cell = cell
        origin = Point(x: box.minX, y: box.minY)
        columns = Int(box.width / cell) + 1
        rows = Int(box.height / cell) + 1
        var cells = [[Int32]](repeating: [], count: columns * rows)
        for s in network.segments {
            let b = s.boundingBox
            let (c0, r0) = Self.cellOf(Point(x: b.minX, y: b.minY), origin, cell, columns, rows)
            let (c1, r1) = Self.cellOf(Point(x: b.maxX, y: b.maxY), origin, cell, columns, rows)
            for r in r0...r1 { for c in c0...c1 { cells[r * columns + c].append(Int32(s.id)) } }
        }
        self.cells = cells
    }

    private static func cellOf(_ p: Point, _ origin: Point, _ cell: Double, _ columns: Int, _ rows: Int) -> (Int, Int) {
        let c = Int(((p.x - origin.x) / cell).rounded(.down))
        let r = Int(((p.y - origin.y) / cell).rounded(.down))
        return (min(max(c, 0), columns - 1), min(max(r, 0), rows - 1))
    }

    /// Ids of the segments whose bounding box meets `box`, ascending.
    public func segments(in box: BoundingBox) -> [Int] {
        let (c0, r0) = Self.cellOf(Point(x: box.minX, y: box.minY), origin, cell, columns, rows)
        let (c1, r1) = Self.cellOf(Point(x: box.maxX, y: box.maxY), origin, cell, columns, rows)
        var found = Set<Int32>()
        for r in r0...r1 { for c in c0...c1 { found.formUnion(cells[r * columns + c]) } }
        return found.map(Int.init).filter {
            let b = network.segments[$0].boundingBox
            return b.maxX >= box.minX && b.minX <= box.maxX && b.maxY >= box.minY && b.minY <= box.maxY
        }.sorted()
    }

    /// Segments within `radius` metres of `p`, nearest first (ties by id).
    public func nearest(to p: Point, within radius: Double) -> [(segment: Int, distance: Double, along: Double)] {
        let box = BoundingBox(minX: p.x - radius, minY: p.y - radius, maxX: p.x + radius, maxY: p.y + radius)
        return segments(in: box).compactMap { id -> (Int, Double, Double)? in
            let near = Polyline.nearest(to: p, on: network.segments[id].points)
            return near.distance <= radius ? (id, near.distance, near.along) : nil
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    }
}
