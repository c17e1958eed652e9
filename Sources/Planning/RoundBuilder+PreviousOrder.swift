import ArcRouting
import Works

/// Stable weeks in routing: a round keeps last week's order of its stops
/// where that still fits. Last week's rounds, restricted to the job's
/// visits, make a solution of their own: stops that were in a round stay in
/// it, in their old order; new stops go in at their cheapest place (a route
/// with room, else a route of their own); visits gone are dropped; each
/// stop's direction is the cheapest given its neighbours (a two-state
/// dynamic programme along the route). The planner keeps it unless it
/// breaks the shift or capacity, or the solver's answer is cheaper by more
/// than `keptOrderMargin`.
extension RoundBuilder {
    /// How much dearer than the solver's answer last week's order may be and
    /// still be kept, as a share of the solver's cost (0.03: up to 3% more
    /// crew time on the job's rounds buys crews the streets in the order they
    /// know).
    static let keptOrderMargin = 0.03

    /// Last week's rounds of the job's visits (link i is visit i) as a
    /// solution, when at least one visit was in a round on the job's day and
    /// the result is within the job's shift and capacity; nil otherwise.
    /// New visits go in at their cheapest place; when that leaves more
    /// routes than `routeCount` (last week's rounds shrank: work not due this
    /// week), the smallest are dissolved into the others where they fit;
    /// then each route is tidied within itself (`KeptRoutes.tidy`).
    /// - Complexity: O(n (t + r) + r²) for n visits, t terminals and routes
    ///   of up to r stops, plus a cost row per terminal (`KeptRoutes`: the
    ///   planner's searches, O(t^2) memory).
    func previousOrder(
        _ problem: CARPProblem, visits: [PlannedVisit], day: Weekday, preferences: PlanPreferences,
        routeCount: Int
    ) -> CARPSolution? {
        guard !preferences.isEmpty, let costs = problem.deadheadCosts else { return nil }
        var old: [String: [OldStop]] = [:]
        var fresh: [Int] = []
        for (link, v) in visits.enumerated() {
            let was = v.parts.lazy.flatMap {
                preferences.placements(organisation: $0.organisation, taskID: $0.taskID, segment: v.segment)
            }.first { $0.day == day && !$0.round.isEmpty }
            if let was {
                old[was.round, default: []].append(OldStop(position: was.position, link: link))
            } else {
                fresh.append(link)
            }
        }
        guard !old.isEmpty else { return nil }
        var kept = KeptRoutes(problem: problem, costs: costs)
        for id in old.keys.sorted(by: { Self.roundNumber($0) < Self.roundNumber($1) }) {
            kept.routes.append((old[id] ?? []).sorted { ($0.position, $0.link) < ($1.position, $1.link) }.map(\.link))
        }
        for link in fresh { kept.insert(link) }
        kept.compact(to: routeCount)
        kept.tidy()
        let solution = kept.solution()
        return CARPChecker.check(solution, for: problem).isFeasible ? solution : nil
    }

    /// A visit of the job that was in last week's round, at that position.
    private struct OldStop {
        var position: Int
        var link: Int
    }

    /// Where a round id sorts among its job's rounds: its text before the
    /// number, then the number ("mon-…-2" before "mon-…-10").
    static func roundNumber(_ id: String) -> RoundNumber {
        guard let dash = id.lastIndex(of: "-"), let n = Int(id[id.index(after: dash)...]) else {
            return RoundNumber(prefix: id, number: 0)
        }
        return RoundNumber(prefix: String(id[..<dash]), number: n)
    }

    struct RoundNumber: Comparable {
        var prefix: String
        var number: Int
        static func < (a: Self, b: Self) -> Bool { (a.prefix, a.number) < (b.prefix, b.number) }
    }

