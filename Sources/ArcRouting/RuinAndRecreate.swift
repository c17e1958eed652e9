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
    var meanRemoved: Double
    /// Longest string removed (SISR's L-max, as in the paper).
    let longestString = 10
    /// Starting and final temperatures as shares of the starting solution's
    /// mean cost per task; the temperature falls geometrically over the
    /// steps (tuned on Rutland, 1,000 to 5,000 tasks: a start of 0.1 and
    /// 0.5 did no better).
    let startTemperature = 1.0
    let finalTemperature = 0.005

    private(set) var routes: [[Int]]
    private(set) var cost: [Int]
    private(set) var load: [Int]
    private var routeOf: [Int]
    private var posOf: [Int]

    /// - Precondition: `routes` serve every task once, within capacity, the
    ///   route limit and the fleet.
    init(_ instance: SearchInstance, neighbours: [[Int]], routes: [[Int]], meanRemoved: Int) {
        self.instance = instance
        self.meanRemoved = Double(meanRemoved)
        self.neighbours = neighbours
        self.routes = routes
        cost = routes.map { instance.routeCost($0) }
        load = routes.map { $0.reduce(0) { $0 + instance.dem($1) } }
        routeOf = [Int](repeating: -1, count: instance.taskCount)
        posOf = routeOf
        for r in routes.indices { index(r) }
    }

    var totalCost: Int { cost.reduce(0, +) }
    var nonEmptyRoutes: [[Int]] { routes.filter { !$0.isEmpty } }

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
        let first = startTemperature * perTask
        let cooling = pow(finalTemperature / startTemperature, 1 / Double(max(1, steps)))
        var temperature = first
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
        let used = routes.filter { !$0.isEmpty }
        let meanLength = Double(instance.taskCount) / Double(max(1, used.count))
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
        let directions = i.twoWay[task] ? [2 * task, 2 * task + 1] : [2 * task]
        var best: (route: Int, position: Int, td: Int, delta: Int)?
        func consider(_ r: Int, _ position: Int) {
            guard load[r] + i.demand[task] <= i.capacity else { return }
            let a = position > 0 ? routes[r][position - 1] : -1
            let b = position < routes[r].count ? routes[r][position] : -1
            for dir in directions {
                let delta = i.dh(a, dir) + i.svc(dir) + i.dh(dir, b) - i.dh(a, b)
                if let limit = i.maxRouteCost, cost[r] + delta > limit { continue }
                if delta < best?.delta ?? Int.max { best = (r, position, dir, delta) }
            }
        }
        for v in neighbours[task] where routeOf[v] >= 0 {
            consider(routeOf[v], posOf[v])
            consider(routeOf[v], posOf[v] + 1)
        }
        if best != nil { return best }
        for r in routes.indices {
            for position in 0...routes[r].count { consider(r, position) }
        }
        if routes.filter({ !$0.isEmpty }).count < i.fleetSize ?? Int.max {
            for dir in directions {
                let delta = i.dh(-1, dir) + i.svc(dir) + i.dh(dir, -1)
                if i.maxRouteCost.map({ delta <= $0 }) ?? true, delta < best?.delta ?? Int.max {
                    best = (routes.count, 0, dir, delta)
                }
            }
        }
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
            instance, neighbours: localSearch.neighbours, routes: best.routes,
            meanRemoved: parameters.ruinMeanRemoved)
        let routes = search.run(steps: parameters.ruinStepsPerTask * instance.taskCount, rng: &rng, until: deadline)
        let cost = routes.reduce(0) { $0 + instance.routeCost($1) }
        return admit(Individual(routes: routes, cost: cost, taskCount: instance.taskCount), start: start)
    }
}
