/// Repeated searches on one graph that share one workspace, so a search
/// costs only the nodes it touches: one stopped near its source is cheap
/// on a county's graph, where `StreetGraph.shortestPaths` allocates arrays
/// over every node each time. Not thread-safe: one per thread, or under a
/// lock.
public final class StreetGraphSearch {
    public let graph: StreetGraph
    private let workspace: DijkstraWorkspace

    public init(_ graph: StreetGraph) {
        self.graph = graph
        workspace = DijkstraWorkspace(nodeCount: graph.nodeCount)
    }

    /// Costs from `source` to each of `targets`, in their order (`Int.max`
    /// where unreachable); the search stops once all are settled.
    /// - Complexity: O((n + m) log n) at most; less when the targets lie near.
    public func costs(from source: Int, to targets: [Int]) -> [Int] {
        guard !targets.isEmpty else { return [] }
        workspace.run(graph, sources: [(source, 0)], targets: targets)
        return targets.map { workspace.settledCost($0) ?? ShortestPathTree.unreachable }
    }

    /// The first `count` of `targets` (distinct) settled from `source`, the
    /// cheapest (the source itself at 0 when it is a target), with their
    /// costs, in the order of `targets`; fewer when fewer are reachable.
    /// - Complexity: the nodes within reach of the `count`-th cheapest
    ///   target, plus O(|targets|).
    public func nearest(from source: Int, among targets: [Int], count: Int) -> [(node: Int, cost: Int)] {
        guard count > 0, !targets.isEmpty else { return [] }
        workspace.run(graph, sources: [(source, 0)], targets: targets, stopAfter: count)
        return targets.compactMap { t in workspace.settledCost(t).map { (t, $0) } }
    }

    /// The CSR positions of the arcs of a cheapest path from `source` to
    /// `target`, in order; empty when they are the same node or no path
    /// joins them. The search stops at the target.
    public func path(from source: Int, to target: Int) -> [Int] {
        workspace.run(graph, sources: [(source, 0)], targets: [target])
        return workspace.settledCost(target) == nil ? [] : workspace.pathArcs(to: target, in: graph)
    }
}
