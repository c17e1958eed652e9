import Foundation

/// The result of a one-to-all search: travel time in milliseconds to every
/// node (`Int.max` when unreachable) and the CSR position of the arc used
/// to reach it (-1 at a source or unreachable node).
public struct ShortestPathTree: Sendable {
    public var distance: [Int]
    public var parentArc: [Int32]

    public static let unreachable = Int.max

    public init(distance: [Int], parentArc: [Int32]) {
        self.distance = distance
        self.parentArc = parentArc
    }
}

/// The trees of a many-to-many search (`StreetGraph.forest`): times to the
/// targets, and each source's parent arcs for the paths.
public struct ShortestPathForest: Sendable {
    public var distances: [[Int]]
    public var parentArcs: [[Int32]]
}

extension StreetGraph {
    /// Dijkstra's algorithm (binary heap, lazy deletion) from one or more
    /// sources, each with a starting cost in milliseconds.
    /// - Parameter targets: when given, stops once all of them are settled.
    /// - Complexity: O((n + m) log n)
    public func shortestPaths(from sources: [(node: Int, cost: Int)], targets: [Int]? = nil) -> ShortestPathTree {
        let workspace = DijkstraWorkspace(nodeCount: nodeCount)
        workspace.run(self, sources: sources, targets: targets)
        return workspace.tree
    }

    /// Travel times from one node to all.
    /// - Complexity: O((n + m) log n)
    public func shortestPaths(from source: Int) -> ShortestPathTree {
        shortestPaths(from: [(source, 0)])
    }

