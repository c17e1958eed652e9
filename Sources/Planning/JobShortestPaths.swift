import ArcRouting
import Foundation
import StreetNetwork

/// The one shortest-path computation of a routing job, on the street graph
/// (CSR, one Dijkstra per terminal that stops once every terminal is
/// settled): the solver's deadhead costs (`CARPDeadheadCosts`), and the
/// search trees kept so the rounds are laid out along the same paths the
/// solver costed. The depot's rows come from the depot trees, searched once
/// per plan. Seconds rounded up per segment.
///
/// - Complexity: O(t (n + m) log n) for t terminals; memory O(t n) for the
///   kept trees (4 bytes a junction each), freed with the job.
final class JobShortestPaths: CARPDeadheadCosts, @unchecked Sendable {
    let streets: PlanningStreets
    let depot: Int
    let depots: DepotTrees
    /// Parent arcs of the search from each source the solver asked about.
    private var parents: [Int: [Int32]] = [:]
    private let lock = NSLock()
    /// Wall-clock seconds spent in the searches the solver asked for.
    private(set) var searchSeconds = 0.0

    init(streets: PlanningStreets, depot: Int, depots: DepotTrees) {
        self.streets = streets
        self.depot = depot
        self.depots = depots
    }

    /// Seconds from `source` to each of `targets`; the depot's row and
    /// column from the depot trees.
    func costs(from source: Int, to targets: [Int]) -> [Int] {
        if source == depot { return targets.map { depots.seconds(from: depot, to: $0) } }
        let started = ContinuousClock.now
        let others = targets.filter { $0 != depot }
        let tree = streets.graph.shortestPaths(from: [(source, 0)], targets: others)
        lock.lock()
        parents[source] = tree.parentArc
        searchSeconds += (ContinuousClock.now - started).seconds
        lock.unlock()
        return targets.map { $0 == depot ? depots.seconds(from: source, backTo: depot) : tree.distance[$0] }
    }

    /// The arcs (CSR positions of the forward graph, or segment arc ids) of
    /// the cheapest path from `source` to `target`, as segments with their
    /// direction. From the kept trees; a search of its own only for a source
    /// the solver never asked about.
    func steps(from source: Int, to target: Int) -> [Round.Step] {
        guard source != target else { return [] }
        let graph = streets.graph
        if source == depot, let tree = depots.from[depot] {
            return graph.path(to: target, in: tree).map { step(graph.arcID[$0]) }
        }
        if target == depot, let tree = depots.to[depot] {
            // The reversed graph's tree: follow parents from the source towards the depot.
            var out: [Round.Step] = [], v = source
            while v != depot, tree.parentArc.indices.contains(v), tree.parentArc[v] >= 0 {
                let a = Int(tree.parentArc[v])
                out.append(step(streets.reversedGraph.arcID[a]))
                v = streets.reversedGraph.tailOf(csrPosition: a)
            }
            return out
        }
        lock.lock()
        let kept = parents[source]
        lock.unlock()
        let parentArc = kept ?? graph.shortestPaths(from: [(source, 0)], targets: [target]).parentArc
        // Back from the target along the tree's parent arcs, then turned round.
        var arcs: [Int32] = [], v = target
        while parentArc.indices.contains(v), parentArc[v] >= 0 {
            let a = Int(parentArc[v])
            arcs.append(graph.arcID[a])
            v = graph.tailOf(csrPosition: a)
        }
        return arcs.reversed().map(step)
    }

    private func step(_ arc: Int32) -> Round.Step {
        let (segment, reversed) = StreetGraph.segment(ofArc: arc)
        return Round.Step(segment: segment, reversed: reversed, serving: false)
    }
}
