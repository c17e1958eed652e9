import ArcRouting
import TestSupport
import XCTest

/// Deadhead costs given by the caller stand in for deadhead links: the same
/// problem solved either way gives the same routes and cost.
final class CARPDeadheadCostsTests: XCTestCase {
    func testGivenCostsSolveLikeDeadheadLinks() throws {
        try assertGivenCostsSolveLikeLinks(allTwoWay: false)
    }

    /// Undirected: the solver's own table mirrors half its Dijkstra rows.
    func testGivenCostsSolveLikeUndirectedDeadheadLinks() throws {
        try assertGivenCostsSolveLikeLinks(allTwoWay: true)
    }

    private func assertGivenCostsSolveLikeLinks(allTwoWay: Bool) throws {
        var rng = SplitMix64(seed: 7)
        var links: [CARPProblem.Link] = []
        for v in 1..<30 { links.append(.init(from: v - 1, to: v, deadheadCost: Int.random(in: 1...20, using: &rng))) }
        for _ in 0..<40 {
            let a = Int.random(in: 0..<30, using: &rng)
            let b = Int.random(in: 0..<30, using: &rng)
            guard a != b else { continue }
            let twoWay = Bool.random(using: &rng) || allTwoWay
            links.append(.init(from: a, to: b, twoWay: twoWay, deadheadCost: Int.random(in: 1...20, using: &rng)))
        }
        for k in stride(from: 0, to: links.count, by: 3) { links[k].demand = Int.random(in: 1...5, using: &rng) }
        let withLinks = CARPProblem(name: "links", nodeCount: 30, depot: 4, links: links, capacity: 12)
        var given = withLinks
        given.links = links.filter(\.isRequired)
        given.deadheadCosts = AllPairsCosts(withLinks)
        var parameters = SolverParameters()
        parameters.maxIterations = 300
        parameters.timeLimit = nil
        let a = try CARPSolver.solve(withLinks, parameters: parameters)
        let b = try CARPSolver.solve(given, parameters: parameters)
        XCTAssertEqual(a.solution.cost, b.solution.cost)
        let report = CARPChecker.check(b.solution, for: given)
        XCTAssertTrue(report.isFeasible, "\(report.problems)")
        XCTAssertEqual(report.cost, b.solution.cost)
        // The required links keep their order, so services name the same links by position.
        let required = withLinks.requiredLinks
        XCTAssertEqual(
            a.solution.routes.map { $0.map { required.firstIndex(of: $0.link)! } },
            b.solution.routes.map { $0.map(\.link) })
    }
}
