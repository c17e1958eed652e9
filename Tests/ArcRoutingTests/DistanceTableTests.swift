import TestSupport
import XCTest

@testable import ArcRouting

/// The distance table: its costs match the checker's Bellman-Ford (one-way
/// and two-way links, free links, large costs), a dear link with a cheaper
/// way round changes nothing, and costs beyond its bound are refused.
final class DistanceTableTests: XCTestCase {
    /// Drawn problems varied: all links two-way (the mirrored half), some
    /// free, costs scaled up to the high buckets of the radix heap.
    private func variant(_ seed: UInt64) -> CARPProblem {
        var p = RandomProblems.mixed(seed: seed, nodes: 40, required: 30, extra: 60, capacity: 50)
        for k in p.links.indices {
            if seed % 2 == 0 { p.links[k].twoWay = true }
            if k % 5 == Int(seed % 5) { p.links[k].deadheadCost = 0 }
            if seed % 3 == 0 { p.links[k].deadheadCost *= 100_000 }
        }
        return p
    }

    func testCostsMatchBellmanFord() throws {
        for seed in UInt64(1)...8 {
            let p = variant(seed)
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

    func testADearLinkWithACheaperWayRoundChangesNothing() throws {
        for cost in [DistanceTable.unreachable, 600_000_000, Int.max] {
            let p = CARPProblem(
                name: "triangle", nodeCount: 3, depot: 0,
                links: [
                    .init(from: 0, to: 1, deadheadCost: 1, demand: 1),
                    .init(from: 1, to: 2, deadheadCost: 1, demand: 1),
                    .init(from: 0, to: 2, deadheadCost: cost)
                ], capacity: 5)
            let table = try DistanceTable(p)
            XCTAssertEqual(table(0, 2), 2, "cost \(cost)")
            XCTAssertEqual(table(2, 0), 2, "cost \(cost)")
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

    /// A chain of links with more ends than the largest dense table takes
    /// is refused before the table is made, with the way out in the
    /// message; with the default limit it gets near costs instead.
    func testTooManyTerminalsAreRefusedBeforeTheTableIsMade() {
        let most = Int(Double(DistanceTable.maxBytes / MemoryLayout<Int32>.stride).squareRoot())
        let p = CARPProblem(
            name: "chain", nodeCount: most + 1, depot: 0,
            links: (0..<most).map { .init(from: $0, to: $0 + 1, deadheadCost: 1, serviceCost: 1, demand: 1) },
            capacity: 10)
        XCTAssertThrowsError(try DistanceTable(p, denseLimit: .max)) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
            XCTAssertTrue("\(error)".contains("\(most + 1) depot and required-link ends"), "\(error)")
            XCTAssertTrue("\(error)".contains("split the problem into smaller ones"), "\(error)")
        }
        XCTAssertGreaterThan(most + 1, SolverParameters().denseTableTerminals)
    }

    /// Near costs have a bound of their own, checked before they are made.
    func testTooManyTerminalsForNearCostsAreRefusedBeforeTheyAreMade() {
        var ends = 1_000
        while NearDistances.bytes(terminals: ends) <= DistanceTable.maxBytes { ends *= 2 }
        let p = CARPProblem(
            name: "long chain", nodeCount: ends, depot: 0,
            links: (0..<(ends - 1)).map { .init(from: $0, to: $0 + 1, deadheadCost: 1, serviceCost: 1, demand: 1) },
            capacity: 10)
        XCTAssertThrowsError(try DistanceTable(p)) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
            XCTAssertTrue("\(error)".contains("\(ends) depot and required-link ends"), "\(error)")
            XCTAssertTrue("\(error)".contains("split the problem into smaller ones"), "\(error)")
        }
    }
}