    /// The solution the planner routes: last week's rounds when they are
    /// kept (feasible, in no more rounds than `solved`, and within
    /// `keptOrderMargin` of its cost), else `solved`. More rounds would need
    /// crews the roster may not have: a cheap new route is not a kept round.
    func keepingOrder(
        _ solved: CARPSolution, problem: CARPProblem, visits: [PlannedVisit], day: Weekday?,
        preferences: PlanPreferences
    ) -> CARPSolution {
        guard let day,
            let kept = previousOrder(
                problem, visits: visits, day: day, preferences: preferences, routeCount: solved.routes.count)
        else { return solved }
        let limit = Double(solved.cost) * (1 + Self.keptOrderMargin)
        return kept.routes.count <= solved.routes.count && Double(kept.cost) <= limit ? kept : solved
    }
}

/// Routes of required links being built in a given order: the deadhead
/// costs between the links' ends, the cheapest directions, and insertion.
struct KeptRoutes {
    let problem: CARPProblem
    let costs: any CARPDeadheadCosts
    /// Each route's links in order.
    var routes: [[Int]] = []
    /// Deadhead seconds between terminals, row-major by their place in
    /// `terminals` (`Int32.max` where unreachable): asked for on first use,
    /// every row in turn (so the planner searches them in batches), 4
    /// bytes a pair.
    private var table: [Int32] = []
    /// The depot and every link's ends, once, and each one's place.
    private let terminals: [Int]
    private let place: [Int: Int]

    init(problem: CARPProblem, costs: any CARPDeadheadCosts) {
        self.problem = problem
        self.costs = costs
        terminals = Array(Set([problem.depot] + problem.links.flatMap { [$0.from, $0.to] })).sorted()
        place = Dictionary(uniqueKeysWithValues: terminals.enumerated().map { ($1, $0) })
    }

    /// The route's services with the cheapest directions, and its cost.
    struct Directed {
        var services: [CARPService]
        var cost: Int
    }

    /// Deadhead cost from node a to node b (a large number where unreachable).
    mutating func deadhead(_ a: Int, _ b: Int) -> Int {
        if a == b { return 0 }
        if table.isEmpty {
            table.reserveCapacity(terminals.count * terminals.count)
            for source in terminals { table += costs.costs(from: source, to: terminals).map { Int32(clamping: $0) } }
        }
        guard let i = place[a], let j = place[b] else { return Self.unreachable }
        let c = table[i * terminals.count + j]
        return c == Int32.max ? Self.unreachable : Int(c)
    }

    /// A cost that no route within a shift reaches.
    static let unreachable = 1 << 40

    /// Where a service starts and ends.
    private func ends(_ link: Int, reversed: Bool) -> (start: Int, end: Int) {
        let l = problem.links[link]
        return reversed ? (l.to, l.from) : (l.from, l.to)
    }

    private func directions(_ link: Int) -> [Bool] { problem.links[link].twoWay ? [false, true] : [false] }

    /// The cheapest directions along one route: a dynamic programme over
    /// each service's two directions, with back pointers. O(length).
    mutating func directed(_ route: [Int]) -> Directed {
        guard !route.isEmpty else { return Directed(services: [], cost: 0) }
        let none = Int.max
        // cost[k][d]: the cheapest cost to the end of service k served in direction d (1 = reversed).
        var cost = [[Int]](repeating: [none, none], count: route.count)
        var from = [[Int]](repeating: [0, 0], count: route.count)
        for (k, link) in route.enumerated() {
            for d in directions(link) {
                let start = ends(link, reversed: d).start
                let service = problem.links[link].serviceCost
                if k == 0 {
                    cost[0][d ? 1 : 0] = deadhead(problem.depot, start) + service
                    continue
                }
                for pd in 0..<2 where cost[k - 1][pd] != none {
                    let at = ends(route[k - 1], reversed: pd == 1).end
                    let c = cost[k - 1][pd] + deadhead(at, start) + service
                    if c < cost[k][d ? 1 : 0] { (cost[k][d ? 1 : 0], from[k][d ? 1 : 0]) = (c, pd) }
                }
            }
        }
        let last = route.count - 1
        var total = none
        var d = 0
        for e in 0..<2 where cost[last][e] != none {
            let c = cost[last][e] + deadhead(ends(route[last], reversed: e == 1).end, problem.depot)
            if c < total { (total, d) = (c, e) }
        }
        var services = [CARPService](repeating: CARPService(link: 0, reversed: false), count: route.count)
        for k in stride(from: last, through: 0, by: -1) {
            services[k] = CARPService(link: route[k], reversed: d == 1)
            d = from[k][d]
        }
        return Directed(services: services, cost: total)
    }