    /// A many-to-many matrix of travel times (milliseconds, `Int.max` when
    /// unreachable): row i holds the times from `sources[i]` to each target.
    /// One Dijkstra per source, each stopping once every target is settled;
    /// `threads > 1` runs sources on that many threads.
    /// - Complexity: O(|sources| (n + m) log n)
    public func matrix(from sources: [Int], to targets: [Int], threads: Int = 1) -> [[Int]] {
        var rows = [[Int]](repeating: [], count: sources.count)
        let chunks = max(1, min(threads, sources.count))
        rows.withUnsafeMutableBufferPointer { buffer in
            // Each row is written by exactly one thread.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let workspace = DijkstraWorkspace(nodeCount: nodeCount)
                for i in stride(from: chunk, to: sources.count, by: chunks) {
                    workspace.run(self, sources: [(sources[i], 0)], targets: targets)
                    out[i] = workspace.distances(to: targets)
                }
            }
        }
        return rows
    }

    /// Many-to-many searches that keep each source's tree, for callers that
    /// cost with the distances and then lay paths out along the same trees:
    /// `distances[i][j]` is the time from `sources[i]` to `targets[j]`
    /// (`Int.max` when unreachable), `parentArcs[i]` the tree of source i
    /// (final for the targets and the nodes on their paths). Each search
    /// stops once every target is settled; `threads > 1` runs sources on
    /// that many threads, with the same result.
    /// - Complexity: O(|sources| (n + m) log n) time; O(|sources| n) memory
    ///   for the trees (4 bytes a node).
    public func forest(from sources: [Int], to targets: [Int], threads: Int = 1) -> ShortestPathForest {
        var distances = [[Int]](repeating: [], count: sources.count)
        var parents = [[Int32]](repeating: [], count: sources.count)
        let chunks = max(1, min(threads, sources.count))
        distances.withUnsafeMutableBufferPointer { d in
            parents.withUnsafeMutableBufferPointer { p in
                // Each row is written by exactly one thread.
                nonisolated(unsafe) let outD = d
                nonisolated(unsafe) let outP = p
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let workspace = DijkstraWorkspace(nodeCount: nodeCount)
                    for i in stride(from: chunk, to: sources.count, by: chunks) {
                        workspace.run(self, sources: [(sources[i], 0)], targets: targets)
                        outD[i] = workspace.distances(to: targets)
                        outP[i] = workspace.parentArcs
                    }
                }
            }
        }
        return ShortestPathForest(distances: distances, parentArcs: parents)
    }

    /// The arcs (CSR positions) from a source of `tree` to `node`, in order.
    /// - Complexity: O(path length)
    public func path(to node: Int, in tree: ShortestPathTree) -> [Int] {
        var arcs: [Int] = []
        var v = node
        while tree.parentArc[v] >= 0 {
            let a = Int(tree.parentArc[v])
            arcs.append(a)
            v = tailOf(csrPosition: a)
        }
        return arcs.reversed()
    }

    /// The tail node of the arc at a CSR position.
    /// - Complexity: O(log n), a binary search of `firstOut`.
    public func tailOf(csrPosition a: Int) -> Int {
        var lo = 0
        var hi = nodeCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(firstOut[mid]) <= a { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// Reusable buffers for repeated searches, so a matrix does not allocate
/// per row; only the nodes a search touched are reset before the next one.
/// Raw memory keeps the inner loop free of copy-on-write and exclusivity
/// checks. A class: it owns that memory. Internal.
final class DijkstraWorkspace {
    let nodeCount: Int
    private let dist: UnsafeMutablePointer<Int>
    private let parent: UnsafeMutablePointer<Int32>
    private let settled: UnsafeMutablePointer<Bool>
    private let isTarget: UnsafeMutablePointer<Bool>
    /// Nodes whose distance was set, to reset them cheaply.
    private let touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    /// The lazy binary heap: (key, node) pairs, at most one per relaxation.
    private var heapKeys: UnsafeMutablePointer<Int>
    private var heapNodes: UnsafeMutablePointer<Int32>
    private var heapCapacity: Int

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        let n = max(1, nodeCount)
        dist = .allocate(capacity: n)
        dist.initialize(repeating: ShortestPathTree.unreachable, count: n)
        parent = .allocate(capacity: n)
        parent.initialize(repeating: -1, count: n)
        settled = .allocate(capacity: n)
        settled.initialize(repeating: false, count: n)
        isTarget = .allocate(capacity: n)
        isTarget.initialize(repeating: false, count: n)
        touched = .allocate(capacity: n)
        heapCapacity = 16
        heapKeys = .allocate(capacity: heapCapacity)
        heapNodes = .allocate(capacity: heapCapacity)
    }

    deinit {
        dist.deallocate()
        parent.deallocate()
        settled.deallocate()
        isTarget.deallocate()
        touched.deallocate()
        heapKeys.deallocate()
        heapNodes.deallocate()
    }

    /// The last search as arrays.
    /// - Complexity: O(n), a copy.
    var tree: ShortestPathTree {
        ShortestPathTree(
            distance: Array(UnsafeBufferPointer(start: dist, count: nodeCount)),
            parentArc: parentArcs)
    }

    /// The parent arcs of the last search. O(n), a copy.
    var parentArcs: [Int32] { Array(UnsafeBufferPointer(start: parent, count: nodeCount)) }

    /// The distances of the last search to `targets`, in their order.
    func distances(to targets: [Int]) -> [Int] {
        targets.map { dist[$0] }
    }

    /// The final cost of `node` in the last search; nil when it was not settled.
    func settledCost(_ node: Int) -> Int? { settled[node] ? dist[node] : nil }

    /// The CSR positions of the arcs from the last search's source to `node`, in order.
    func pathArcs(to node: Int, in graph: StreetGraph) -> [Int] {
        var arcs: [Int] = []
        var v = node
        while parent[v] >= 0 {
            let a = Int(parent[v])
            arcs.append(a)
            v = graph.tailOf(csrPosition: a)
        }
        return arcs.reversed()
    }

    /// Clears what the last search touched, grows the heap to fit this one and
    /// marks `targets`; returns how many distinct targets there are.
    /// - Complexity: O(nodes touched last time + targets).
    private func prepare(_ graph: StreetGraph, sourceCount: Int, targets: [Int]?) -> Int {
        for k in 0..<touchedCount {
            let v = Int(touched[k])
            dist[v] = ShortestPathTree.unreachable
            parent[v] = -1
            settled[v] = false
        }
        touchedCount = 0
        let needed = graph.arcCount + sourceCount + 1
        if needed > heapCapacity {
            heapKeys.deallocate()
            heapNodes.deallocate()
            heapCapacity = needed
            heapKeys = .allocate(capacity: needed)
            heapNodes = .allocate(capacity: needed)
        }
        var remaining = 0
        if let targets {
            for t in targets where !isTarget[t] {
                isTarget[t] = true
                remaining += 1
            }
        }
        return remaining
    }

    /// - Parameter stopAfter: with `targets`, stops once this many of them are settled.
    func run(_ graph: StreetGraph, sources: [(node: Int, cost: Int)], targets: [Int]?, stopAfter: Int = .max) {
        var remaining = min(prepare(graph, sourceCount: sources.count, targets: targets), max(1, stopAfter))
        let stopEarly = targets != nil
        let keys = heapKeys
        let nodes = heapNodes
        let dist = dist
        let parent = parent
        let settled = settled
        let isTarget = isTarget
        let touched = touched
        var touchedCount = 0
        var count = 0
        for (node, c) in sources where c < dist[node] {
            if dist[node] == ShortestPathTree.unreachable {
                touched[touchedCount] = Int32(node)
                touchedCount += 1
            }
            dist[node] = c
            _heapPush(keys, nodes, &count, c, Int32(node))
        }
        graph.firstOut.withUnsafeBufferPointer { first in
            graph.head.withUnsafeBufferPointer { head in
                graph.cost.withUnsafeBufferPointer { cost in
                    while count > 0 {
                        let (d, u) = _heapPop(keys, nodes, &count)
                        if settled[u] { continue }
                        settled[u] = true
                        if stopEarly, isTarget[u] {
                            remaining -= 1
                            if remaining == 0 { break }
                        }
                        for a in Int(first[u])..<Int(first[u + 1]) {
                            let v = Int(head[a])
                            let nd = d + Int(cost[a])
                            if nd < dist[v] {
                                if dist[v] == ShortestPathTree.unreachable {
                                    touched[touchedCount] = Int32(v)
                                    touchedCount += 1
                                }
                                dist[v] = nd
                                parent[v] = Int32(a)
                                _heapPush(keys, nodes, &count, nd, Int32(v))
                            }
                        }
                    }
                }
            }
        }
        self.touchedCount = touchedCount
        if let targets { for t in targets { isTarget[t] = false } }
    }
}

@inline(__always)
private func _heapPush(
    _ keys: UnsafeMutablePointer<Int>, _ nodes: UnsafeMutablePointer<Int32>, _ count: inout Int, _ key: Int,
    _ node: Int32
) {
    var i = count
    count += 1
    while i > 0 {
        let up = (i - 1) >> 1
        if keys[up] <= key { break }
        keys[i] = keys[up]
        nodes[i] = nodes[up]
        i = up
    }
    keys[i] = key
    nodes[i] = node
}

@inline(__always)
private func _heapPop(_ keys: UnsafeMutablePointer<Int>, _ nodes: UnsafeMutablePointer<Int32>, _ count: inout Int) -> (
    Int, Int
) {
    let top = (keys[0], Int(nodes[0]))
    count -= 1
    let lastKey = keys[count]
    let lastNode = nodes[count]
    var i = 0
    while true {
        var child = 2 * i + 1
        if child >= count { break }
        if child + 1 < count, keys[child + 1] < keys[child] { child += 1 }
        if keys[child] >= lastKey { break }
        keys[i] = keys[child]
        nodes[i] = nodes[child]
        i = child
    }
    keys[i] = lastKey
    nodes[i] = lastNode
    return top
}
