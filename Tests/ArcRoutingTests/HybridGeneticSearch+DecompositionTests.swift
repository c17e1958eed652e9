import Foundation
import TestSupport
import XCTest

@testable import ArcRouting

/// Decomposition phases: the groups partition the routes, a sub-problem
/// maps its tasks back to its parent's, a phase serves every task once and
/// never worsens the best, and a search with phases repeats with its seed.
final class HybridGeneticSearchDecompositionTests: XCTestCase {
    /// A drawn instance with routes of a few tasks each.
    private func problem(seed: UInt64) -> CARPProblem {
        RandomProblems.mixed(seed: seed, nodes: 50, required: 90, extra: 80, capacity: 60)
    }

    /// Phases on every instance of 1 task or more, every 5 iterations, in
    /// groups of about 20 tasks, 15 offspring each.
    private func parameters(iterations: Int, seed: UInt64 = 1) -> SolverParameters {
        var p = SolverParameters()
        p.timeLimit = nil
        p.maxIterations = iterations
        p.seed = seed
        p.decompositionTasks = 1
        p.decompositionPeriod = 5
        p.decompositionSize = 20
        p.decompositionIterations = 15
        p.decompositionPopulation = 3
        return p
    }

    private func search(_ instance: SearchInstance, _ parameters: SolverParameters) -> HybridGeneticSearch {
        let neighbours = LocalSearch.neighbours(instance, granularity: parameters.granularity)
        return HybridGeneticSearch(instance, neighbours: neighbours, parameters: parameters, seed: parameters.seed)
    }

    func testGroupsHoldEveryRouteOnceInAboutEvenShares() throws {
        for seed in UInt64(1)...5 {
            let instance = try SearchInstance(problem(seed: seed))
            let routes = Construction.routes(instance, penalty: 1e6)
            let neighbours = LocalSearch.neighbours(instance, granularity: 10)
            var rng = RandomSource(seed: seed)
            let groups = Decomposition.groups(routes, instance, neighbours: neighbours, size: 25, rng: &rng)
            XCTAssertEqual(groups.flatMap { $0 }.sorted(), Array(routes.indices), "seed \(seed)")
            XCTAssertEqual(groups.count, Int((Double(instance.taskCount) / 25).rounded()), "seed \(seed)")
            let largest = routes.map(\.count).max()!
            let share = (instance.taskCount + groups.count - 1) / groups.count
            for group in groups.dropLast() {
                // Each group but the last stops at the first route that reaches its share.
                let tasks = group.reduce(0) { $0 + routes[$1].count }
                XCTAssertGreaterThanOrEqual(tasks, share, "seed \(seed)")
                XCTAssertLessThan(tasks, share + largest, "seed \(seed)")
            }
        }
    }

    func testOneGroupWhenTheSizeExceedsTheInstance() throws {
        let instance = try SearchInstance(problem(seed: 2))
        let routes = Construction.routes(instance, penalty: 1e6)
        var rng = RandomSource(seed: 2)
        let neighbours = LocalSearch.neighbours(instance, granularity: 10)
        let groups = Decomposition.groups(routes, instance, neighbours: neighbours, size: 10_000, rng: &rng)
        XCTAssertEqual(groups.map { $0.sorted() }, [Array(routes.indices)])
        XCTAssertEqual(Decomposition.groups([], instance, neighbours: neighbours, size: 10, rng: &rng), [])
    }

    func testSubProblemMapsTasksBackAndSharesTheTable() throws {
        let parent = try SearchInstance(problem(seed: 3))
        // Reversed where the task may be, for odd tasks.
        let routes = [[3, 40, 12], [5]].map { $0.map { t in 2 * t + (parent.twoWay[t] && t % 2 == 1 ? 1 : 0) } }
        let sub = SubProblem(routes, of: parent, fleet: 4)
        XCTAssertEqual(sub.tasks, [3, 40, 12, 5])
        XCTAssertEqual(sub.instance.taskCount, 4)
        XCTAssertEqual(sub.instance.fleetSize, 4)
        for (k, t) in sub.tasks.enumerated() {
            XCTAssertEqual(sub.instance.taskLink[k], parent.taskLink[t])
            XCTAssertEqual(sub.instance.demand[k], parent.demand[t])
            XCTAssertEqual(sub.instance.service[k], parent.service[t])
            XCTAssertEqual(sub.instance.twoWay[k], parent.twoWay[t])
        }
        let tds = (0..<(2 * sub.tasks.count)).filter { $0 & 1 == 0 || sub.instance.canFlip($0) }
        for td in tds { XCTAssertEqual(sub.toSub(sub.toParent(td)), td) }
        for a in [-1] + tds {
            for b in [-1] + tds {
                let pa = a < 0 ? -1 : sub.toParent(a)
                let pb = b < 0 ? -1 : sub.toParent(b)
                XCTAssertEqual(sub.instance.dh(a, b), parent.dh(pa, pb), "\(a) -> \(b)")
            }
        }
        XCTAssertEqual(routes.map { $0.map(sub.toSub).map(sub.toParent) }, routes)
        XCTAssertNotNil(parent.table.cost)
        XCTAssertTrue(sub.instance.table.cost === parent.table.cost, "the sub-problem copied the distance table")
    }

