import Geometry
import StreetNetwork
import TestSupport
import XCTest

final class StreetGraphShortestPathsTests: XCTestCase {
    /// A random network of `n` junctions on a 100 m grid, some one-way.
    private func randomNetwork(seed: UInt64, n: Int, lines: Int) throws -> StreetNetwork {
        var rng = SplitMix64(seed: seed)
        let spots = (0..<n).map { _ in
            Point(
                x: Double(Int.random(in: 0..<20, using: &rng)) * 100,
                y: Double(Int.random(in: 0..<20, using: &rng)) * 100)
        }
        var streetLines: [StreetLine] = []
        for k in 0..<lines {
            let a = spots[Int.random(in: 0..<n, using: &rng)]
            let b = spots[Int.random(in: 0..<n, using: &rng)]
            guard a != b else { continue }
            streetLines.append(
                StreetLine(
                    featureIndex: k, sourceID: "\(k)", roadClass: "road", oneWay: Bool.random(using: &rng),
                    speedKmh: Double(Int.random(in: 10...60, using: &rng)), points: [a, b]))
        }
        return try StreetNetwork(lines: streetLines, crs: .britishNationalGrid)
    }

    /// Floyd-Warshall over the graph's arcs: the brute-force reference.
    private func allPairs(_ g: StreetGraph) -> [[Int]] {
        let inf = Int.max / 4
        var d = [[Int]](repeating: [Int](repeating: inf, count: g.nodeCount), count: g.nodeCount)
        for v in 0..<g.nodeCount {
            d[v][v] = 0
            for a in Int(g.firstOut[v])..<Int(g.firstOut[v + 1]) {
                d[v][Int(g.head[a])] = min(d[v][Int(g.head[a])], Int(g.cost[a]))
            }
        }
        for k in 0..<g.nodeCount {
            for i in 0..<g.nodeCount where d[i][k] < inf {
                for j in 0..<g.nodeCount where d[k][j] < inf {
                    d[i][j] = min(d[i][j], d[i][k] + d[k][j])
                }
            }
        }
        return d.map { $0.map { $0 >= inf ? ShortestPathTree.unreachable : $0 } }
    }

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
