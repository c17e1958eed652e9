import Foundation

/// Decomposition phases (Vidal 2017, HGS-CARP; Oliveira et al. 2025,
/// MADCoM): on a large instance a whole offspring's Split and local search
/// run over every task, so a short run makes few of them. Every
/// `decompositionPeriod` iterations the best solution's routes are grouped
/// into neighbouring routes of about `decompositionSize` tasks; each group
/// is solved as a sub-problem by a small search of its own, started from
/// the group's routes as they are (so it never does worse), on a
/// `SearchInstance` restricted to the group's tasks that shares the
/// parent's distance table; the improved routes, put back together, make a
/// new individual.
extension HybridGeneticSearch {
    /// Whether the instance has `decompositionTasks` tasks or more.
    var decomposes: Bool { parameters.decomposes(taskCount: instance.taskCount) }

    /// One decomposition phase; admits the result. Returns whether it
    /// improved the best.
    @discardableResult
    mutating func decompose(start: Date, deadline: Date?) -> Bool {
        let began = Date()
        let before = iterations
        defer {
            stages.phaseOffspring += iterations - before
            stages.phaseSeconds += Date().timeIntervalSince(began)
        }
        guard let solution = decomposedSolution(start: start, deadline: deadline) else { return false }
        return admit(solution, start: start)
    }

    /// The best solution with each group of its routes replaced by the best
    /// its sub-problem's search found (a group left as it is once the time
    /// or the iteration budget is spent); nil without a best solution.
    /// Counts the sub-problems' offspring in `iterations`.
    mutating func decomposedSolution(start: Date, deadline: Date?) -> Individual? {
        guard let best else { return nil }
        let groups = Decomposition.groups(
            best.routes, instance, neighbours: localSearch.neighbours,
            size: parameters.decompositionSize, rng: &rng)
        var routes: [[Int]] = []
        for group in groups {
            let own = group.map { best.routes[$0] }
            let left = parameters.maxIterations.map { $0 - iterations } ?? parameters.decompositionIterations
            guard left > 0, !timeIsUp(deadline) else {
                routes += own
                continue
            }
            let fleet = instance.fleetSize.map { $0 - (best.routes.count - group.count) }
            let budget = min(left, parameters.decompositionIterations)
            routes += improved(own, fleet: fleet, budget: budget, start: start, deadline: deadline)
        }
        let cost = routes.reduce(0) { $0 + instance.routeCost($1) }
        return Individual(routes: routes, cost: cost, taskCount: instance.taskCount)
    }

    /// The routes of one group after `budget` offspring of a sub-problem
    /// search (never worse: the search starts from them).
    private mutating func improved(
        _ routes: [[Int]], fleet: Int?, budget: Int, start: Date, deadline: Date?
    ) -> [[Int]] {
        let sub = SubProblem(routes, of: instance, fleet: fleet)
        var parameters = self.parameters
        parameters.populationSize = self.parameters.decompositionPopulation
        parameters.generationSize = 2 * self.parameters.decompositionPopulation
        parameters.eliteCount = min(parameters.eliteCount, max(1, parameters.populationSize - 1))
        parameters.maxIterations = budget
        parameters.decompositionTasks = Int.max
        parameters.swapStar = false
        let neighbours = LocalSearch.neighbours(sub.instance, granularity: parameters.granularity)
        var search = HybridGeneticSearch(
            sub.instance, neighbours: neighbours, parameters: parameters, seed: rng.next(), penalty: penalty)
        search.initialRoutes = routes.map { $0.map(sub.toSub) }
        search.run(deadline: deadline, start: start)
        iterations += search.iterations
        guard let found = search.best else { return routes }
        return found.routes.map { $0.map(sub.toParent) }
    }
}

/// A sub-problem of a decomposition phase: the restricted instance and the
/// maps of task-directions between it and its parent. Internal.
struct SubProblem {
    let instance: SearchInstance
    /// Parent task of each sub-problem task.
    let tasks: [Int]
    /// Sub-problem task of each parent task in it.
    private let index: [Int: Int]

