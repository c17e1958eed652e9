import Geometry
import StreetNetwork
import Works

/// The street network as the planner routes on it: the compact graph both
/// ways, costs in whole seconds rounded up per segment (the solver's clock,
/// so a round within a shift on that clock is within it on the real one),
/// the segment index that places depots. Built once per planner.
struct PlanningStreets: Sendable {
    let network: StreetNetwork
    /// Arc costs in seconds, rounded up per segment.
    let graph: StreetGraph
    let reversedGraph: StreetGraph
    let index: SegmentIndex

    init(_ network: StreetNetwork) {
        self.network = network
        graph = StreetGraph(network) { Int32(clamping: Self.seconds($0)) }
        reversedGraph = StreetGraph(network, reversed: true) { Int32(clamping: Self.seconds($0)) }
        index = SegmentIndex(network)
    }

    /// A segment's travel seconds, rounded up, at least 1: the planner's clock.
    static func seconds(_ s: StreetSegment) -> Int { max(1, Int(s.travelSeconds.rounded(.up))) }

    /// A segment's travel time in milliseconds, rounded: what the round's
    /// times add up (never more than `seconds` * 1000).
    static func milliseconds(_ s: StreetSegment) -> Int {
        max(1, Int((s.travelSeconds * Double(PlanUnits.millisecondsPerSecond)).rounded()))
    }

    /// The junction a depot starts from: the nearer end of its nearest street.
    /// - Throws: `PlanningError.badRegistry` when no street is within 2 km.
    func depotNode(_ depot: Organisation.Depot, of org: Organisation) throws -> Int {
        let projection = try Projection(from: .wgs84, to: network.crs)
        guard let point = projection.project(depot.location),
            let near = index.nearest(to: point, within: CrewPool.depotReachMetres).first,
            network.segments.indices.contains(near.segment)
        else {
            throw PlanningError(
                .badRegistry,
                "depot \(depot.id) of \(org.id) is more than 2 km from any street of the "
                    + "network; check its lon and lat")
        }
        let s = network.segments[near.segment]
        return near.along < s.length / 2 ? s.from : s.to
    }
}

/// The shortest-path trees of every depot junction, both ways, on the
/// planner's seconds graph: what crew classes are chosen by, and the depot
/// rows of every routing job's distances (no search repeats them).
struct DepotTrees {
    /// From each depot junction to every junction.
    var from: [Int: ShortestPathTree] = [:]
    /// From every junction to each depot junction (a tree of the reversed graph).
    var to: [Int: ShortestPathTree] = [:]

    /// - Complexity: two searches per depot junction, O((n + m) log n) each.
    init(_ depots: [Int], streets: PlanningStreets) {
        for node in depots where from[node] == nil {
            from[node] = streets.graph.shortestPaths(from: node)
            to[node] = streets.reversedGraph.shortestPaths(from: node)
        }
    }

    /// Seconds from `depot` to `node`; `Int.max` when unreachable or unknown.
    func seconds(from depot: Int, to node: Int) -> Int {
        guard let tree = from[depot], tree.distance.indices.contains(node) else { return Int.max }
        return tree.distance[node]
    }

    /// Seconds from `node` back to `depot`; `Int.max` when unreachable or unknown.
    func seconds(from node: Int, backTo depot: Int) -> Int {
        guard let tree = to[depot], tree.distance.indices.contains(node) else { return Int.max }
        return tree.distance[node]
    }
}