    /// Puts `link` where it adds least to a route that keeps within the
    /// shift and capacity (the route's directions kept, the new service's
    /// the cheaper); a route of its own when none has room. O(stops).
    mutating func insert(_ link: Int) {
        var best: (route: Int, place: Place)?
        for r in routes.indices {
            let load = routes[r].reduce(0) { $0 + (problem.links[$1].demand ?? 0) } + (problem.links[link].demand ?? 0)
            guard load <= problem.capacity, let place = cheapestPlace(of: link, in: directed(routes[r])) else {
                continue
            }
            if place.added < best?.place.added ?? Int.max { best = (r, place) }
        }
        if let best { routes[best.route].insert(link, at: best.place.at) } else { routes.append([link]) }
    }

    /// Where a service goes in a route, and the time it adds.
    struct Place {
        var at: Int
        var added: Int
    }

    /// The cheapest place for `link` in `route` within the shift, if any.
    private mutating func cheapestPlace(of link: Int, in route: Directed) -> Place? {
        let service = problem.links[link].serviceCost
        let nodes = route.services.map { ends($0.link, reversed: $0.reversed) }
        var best: Place?
        for at in 0...nodes.count {
            let before = at == 0 ? problem.depot : nodes[at - 1].end
            let after = at == nodes.count ? problem.depot : nodes[at].start
            var added = Int.max
            for d in directions(link) {
                let e = ends(link, reversed: d)
                added = min(added, deadhead(before, e.start) + service + deadhead(e.end, after))
            }
            added -= deadhead(before, after)
            if let limit = problem.maxRouteCost, route.cost + added > limit { continue }
            if added < best?.added ?? Int.max { best = Place(at: at, added: added) }
        }
        return best
    }

    /// Dissolves the smallest routes into the others while there are more
    /// than `count` and their stops fit elsewhere; the routes as they were
    /// when a dissolved route's stops do not all fit.
    mutating func compact(to count: Int) {
        while routes.count > max(count, 1) {
            guard let smallest = routes.indices.min(by: { (routes[$0].count, $0) < (routes[$1].count, $1) }) else {
                return
            }
            let before = routes
            for link in routes.remove(at: smallest) { insert(link) }
            if routes.count >= before.count {
                routes = before
                return
            }
        }
    }

    /// Each route tidied within itself: a stop moved to its cheapest place
    /// in its own route while that saves time (or-opt of one service, Or
    /// 1976), at most `passes` times over the route. A kept round stays the
    /// same crew's round, with its detours mended. O(passes r²) per route.
    mutating func tidy(passes: Int = 3) {
        for r in routes.indices {
            for _ in 0..<passes where routes[r].count > 2 {
                var moved = false
                for k in routes[r].indices.reversed() {
                    let cost = directed(routes[r]).cost
                    var rest = routes[r]
                    let link = rest.remove(at: k)
                    let without = directed(rest)
                    guard let place = cheapestPlace(of: link, in: without), without.cost + place.added < cost else {
                        continue
                    }
                    rest.insert(link, at: place.at)
                    routes[r] = rest
                    moved = true
                }
                if !moved { break }
            }
        }
    }

    /// The routes as a solution, each with its cheapest directions.
    mutating func solution() -> CARPSolution {
        var out = CARPSolution(routes: [], cost: 0)
        for r in routes where !r.isEmpty {
            let d = directed(r)
            out.routes.append(d.services)
            out.cost += d.cost
        }
        return out
    }
}
