import Foundation
import TestSupport
import XCTest

@testable import ArcRouting

final class CARPSolverTests: XCTestCase {
    private func parameters(iterations: Int, seed: UInt64 = 1) -> SolverParameters {
        var p = SolverParameters()
        p.maxIterations = iterations
        p.timeLimit = nil
        p.seed = seed
        return p
    }

    /// The exact optimum by brute force: every order of the tasks and every
    /// choice of directions, cut into routes by an exact DP (any solution is
    /// some order cut into routes, the fleet being free).
    private func bruteForceOptimum(_ p: CARPProblem) -> Int {
        let n = p.nodeCount
        var d = [[Int]](repeating: [Int](repeating: Int.max / 4, count: n), count: n)
        for v in 0..<n { d[v][v] = 0 }
        for l in p.links {
            d[l.from][l.to] = min(d[l.from][l.to], l.deadheadCost)
            if l.twoWay { d[l.to][l.from] = min(d[l.to][l.from], l.deadheadCost) }
        }
        for k in 0..<n {
            for i in 0..<n { for j in 0..<n where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] } }
        }
        let tasks = p.requiredLinks
        var best = Int.max
        func permutations(_ items: [Int]) -> [[Int]] {
            guard items.count > 1 else { return [items] }
            return items.indices.flatMap { i -> [[Int]] in
                var rest = items
                let x = rest.remove(at: i)
                return permutations(rest).map { [x] + $0 }
            }
        }
        for order in permutations(tasks) {
            for mask in 0..<(1 << order.count) {
                let ends = order.enumerated().map { k, l -> (Int, Int)? in
                    let link = p.links[l]
                    let flip = mask & (1 << k) != 0
                    if flip && !link.twoWay { return nil }
                    return flip ? (link.to, link.from) : (link.from, link.to)
                }
                guard ends.allSatisfy({ $0 != nil }) else { continue }
                var cost = [Int](repeating: Int.max / 4, count: order.count + 1)
                cost[0] = 0
                for i in 0..<order.count {
                    var load = 0
                    var route = 0
                    for j in i..<order.count {
                        load += p.links[order[j]].demand!
                        if load > p.capacity { break }
                        route +=
                            (j == i ? d[p.depot][ends[j]!.0] : d[ends[j - 1]!.1][ends[j]!.0])
                            + p.links[order[j]].serviceCost
                        cost[j + 1] = min(cost[j + 1], cost[i] + route + d[ends[j]!.1][p.depot])
                    }
                }
                best = min(best, cost[order.count])
            }
        }
        return best
    }

    func testFindsTheExactOptimumOnTinyInstances() throws {
        for seed in UInt64(1)...12 {
            let p = RandomProblems.mixed(seed: seed, nodes: 6, required: 5, extra: 4, capacity: 6)
            let result = try CARPSolver.solve(p, parameters: parameters(iterations: 300, seed: seed))
            XCTAssertTrue(CARPChecker.check(result.solution, for: p).isFeasible)
            XCTAssertEqual(result.solution.cost, bruteForceOptimum(p), "seed \(seed)")
            XCTAssertLessThanOrEqual(result.lowerBound, result.solution.cost)
        }
    }

    func testSolutionsPassTheCheckerAndBeatTheConstruction() throws {
        for seed in UInt64(100)...110 {
            let p = RandomProblems.mixed(seed: seed, nodes: 30, required: 35, extra: 40, capacity: 20)
            let result = try CARPSolver.solve(p, parameters: parameters(iterations: 200, seed: seed))
            let report = CARPChecker.check(result.solution, for: p)
            XCTAssertTrue(report.isFeasible, "seed \(seed): \(report.problems)")
            XCTAssertEqual(report.cost, result.solution.cost)
            let construction = try CARPSolver.construct(p)
            XCTAssertTrue(CARPChecker.check(construction, for: p).isFeasible)
            XCTAssertLessThanOrEqual(result.solution.cost, construction.cost, "seed \(seed)")
            XCTAssertLessThanOrEqual(result.lowerBound, result.solution.cost)
        }
    }

    func testRouteLimitIsKept() throws {
        var p = RandomProblems.mixed(seed: 7, nodes: 20, required: 20, extra: 20, capacity: 1_000)
        let free = try CARPSolver.solve(p, parameters: parameters(iterations: 100))
        let longest = CARPChecker.check(free.solution, for: p).routeCosts.max()!
        // No tighter than the dearest single-task route (in its cheaper
        // direction), so a solution exists.
        func alone(_ reversed: Bool) -> [Int] {
            let routes = p.requiredLinks.map { [CARPService(link: $0, reversed: reversed && p.links[$0].twoWay)] }
            return CARPChecker.check(CARPSolution(routes: routes, cost: 0), for: p).routeCosts
        }
        let dearest = zip(alone(false), alone(true)).map { min($0, $1) }.max()!
        p.maxRouteCost = max(dearest, longest * 2 / 3)
        XCTAssertLessThan(p.maxRouteCost!, longest)
        let limited = try CARPSolver.solve(p, parameters: parameters(iterations: 300))
        let report = CARPChecker.check(limited.solution, for: p)
        XCTAssertTrue(report.isFeasible, "\(report.problems)")
        XCTAssertTrue(report.routeCosts.allSatisfy { $0 <= p.maxRouteCost! })
    }

    func testRegressionGDB1FixedSeedAndBudget() throws {
        guard let root = SharedData.carpInstances else { throw XCTSkip(SharedData.skipMessage) }
        let p = try CARPProblem(contentsOf: root.appendingPathComponent("gdb/gdb1.dat"))
        let a = try CARPSolver.solve(p, parameters: parameters(iterations: 50, seed: 1))
        XCTAssertEqual(a.solution.cost, 316)  // the proven optimum
        let b = try CARPSolver.solve(p, parameters: parameters(iterations: 50, seed: 1))
        XCTAssertEqual(a.solution, b.solution)  // same seed and budget, same routes
        XCTAssertEqual(a.lowerBound, 252)  // all service; the depot is an end of required edges
    }

    func testTwoThreadsAndDeterminismOnVal() throws {
        guard let root = SharedData.carpInstances else { throw XCTSkip(SharedData.skipMessage) }
        let p = try CARPProblem(contentsOf: root.appendingPathComponent("val/val1A.dat"))
        var params = parameters(iterations: 100)
        params.threads = 2
        let a = try CARPSolver.solve(p, parameters: params)
        let b = try CARPSolver.solve(p, parameters: params)
        XCTAssertEqual(a.solution, b.solution)
        XCTAssertTrue(CARPChecker.check(a.solution, for: p).isFeasible)
        XCTAssertEqual(a.solution.cost, 173)
    }

    /// One scan gives both lists: the granular ones are what a scan of that
    /// many finds, and begin the wider ones; no wider lists when ruin and
    /// recreate will not run.
    func testTheGranularNeighboursBeginTheWiderOnes() throws {
        let instance = try SearchInstance(
            RandomProblems.mixed(seed: 3, nodes: 60, required: 120, extra: 90, capacity: 60))
        var parameters = parameters(iterations: 10)
        parameters.decompositionTasks = 100
        parameters.ruinWiderNeighbours = 40
        let (granular, wider) = CARPSolver.nearestTasks(instance, parameters)
        XCTAssertEqual(granular, LocalSearch.neighbours(instance, granularity: parameters.granularity))
        XCTAssertEqual(wider, LocalSearch.neighbours(instance, granularity: 40))
        XCTAssertEqual(wider.map { Array($0.prefix(parameters.granularity)) }, granular)
        parameters.decompositionTasks = 121
        XCTAssertEqual(CARPSolver.nearestTasks(instance, parameters).wider, [])
        parameters.decompositionTasks = 100
        parameters.ruinStepsPerTask = 0
        XCTAssertEqual(CARPSolver.nearestTasks(instance, parameters).wider, [])
    }

    /// The stages count their work: below the decomposition threshold only
    /// the population's offspring (every iteration, on two threads summed);
    /// above it, ruin and recreate's steps (all of them on an iteration
    /// budget) and the phases' offspring too, which with the population's
    /// make up the iterations.
    func testTheStagesCountTheirWork() throws {
        let p = RandomProblems.mixed(seed: 3, nodes: 60, required: 120, extra: 90, capacity: 60)
        var small = parameters(iterations: 40)
        small.threads = 2
        let plain = try CARPSolver.solve(p, parameters: small)
        XCTAssertEqual(plain.stages.offspring, plain.iterations)
        XCTAssertEqual(plain.iterations, 80)
        XCTAssertEqual(plain.stages.ruinSteps, 0)
        XCTAssertEqual(plain.stages.phaseOffspring, 0)
        XCTAssertGreaterThan(plain.stages.offspringSeconds, 0)
        var large = parameters(iterations: 200)
        large.decompositionTasks = 100
        large.ruinStepsPerTask = 5
        let decomposed = try CARPSolver.solve(p, parameters: large)
        XCTAssertEqual(decomposed.stages.ruinSteps % 600, 0, "whole runs of 5 steps a task")
        XCTAssertGreaterThanOrEqual(decomposed.stages.ruinSteps, 600)
        XCTAssertGreaterThan(decomposed.stages.ruinStepsCutShort, 0, "no step rejected early")
        XCTAssertLessThan(decomposed.stages.ruinStepsCutShort, decomposed.stages.ruinSteps)
        XCTAssertGreaterThan(decomposed.stages.phaseOffspring, 0)
        XCTAssertEqual(decomposed.stages.phaseOffspring + decomposed.stages.offspring, decomposed.iterations)
        XCTAssertGreaterThan(decomposed.stages.ruinSeconds, 0)
        XCTAssertEqual(decomposed.stages.ruinStepsFilled, 0, "a plan filled on an iteration budget")
    }

    /// 120 required links, for the runs under a time limit below.
    private var timedProblem: CARPProblem {
        RandomProblems.mixed(seed: 3, nodes: 60, required: 120, extra: 90, capacity: 60)
    }

    /// Parameters that decompose (so run ruin and recreate) at 120 tasks, under a time limit.
    private func timedRuin(seconds: Double, stepsPerTask: Int) -> SolverParameters {
        var parameters = SolverParameters()
        parameters.timeLimit = seconds
        parameters.decompositionTasks = 100
        parameters.ruinStepsPerTask = stepsPerTask
        return parameters
    }

    /// Under a time limit the first ruin and recreate, whose plan (here 1
    /// step a task) takes its share of the time left, is re-planned to the
    /// steps that fit (`ruinFillShare` 0: whenever they fit); the answer is
    /// feasible. On two threads, the searches' re-plans summed.
    func testUnderATimeLimitTheFirstRuinAndRecreateFillsTheTime() throws {
        let p = timedProblem
        var timed = timedRuin(seconds: 1, stepsPerTask: 1)
        timed.threads = 2
        timed.ruinFillShare = 0
        let result = try CARPSolver.solve(p, parameters: timed)
        XCTAssertGreaterThan(result.stages.ruinStepsFilled, 2 * 120, "neither search filled its plan")
        XCTAssertGreaterThan(result.stages.ruinSteps, 2 * 120)
        XCTAssertTrue(CARPChecker.check(result.solution, for: p).isFeasible)
    }

    /// Under a time limit a plan far beyond it (ten times the steps that
    /// fit, measured first on this machine) is shortened to the steps that
    /// fit, rather than cut while hot.
    func testUnderATimeLimitAPlanFarBeyondItIsShortened() throws {
        let p = timedProblem
        let tasks = p.requiredLinks.count
        var measure = timedRuin(seconds: 1, stepsPerTask: 1)
        measure.ruinFillShare = 0
        let fit = try CARPSolver.solve(p, parameters: measure).stages.ruinStepsFilled
        let perTask = max(100, 10 * fit / tasks)
        let result = try CARPSolver.solve(p, parameters: timedRuin(seconds: 1, stepsPerTask: perTask))
        XCTAssertGreaterThan(
            result.stages.ruinStepsFilled, 0, "not shortened; \(result.stages.ruinSteps) of \(perTask * tasks) run")
        XCTAssertLessThan(result.stages.ruinStepsFilled, perTask * tasks / 2)
        XCTAssertTrue(CARPChecker.check(result.solution, for: p).isFeasible)
    }

    /// The construction's tour is improved too unless its routes' local
    /// search took a third of the time left or more.
    func testTheTourIsImprovedTooUnlessTimeIsShort() {
        XCTAssertTrue(HybridGeneticSearch.educatesTheTour(after: 1, secondsLeft: 3.1))
        XCTAssertFalse(HybridGeneticSearch.educatesTheTour(after: 1, secondsLeft: 3))
        XCTAssertFalse(HybridGeneticSearch.educatesTheTour(after: 0, secondsLeft: -1), "past the deadline")
        XCTAssertTrue(HybridGeneticSearch.educatesTheTour(after: 100, secondsLeft: nil), "no time limit")
    }

    /// From `ruinFillEveryTasks` tasks up, the first ruin and recreate fills
    /// the time whenever its plan fits, at the default share too (the plan
    /// here takes a tiny share of the second); below, the share stands;
    /// never when the share is nil.
    func testFromSomeSizeUpTheFirstRuinAndRecreateFillsTheTimeWheneverItsPlanFits() throws {
        let p = timedProblem
        let tasks = p.requiredLinks.count
        var timed = timedRuin(seconds: 1, stepsPerTask: 1)
        timed.ruinFillEveryTasks = tasks
        XCTAssertEqual(timed.ruinFillShare(taskCount: tasks - 1), SolverParameters().ruinFillShare)
        XCTAssertEqual(timed.ruinFillShare(taskCount: tasks), 0)
        let filled = try CARPSolver.solve(p, parameters: timed)
        XCTAssertGreaterThan(filled.stages.ruinStepsFilled, tasks, "the plan of one step a task stood")
        XCTAssertTrue(CARPChecker.check(filled.solution, for: p).isFeasible)
        timed.ruinFillShare = nil
        timed.ruinFillEveryTasks = 1
        XCTAssertNil(timed.ruinFillShare(taskCount: tasks))
    }

    func testNoBudgetIsAnError() {
        let p = RandomProblems.mixed(seed: 3, nodes: 8, required: 5, extra: 4, capacity: 6)
        var params = SolverParameters()
        params.timeLimit = nil
        XCTAssertThrowsError(try CARPSolver.solve(p, parameters: params)) { error in
            XCTAssertTrue("\(error)".contains("set a time limit or an iteration budget"), "\(error)")
        }
    }

    func testUnreachableLinkIsAnError() {
        let p = CARPProblem(
            name: "cut", nodeCount: 4, depot: 0,
            links: [
                .init(from: 0, to: 1, deadheadCost: 1, demand: 1),
                .init(from: 2, to: 3, deadheadCost: 1, demand: 1)
            ], capacity: 5)
        XCTAssertThrowsError(try CARPSolver.solve(p)) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
            XCTAssertTrue("\(error)".contains("required link 1 (2, 3) cannot be reached"), "\(error)")
        }
    }
}
