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

    /// Every pair of terminals' cost in `p`'s table is Bellman-Ford's.
    private func assertCostsMatchBellmanFord(_ p: CARPProblem) throws {
        let table = try DistanceTable(p)
        let arcs = CARPChecker.Arcs(p)
        for from in 0..<p.nodeCount where table.terminalOf[from] >= 0 {
            let d = CARPChecker.bellmanFord(nodeCount: p.nodeCount, from: from, arcs: arcs)
            for to in 0..<p.nodeCount where table.terminalOf[to] >= 0 {
                let expected = d[to] == Int.max ? DistanceTable.unreachable : d[to]
                XCTAssertEqual(table(from, to), expected, "\(p.name): \(from) -> \(to)")
            }
        }
    }

    func testCostsMatchBellmanFord() throws {
        for seed in UInt64(1)...8 { try assertCostsMatchBellmanFord(variant(seed)) }
    }

    /// A street with dead ends off it (two-way and one-way), a loop and a
    /// parallel dearer link: its costs match Bellman-Ford's, the two-way
    /// dead ends' rows are made from others' (`derivedRows`), and on it and
    /// the drawn problems a row so made reads only rows made by a search.
    func testRowsMadeFromOthersLeanOnlyOnSearchedRows() throws {
        var street = RandomProblems.mixed(seed: 11, nodes: 30, required: 25, extra: 20, capacity: 50)
        let first = street.nodeCount
        street.nodeCount += 10
        for k in 0..<10 {
            street.links.append(.init(from: k, to: first + k, twoWay: k % 3 != 0, deadheadCost: 3 + k, demand: 1))
        }
        street.links.append(.init(from: first + 1, to: first + 1, deadheadCost: 0, demand: 1))
        street.links.append(.init(from: 2, to: first + 2, deadheadCost: 50))
        try assertCostsMatchBellmanFord(street)
        for p in [street] + (UInt64(1)...8).map(variant) {
            let table = try DistanceTable(p)
            var terminals = [Int](repeating: -1, count: table.terminalCount)
            for (v, k) in table.terminalOf.enumerated() where k >= 0 { terminals[k] = v }
            let graph = Adjacency(p)
            let derived = DistanceTable.derivedRows(graph, terminals: terminals, terminalOf: table.terminalOf)
            XCTAssertGreaterThan(derived.filter { $0 }.count, 0, p.name)
            for (k, v) in terminals.enumerated() where derived[k] {
                for a in graph.arcs(leaving: v) {
                    let head = table.terminalOf[graph.head[a]]
                    XCTAssertTrue(head >= 0 && !derived[head], "\(p.name): row \(k) leans on \(graph.head[a])")
                }
            }
            if p.name == street.name {
                for k in 0..<10 where k % 3 != 0 {
                    XCTAssertTrue(derived[table.terminalOf[first + k]], "the dead end at \(first + k) was searched")
                }
            }
        }
    }

    /// A dead end's row is made from its street's other end; a terminal it
    /// reaches only at the bound or more is refused there as a search would.
    func testARowMadeFromOthersStillRefusesACostBeyondTheBound() {
        let p = CARPProblem(
            name: "far from the dead end", nodeCount: 3, depot: 0,
            links: [
                .init(from: 0, to: 1, deadheadCost: 1, demand: 1),
                .init(from: 0, to: 2, deadheadCost: DistanceTable.unreachable - 1, demand: 1)
            ], capacity: 5)
        let derived = DistanceTable.derivedRows(Adjacency(p), terminals: [0, 1, 2], terminalOf: [0, 1, 2])
        XCTAssertEqual(derived, [false, true, true])
        XCTAssertThrowsError(try DistanceTable(p)) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
            XCTAssertTrue("\(error)".contains("coarser unit"), "\(error)")
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
