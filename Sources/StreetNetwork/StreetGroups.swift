import Geometry

/// The streets of a network as people name them: each group is a connected
/// run of segments that share a street identity, so two Station Roads that do
/// not touch are two groups and a street crossed by another stays one.
///
/// A segment's identity is its USRN where the data has one, else its name,
/// else its road number (an unnamed A47), else its source line: an unnamed
/// service road is its own street, never merged with the unnamed roads it
/// meets.
///
/// Connected means: the segments share a junction, or two of their ends lie
/// within `bridgeMetres` of each other. The bridge keeps a street one street
/// where it is picked up again a few metres along another (a staggered
/// crossroads, a roundabout, the two carriageways of a dual carriageway);
/// it never joins streets that are villages apart.
///
/// Built once per network by union-find over junctions (Tarjan 1975, "Efficiency
/// of a good but not linear set union algorithm", path halving and union by
/// smaller root), plus a hash grid of segment ends for the bridge.
/// - Complexity: O(s α(s)) time and O(s) memory for s segments; looking a
///   segment's group up afterwards is O(1).
public struct StreetGroups: Sendable {
    /// One street: a connected run of segments with one identity.
    public struct Group: Sendable, Equatable {
        /// Stable across runs and re-imports of the same data: 16 hex digits of
        /// FNV-1a over the identity and the smallest source id of the group.
        public var id: String
        /// The name for people (see `StreetSegment.displayName`).
        public var name: String
        /// Segment ids, ascending.
        public var segments: [Int]
        /// Total length in metres.
        public var length: Double
        /// The centroid of the lines (each piece weighted by its length),
        /// projected metres: a point to label the street on a map.
        public var centroid: Point
        /// Projected metres.
        public var boundingBox: BoundingBox
    }

    /// Groups in order of their smallest segment id.
    public let groups: [Group]
    /// For each segment id, the index of its group in `groups`.
    public let groupIndex: [Int]

    /// Ends of same-identity segments closer than this (metres) are joined.
    public static let defaultBridgeMetres = 40.0

    /// - Complexity: O(s α(s)) for s segments.
    public init(_ network: StreetNetwork, bridgeMetres: Double = StreetGroups.defaultBridgeMetres) {
        let segments = network.segments
        let identities = segments.map(Self.identity)
        var sets = DisjointSets(count: segments.count)
        // Same identity at a shared junction.
        var atJunction: [JunctionIdentity: Int] = [:]
        for s in segments {
            for j in [s.from, s.to] {
                let key = JunctionIdentity(junction: j, identity: identities[s.id])
                if let other = atJunction[key] { sets.union(other, s.id) } else { atJunction[key] = s.id }
            }
        }
        if bridgeMetres > 0 { Self.bridge(network, identities, bridgeMetres, &sets) }
        var indexOfRoot: [Int: Int] = [:]
        var members: [[Int]] = []
        var groupIndex = [Int](repeating: 0, count: segments.count)
        for s in segments {
            let root = sets.find(s.id)
            let index = indexOfRoot[root] ?? members.count
            if index == members.count {
                indexOfRoot[root] = index
                members.append([])
            }
            members[index].append(s.id)
            groupIndex[s.id] = index
        }
        self.groupIndex = groupIndex
        self.groups = members.map { Self.group($0, identity: identities[$0[0]], network: network) }
    }

    /// The group of a segment.
    public func group(ofSegment id: Int) -> Group { groups[groupIndex[id]] }

    /// What makes two touching segments one street.
    static func identity(_ s: StreetSegment) -> String {
        if let usrn = s.usrn, !usrn.isEmpty { return "usrn:" + usrn }
        if let name = s.name, !name.isEmpty { return "name:" + name }
        if let ref = s.ref, !ref.isEmpty { return "ref:" + ref }
        return "source:" + s.sourceID
    }

    private struct JunctionIdentity: Hashable {
        var junction: Int
        var identity: String
    }

    /// Joins same-identity segments whose ends lie within `metres`: a hash
    /// grid of cells `metres` wide, each end compared with the ends in its
    /// 3 x 3 cells.
    private static func bridge(
        _ network: StreetNetwork, _ identities: [String], _ metres: Double,
        _ sets: inout DisjointSets
    ) {
        struct Cell: Hashable {
            var x: Int64
            var y: Int64
            var identity: String
        }
        var grid: [Cell: [Int]] = [:]  // segment ids with an end in the cell
        func cell(_ p: Point, _ identity: String) -> Cell {
            Cell(x: Int64((p.x / metres).rounded(.down)), y: Int64((p.y / metres).rounded(.down)), identity: identity)
        }
        for s in network.segments {
            for j in [s.from, s.to] {
                let p = network.junctions[j]
                let home = cell(p, identities[s.id])
                for dx in Int64(-1)...1 {
                    for dy in Int64(-1)...1 {
                        let near = Cell(x: home.x + dx, y: home.y + dy, identity: home.identity)
                        for other in grid[near] ?? [] where sets.find(other) != sets.find(s.id) {
                            let o = network.segments[other]
                            let d = min(
                                network.junctions[o.from].distance(to: p), network.junctions[o.to].distance(to: p))
                            if d <= metres { sets.union(other, s.id) }
                        }
                    }
                }
                grid[home, default: []].append(s.id)
            }
        }
    }

    private static func group(_ ids: [Int], identity: String, network: StreetNetwork) -> Group {
        // Metres: the segments' length, the drawn length and its moments.
        var length = 0.0
        var drawn = 0.0
        var sx = 0.0
        var sy = 0.0
        var box = network.segments[ids[0]].boundingBox
        var smallestSource = network.segments[ids[0]].sourceID
        for id in ids {
            let s = network.segments[id]
            for (a, b) in zip(s.points, s.points.dropFirst()) {
                let d = a.distance(to: b)
                drawn += d
                sx += (a.x + b.x) / 2 * d
                sy += (a.y + b.y) / 2 * d
            }
            length += s.length
            box.include(s.boundingBox)
            smallestSource = min(smallestSource, s.sourceID)
        }
        let first = network.segments[ids[0]]
        let centroid = drawn > 0 ? Point(x: sx / drawn, y: sy / drawn) : first.points[0]
        let digits = String(FNV1a.hash(identity + "\u{0}" + smallestSource), radix: 16)
        let id = String(repeating: "0", count: 16 - digits.count) + digits
        return Group(
            id: id, name: first.displayName, segments: ids, length: length, centroid: centroid, boundingBox: box)
    }
}
