import XCTest

@testable import ArcRouting

/// The radix heap returns every (cost, node) pushed, in cost order, as
/// Dijkstra uses it: pushes never below the last pop, equal costs, costs
/// far apart, and emptied for reuse.
final class RadixHeapTests: XCTestCase {
    func testPopsEveryItemInCostOrder() {
        var rng = RandomSource(seed: 3)
        var heap = RadixHeap()
        for round in 0..<3 {
            var pushed: [[Int]] = []
            var popped: [[Int]] = []
            var last = 0
            for step in 0..<5_000 {
                if rng.below(3) > 0 || heap.count == 0 {
                    let cost = last + rng.below(step % 7 == 0 ? 1 << 29 : 50) * (step % 11 == 0 ? 0 : 1)
                    heap.push(cost, step)
                    pushed.append([cost, step])
                } else if let (cost, node) = heap.pop() {
                    popped.append([cost, node])
                    last = cost
                }
            }
            while let (cost, node) = heap.pop() { popped.append([cost, node]) }
            XCTAssertEqual(popped.map { $0[0] }, popped.map { $0[0] }.sorted(), "round \(round)")
            XCTAssertEqual(
                popped.sorted { $0.lexicographicallyPrecedes($1) },
                pushed.sorted { $0.lexicographicallyPrecedes($1) }, "round \(round)")
            heap.removeAll()
            XCTAssertNil(heap.pop())
            XCTAssertEqual(heap.count, 0)
        }
    }
}
