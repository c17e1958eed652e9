import Geometry
import StreetNetwork
import Works

/// The street network as the planner routes on it: the compact graph both
/// ways, the segment index that places depots, and the projection of their
/// longitude and latitude. Built once per planner.
struct PlanningStreets: Sendable {
    let network: StreetNetwork
    let graph: StreetGraph
    let reversedGraph: StreetGraph
    let index: SegmentIndex

    init(_ network: StreetNetwork) {
        self.network = network
        graph = StreetGraph(network)
        reversedGraph = StreetGraph(network, reversed: true)
        index = SegmentIndex(network)
    }

    /// Travel seconds from each depot junction to every junction and back.
    struct DepotSeconds {
        var from: [Int: [Int]] = [:]
        var to: [Int: [Int]] = [:]
    }

    /// The junction a depot starts from: the nearer end of its nearest street.
    /// - Throws: `PlanningError.badRegistry` when no street is within 2 km.
    func depotNode(_ depot: Organisation.Depot, of org: Organisation) throws -> Int {
        let projection = try Projection(from: .wgs84, to: network.crs)
        guard let point = projection.project(depot.location),
              let near = index.nearest(to: point, within: CrewPool.depotReachMetres).first,
              network.segments.indices.contains(near.segment) else {
            throw PlanningError(.badRegistry, "depot \(depot.id) of \(org.id) is more than 2 km from any street of the "
                                + "network; check its lon and lat")
        }
        let s = network.segments[near.segment]
        return near.along < s.length / 2 ? s.from : s.to
    }

    /// Seconds (milliseconds on the graph, rounded down) from and to each
    /// node of `depots`, `Int.max` where unreachable.
    /// - Complexity: two searches per depot, O((n + m) log n) each.
    func depotSeconds(_ depots: [Int]) -> DepotSeconds {
        var out = DepotSeconds()
        func seconds(_ tree: ShortestPathTree) -> [Int] {
            tree.distance.map { $0 == Int.max ? Int.max : $0 / PlanUnits.millisecondsPerSecond }
        }
        for node in depots {
            out.from[node] = seconds(graph.shortestPaths(from: node))
            out.to[node] = seconds(reversedGraph.shortestPaths(from: node))
        }
        return out
    }
}
