import Geometry

/// Figures that describe a network, for `streets info` and import reports.
public struct NetworkSummary: Sendable, Equatable {
    public var segmentCount: Int
    public var junctionCount: Int
    public var totalKm: Double
    public var oneWayCount: Int
    public var deadEndCount: Int
    /// Components by size, largest first: segment count and km of each.
    public var components: [(segments: Int, km: Double)]
    /// Names of streets outside the main component, the longest first.
    public var detachedStreets: [String]
    public var boundingBox: BoundingBox
    public var segmentsByClass: [String: Int]

    /// - Complexity: O(n)
    public init(_ network: StreetNetwork) {
        segmentCount = network.segments.count
        junctionCount = network.junctions.count
        totalKm = network.totalLength / 1000
        oneWayCount = network.segments.filter(\.oneWay).count
        var degree = [Int](repeating: 0, count: network.junctions.count)
        for s in network.segments { degree[s.from] += 1; degree[s.to] += 1 }
        deadEndCount = degree.filter { $0 == 1 }.count
        var sizes: [Int: (Int, Double)] = [:]
        var detached: [String: Double] = [:]
        for s in network.segments {
            let entry = sizes[s.component] ?? (0, 0)
            sizes[s.component] = (entry.0 + 1, entry.1 + s.length / 1000)
            if s.component != 0 { detached[s.displayName, default: 0] += s.length }
        }
        components = sizes.sorted { $0.key < $1.key }.map { (segments: $0.value.0, km: $0.value.1) }
        detachedStreets = detached.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        boundingBox = network.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
        segmentsByClass = Dictionary(grouping: network.segments, by: \.roadClass).mapValues(\.count)
    }

    public static func == (a: NetworkSummary, b: NetworkSummary) -> Bool {
        a.segmentCount == b.segmentCount && a.junctionCount == b.junctionCount && a.totalKm == b.totalKm
            && a.oneWayCount == b.oneWayCount && a.components.map(\.segments) == b.components.map(\.segments)
    }
}
