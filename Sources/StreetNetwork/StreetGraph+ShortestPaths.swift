import Foundation

/// The result of a one-to-all search: travel time in milliseconds to every
/// node (`Int.max` when unreachable) and the CSR position of the arc used
/// to reach it (-1 at a source or unreachable node).
public struct ShortestPathTree: Sendable {
    public var distance: [Int]
    public var parentArc: [Int32]

    public static let unreachable = Int.max
}

extension StreetGraph {
    /// Dijkstra's algorithm (binary heap, lazy deletion) from one or more
    /// sources, each with a starting cost in milliseconds.
    /// - Parameter targets: when given, stops once all of them are settled.
    /// - Complexity: O((n + m) log n)
    public func shortestPaths(from sources: [(node: Int, cost: Int)], targets: [Int]? = nil) -> ShortestPathTree {
        var workspace = _DijkstraWorkspace(nodeCount: nodeCount)
        workspace.run(self, sources: sources, targets: targets)
        return ShortestPathTree(distance: workspace.distance, parentArc: workspace.parent)
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
                var workspace = _DijkstraWorkspace(nodeCount: nodeCount)
                for i in stride(from: chunk, to: sources.count, by: chunks) {
                    workspace.run(self, sources: [(sources[i], 0)], targets: targets)
                    out[i] = targets.map { workspace.distance[$0] }
                }
            }
        }
        return rows
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
        var lo = 0, hi = nodeCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(firstOut[mid]) <= a { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// Reusable arrays for repeated searches, so a matrix does not allocate per
/// row.
struct _DijkstraWorkspace {
    var distance: [Int]
    var parent: [Int32]
    var settled: [Bool]
    var touched: [Int32] = []
    var heap = _MinHeap()
    var isTarget: [Bool]

    init(nodeCount: Int) {
        distance = [Int](repeating: ShortestPathTree.unreachable, count: nodeCount)
        parent = [Int32](repeating: -1, count: nodeCount)
        settled = [Bool](repeating: false, count: nodeCount)
        isTarget = [Bool](repeating: false, count: nodeCount)
    }

    mutating func reset() {
        for v in touched {
            distance[Int(v)] = ShortestPathTree.unreachable
            parent[Int(v)] = -1
            settled[Int(v)] = false
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
    }

    mutating func run(_ graph: StreetGraph, sources: [(node: Int, cost: Int)], targets: [Int]?) {
        reset()
        var remaining = 0
        if let targets {
            for t in targets where !isTarget[t] { isTarget[t] = true; remaining += 1 }
        }
        defer { if let targets { for t in targets { isTarget[t] = false } } }
        for (node, cost) in sources where cost < distance[node] {
            if distance[node] == ShortestPathTree.unreachable { touched.append(Int32(node)) }
            distance[node] = cost
            heap.push(cost, Int32(node))
        }
        graph.firstOut.withUnsafeBufferPointer { first in
            graph.head.withUnsafeBufferPointer { head in
                graph.cost.withUnsafeBufferPointer { cost in
                    while !heap.isEmpty {
                        let (d, u32) = heap.pop()
                        let u = Int(u32)
                        if settled[u] { continue }
                        settled[u] = true
                        if targets != nil, isTarget[u] {
                            remaining -= 1
                            if remaining == 0 { return }
                        }
                        for a in Int(first[u])..<Int(first[u + 1]) {
                            let v = Int(head[a])
                            let nd = d + Int(cost[a])
                            if nd < distance[v] {
                                if distance[v] == ShortestPathTree.unreachable { touched.append(Int32(v)) }
                                distance[v] = nd
                                parent[v] = Int32(a)
                                heap.push(nd, Int32(v))
                            }
                        }
                    }
                }
            }
        }
    }
}
