import ArcRouting
import Foundation
import StreetNetwork

/// The shortest paths of a routing job, on the street graph (CSR): the
/// solver's deadhead costs (`CARPNearestCosts`), and the paths the rounds
/// are laid out along. Up to the solver's dense limit it asks each terminal
/// for its costs to every terminal: searches run in batches on several
/// threads, each stopped once every terminal is settled, and their trees
/// are kept (up to `keptTreeBytes`) so the rounds follow the paths the
/// solver costed. Beyond, each terminal's search stops at its nearest
/// terminals and keeps nothing, and a path is searched when a round is laid
/// out. The depot's rows come from the depot trees, searched once per
/// plan. Seconds rounded up per segment.
///
/// - Complexity: dense, O(t (n + m) log n) for t terminals, memory O(t n)
///   for the kept trees (4 bytes a junction each, freed with the job) and
///   O(batch t) for rows not yet asked for. Near, the nodes within reach
///   of each terminal's nearest, and two whole searches per hub.
final class JobShortestPaths: CARPNearestCosts, @unchecked Sendable {
    let streets: PlanningStreets
    let depot: Int
    let depots: DepotTrees
    /// Threads for the searches (rows are independent: the same result on any count).
    let threads: Int
    /// The most bytes of search trees kept for laying the rounds out.
    static let keptTreeBytes = 256 << 20
    /// Parent arcs of the searches from these sources (forward graph's CSR positions).
    private var parents: [Int: [Int32]] = [:]
    /// Rows searched in the batch of the last source asked for, not yet asked for, to `aheadTargets`.
    private var ahead: [Int: [Int]] = [:]
    private var aheadTargets: [Int] = []
    /// Where the last source asked for stands in `aheadTargets`.
    private var lastAsked: Int?
    private let forward: StreetGraphSearch
    private let backward: StreetGraphSearch
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
        forward = StreetGraphSearch(streets.graph)
        backward = StreetGraphSearch(streets.reversedGraph)
    }

    /// Seconds from `source` to each of `targets`; the depot's row from
    /// its tree. A source not yet searched is searched with the next
    /// sources of `targets` after it (the solver asks from each terminal
    /// to all of them, in order).
    func costs(from source: Int, to targets: [Int]) -> [Int] {
        if source == depot { return targets.map { depots.seconds(from: depot, to: $0) } }
        return timed {
            if ahead[source] == nil || aheadTargets != targets { searchAhead(from: source, to: targets) }
            lastAsked = targets.firstIndex(of: source)
            return ahead.removeValue(forKey: source) ?? targets.map { _ in Int.max }
        }
    }

    /// Searches from `source` and, when the sources are asked for in the
    /// order of `targets` (one after another), from the sources after it
    /// (the depot apart), a batch for the threads; keeps their rows (in
    /// place of the last batch's) and trees. Under the lock.
    private func searchAhead(from source: Int, to targets: [Int]) {
        let at = targets.firstIndex(of: source)
        let inTurn = aheadTargets == targets && at != nil && at == lastAsked.map { $0 + 1 }
        ahead = [:]
        aheadTargets = targets
        var batch = [source]
        if inTurn, let at {
            batch += targets[(at + 1)...].lazy.filter { $0 != self.depot }.prefix(16 * threads - 1)
        }
        // The depot's column from its tree: a search need not reach a depot some way off.
        let forest = streets.graph.forest(from: batch, to: targets.filter { $0 != depot }, threads: threads)
        let treeBytes = max(1, streets.graph.nodeCount) * MemoryLayout<Int32>.stride
        for (i, from) in batch.enumerated() {
            var found = forest.distances[i].makeIterator()
            ahead[from] = targets.map { $0 == depot ? depots.seconds(from: from, backTo: depot) : found.next()! }
            if parents[from] == nil, (parents.count + 1) * treeBytes <= Self.keptTreeBytes {
                parents[from] = forest.parentArcs[i]
            }
        }
    }

    /// The `count` nearest of `targets` from `source`, by a search stopped there; no tree kept.
    func nearest(from source: Int, among targets: [Int], count: Int) -> [(node: Int, cost: Int)] {
        timed { forward.nearest(from: source, among: targets, count: count) }
    }

    /// Seconds from each of `sources` to `target`: one search on the reversed graph.
    func costs(to target: Int, from sources: [Int]) -> [Int] {
        if target == depot { return sources.map { depots.seconds(from: $0, backTo: depot) } }
        return timed { backward.costs(from: target, to: sources) }
    }

    /// Runs `body` under the lock, adding its time to `searchSeconds`.
    private func timed<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let started = ContinuousClock.now
        defer { searchSeconds += (ContinuousClock.now - started).seconds }
        return body()
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
        defer { lock.unlock() }
        guard let parentArc = parents[source] else {
            return forward.path(from: source, to: target).map { step(graph.arcID[$0]) }
        }
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
