import Foundation

/// Ruin and recreate by string removals (Christiaens and Vanden Berghe
/// 2020, SISR), for a large instance's first seconds: each step removes a
/// few strings of consecutive tasks from routes near a random task and puts
/// them back one by one at their cheapest feasible place next to one of
/// their nearest tasks, both directions tried; simulated annealing decides
/// whether to keep the result. A step touches a few routes, so thousands
/// run in the time one local search over 5,000 tasks takes. Capacity, the
/// route limit and the fleet are never broken. Internal.
struct RuinAndRecreate {
    let instance: SearchInstance
    let neighbours: [[Int]]
    /// Mean tasks removed per step (SISR's c-bar).
    let meanRemoved: Double
    /// Longest string removed (SISR's L-max).
    let longestString: Int
    /// Starting and final temperatures, as shares of the starting
    /// solution's mean cost per task.
    let temperatures: (start: Double, end: Double)

    private(set) var routes: [[Int]]
    private(set) var cost: [Int]
    private(set) var load: [Int]
    private var routeOf: [Int]
    private var posOf: [Int]

    /// - Parameter parameters: `ruinMeanRemoved`, `ruinLongestString` and
    ///   the temperatures (validated).
    /// - Precondition: `routes` serve every task once, within capacity, the
    ///   route limit and the fleet.
    init(_ instance: SearchInstance, neighbours: [[Int]], routes: [[Int]], parameters: SolverParameters) {
        self.instance = instance
        self.neighbours = neighbours
        meanRemoved = Double(parameters.ruinMeanRemoved)
        longestString = parameters.ruinLongestString
        temperatures = (parameters.ruinStartTemperature, parameters.ruinFinalTemperature)
        self.routes = routes
        cost = routes.map { instance.routeCost($0) }
        load = routes.map { $0.reduce(0) { $0 + instance.dem($1) } }
        routeOf = [Int](repeating: -1, count: instance.taskCount)
        posOf = routeOf
        for r in routes.indices { index(r) }
    }

    var totalCost: Int { cost.reduce(0, +) }
    private var usedRoutes: Int { routes.lazy.filter { !$0.isEmpty }.count }

    /// Whether costs, loads and positions agree with the routes (for tests).
    var isConsistent: Bool {
        routes.indices.allSatisfy { r in
            cost[r] == instance.routeCost(routes[r]) && load[r] == routes[r].reduce(0) { $0 + instance.dem($1) }
                && routes[r].indices.allSatisfy { routeOf[routes[r][$0] >> 1] == r && posOf[routes[r][$0] >> 1] == $0 }
        } && routeOf.allSatisfy { $0 >= 0 }
    }

    private mutating func index(_ r: Int) {
        for (k, td) in routes[r].enumerated() {
            routeOf[td >> 1] = r
            posOf[td >> 1] = k
        }
    }

    /// Runs `steps` steps, or until `deadline`; returns the best routes
    /// found (the starting ones when nothing better turned up).
    mutating func run(steps: Int, rng: inout RandomSource, until deadline: Date? = nil) -> [[Int]] {
        var current = totalCost
        var best = (routes: routes, cost: current)
        guard instance.taskCount > 0 else { return best.routes }
        let perTask = Double(current) / Double(max(1, instance.taskCount))
        let cooling = pow(temperatures.end / temperatures.start, 1 / Double(max(1, steps)))
        var temperature = temperatures.start * perTask
        for step in 0..<steps {
            if step % 256 == 0, let deadline, Date() >= deadline { break }
            temperature *= cooling
            let saved = (routes: routes, cost: cost, load: load)
            let removed = ruin(rng: &rng)
            let threshold = Double(current) - temperature * log(Double(rng.below(1 << 30) + 1) / Double(1 << 30))
            if recreate(removed, rng: &rng), Double(totalCost) < threshold {
                current = totalCost
                if current < best.cost { best = (routes, current) }
            } else {
                let touched = routes.indices.filter { $0 >= saved.routes.count || routes[$0] != saved.routes[$0] }
                (routes, cost, load) = saved
                for r in touched where r < routes.count { index(r) }
            }
        }
        return best.routes.filter { !$0.isEmpty }
    }

