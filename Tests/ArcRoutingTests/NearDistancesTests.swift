import TestSupport
import XCTest

@testable import ArcRouting

/// Near costs and hubs: each row holds its terminal's nearest, at a row's
/// full load too; a near pair's cost and every cost to or from the depot
/// are exact, a far pair's is never below the truth, `exactCost` is always
/// the truth (one-way and two-way links, unreachable pairs), from the links
/// or from the caller's costs (also from a caller that searches only as far
/// as the nearest, and backwards); costs too near the bound and negative costs
/// from the caller are refused; the search's neighbour lists are the dense
/// table's, or from short rows the nearest of the tasks they hold; the
/// construction's tour is the scan's; a solution's stated cost is its true
/// cost, also after a search on loose bounds under a route limit.
final class NearDistancesTests: XCTestCase {
    /// Few near terminals and hubs, so most pairs are far.
    private let small = NearDistances.Limits(nearCount: 6, hubCount: 3)

    private func problem(_ seed: UInt64) -> CARPProblem {
        var p = RandomProblems.mixed(seed: seed, nodes: 40, required: 30, extra: 60, capacity: 50)
        if seed % 2 == 0 {
            for k in p.links.indices { p.links[k].twoWay = true }
        }
        return p
    }

    /// The dense table's costs by node index, as a caller's costs.
    private struct Given: CARPDeadheadCosts {
        let table: DistanceTable

        func costs(from source: Int, to targets: [Int]) -> [Int] {
            targets.map { table(source, $0) >= DistanceTable.unreachable ? Int.max : table(source, $0) }
        }
    }

    /// Every pair against the dense table; returns how many were far.
    @discardableResult
    private func assertBounds(_ near: NearDistances, _ dense: DistanceTable, _ label: String) -> Int {
        var far = 0
        for a in 0..<dense.terminalCount {
            for b in 0..<dense.terminalCount {
                let truth = dense.between(a, b)
                XCTAssertEqual(near.exactCost(a, b), truth, "\(label): exact \(a) -> \(b)")
                XCTAssertGreaterThanOrEqual(near.cost(a, b), truth, "\(label): bound \(a) -> \(b)")
                if near.nearCost(a, b) != nil || a == 0 || b == 0 {
                    XCTAssertEqual(near.cost(a, b), truth, "\(label): near or depot \(a) -> \(b)")
                } else {
                    far += 1
                }
            }
        }
        return far
    }

    func testNearAndDepotCostsAreExactAndFarOnesNeverBelowTheTruth() throws {
        for seed in UInt64(1)...6 {
            let p = problem(seed)
            let dense = try DistanceTable(p)
            let near = try XCTUnwrap(try DistanceTable(p, denseLimit: 1, nearLimits: small).near)
            XCTAssertEqual(near.hubs.count, 3)
            XCTAssertGreaterThan(assertBounds(near, dense, "seed \(seed)"), dense.terminalCount, "seed \(seed)")
        }
    }

    func testTheCallersCostsGiveTheSameBounds() throws {
        for seed in UInt64(1)...4 {
            var p = problem(seed)
            let dense = try DistanceTable(p)
            p.deadheadCosts = Given(table: dense)
            let table = try DistanceTable(p, denseLimit: 1, nearLimits: small)
            let near = try XCTUnwrap(table.near)
            XCTAssertGreaterThan(assertBounds(near, dense, "given, seed \(seed)"), 0)
            let fromLinks = try DistanceTable(problem(seed), denseLimit: 1, nearLimits: small)
            XCTAssertEqual(near.hubs, fromLinks.near?.hubs)
            // The caller's rows hold every pair: their dearest is the dense table's; the links' rows stop short.
            XCTAssertEqual(table.largestFiniteCost, dense.largestFiniteCost)
            XCTAssertLessThanOrEqual(fromLinks.largestFiniteCost, dense.largestFiniteCost)
        }
    }

    /// A caller that stops its searches at the nearest terminals (ties by
    /// their order) and searches backwards; `extra` more than asked for,
    /// as a careless caller might return.
    private struct GivenNearest: CARPNearestCosts {
        let table: DistanceTable
        var extra = 0

        func costs(from source: Int, to targets: [Int]) -> [Int] {
            Given(table: table).costs(from: source, to: targets)
        }

        func costs(to target: Int, from sources: [Int]) -> [Int] { sources.map { costs(from: $0, to: [target])[0] } }

