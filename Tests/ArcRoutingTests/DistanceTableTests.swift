import TestSupport
import XCTest

@testable import ArcRouting

/// The distance table: its radix heap pops in cost order, its costs match
/// the checker's Bellman-Ford, and costs beyond its bound are refused.
final class DistanceTableTests: XCTestCase {
    func testTheRadixHeapPopsEveryItemInCostOrder() {
        var rng = RandomSource(seed: 3)
        var heap = RadixHeap()
        for _ in 0..<3 {
            var pushed: [Int] = []
            var popped: [Int] = []
            var last = 0
            for step in 0..<5_000 {
                // Dijkstra's pattern: pushes never below the last pop.
                if rng.below(3) > 0 || heap.count == 0 {
                    let cost = last + rng.below(step % 7 == 0 ? 1 << 28 : 50)
                    heap.push(cost, step)
                    pushed.append(cost)
                } else if let (cost, _) = heap.pop() {
                    popped.append(cost)
                    last = cost
                }
            }
            while let (cost, _) = heap.pop() { popped.append(cost) }
            XCTAssertEqual(popped, popped.sorted())
            XCTAssertEqual(popped.sorted(), pushed.sorted())
            heap.removeAll()
            XCTAssertNil(heap.pop())
        }
    }

    func testCostsMatchBellmanFord() throws {
        for seed in UInt64(1)...6 {
            let p = RandomProblems.mixed(seed: seed, nodes: 40, required: 30, extra: 60, capacity: 50)
            let table = try DistanceTable(p)
            let arcs = CARPChecker.Arcs(p)
            for from in 0..<p.nodeCount where table.terminalOf[from] >= 0 {
                let d = CARPChecker.bellmanFord(nodeCount: p.nodeCount, from: from, arcs: arcs)
                for to in 0..<p.nodeCount where table.terminalOf[to] >= 0 {
                    let expected = d[to] == Int.max ? DistanceTable.unreachable : d[to]
                    XCTAssertEqual(table(from, to), expected, "seed \(seed): \(from) -> \(to)")
                }
            }
        }
    }

    func testACostBeyondTheBoundIsRefusedNotOverflowed() {
        for cost in [DistanceTable.unreachable, Int.max / 2, Int.max] {
            let p = CARPProblem(
                name: "far", nodeCount: 3, depot: 0,
                links: [
                    .init(from: 0, to: 1, deadheadCost: 1, demand: 1),
                    .init(from: 1, to: 2, deadheadCost: cost, demand: 1)
                ], capacity: 5)
            XCTAssertThrowsError(try DistanceTable(p), "cost \(cost)") { error in
                XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
                XCTAssertTrue("\(error)".contains("coarser unit"), "\(error)")
            }
        }
    }
}
