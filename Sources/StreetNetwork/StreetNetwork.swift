import Geometry

/// A street network: segments between junctions, in one projected CRS.
///
/// Built from `StreetLine`s by `StreetNetwork(lines:crs:snapTolerance:)`
/// (splitting at junctions) or loaded from the store as it was saved.
public struct StreetNetwork: Sendable {
    /// The projected CRS of every coordinate, e.g. EPSG:27700.
    public let crs: CRS
    /// Junction positions, indexed by junction id.
    public let junctions: [Point]
    /// Segments, indexed by segment id.
    public let segments: [StreetSegment]

    public init(crs: CRS, junctions: [Point], segments: [StreetSegment]) {
        self.crs = crs
        self.junctions = junctions
        self.segments = segments
    }

    public var totalLength: Double { segments.reduce(0) { $0 + $1.length } }

    public var boundingBox: BoundingBox? {
        guard var box = BoundingBox(around: junctions) else { return nil }
        for s in segments { box.include(s.boundingBox) }
        return box
    }
}
