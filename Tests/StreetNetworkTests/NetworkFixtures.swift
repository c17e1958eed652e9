import Geometry
import StreetNetwork
import TestSupport

/// Builds street lines from a drawn map: each entry is a path of point
/// names, optionally one-way.
func drawnLines(_ map: DrawnMap, _ paths: [(String, oneWay: Bool)], speedKmh: Double = 36) -> [StreetLine] {
    paths.enumerated().map { k, entry in
        StreetLine(
            featureIndex: k, sourceID: "way/\(k)", name: entry.0, roadClass: "residential",
            oneWay: entry.oneWay, speedKmh: speedKmh,
            points: map.path(entry.0).map { Point(x: $0.x, y: $0.y) })
    }
}

func drawnNetwork(_ picture: String, _ paths: [(String, oneWay: Bool)]) throws -> StreetNetwork {
    try StreetNetwork(lines: drawnLines(DrawnMap(picture), paths), crs: .britishNationalGrid)
}

/// A random network of `n` junctions on a 100 m grid, some one-way.
func randomNetwork(seed: UInt64, n: Int, lines: Int) throws -> StreetNetwork {
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
func allPairs(_ g: StreetGraph) -> [[Int]] {
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
