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
    /// Parent arcs of the search from each source, and its times to the terminals.
    private var parents: [Int: [Int32]] = [:]
    private var rows: [Int: [Int: Int]] = [:]
    /// Threads for the searches (rows are independent: the same result on any count).
    let threads: Int
    private let lock = NSLock()
    /// Wall-clock seconds spent in the searches the solver asked for.
    private(set) var searchSeconds = 0.0

    init(
        streets: PlanningStreets, depot: Int, depots: DepotTrees,
        threads: Int = min(4, ProcessInfo.processInfo.activeProcessorCount)
    ) {
        self.streets = streets
        self.depot = depot
        self.depots = depots
        self.threads = max(1, threads)
    }

    /// Seconds from `source` to each of `targets`; the depot's row and
    /// column from the depot trees. The first call searches from every
    /// target at once (the solver asks from each terminal to all of them).
    func costs(from source: Int, to targets: [Int]) -> [Int] {
        if source == depot { return targets.map { depots.seconds(from: depot, to: $0) } }
        lock.lock()
        defer { lock.unlock() }
        if rows[source] == nil { search(from: targets.contains(source) ? targets : targets + [source], to: targets) }
        let row = rows[source] ?? [:]
        return targets.map { $0 == depot ? depots.seconds(from: source, backTo: depot) : row[$0] ?? Int.max }
    }

    /// Searches from `sources` (the depot apart) to `targets` (the depot apart,
    /// its column is in the depot trees) and keeps the trees. Under the lock.
    private func search(from sources: [Int], to targets: [Int]) {
        let started = ContinuousClock.now
        let from = Array(Set(sources.filter { $0 != depot && rows[$0] == nil })).sorted()
        let to = Array(Set(targets.filter { $0 != depot })).sorted()
        let forest = streets.graph.forest(from: from, to: to, threads: threads)
        for (i, source) in from.enumerated() {
            parents[source] = forest.parentArcs[i]
            rows[source] = Dictionary(uniqueKeysWithValues: zip(to, forest.distances[i]))
        }
        searchSeconds += (ContinuousClock.now - started).seconds
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
            var out: [Round.Step] = []
            var v = source
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
        var arcs: [Int32] = []
        var v = target
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
