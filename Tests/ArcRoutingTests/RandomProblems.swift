import ArcRouting
import TestSupport

/// Seeded random CARP instances for the solver's tests: a two-way spanning
/// path (every node reachable both ways) plus random links, some one-way,
/// of which `required` are required, with service costs above their
/// deadhead costs.
enum RandomProblems {
    static func mixed(seed: UInt64, nodes: Int, required: Int, extra: Int, capacity: Int) -> CARPProblem {
        var rng = SplitMix64(seed: seed)
        var links: [CARPProblem.Link] = []
        for v in 1..<nodes {
            links.append(.init(from: v - 1, to: v, deadheadCost: Int.random(in: 1...20, using: &rng)))
        }
        for _ in 0..<extra {
            let a = Int.random(in: 0..<nodes, using: &rng)
            let b = Int.random(in: 0..<nodes, using: &rng)
            if a != b {
                links.append(
                    .init(
                        from: a, to: b, twoWay: Bool.random(using: &rng),
                        deadheadCost: Int.random(in: 1...20, using: &rng)))
            }
        }
        for k in Array(links.indices).shuffled(using: &rng).prefix(required) {
            links[k].demand = Int.random(in: 1...capacity, using: &rng)
            links[k].serviceCost = links[k].deadheadCost + Int.random(in: 0...5, using: &rng)
        }
        return CARPProblem(
            name: "random-\(seed)", nodeCount: nodes, depot: Int.random(in: 0..<nodes, using: &rng),
            links: links, capacity: capacity)
    }
}

/// Deadhead costs by Floyd-Warshall over a problem's links, each crossed at
/// `scale` times its deadhead cost: a caller's own graph, for tests.
struct AllPairsCosts: CARPDeadheadCosts {
    let cost: [[Int]]

    init(_ problem: CARPProblem, scale: Int = 1) {
        let n = problem.nodeCount
        var d = [[Int]](repeating: [Int](repeating: Int.max, count: n), count: n)
        for v in 0..<n { d[v][v] = 0 }
        for l in problem.links {
            d[l.from][l.to] = min(d[l.from][l.to], scale * l.deadheadCost)
            if l.twoWay { d[l.to][l.from] = min(d[l.to][l.from], scale * l.deadheadCost) }
        }
        for k in 0..<n {
            for i in 0..<n where d[i][k] != Int.max {
                for j in 0..<n where d[k][j] != Int.max { d[i][j] = min(d[i][j], d[i][k] + d[k][j]) }
            }
        }
        cost = d
    }

    func costs(from source: Int, to targets: [Int]) -> [Int] { targets.map { cost[source][$0] } }
}
