import Geometry
import StreetNetwork
import TestSupport
import XCTest

final class StreetGraphShortestPathsTests: XCTestCase {
    func testDijkstraMatchesBruteForceOnRandomGraphs() throws {
        for seed in UInt64(1)...20 {
            let network = try randomNetwork(seed: seed, n: 25, lines: 40)
            let graph = StreetGraph(network)
            let reference = allPairs(graph)
            for s in 0..<graph.nodeCount {
                let tree = graph.shortestPaths(from: s)
                XCTAssertEqual(tree.distance, reference[s], "seed \(seed) source \(s)")
                // The path found adds up to the distance.
                for t in 0..<graph.nodeCount where tree.distance[t] != ShortestPathTree.unreachable {
                    let total = graph.path(to: t, in: tree).reduce(0) { $0 + Int(graph.cost[$1]) }
                    XCTAssertEqual(total, tree.distance[t])
                }
            }
        }
    }

    func testMatrixOnOneAndTwoThreadsMatchesReference() throws {
        let network = try randomNetwork(seed: 99, n: 60, lines: 120)
        let graph = StreetGraph(network)
        let reference = allPairs(graph)
        let sources = Array(stride(from: 0, to: graph.nodeCount, by: 3))
        let targets = Array(stride(from: 1, to: graph.nodeCount, by: 2))
        let one = graph.matrix(from: sources, to: targets, threads: 1)
        let two = graph.matrix(from: sources, to: targets, threads: 2)
        XCTAssertEqual(one, two)
        for (i, s) in sources.enumerated() { XCTAssertEqual(one[i], targets.map { reference[s][$0] }) }
    }

    func testOneWayArcsOnlyForward() throws {
        let network = try drawnNetwork("a  b", [("ab", true)])
        let graph = StreetGraph(network)
        XCTAssertEqual(graph.arcCount, 1)
        let a = network.segments[0].from
        let b = network.segments[0].to
        XCTAssertEqual(graph.shortestPaths(from: a).distance[b], 3000)  // 30 m at 36 km/h = 3 s
        XCTAssertEqual(graph.shortestPaths(from: b).distance[a], ShortestPathTree.unreachable)
    }

    func testAForestGivesTheBruteForceTimesAndPathsOfThoseLengths() throws {
        for seed in UInt64(1)...10 {
            let network = try randomNetwork(seed: seed, n: 25, lines: 40)
            let graph = StreetGraph(network) { Int32(max(1, $0.travelSeconds.rounded(.up))) }
            let reference = allPairs(graph)
            let nodes = Array(0..<graph.nodeCount)
            for threads in [1, 3] {
                let forest = graph.forest(from: nodes, to: nodes, threads: threads)
                for s in nodes {
                    XCTAssertEqual(forest.distances[s], reference[s], "seed \(seed), from \(s)")
                    for t in nodes where reference[s][t] != ShortestPathTree.unreachable {
                        let tree = ShortestPathTree(distance: [], parentArc: forest.parentArcs[s])
                        let length = graph.path(to: t, in: tree).reduce(0) { $0 + Int(graph.cost[$1]) }
                        XCTAssertEqual(length, reference[s][t], "seed \(seed), \(s) to \(t)")
                    }
                }
            }
        }
    }
}
