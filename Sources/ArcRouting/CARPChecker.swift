/// An independent check of a solution: recomputes shortest deadhead paths
/// with Bellman-Ford (not the solver's Dijkstra), or asks the caller's
/// `deadheadCosts` when the problem has them, then every route's cost and
/// load from scratch.
public enum CARPChecker {
    public struct Report: Sendable, Equatable {
        public var cost: Int
        public var routeCosts: [Int]
        public var routeLoads: [Int]
        /// Empty when the solution is feasible.
        public var problems: [String]

        public var isFeasible: Bool { problems.isEmpty }
    }

    /// - Complexity: one Bellman-Ford (queue form) from each node a route
    ///   leaves from, plus the routes' length; memory O(n + services).
    public static func check(_ solution: CARPSolution, for problem: CARPProblem) -> Report {
        var problems: [String] = []
        var served = [Int](repeating: 0, count: problem.links.count)
        let distance = deadheads(solution, for: problem)
        var total = 0
        var routeCosts: [Int] = []
        var routeLoads: [Int] = []
        let first = problem.firstNumber
        for (index, route) in solution.routes.enumerated() {
            let r = index + first
            var cost = 0
            var load = 0
            var at = problem.depot
            for s in route {
                guard problem.links.indices.contains(s.link), let demand = problem.links[s.link].demand else {
                    problems.append("route \(r) serves link \(s.link + first), which is not a required link")
                    continue
                }
                let link = problem.links[s.link]
                if s.reversed, !link.twoWay {
                    problems.append("route \(r) serves one-way \(problem.describe(link: s.link)) against its direction")
                }
                let (start, end) = s.reversed ? (link.to, link.from) : (link.from, link.to)
                let d = distance[at * problem.nodeCount + start] ?? Int.max
                if d == Int.max {
                    problems.append("route \(r) cannot reach \(problem.describe(link: s.link))")
                } else {
                    cost += d
                }
                cost += link.serviceCost
                load += demand
                served[s.link] += 1
                at = end
            }
            let back = distance[at * problem.nodeCount + problem.depot] ?? Int.max
            if back == Int.max { problems.append("route \(r) cannot return to the depot") } else { cost += back }
            if load > problem.capacity {
                problems.append("route \(r) carries \(load), over the capacity \(problem.capacity)")
            }
            if let limit = problem.maxRouteCost, cost > limit {
                problems.append("route \(r) costs \(cost), over the route limit \(limit)")
            }
            routeCosts.append(cost)
            routeLoads.append(load)
            total += cost
        }
        for (k, link) in problem.links.enumerated() where link.isRequired && served[k] != 1 {
            problems.append("required \(problem.describe(link: k)) is served \(served[k]) times, not once")
        }
        if let fleet = problem.fleetSize, solution.routes.count > fleet {
            problems.append("\(solution.routes.count) routes, more than the fleet of \(fleet)")
        }
        if total != solution.cost {
            problems.append("the solution states cost \(solution.cost), but its routes cost \(total)")
        }
        return Report(cost: total, routeCosts: routeCosts, routeLoads: routeLoads, problems: problems)
    }

    /// The deadhead cost of every move between services the solution makes,
    /// keyed by from x nodeCount + to: only those are kept, not a row per node.
    private static func deadheads(_ solution: CARPSolution, for problem: CARPProblem) -> [Int: Int] {
        var wanted: [Int: Set<Int>] = [:]
        for route in solution.routes {
            var at = problem.depot
            for s in route where problem.links.indices.contains(s.link) && problem.links[s.link].isRequired {
                let link = problem.links[s.link]
                let (start, end) = s.reversed ? (link.to, link.from) : (link.from, link.to)
                wanted[at, default: []].insert(start)
                at = end
            }
            wanted[at, default: []].insert(problem.depot)
        }
        var found: [Int: Int] = [:]
        if let given = problem.deadheadCosts {
            // The caller's costs: the problem holds only its required links.
            for (source, targets) in wanted {
                let list = Array(targets)
                for (target, d) in zip(list, given.costs(from: source, to: list)) {
                    found[source * problem.nodeCount + target] = d
                }
            }
            return found
        }
        let arcs = Arcs(problem)
        var search = BellmanFord(nodeCount: problem.nodeCount)
        for (source, targets) in wanted {
            search.run(from: source, arcs: arcs, targets: targets)
            for target in targets { found[source * problem.nodeCount + target] = search.cost[target] }
        }
        return found
    }

