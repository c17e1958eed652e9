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