        func nearest(from source: Int, among targets: [Int], count: Int) -> [(node: Int, cost: Int)] {
            let costs = costs(from: source, to: targets)
            let order = targets.indices.filter { costs[$0] != Int.max }.sorted { (costs[$0], $0) < (costs[$1], $1) }
            return order.prefix(count + extra).map { (targets[$0], costs[$0]) }
        }
    }

    func testACallerThatSearchesNearAndBackwardsGivesTheSameCosts() throws {
        for seed in UInt64(1)...4 {
            var p = problem(seed)
            let dense = try DistanceTable(p)
            p.deadheadCosts = Given(table: dense)
            let plain = try XCTUnwrap(try DistanceTable(p, denseLimit: 1, nearLimits: small).near)
            for extra in [0, 40] {
                p.deadheadCosts = GivenNearest(table: dense, extra: extra)
                let near = try XCTUnwrap(try DistanceTable(p, denseLimit: 1, nearLimits: small).near)
                XCTAssertEqual(near.hubs, plain.hubs)
                XCTAssertGreaterThan(assertBounds(near, dense, "nearest, seed \(seed), extra \(extra)"), 0)
                for a in 0..<dense.terminalCount {
                    for b in 0..<dense.terminalCount {
                        XCTAssertEqual(near.cost(a, b), plain.cost(a, b), "seed \(seed), extra \(extra): \(a) -> \(b)")
                    }
                }
            }
        }
    }

    /// With rows that hold every terminal, the lists are the dense table's
    /// (nearest first, ties by index), both rings.
    func testNeighboursMatchTheDenseTablesWhenTheRowsHoldEveryTerminal() throws {
        for seed in UInt64(1)...4 {
            let p = RandomProblems.mixed(seed: seed, nodes: 60, required: 80, extra: 60, capacity: 50)
            let dense = try SearchInstance(p)
            let near = try SearchInstance(p, denseLimit: 1)
            XCTAssertFalse(near.table.isDense)
            for k in [5, 25, 79] {
                XCTAssertEqual(
                    LocalSearch.neighbours(near, granularity: k), LocalSearch.neighbours(dense, granularity: k),
                    "seed \(seed), \(k)")
            }
        }
    }

    /// The search sees upper bounds; the solution states the true cost,
    /// which the checker confirms, and which is never above the search's.
    func testASolutionOnNearCostsStatesItsTrueCost() throws {
        for seed in UInt64(1)...6 {
            let p = problem(seed)
            let instance = try SearchInstance(p, denseLimit: 1, nearLimits: small)
            let routes = Construction.routes(instance, penalty: SolverParameters().constructionPenalty)
            let solution = instance.solution(routes)
            let check = CARPChecker.check(solution, for: p)
            XCTAssertTrue(check.isFeasible, "seed \(seed): \(check.problems)")
            XCTAssertLessThanOrEqual(solution.cost, routes.reduce(0) { $0 + instance.routeCost($1) })
        }
    }

    /// The whole solver on a table of near costs (forced by the limit):
    /// a feasible answer at its true cost, as good as the dense table's
    /// here, since a small instance's rows hold every terminal.
    func testTheSolverOnNearCostsGivesTheDenseAnswerOnASmallInstance() throws {
        let p = RandomProblems.mixed(seed: 3, nodes: 50, required: 60, extra: 40, capacity: 60)
        var parameters = SolverParameters()
        parameters.timeLimit = nil
        parameters.maxIterations = 300
        let dense = try CARPSolver.solve(p, parameters: parameters)
        parameters.denseTableTerminals = 1
        let near = try CARPSolver.solve(p, parameters: parameters)
        XCTAssertTrue(CARPChecker.check(near.solution, for: p).isFeasible)
        XCTAssertEqual(near.solution, dense.solution)
    }

    func testADenseLimitBelowOneIsRefused() {
        var parameters = SolverParameters()
        parameters.denseTableTerminals = 0
        let p = RandomProblems.mixed(seed: 1, nodes: 10, required: 5, extra: 5, capacity: 50)
        XCTAssertThrowsError(try CARPSolver.solve(p, parameters: parameters)) { error in
            XCTAssertTrue("\(error)".contains("denseTableTerminals is 0, must be at least 1"), "\(error)")
        }
    }

