import StreetNetwork
import XCTest

/// Repeated searches on one workspace: the costs, the nearest targets and
/// the paths agree with the brute force, search after search, one-way
/// arcs, unreachable nodes, no targets and a count of 0 included.
final class StreetGraphSearchTests: XCTestCase {
    func testCostsNearestAndPathsMatchTheBruteForce() throws {
        for seed in UInt64(1)...10 {
            let network = try randomNetwork(seed: seed, n: 30, lines: 45)
            let graph = StreetGraph(network) { Int32(max(1, $0.travelSeconds.rounded(.up))) }
            let reference = allPairs(graph)
            let search = StreetGraphSearch(graph)
            let nodes = Array(0..<graph.nodeCount)
            let targets = nodes.filter { $0 % 3 != 1 }
            for s in nodes {
                XCTAssertEqual(search.costs(from: s, to: targets), targets.map { reference[s][$0] }, "seed \(seed)")
                for count in [1, 4, targets.count + 5] {
                    let found = search.nearest(from: s, among: targets, count: count)
                    let reachable = targets.map { reference[s][$0] }.filter { $0 != ShortestPathTree.unreachable }
                    XCTAssertEqual(found.count, min(count, reachable.count), "seed \(seed), from \(s)")
                    for (node, cost) in found { XCTAssertEqual(cost, reference[s][node]) }
                    // The cheapest: none left out is cheaper than the dearest kept.
                    let dearest = found.map(\.cost).max() ?? 0
                    XCTAssertEqual(Array(reachable.sorted().prefix(found.count)).last ?? 0, dearest)
                }
                for t in nodes {
                    let arcs = search.path(from: s, to: t)
                    if reference[s][t] == ShortestPathTree.unreachable || s == t {
                        XCTAssertEqual(arcs, [], "seed \(seed), \(s) to \(t)")
                        continue
                    }
                    XCTAssertEqual(arcs.reduce(0) { $0 + Int(graph.cost[$1]) }, reference[s][t])
                    // Joined up: each arc leaves where the last one arrived, from s to t.
                    let tails = arcs.map { graph.tailOf(csrPosition: $0) }
                    XCTAssertEqual(tails, [s] + arcs.dropLast().map { Int(graph.head[$0]) }, "\(s) to \(t)")
                    XCTAssertEqual(arcs.last.map { Int(graph.head[$0]) }, t)
                }
            }
        }
    }

    func testAOneWayStreetIsSearchedForwardOnly() throws {
        let network = try drawnNetwork("a  b", [("ab", true)])
        let graph = StreetGraph(network)
        let search = StreetGraphSearch(graph)
        let a = network.segments[0].from
        let b = network.segments[0].to
        XCTAssertEqual(search.costs(from: a, to: [b, a]), [3000, 0])
        XCTAssertEqual(search.costs(from: b, to: [a]), [ShortestPathTree.unreachable])
        XCTAssertEqual(search.nearest(from: b, among: [a, b], count: 2).map(\.node), [b])
        XCTAssertEqual(search.path(from: b, to: a), [])
        XCTAssertEqual(search.path(from: a, to: b).count, 1)
        XCTAssertEqual(search.costs(from: a, to: []), [])
        XCTAssertTrue(search.nearest(from: a, among: [a, b], count: 0).isEmpty)
        XCTAssertTrue(search.nearest(from: a, among: [], count: 3).isEmpty)
        XCTAssertEqual(search.nearest(from: a, among: [b, a], count: 1).map(\.node), [a], "itself, at 0")
    }
}
