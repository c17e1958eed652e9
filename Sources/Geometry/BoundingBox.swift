/// An axis-aligned box in projected metres.
public struct BoundingBox: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The smallest box around `points`; nil when there are none.
    /// - Complexity: O(n)
    public init?<S: Sequence>(around points: S) where S.Element == Point {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        while let p = iterator.next() { include(p) }
    }

    public mutating func include(_ p: Point) {
        minX = Swift.min(minX, p.x)
        maxX = Swift.max(maxX, p.x)
        minY = Swift.min(minY, p.y)
        maxY = Swift.max(maxY, p.y)
    }

    public mutating func include(_ box: BoundingBox) {
        minX = Swift.min(minX, box.minX)
        maxX = Swift.max(maxX, box.maxX)
        minY = Swift.min(minY, box.minY)
        maxY = Swift.max(maxY, box.maxY)
    }

    /// The box grown by `margin` metres on every side.
    public func expanded(by margin: Double) -> BoundingBox {
        BoundingBox(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
}
