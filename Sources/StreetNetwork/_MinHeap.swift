/// A binary min-heap of (key, node) pairs with lazy deletion, the queue of
/// Dijkstra's algorithm. Internal: a flat array, no decrease-key.
@usableFromInline
struct _MinHeap {
    @usableFromInline var keys: [Int] = []
    @usableFromInline var nodes: [Int32] = []

    @usableFromInline init() {}

    @inlinable var isEmpty: Bool { keys.isEmpty }

    @inlinable mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    /// - Complexity: O(log n)
    @inlinable mutating func push(_ key: Int, _ node: Int32) {
        var i = keys.count
        keys.append(key)
        nodes.append(node)
        while i > 0 {
            let parent = (i - 1) >> 1
            if keys[parent] <= key { break }
            keys[i] = keys[parent]; nodes[i] = nodes[parent]
            i = parent
        }
        keys[i] = key; nodes[i] = node
    }

    /// - Complexity: O(log n)
    @inlinable mutating func pop() -> (key: Int, node: Int32) {
        let top = (keys[0], nodes[0])
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        let n = keys.count
        if n > 0 {
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n, keys[child + 1] < keys[child] { child += 1 }
                if keys[child] >= lastKey { break }
                keys[i] = keys[child]; nodes[i] = nodes[child]
                i = child
            }
            keys[i] = lastKey; nodes[i] = lastNode
        }
        return top
    }
}
