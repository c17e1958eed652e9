/// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990) of (cost, node)
/// packed into one 64-bit word each: a monotone priority queue for
/// Dijkstra with integer costs, where a popped cost never falls. Bucket k
/// holds the items whose cost first differs from the last popped cost in
/// bit k - 1 (bucket 0: equal to it); a pop from an empty bucket 0 empties
/// the first non-empty bucket into lower ones, so each item moves at most
/// 32 times and a push is O(1). Costs below 2^31 (the table's bound is
/// lower), nodes below 2^32, and a push never below the last pop. Internal.
struct RadixHeap {
    private var buckets = [[UInt64]](repeating: [], count: 33)
    private var last: UInt64 = 0
    /// The bucket being emptied into lower ones (kept for its storage).
    private var moving: [UInt64] = []
    private(set) var count = 0

    mutating func removeAll() {
        for k in buckets.indices { buckets[k].removeAll(keepingCapacity: true) }
        last = 0
        count = 0
    }

    @inline(__always)
    private func bucket(_ cost: UInt64) -> Int {
        cost == last ? 0 : 64 - (cost ^ last).leadingZeroBitCount
    }

    mutating func push(_ cost: Int, _ node: Int) {
        let key = UInt64(cost)
        buckets[bucket(key)].append(key << 32 | UInt64(node))
        count += 1
    }

    mutating func pop() -> (cost: Int, node: Int)? {
        guard count > 0 else { return nil }
        if buckets[0].isEmpty {
            var k = 1
            while buckets[k].isEmpty { k += 1 }
            swap(&moving, &buckets[k])
            last = moving.reduce(UInt64.max) { min($0, $1) } >> 32
            for item in moving { buckets[bucket(item >> 32)].append(item) }
            moving.removeAll(keepingCapacity: true)
        }
        count -= 1
        let item = buckets[0].removeLast()
        return (Int(item >> 32), Int(item & 0xFFFF_FFFF))
    }
}
