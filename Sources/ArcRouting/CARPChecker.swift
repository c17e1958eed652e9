/// An independent check of a solution: recomputes shortest deadhead paths
/// with Bellman-Ford (not the solver's Dijkstra), then every route's cost
/// and load from scratch.
public enum CARPChecker {
    public struct Report: Sendable, Equatable {
        public var cost: Int
        public var routeCosts: [Int]
        public var routeLoads: [Int]
        /// Empty when the solution is feasible.
        public var problems: [String]

        public var isFeasible: Bool { problems.isEmpty }
    }

    /// - Complexity: O(n m) for Bellman-Ford from each node used, plus the
    ///   routes' length.
    public static func check(_ solution: CARPSolution, for problem: CARPProblem) -> Report {
        var problems: [String] = []
        var served = [Int](repeating: 0, count: problem.links.count)
        var sources = Set([problem.depot])
        for route in solution.routes { for s in route where problem.links.indices.contains(s.link) {
            sources.insert(problem.links[s.link].from); sources.insert(problem.links[s.link].to)
        } }
        var distance: [Int: [Int]] = [:]
        for s in sources { distance[s] = bellmanFord(problem, from: s) }
        var total = 0
        var routeCosts: [Int] = [], routeLoads: [Int] = []
        for (r, route) in solution.routes.enumerated() {
            var cost = 0, load = 0, at = problem.depot
            for s in route {
                guard problem.links.indices.contains(s.link), let demand = problem.links[s.link].demand else {
                    problems.append("route \(r) serves link \(s.link), which is not a required link")
                    continue
                }
                let link = problem.links[s.link]
                if s.reversed, !link.twoWay { problems.append("route \(r) serves one-way link \(s.link) against its direction") }
                let (start, end) = s.reversed ? (link.to, link.from) : (link.from, link.to)
                let d = distance[at]![start]
                if d == Int.max { problems.append("route \(r) cannot reach link \(s.link)") } else { cost += d }
                cost += link.serviceCost
                load += demand
                served[s.link] += 1
                at = end
            }
            let back = distance[at]![problem.depot]
            if back == Int.max { problems.append("route \(r) cannot return to the depot") } else { cost += back }
            if load > problem.capacity { problems.append("route \(r) carries \(load), over the capacity \(problem.capacity)") }
            if let limit = problem.maxRouteCost, cost > limit { problems.append("route \(r) costs \(cost), over the route limit \(limit)") }
            routeCosts.append(cost)
            routeLoads.append(load)
            total += cost
        }
        for (k, link) in problem.links.enumerated() where link.isRequired && served[k] != 1 {
            problems.append("required link \(k) (\(link.from), \(link.to)) is served \(served[k]) times, not once")
        }
        if let fleet = problem.fleetSize, solution.routes.count > fleet {
            problems.append("\(solution.routes.count) routes, more than the fleet of \(fleet)")
        }
        if total != solution.cost { problems.append("the solution states cost \(solution.cost), but its routes cost \(total)") }
        return Report(cost: total, routeCosts: routeCosts, routeLoads: routeLoads, problems: problems)
    }

    static func bellmanFord(_ problem: CARPProblem, from source: Int) -> [Int] {
        var d = [Int](repeating: Int.max, count: problem.nodeCount)
        d[source] = 0
        var changed = true
        while changed {
            changed = false
            for link in problem.links {
                if d[link.from] != Int.max, d[link.from] + link.deadheadCost < d[link.to] { d[link.to] = d[link.from] + link.deadheadCost; changed = true }
                if link.twoWay, d[link.to] != Int.max, d[link.to] + link.deadheadCost < d[link.from] { d[link.from] = d[link.to] + link.deadheadCost; changed = true }
            }
        }
        return d
    }
}