    /// The arcs leaving each node in compressed rows: node v's arcs are
    /// `first[v] ..< first[v + 1]`; a two-way link gives one arc each way.
    struct Arcs {
        var first: [Int]
        var head: [Int] = []
        var cost: [Int] = []
        /// Whether a link costs less than nothing (a problem not validated):
        /// then no search is cut short.
        var hasNegativeCost = false

        init(_ problem: CARPProblem) {
            var count = [Int](repeating: 0, count: problem.nodeCount + 1)
            var arcs: [(tail: Int, head: Int, cost: Int)] = []
            for link in problem.links {
                arcs.append((link.from, link.to, link.deadheadCost))
                if link.twoWay, link.to != link.from { arcs.append((link.to, link.from, link.deadheadCost)) }
            }
            arcs.sort { $0.tail < $1.tail }
            for arc in arcs { count[arc.tail + 1] += 1 }
            for v in 0..<problem.nodeCount { count[v + 1] += count[v] }
            first = count
            head = arcs.map(\.head)
            cost = arcs.map(\.cost)
            hasNegativeCost = cost.contains { $0 < 0 }
        }
    }

    /// Bellman-Ford in its queue form (Moore 1959; "SPFA"): a node is
    /// relaxed again only when its cost fell, so a road network costs a few
    /// passes over its links rather than one per level of the tree. With
    /// `targets`, a node that already costs as much as every target is not
    /// relaxed (when no cost is negative, no path through it can lower a
    /// target's): the search stays near the source, and only the targets'
    /// costs in the result are sure to be the shortest.
    /// - Complexity: O(n m) at worst, about O(m) on road networks; about the
    ///   ball around the source that holds the targets with `targets`.
    static func bellmanFord(nodeCount: Int, from source: Int, arcs: Arcs, targets: Set<Int>? = nil) -> [Int] {
        var search = BellmanFord(nodeCount: nodeCount)
        search.run(from: source, arcs: arcs, targets: targets)
        return search.cost
    }

    /// One search's memory, kept for the next: each run resets only the
    /// nodes the one before reached, so a search near its source costs
    /// about its ball, not the whole network (tens of thousands of searches
    /// on a large instance: an array of every node each took seconds).
    struct BellmanFord {
        /// The cost from the last run's source; Int.max where it did not reach.
        private(set) var cost: [Int]
        private var queued: [Bool]
        private var queue: [Int] = []
        private var reached: [Int] = []

        init(nodeCount: Int) {
            cost = [Int](repeating: Int.max, count: nodeCount)
            queued = [Bool](repeating: false, count: nodeCount)
        }

        /// `bellmanFord` from `source`, into `cost`.
        mutating func run(from source: Int, arcs: Arcs, targets: Set<Int>? = nil) {
            for v in reached { cost[v] = Int.max }
            reached.removeAll(keepingCapacity: true)
            reached.append(source)
            queue.removeAll(keepingCapacity: true)
            queue.append(source)
            var head = 0
            cost[source] = 0
            queued[source] = true
            let targetList = targets.map(Array.init) ?? []
            /// The dearest target's cost so far; Int.max without targets.
            func dearestTarget() -> Int {
                targets == nil || arcs.hasNegativeCost ? Int.max : targetList.reduce(0) { max($0, cost[$1]) }
            }
            var bound = dearestTarget()
            while head < queue.count {
                let u = queue[head]
                head += 1
                queued[u] = false
                guard cost[u] < bound else { continue }
                var reachedTarget = false
                for a in arcs.first[u]..<arcs.first[u + 1] where cost[u] + arcs.cost[a] < cost[arcs.head[a]] {
                    let v = arcs.head[a]
                    if cost[v] == Int.max { reached.append(v) }
                    cost[v] = cost[u] + arcs.cost[a]
                    if targets?.contains(v) == true { reachedTarget = true }
                    if !queued[v] {
                        queued[v] = true
                        queue.append(v)
                    }
                }
                if reachedTarget { bound = dearestTarget() }
                if head > 4 * cost.count {
                    queue.removeFirst(head)
                    head = 0
                }
            }
        }
    }
}
