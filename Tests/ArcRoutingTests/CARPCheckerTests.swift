import TestSupport
import XCTest

@testable import ArcRouting

final class CARPCheckerTests: XCTestCase {
    // depot 0 — 1 — 2, required (0,1) demand 2 and (1,2) demand 2, capacity 3;
    // (1,2) one-way from 1 to 2, with a deadhead-only way back 2 → 0.
    let problem = CARPProblem(
        name: "tiny", nodeCount: 3, depot: 0,
        links: [
            .init(from: 0, to: 1, deadheadCost: 4, serviceCost: 5, demand: 2),
            .init(from: 1, to: 2, twoWay: false, deadheadCost: 3, serviceCost: 6, demand: 2),
            .init(from: 2, to: 0, twoWay: false, deadheadCost: 10)
        ], capacity: 3)

    /// Told its targets, Bellman-Ford stops near the source, and still finds
    /// each target's shortest cost: one-way and free links, one target or
    /// many, the source among them, and a node out of reach; the same with
    /// one search's memory reused from source to source.
    func testBellmanFordToTargetsFindsWhatTheFullSearchFinds() {
        for seed in UInt64(1)...6 {
            var p = RandomProblems.mixed(seed: seed, nodes: 50, required: 30, extra: 70, capacity: 50)
            for k in p.links.indices where k % 4 == Int(seed % 4) { p.links[k].deadheadCost = 0 }
            p.nodeCount += 1  // the last node has no link: out of reach
            let arcs = CARPChecker.Arcs(p)
            var rng = SplitMix64(seed: seed)
            var reused = CARPChecker.BellmanFord(nodeCount: p.nodeCount)  // one search's memory for all
            for source in 0..<p.nodeCount {
                let full = CARPChecker.bellmanFord(nodeCount: p.nodeCount, from: source, arcs: arcs)
                reused.run(from: source, arcs: arcs)
                XCTAssertEqual(reused.cost, full, "seed \(seed): from \(source), after the searches before")
                for size in [1, 2, 5] {
                    var targets = Set((0..<size).map { _ in Int.random(in: 0..<p.nodeCount, using: &rng) })
                    if size == 2 { targets.insert(source) }
                    if size == 5 { targets.insert(p.nodeCount - 1) }
                    let near = CARPChecker.bellmanFord(
                        nodeCount: p.nodeCount, from: source, arcs: arcs, targets: targets)
                    reused.run(from: source, arcs: arcs, targets: targets)
                    for t in targets {
                        XCTAssertEqual(near[t], full[t], "seed \(seed): \(source) -> \(t)")
                        XCTAssertEqual(reused.cost[t], full[t], "seed \(seed): \(source) -> \(t), reused")
                    }
                }
                let alone = CARPChecker.bellmanFord(nodeCount: p.nodeCount, from: source, arcs: arcs, targets: [source])
                XCTAssertEqual(alone[source], 0)
            }
        }
    }

    /// On a path of unit links, the search for node 1 from node 0 stops
    /// before the far end; with a negative link (a problem not validated)
    /// it is not cut short, and still right.
    func testBellmanFordToTargetsStopsNearUnlessACostIsNegative() {
        let path = CARPProblem(
            name: "path", nodeCount: 10, depot: 0,
            links: (0..<9).map { .init(from: $0, to: $0 + 1, deadheadCost: 1) }, capacity: 1)
        let near = CARPChecker.bellmanFord(nodeCount: 10, from: 0, arcs: CARPChecker.Arcs(path), targets: [1])
        XCTAssertEqual(near[1], 1)
        XCTAssertEqual(near[9], Int.max, "the search went to the far end")
        // 0 -> 1 -> 2 -> 3 reaches the target 3 at cost 3 before 0 -> 7 -> 8
        // (cost 4) is relaxed, and 8 -> 3 costs -3: the cheaper way, at 1.
        let oneWay = [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 7, 2), (7, 8, 2), (8, 3, -3)]
        let negative = CARPProblem(
            name: "negative", nodeCount: 9, depot: 0,
            links: oneWay.map { .init(from: $0.0, to: $0.1, twoWay: false, deadheadCost: $0.2) }, capacity: 1)
        let arcs = CARPChecker.Arcs(negative)
        XCTAssertEqual(CARPChecker.bellmanFord(nodeCount: 9, from: 0, arcs: arcs)[3], 1)
        XCTAssertEqual(CARPChecker.bellmanFord(nodeCount: 9, from: 0, arcs: arcs, targets: [3])[3], 1)
    }

    func testFeasibleSolutionCosts() {
        // Route 1: serve 0→1, back 1→0 (4). Route 2: deadhead 0→1 (4), serve 1→2, back 2→0 (10).
        let solution = CARPSolution(
            routes: [[.init(link: 0, reversed: false)], [.init(link: 1, reversed: false)]], cost: 9 + 20)
        let report = CARPChecker.check(solution, for: problem)
        XCTAssertTrue(report.isFeasible, "\(report.problems)")
        XCTAssertEqual(report.routeCosts, [9, 20])
        XCTAssertEqual(report.routeLoads, [2, 2])
    }

    func testEveryBreachIsReported() {
        let overloaded = CARPSolution(
            routes: [[.init(link: 0, reversed: false), .init(link: 1, reversed: false)]], cost: 5 + 6 + 10)
        XCTAssertEqual(CARPChecker.check(overloaded, for: problem).problems, ["route 0 carries 4, over the capacity 3"])
        let twice = CARPSolution(routes: [[.init(link: 0, reversed: false)], [.init(link: 0, reversed: true)]], cost: 0)
        let report = CARPChecker.check(twice, for: problem)
        XCTAssertTrue(report.problems.contains { $0.contains("required link 0 (0, 1) is served 2 times") })
        XCTAssertTrue(report.problems.contains { $0.contains("required link 1 (1, 2) is served 0 times") })
        XCTAssertTrue(report.problems.contains { $0.contains("states cost 0") })
        let against = CARPSolution(
            routes: [[.init(link: 0, reversed: false)], [.init(link: 1, reversed: true)]], cost: 0)
        XCTAssertTrue(
            CARPChecker.check(against, for: problem).problems.contains { $0.contains("against its direction") })
        let deadheadOnly = CARPSolution(routes: [[.init(link: 2, reversed: false)]], cost: 0)
        XCTAssertTrue(
            CARPChecker.check(deadheadOnly, for: problem).problems.contains { $0.contains("not a required link") })
    }

    func testRouteLimitAndFleet() {
        var limited = problem
        limited.maxRouteCost = 15
        limited.fleetSize = 1
        let solution = CARPSolution(
            routes: [[.init(link: 0, reversed: false)], [.init(link: 1, reversed: false)]], cost: 29)
        let problems = CARPChecker.check(solution, for: limited).problems
        XCTAssertTrue(problems.contains("route 1 costs 20, over the route limit 15"))
        XCTAssertTrue(problems.contains("2 routes, more than the fleet of 1"))
    }
}
