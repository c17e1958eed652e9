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
/// terminals and keeps no tree (only the hubs' whole searches do), and a
/// path is searched when a round is laid out. The depot's rows come from
/// the depot trees, searched once per plan. Seconds rounded up per segment.
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
    /// The most bytes of search trees kept for laying the rounds out (default 256 MB).
    let keptTreeBytes: Int
    /// Search trees kept, by source: parent arcs (forward graph's CSR
    /// positions), final for the targets the search settled.
    private var trees: [Int: KeptTree] = [:]
    /// Rows of the last batch not yet asked for, to `aheadTargets`.
    private var ahead: [Int: [Int]] = [:]
    private var aheadTargets: [Int] = []
    private var aheadSettled: Set<Int> = []
    /// Where the last source asked for stands in `aheadTargets`, and how
    /// many sources in a row were asked for in their order.
    private var lastAsked: Int?
    private var inTurn = 0
    private let forward: StreetGraphSearch
    private let backward: StreetGraphSearch
    private let lock = NSLock()
    /// Wall-clock seconds spent in the searches the solver asked for.
    private(set) var searchSeconds = 0.0

    /// A search's tree and the nodes it settled (its targets).
    private struct KeptTree {
        let parentArcs: [Int32]
        let settled: Set<Int>
    }

    init(
        streets: PlanningStreets, depot: Int, depots: DepotTrees,
        threads: Int = min(4, ProcessInfo.processInfo.activeProcessorCount), keptTreeBytes: Int = 256 << 20
    ) {
        self.streets = streets
        self.depot = depot
        self.depots = depots
        self.threads = max(1, threads)
        self.keptTreeBytes = keptTreeBytes
        forward = StreetGraphSearch(streets.graph)
        backward = StreetGraphSearch(streets.reversedGraph)
    }

    /// Seconds from `source` to each of `targets`; the depot's row from
    /// its tree. When sources come in the order of `targets` (as the
    /// solver asks, from each terminal to all of them), the next ones are
    /// searched with it, a batch on the threads.
    func costs(from source: Int, to targets: [Int]) -> [Int] {
        timed {
            let at = targets.firstIndex(of: source)
            let next = aheadTargets == targets && at != nil && at == lastAsked.map { $0 + 1 }
            inTurn = next ? inTurn + 1 : 0
            lastAsked = at
            if source == depot { return targets.map { depots.seconds(from: depot, to: $0) } }
            if ahead[source] == nil || aheadTargets != targets {
                var batch = [source]
                if inTurn >= 2, let at {
                    batch += targets[(at + 1)...].lazy.filter { $0 != self.depot }.prefix(16 * threads - 1)
                }
                search(from: batch, to: targets)
            }
            return ahead.removeValue(forKey: source) ?? targets.map { _ in Int.max }
        }
    }

    /// Searches from each of `sources` to `targets` (the depot apart: its
    /// column from its tree, so a search need not reach a depot some way
    /// off), on the threads; keeps their rows in place of the last batch's,
    /// and their trees within `keptTreeBytes` (a tree that settled more
    /// targets replaces one that settled fewer). Under the lock.
    private func search(from sources: [Int], to targets: [Int]) {
        let searched = targets.filter { $0 != depot }
        let forest = streets.graph.forest(from: sources, to: searched, threads: threads)
        // One set for every search to the same targets (the trees share it).
        if aheadTargets != targets || aheadSettled.isEmpty { aheadSettled = Set(searched) }
        ahead = [:]
        aheadTargets = targets
        let settled = aheadSettled
        let treeBytes = max(1, streets.graph.nodeCount) * MemoryLayout<Int32>.stride
        for (i, from) in sources.enumerated() {
            var found = forest.distances[i].makeIterator()
            ahead[from] = targets.map { $0 == depot ? depots.seconds(from: from, backTo: depot) : found.next()! }
            let roomy =
                trees[from].map { $0.settled.count < settled.count }
                ?? ((trees.count + 1) * treeBytes <= keptTreeBytes)
            if roomy { trees[from] = KeptTree(parentArcs: forest.parentArcs[i], settled: settled) }
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
    /// direction. From a kept tree that settled the target; else a search
    /// of its own, stopped at the target.
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
        guard let tree = trees[source], tree.settled.contains(target) else {
            return forward.path(from: source, to: target).map { step(graph.arcID[$0]) }
        }
        let parentArc = tree.parentArcs
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