    /// Removes strings from routes near a random task; returns the tasks'
    /// tds, in the order removed.
    private mutating func ruin(rng: inout RandomSource) -> [Int] {
        let meanLength = Double(instance.taskCount) / Double(max(1, usedRoutes))
        let longest = max(1, min(longestString, Int(meanLength)))
        let mostRoutes = max(1, Int(4 * meanRemoved / Double(1 + longest)) - 1)
        let routeCount = 1 + rng.below(mostRoutes)
        let seed = rng.below(instance.taskCount)
        var ruined: Set<Int> = []
        var removed: [Int] = []
        for task in [seed] + neighbours[seed] where ruined.count < routeCount {
            let r = routeOf[task]
            guard r >= 0, !ruined.contains(r) else { continue }
            ruined.insert(r)
            let length = 1 + rng.below(min(longest, routes[r].count))
            let first = max(0, min(posOf[task] - rng.below(length), routes[r].count - length))
            let string = Array(routes[r][first..<(first + length)])
            routes[r].removeSubrange(first..<(first + length))
            for td in string { routeOf[td >> 1] = -1 }
            cost[r] = instance.routeCost(routes[r])
            load[r] -= string.reduce(0) { $0 + instance.dem($1) }
            index(r)
            removed += string
        }
        return removed
    }

    /// Puts the tasks back one by one (random order, or largest demand
    /// first), each at its cheapest feasible place; false when one has none.
    private mutating func recreate(_ removed: [Int], rng: inout RandomSource) -> Bool {
        var order = removed
        order.shuffle(using: &rng)
        if rng.below(2) == 0 { order.sort { instance.dem($0) > instance.dem($1) } }
        for td in order {
            guard let (r, position, dir, delta) = cheapestPlace(of: td >> 1) else { return false }
            if r == routes.count {
                routes.append([])
                cost.append(0)
                load.append(0)
            }
            routes[r].insert(dir, at: position)
            cost[r] += delta
            load[r] += instance.dem(dir)
            index(r)
        }
        return true
    }

    /// The cheapest feasible insertion of `task`: next to one of its
    /// nearest tasks; when none of those fits, anywhere, or in a new route
    /// when the fleet allows.
    private func cheapestPlace(of task: Int) -> (route: Int, position: Int, td: Int, delta: Int)? {
        let i = instance
        let directions = (2 * task)...(i.twoWay[task] ? 2 * task + 1 : 2 * task)
        var best: (route: Int, position: Int, td: Int, delta: Int)?
        /// Between `a` and `b` (tds, -1 the depot) of route r, which holds `held` now.
        func consider(_ r: Int, _ position: Int, between a: Int, _ b: Int, held: (cost: Int, load: Int)) {
            guard held.load + i.demand[task] <= i.capacity else { return }
            for dir in directions {
                let delta = i.dh(a, dir) + i.svc(dir) + i.dh(dir, b) - i.dh(a, b)
                if let limit = i.maxRouteCost, held.cost + delta > limit { continue }
                if delta < best?.delta ?? Int.max { best = (r, position, dir, delta) }
            }
        }
        func consider(_ r: Int, _ position: Int) {
            let a = position > 0 ? routes[r][position - 1] : -1
            let b = position < routes[r].count ? routes[r][position] : -1
            consider(r, position, between: a, b, held: (cost[r], load[r]))
        }
        for v in neighbours[task] where routeOf[v] >= 0 {
            consider(routeOf[v], posOf[v])
            consider(routeOf[v], posOf[v] + 1)
        }
        if best != nil { return best }
        for r in routes.indices where load[r] + i.demand[task] <= i.capacity {
            for position in 0...routes[r].count { consider(r, position) }
        }
        if usedRoutes < i.fleetSize ?? Int.max { consider(routes.count, 0, between: -1, -1, held: (0, 0)) }
        return best
    }
}

extension HybridGeneticSearch {
    /// `ruinStepsPerTask` steps of ruin and recreate from the best
    /// solution; admits the result. Returns whether it improved the best.
    @discardableResult
    mutating func ruinAndRecreate(start: Date, deadline: Date?) -> Bool {
        guard let best, parameters.ruinStepsPerTask > 0 else { return false }
        var search = RuinAndRecreate(
            instance, neighbours: localSearch.neighbours, routes: best.routes, parameters: parameters)
        let (steps, overflow) = parameters.ruinStepsPerTask.multipliedReportingOverflow(by: instance.taskCount)
        let routes = search.run(steps: overflow ? Int.max : steps, rng: &rng, until: deadline)
        let cost = routes.reduce(0) { $0 + instance.routeCost($1) }
        return admit(Individual(routes: routes, cost: cost, taskCount: instance.taskCount), start: start)
    }
}
