import GRDB
import Geometry
import StreetNetwork

/// A point snapped to the street network.
public struct SegmentMatch: Sendable, Equatable {
    public var segment: StreetSegment
    /// Metres from the point to the segment.
    public var distance: Double
    /// Metres along the segment's geometry to the nearest point on it.
    public var along: Double
    public var point: Point
}

extension RoundsStore {
    /// The segment nearest to `point`, found through the R*Tree on segment
    /// bounding boxes: boxes within a search radius that grows until the
    /// nearest exact distance lies inside it.
    /// - Returns: nil when no segment lies within `maxDistance` metres.
    /// - Complexity: O(log n + k) per radius tried, k the boxes in range.
    public func nearestSegment(to point: Point, maxDistance: Double) throws -> SegmentMatch? {
        try read { db in
            var radius = min(50, maxDistance)
            while true {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT segment.* FROM segment_rtree JOIN segment ON segment.id = segment_rtree.id
                        WHERE segment_rtree.max_x >= ? AND segment_rtree.min_x <= ?
                          AND segment_rtree.max_y >= ? AND segment_rtree.min_y <= ?
                        """, arguments: [point.x - radius, point.x + radius, point.y - radius, point.y + radius])
                var best: SegmentMatch?
                for row in rows {
                    let s = Self.segment(row)
                    let near = Polyline.nearest(to: point, on: s.points)
                    if near.distance < best?.distance ?? .infinity
                        || (near.distance == best?.distance && s.id < best!.segment.id)
                    {
                        best = SegmentMatch(segment: s, distance: near.distance, along: near.along, point: near.point)
                    }
                }
                if let best, best.distance <= radius { return best.distance <= maxDistance ? best : nil }
                if radius >= maxDistance { return nil }
                radius = min(maxDistance, max(radius * 4, best?.distance ?? 0))
            }
        }
    }
}
