import Geometry

/// Figures that describe a network, for `streets info` and import reports.
/// Lengths in kilometres, as people read them.
public struct NetworkSummary: Sendable, Equatable {
    /// A connected component: how many segments, how long.
    public struct Component: Sendable, Equatable {
        public var segments: Int
        public var km: Double
    }

    static let metresPerKilometre = 1_000.0

    public var segmentCount: Int
    public var junctionCount: Int
    public var totalKm: Double
    public var oneWayCount: Int
    public var deadEndCount: Int
    /// Components by size, largest first: segment count and km of each.
    public var components: [Component]
    /// Names of streets outside the main component, the longest first.
    public var detachedStreets: [String]
    public var boundingBox: BoundingBox
    public var segmentsByClass: [String: Int]

    /// - Complexity: O(n)
    public init(_ network: StreetNetwork) {
        segmentCount = network.segments.count
        junctionCount = network.junctions.count
        totalKm = network.totalLength / Self.metresPerKilometre
        oneWayCount = network.segments.filter(\.oneWay).count
        var degree = [Int](repeating: 0, count: network.junctions.count)
        for s in network.segments {
            degree[s.from] += 1
            degree[s.to] += 1
        }
        deadEndCount = degree.filter { $0 == 1 }.count
        var sizes: [Int: Component] = [:]
        var detached: [String: Double] = [:]
        for s in network.segments {
            sizes[s.component, default: Component(segments: 0, km: 0)].segments += 1
            sizes[s.component, default: Component(segments: 0, km: 0)].km += s.length / Self.metresPerKilometre
            if s.component != 0 { detached[s.displayName, default: 0] += s.length }
        }
        components = sizes.sorted { $0.key < $1.key }.map(\.value)
        detachedStreets = detached.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        boundingBox = network.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
        segmentsByClass = Dictionary(grouping: network.segments, by: \.roadClass).mapValues(\.count)
    }
}
