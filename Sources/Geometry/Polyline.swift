/// Measurements on a polyline given as projected points (metres).
public enum Polyline {
    /// Total length in metres.
    /// - Complexity: O(n)
    public static func length(_ points: [Point]) -> Double {
        guard points.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<points.count { total += points[i - 1].distance(to: points[i]) }
        return total
    }

    /// The point of the polyline nearest to `p`.
    /// - Returns: the distance to it in metres and how far along the line it
    ///   lies, in metres from the first point.
    /// - Complexity: O(n)
    public static func nearest(to p: Point, on points: [Point]) -> (distance: Double, along: Double, point: Point) {
        guard points.count > 1 else {
            let only = points.first ?? p
            return (only.distance(to: p), 0, only)
        }
        var best = (distance: Double.infinity, along: 0.0, point: points[0])
        var walked = 0.0
        for i in 1..<points.count {
            let a = points[i - 1]
            let b = points[i]
            let dx = b.x - a.x
            let dy = b.y - a.y
            let len2 = dx * dx + dy * dy
            var t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0
            t = min(1, max(0, t))
            let q = Point(x: a.x + t * dx, y: a.y + t * dy)
            let d = q.distance(to: p)
            let len = len2.squareRoot()
            if d < best.distance { best = (d, walked + t * len, q) }
            walked += len
        }
        return best
    }

    /// The part of the polyline between `from` and `to` metres along it
    /// (clamped to the line), in the direction of travel; reversed when
    /// `from > to`.
    /// - Complexity: O(n)
    public static func slice(_ points: [Point], from: Double, to: Double) -> [Point] {
        guard points.count > 1 else { return points }
        let lo = min(from, to)
        let hi = max(from, to)
        var out: [Point] = []
        var walked = 0.0
        for i in 1..<points.count {
            let a = points[i - 1]
            let b = points[i]
            let len = a.distance(to: b)
            let start = walked
            let end = walked + len
            walked = end
            if end < lo || start > hi { continue }
            func at(_ d: Double) -> Point {
                guard len > 0 else { return a }
                let t = (d - start) / len
                return Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
            }
            if out.isEmpty { out.append(at(max(lo, start))) }
            out.append(at(min(hi, end)))
        }
        return from <= to ? out : out.reversed()
    }
}
