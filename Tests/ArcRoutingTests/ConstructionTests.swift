import TestSupport
import XCTest

@testable import ArcRouting

/// The constructions the search starts from: every task once, in a
/// direction it may be served in, the same tour for the same seed.
final class ConstructionTests: XCTestCase {
    private func assertTour(_ tour: [Int], _ instance: SearchInstance, _ label: String) {
        XCTAssertEqual(tour.map { $0 >> 1 }.sorted(), Array(0..<instance.taskCount), label)
        XCTAssertTrue(tour.allSatisfy { $0 & 1 == 0 || instance.twoWay[$0 >> 1] }, "\(label): a one-way task reversed")
    }

    func testRandomisedNearestNeighbourToursServeEveryTaskOnce() throws {
        for seed in UInt64(1)...6 {
            let problem = RandomProblems.mixed(seed: seed, nodes: 30, required: 40, extra: 40, capacity: 20)
            let instance = try SearchInstance(problem)
            let neighbours = LocalSearch.neighbours(instance, granularity: 5)
            var a = SplitMix64(seed: seed)
            var b = SplitMix64(seed: seed)
            let tour = Construction.randomisedTour(instance, neighbours: neighbours, choices: 3, rng: &a)
            assertTour(tour, instance, "seed \(seed)")
            XCTAssertEqual(tour, Construction.randomisedTour(instance, neighbours: neighbours, choices: 3, rng: &b))
        }
    }

    func testNearestNeighbourTourServesEveryTaskOnce() throws {
        let problem = RandomProblems.mixed(seed: 9, nodes: 30, required: 40, extra: 40, capacity: 20)
        let instance = try SearchInstance(problem)
        assertTour(Construction.nearestNeighbourTour(instance), instance, "seed 9")
    }

    /// The large-instance path (construction improved twice, randomised
    /// tours for the population) on a small instance called large.
    func testLargeInstancePathGivesCheckedSolutions() throws {
        for seed in UInt64(20)...24 {
            let problem = RandomProblems.mixed(seed: seed, nodes: 30, required: 35, extra: 40, capacity: 20)
            var parameters = SolverParameters()
            parameters.timeLimit = nil
            parameters.maxIterations = 150
            parameters.seed = seed
            parameters.largeInstanceTasks = 10
            let result = try CARPSolver.solve(problem, parameters: parameters)
            let report = CARPChecker.check(result.solution, for: problem)
            XCTAssertTrue(report.isFeasible, "seed \(seed): \(report.problems)")
            XCTAssertLessThanOrEqual(result.solution.cost, try CARPSolver.construct(problem).cost, "seed \(seed)")
        }
    }
}