    /// Each row holds the nearest: as many as asked (or as can be
    /// reached), none dearer than a terminal left out.
    private func assertRowsHoldTheNearest(_ near: NearDistances, _ dense: DistanceTable, count: Int, _ label: String) {
        for a in 0..<dense.terminalCount {
            var held: [Int: Int] = [:]
            near.forEachNear(a) { b, cost in held[b] = cost }
            let reachable = (0..<dense.terminalCount).filter { dense.between(a, $0) < DistanceTable.unreachable }
            XCTAssertEqual(held.count, min(count, reachable.count), "\(label): row \(a)")
            let dearestHeld = held.values.max() ?? 0
            let cheapestLeft = reachable.filter { held[$0] == nil }.map { dense.between(a, $0) }.min() ?? Int.max
            XCTAssertLessThanOrEqual(dearestHeld, cheapestLeft, "\(label): row \(a)")
            for (b, cost) in held { XCTAssertEqual(cost, dense.between(a, b), "\(label): \(a) -> \(b)") }
        }
    }

    func testEachRowHoldsItsTerminalsNearest() throws {
        for seed in UInt64(1)...4 {
            let p = problem(seed)
            let dense = try DistanceTable(p)
            let near = try XCTUnwrap(try DistanceTable(p, denseLimit: 1, nearLimits: small).near)
            assertRowsHoldTheNearest(near, dense, count: small.nearCount, "seed \(seed)")
        }
    }

    /// 512 near terminals of 1,225 (a 35 x 35 grid, every street
    /// required): rows at their full load, probes colliding and wrapping.
    func testRowsAtTheirFullLoadHoldTheExactCosts() throws {
        let side = 35
        var links: [CARPProblem.Link] = []
        for y in 0..<side {
            for x in 0..<side {
                let v = y * side + x
                if x + 1 < side { links.append(.init(from: v, to: v + 1, deadheadCost: 1 + (v * 7) % 5, demand: 1)) }
                if y + 1 < side { links.append(.init(from: v, to: v + side, deadheadCost: 1 + (v * 3) % 4, demand: 1)) }
            }
        }
        let p = CARPProblem(name: "grid", nodeCount: side * side, depot: 0, links: links, capacity: 40)
        let dense = try DistanceTable(p)
        let limits = NearDistances.Limits(nearCount: 512, hubCount: 4)
        let near = try XCTUnwrap(try DistanceTable(p, denseLimit: 1, nearLimits: limits).near)
        XCTAssertEqual(dense.terminalCount, side * side)
        assertRowsHoldTheNearest(near, dense, count: 512, "grid")
    }

