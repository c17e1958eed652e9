import StreetNetwork
import XCTest

@testable import Planning

/// Searches on a drawn grid: the solver's costs (dense rows in batches,
/// the nearest, backwards), and the paths the rounds are laid out along,
/// agree with a plain search.
final class JobShortestPathsTests: XCTestCase {
    // 100 m blocks; a is the depot.
    private let picture = """
        a          b          c

        d          e          f
        """

    /// The grid, its planner's streets, and the terminals a, c, f, e (a the depot).
    private func grid() throws -> (StreetNetwork, PlanningStreets, [Int]) {
        let network = try drawnNetwork(picture, ["abc", "def", "ad", "be", "cf"])
        func node(_ x: Double, _ y: Double) -> Int {
            network.junctions.firstIndex { abs($0.x - x) < 0.5 && abs($0.y - y) < 0.5 } ?? -1
        }
        let terminals = [node(0, 0), node(220, 0), node(220, -20), node(110, -20)]
        XCTAssertFalse(terminals.contains(-1))
        return (network, PlanningStreets(network), terminals)
    }

    private func paths(_ streets: PlanningStreets, depot: Int, keptTreeBytes: Int = 256 << 20) -> JobShortestPaths {
        JobShortestPaths(
            streets: streets, depot: depot, depots: DepotTrees([depot], streets: streets), keptTreeBytes: keptTreeBytes)
    }

    /// Each step of `steps` starts where the last ended, from `source` to `target`, at `seconds` in all.
    private func assertJoined(
        _ steps: [Round.Step], _ network: StreetNetwork, from source: Int, to target: Int, seconds: Int
    ) {
        XCTAssertEqual(steps.reduce(0) { $0 + PlanningStreets.seconds(network.segments[$1.segment]) }, seconds)
        var at = source
        for step in steps {
            let s = network.segments[step.segment]
            XCTAssertEqual(step.reversed ? s.to : s.from, at)
            at = step.reversed ? s.from : s.to
        }
        XCTAssertEqual(at, target, "\(source) to \(target)")
    }

    func testCostsAndPathsComeFromTheSameTrees() throws {
        let (network, streets, terminals) = try grid()
        let paths = paths(streets, depot: terminals[0])
        for source in terminals {
            let costs = paths.costs(from: source, to: terminals)
            let plain = streets.graph.shortestPaths(from: source).distance
            XCTAssertEqual(costs, terminals.map { plain[$0] }, "from \(source)")
            for target in terminals where target != source {
                assertJoined(
                    paths.steps(from: source, to: target), network, from: source, to: target, seconds: plain[target])
            }
        }
    }

    /// Rows asked for out of turn, twice, or for one target are the plain
    /// search's; so are the nearest and the costs backwards (near costs);
    /// paths from sources never asked about are searched and joined up.
    func testEveryWayOfAskingGivesThePlainSearchsCosts() throws {
        let (network, streets, terminals) = try grid()
        let paths = paths(streets, depot: terminals[0])
        let plain = terminals.map { streets.graph.shortestPaths(from: $0).distance }
        for (k, source) in terminals.enumerated().reversed() + terminals.enumerated().reversed() {
            XCTAssertEqual(paths.costs(from: source, to: terminals), terminals.map { plain[k][$0] })
            XCTAssertEqual(paths.costs(from: source, to: [terminals[1]]), [plain[k][terminals[1]]])
        }
        for (k, source) in terminals.enumerated() {
            let nearest = paths.nearest(from: source, among: terminals, count: 2)
            XCTAssertEqual(nearest.count, 2)
            XCTAssertEqual(nearest.map(\.cost).sorted(), Array(terminals.map { plain[k][$0] }.sorted().prefix(2)))
            for (node, cost) in nearest { XCTAssertEqual(cost, plain[k][node]) }
            XCTAssertEqual(paths.costs(to: source, from: terminals), plain.map { $0[source] }, "to \(source)")
        }
        let fresh = self.paths(streets, depot: terminals[0])
        for (k, source) in terminals.enumerated() {
            for target in terminals where target != source {
                assertJoined(
                    fresh.steps(from: source, to: target), network, from: source, to: target, seconds: plain[k][target])
            }
        }
    }

    /// A search stopped at one near target, or no room for trees, leaves
    /// no tree that a path to a farther target would follow wrongly: those
    /// paths are searched, joined up and the cheapest.
    func testPathsBeyondWhatATreeSettledAreSearched() throws {
        let (network, streets, terminals) = try grid()
        let plain = terminals.map { streets.graph.shortestPaths(from: $0).distance }
        for bytes in [256 << 20, 0] {
            let paths = paths(streets, depot: terminals[0], keptTreeBytes: bytes)
            for (k, source) in terminals.enumerated().dropFirst() {
                // The nearest other terminal only, then every one.
                let near = try XCTUnwrap(terminals.filter { $0 != source }.min { plain[k][$0] < plain[k][$1] })
                XCTAssertEqual(paths.costs(from: source, to: [near]), [plain[k][near]])
                for target in terminals where target != source {
                    assertJoined(
                        paths.steps(from: source, to: target), network, from: source, to: target,
                        seconds: plain[k][target])
                }
            }
        }
    }
}