    func testAPhaseServesEveryTaskOnceAndNeverWorsensTheBest() throws {
        for seed in UInt64(1)...4 {
            let p = problem(seed: seed)
            let instance = try SearchInstance(p)
            var params = parameters(iterations: 10, seed: seed)
            params.decompositionPeriod = 1_000  // no phase inside the run: the test calls one
            var hgs = search(instance, params)
            hgs.run(deadline: nil, start: Date())
            let best = try XCTUnwrap(hgs.best)
            hgs.parameters.maxIterations = 1_000
            let before = hgs.iterations
            let phase = try XCTUnwrap(hgs.decomposedSolution(start: Date(), deadline: nil))
            XCTAssertEqual(phase.routes.flatMap { $0.map { $0 >> 1 } }.sorted(), Array(0..<instance.taskCount))
            XCTAssertLessThanOrEqual(phase.cost, best.cost, "seed \(seed)")
            XCTAssertEqual(phase.cost, phase.routes.reduce(0) { $0 + instance.routeCost($1) })
            XCTAssertGreaterThan(hgs.iterations, before, "the sub-problems' offspring are counted")
            let services = phase.routes.map { route in
                route.map { CARPService(link: instance.taskLink[$0 >> 1], reversed: $0 & 1 == 1) }
            }
            let solution = CARPSolution(routes: services, cost: phase.cost)
            let report = CARPChecker.check(solution, for: p)
            XCTAssertTrue(report.isFeasible, "seed \(seed): \(report.problems)")
        }
    }

    func testAPhaseWithNoBudgetLeftKeepsTheBest() throws {
        let instance = try SearchInstance(problem(seed: 5))
        var hgs = search(instance, parameters(iterations: 8, seed: 5))
        hgs.parameters.decompositionPeriod = 1_000
        hgs.run(deadline: nil, start: Date())
        let best = try XCTUnwrap(hgs.best)
        let phase = try XCTUnwrap(hgs.decomposedSolution(start: Date(), deadline: nil))
        let order: ([Int], [Int]) -> Bool = { $0.lexicographicallyPrecedes($1) }
        XCTAssertEqual(phase.routes.sorted(by: order), best.routes.sorted(by: order))
        XCTAssertEqual(phase.cost, best.cost)
        XCTAssertEqual(hgs.iterations, 8)
    }

    func testSolvesWithPhasesRepeatWithTheSeedAndKeepTheBudget() throws {
        for seed in UInt64(1)...3 {
            let p = problem(seed: seed)
            let a = try CARPSolver.solve(p, parameters: parameters(iterations: 60, seed: seed))
            let b = try CARPSolver.solve(p, parameters: parameters(iterations: 60, seed: seed))
            XCTAssertEqual(a.solution, b.solution, "seed \(seed)")
            XCTAssertEqual(a.iterations, 60, "seed \(seed)")
            let report = CARPChecker.check(a.solution, for: p)
            XCTAssertTrue(report.isFeasible, "seed \(seed): \(report.problems)")
            XCTAssertLessThanOrEqual(a.solution.cost, try CARPSolver.construct(p).cost)
        }
    }

    func testDecompositionParametersOutOfRangeAreRefused() {
        let p = problem(seed: 1)
        let cases: [(WritableKeyPath<SolverParameters, Int>, Int, String)] = [
            (\.decompositionPeriod, 0, "decompositionPeriod is 0"),
            (\.decompositionSize, -3, "decompositionSize is -3"),
            (\.decompositionIterations, -1, "decompositionIterations is -1"),
            (\.decompositionPopulation, 0, "decompositionPopulation is 0")
        ]
        for (field, value, words) in cases {
            var params = parameters(iterations: 10)
            params[keyPath: field] = value
            XCTAssertThrowsError(try CARPSolver.solve(p, parameters: params)) { error in
                XCTAssertEqual((error as? ArcRoutingError)?.kind, .malformedInstance)
                XCTAssertTrue("\(error)".contains(words), "\(error)")
            }
        }
    }
}