    /// The sub-problem of the tasks the routes serve (tds of `parent`).
    init(_ routes: [[Int]], of parent: SearchInstance, fleet: Int?) {
        tasks = routes.flatMap { $0.map { $0 >> 1 } }
        var index: [Int: Int] = [:]
        for (k, t) in tasks.enumerated() { index[t] = k }
        self.index = index
        instance = SearchInstance(restrictedTo: tasks, of: parent, fleetSize: fleet)
    }

    /// The parent's td of a sub-problem td (same direction).
    func toParent(_ td: Int) -> Int { 2 * tasks[td >> 1] + (td & 1) }

    /// The sub-problem's td of a parent td of one of its tasks.
    func toSub(_ td: Int) -> Int { 2 * index[td >> 1]! + (td & 1) }
}

/// How a decomposition phase groups routes. Internal.
enum Decomposition {
    /// The routes (by index) in groups of neighbouring routes, every route
    /// in exactly one group, `round(tasks / size)` groups (at least one) of
    /// about the same number of tasks. Routes are neighbours when their
    /// tasks are in each other's neighbour lists (the problem has no
    /// coordinates, so no polar angles as in Vidal 2017): a group grows
    /// from a random route by the route with the most neighbour links to
    /// it (ties to the lower index; when none has any, the route whose
    /// first task is nearest the group's first), until it has its share of
    /// the tasks.
    /// - Complexity: O(n granularity + r^2) for n tasks in r routes.
    static func groups(
        _ routes: [[Int]], _ instance: SearchInstance, neighbours: [[Int]], size: Int,
        rng: inout RandomSource
    ) -> [[Int]] {
        let r = routes.count
        guard r > 0 else { return [] }
        let affinity = affinities(routes, neighbours: neighbours, taskCount: instance.taskCount)
        let total = routes.reduce(0) { $0 + $1.count }
        let groupCount = max(1, Int((Double(total) / Double(max(1, size))).rounded()))
        let share = (total + groupCount - 1) / groupCount
        var free = Set(0..<r)
        var groups: [[Int]] = []
        while !free.isEmpty {
            let seed = free.sorted()[rng.below(free.count)]
            var group = [seed]
            var tasks = routes[seed].count
            free.remove(seed)
            var link = affinity[seed]
            while tasks < share, !free.isEmpty {
                let next = free.max { a, b in link[a] != link[b] ? link[a] < link[b] : a > b }!
                let chosen = link[next] > 0 ? next : nearest(to: routes[seed], among: free, routes, instance)
                group.append(chosen)
                tasks += routes[chosen].count
                free.remove(chosen)
                for k in 0..<r { link[k] += affinity[chosen][k] }
            }
            groups.append(group)
        }
        return groups
    }

    /// affinity[a][b]: the neighbour-list entries from tasks of route a to
    /// tasks of route b, plus the reverse (symmetric; 0 on the diagonal).
    private static func affinities(_ routes: [[Int]], neighbours: [[Int]], taskCount: Int) -> [[Int]] {
        var routeOf = [Int](repeating: -1, count: taskCount)
        for (k, route) in routes.enumerated() { for td in route { routeOf[td >> 1] = k } }
        var affinity = [[Int]](repeating: [Int](repeating: 0, count: routes.count), count: routes.count)
        for (a, route) in routes.enumerated() {
            for td in route {
                for v in neighbours[td >> 1] {
                    let b = routeOf[v]
                    guard b >= 0, b != a else { continue }
                    affinity[a][b] += 1
                    affinity[b][a] += 1
                }
            }
        }
        return affinity
    }

    /// The free route whose first task starts nearest the end of `route`'s
    /// first task (ties to the lower index).
    private static func nearest(to route: [Int], among free: Set<Int>, _ routes: [[Int]], _ instance: SearchInstance)
        -> Int
    {
        let from = route.first ?? -1
        return free.min { a, b in
            let da = instance.dh(from, routes[a].first ?? -1)
            let db = instance.dh(from, routes[b].first ?? -1)
            return da != db ? da < db : a < b
        }!
    }
}
