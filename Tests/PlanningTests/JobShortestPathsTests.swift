import StreetNetwork
import XCTest

@testable import Planning

/// One search per terminal on a drawn grid: the solver's costs, and the
/// paths the rounds are laid out along, agree with a plain search.
final class JobShortestPathsTests: XCTestCase {
    // 100 m blocks; a is the depot.
    private let picture = """
        a          b          c

        d          e          f
        """

    func testCostsAndPathsComeFromTheSameTrees() throws {
        let network = try drawnNetwork(picture, ["abc", "def", "ad", "be", "cf"])
        let streets = PlanningStreets(network)
        func node(_ x: Double, _ y: Double) -> Int {
            network.junctions.firstIndex { abs($0.x - x) < 0.5 && abs($0.y - y) < 0.5 } ?? -1
        }
        let a = node(0, 0)
        let c = node(220, 0)
        let f = node(220, -20)
        let e = node(110, -20)
        XCTAssertFalse([a, c, f, e].contains(-1))
        let paths = JobShortestPaths(streets: streets, depot: a, depots: DepotTrees([a], streets: streets))
        let terminals = [a, c, f, e]
        for source in terminals {
            let costs = paths.costs(from: source, to: terminals)
            let plain = streets.graph.shortestPaths(from: source).distance
            XCTAssertEqual(costs, terminals.map { plain[$0] }, "from \(source)")
            for target in terminals where target != source {
                let steps = paths.steps(from: source, to: target)
                let seconds = steps.reduce(0) { $0 + PlanningStreets.seconds(network.segments[$1.segment]) }
                XCTAssertEqual(seconds, plain[target], "\(source) to \(target): the path is the costed one")
                var at = source
                for step in steps {
                    let s = network.segments[step.segment]
                    XCTAssertEqual(step.reversed ? s.to : s.from, at)
                    at = step.reversed ? s.from : s.to
                }
                XCTAssertEqual(at, target)
            }
        }
    }
}