    /// Near costs check twice the dearest cost found against the bound,
    /// since a far pair's true cost may reach it; the dense table takes the
    /// same problem.
    func testCostsTooNearTheBoundAreRefused() throws {
        let half = DistanceTable.unreachable / 2
        let p = CARPProblem(
            name: "wide", nodeCount: 3, depot: 1,
            links: [
                .init(from: 0, to: 1, deadheadCost: half, demand: 1),
                .init(from: 1, to: 2, deadheadCost: half, demand: 1)
            ], capacity: 5)
        XCTAssertNoThrow(try DistanceTable(p))
        XCTAssertThrowsError(try DistanceTable(p, denseLimit: 1)) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
            XCTAssertTrue("\(error)".contains("twice the dearest deadhead path found (\(2 * half))"), "\(error)")
            XCTAssertTrue("\(error)".contains("state costs in a coarser unit"), "\(error)")
        }
    }

    private struct Negative: CARPDeadheadCosts {
        func costs(from source: Int, to targets: [Int]) -> [Int] { targets.map { $0 == source ? 0 : -3 } }
    }

    /// Costs of 5 (0 to itself), but -3 among the nearest or backwards.
    private struct NegativeNearest: CARPNearestCosts {
        var backwards = false

        func costs(from source: Int, to targets: [Int]) -> [Int] { targets.map { $0 == source ? 0 : 5 } }

        func costs(to target: Int, from sources: [Int]) -> [Int] {
            sources.map { $0 == target ? 0 : backwards ? -3 : 5 }
        }

        func nearest(from source: Int, among targets: [Int], count: Int) -> [(node: Int, cost: Int)] {
            targets.prefix(count).map { ($0, $0 == source ? 0 : backwards ? 5 : -3) }
        }
    }

    func testANegativeCostFromTheCallerIsRefused() {
        var p = problem(1)
        for (caller, limits) in [
            (Negative() as any CARPDeadheadCosts, [1, 10_000]), (NegativeNearest(), [1]),
            (NegativeNearest(backwards: true), [1])
        ] {
            p.deadheadCosts = caller
            for limit in limits {
                XCTAssertThrowsError(try DistanceTable(p, denseLimit: limit)) { error in
                    XCTAssertEqual((error as? ArcRoutingError)?.kind, .malformedInstance)
                    XCTAssertTrue("\(error)".contains("is -3, below 0"), "\(error)")
                }
            }
        }
    }

    /// A whole search on loose bounds (6 near terminals, 3 hubs) under a
    /// route limit: the answer is feasible at its true cost, which the
    /// checker confirms, never above the search's, and below it on some
    /// of 12 seeds (the bounds were loose where the routes went).
    func testASearchOnLooseBoundsKeepsTheRouteLimitAndStatesTheTrueCost() throws {
        var below = 0
        for seed in UInt64(1)...12 {
            var p = problem(seed)
            p.maxRouteCost = 400
            let instance = try SearchInstance(p, denseLimit: 1, nearLimits: small)
            var parameters = SolverParameters()
            parameters.timeLimit = nil
            parameters.maxIterations = 200
            parameters.seed = seed
            let neighbours = LocalSearch.neighbours(instance, granularity: parameters.granularity)
            var search = HybridGeneticSearch(instance, neighbours: neighbours, parameters: parameters, seed: seed)
            search.run(deadline: nil, start: Date())
            let best = try XCTUnwrap(search.best, "seed \(seed)")
            let solution = instance.solution(best.routes)
            let check = CARPChecker.check(solution, for: p)
            XCTAssertTrue(check.isFeasible, "seed \(seed): \(check.problems)")
            XCTAssertLessThanOrEqual(solution.cost, best.cost, "seed \(seed)")
            if solution.cost < best.cost { below += 1 }
        }
        XCTAssertGreaterThan(below, 0)
    }

    /// The construction's tour from the rows is the tour of a scan of every
    /// task, with rows that hold every terminal and with rows of 6, where
    /// most steps fall back to the scan.
    func testTheTourFromTheRowsIsTheScansTour() throws {
        for seed in UInt64(1)...6 {
            let p = problem(seed)
            for limits in [NearDistances.Limits(), small] {
                let instance = try SearchInstance(p, denseLimit: 1, nearLimits: limits)
                let near = try XCTUnwrap(instance.table.near)
                XCTAssertEqual(
                    Construction.nearTour(instance, near), Construction.scanTour(instance),
                    "seed \(seed), \(limits.nearCount) near")
            }
            XCTAssertEqual(
                Construction.nearestNeighbourTour(try SearchInstance(p, denseLimit: 1)),
                Construction.nearestNeighbourTour(try SearchInstance(p)), "seed \(seed)")
        }
    }

    /// With rows of 6, fewer tasks than asked may lie near: each list is the
    /// tasks with an end in the rows of u's two ends, by their cost from
    /// those rows (nearest first, ties by index), as many as asked or as
    /// there are; and its first entry is u's nearest task by the dense table.
    func testNeighboursFromShortRowsAreTheNearestOfTheTasksTheyHold() throws {
        // Terminal numbers are the same in both instances: the depot, then required links' ends in order.
        for seed in UInt64(1)...4 {
            let p = problem(seed)
            let dense = try SearchInstance(p)
            let instance = try SearchInstance(p, denseLimit: 1, nearLimits: small)
            let near = try XCTUnwrap(instance.table.near)
            let lists = LocalSearch.neighbours(instance, granularity: 10)
            let denseLists = LocalSearch.neighbours(dense, granularity: 1)
            for u in 0..<instance.taskCount {
                var gap: [Int: Int] = [:]
                for end in [instance.startTerminal[2 * u], instance.endTerminal[2 * u]] {
                    near.forEachNear(end) { terminal, cost in
                        for v in 0..<instance.taskCount where v != u {
                            let ends = [instance.startTerminal[2 * v], instance.endTerminal[2 * v]]
                            if ends.contains(terminal) { gap[v] = min(gap[v] ?? .max, cost) }
                        }
                    }
                }
                let expected = gap.keys.sorted { (gap[$0]!, $0) < (gap[$1]!, $1) }.prefix(10)
                XCTAssertEqual(lists[u], Array(expected), "seed \(seed), task \(u)")
                let uEnds = [instance.startTerminal[2 * u], instance.endTerminal[2 * u]]
                func denseGap(_ v: Int) -> Int {
                    let vEnds = [instance.startTerminal[2 * v], instance.endTerminal[2 * v]]
                    return uEnds.flatMap { x in vEnds.map { dense.table.between(x, $0) } }.min()!
                }
                let first = try XCTUnwrap(lists[u].first, "seed \(seed), task \(u)")
                XCTAssertEqual(gap[first], denseGap(denseLists[u][0]), "seed \(seed), task \(u)")
            }
        }
    }
}
