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
    /// Longer lists of nearest tasks, tried when none of `neighbours` has
    /// room; empty = none.
    let wider: [[Int]]
    /// Mean tasks removed per step (SISR's c-bar).
    let meanRemoved: Double
    /// Longest string removed (SISR's L-max).
    let longestString: Int
    /// Share of the steps that start at a route's end (`ruinRouteEndShare`).
    let routeEndShare: Double
    /// Starting and final temperatures, as shares of the starting
    /// solution's mean cost per task.
    let temperatures: (start: Double, end: Double)
    /// Deadheads between each task and its nearest tasks, read in the
    /// order the insertion reads them (the search is bound by memory, and
    /// the full table lies scattered): `NearCosts`.
    private let near: NearCosts

    private(set) var routes: [[Int]]
    private(set) var cost: [Int]
    private(set) var load: [Int]
    /// Deadhead into each place of each route: `arcs[r][k]` from the task
    /// before place k (or the depot) to the one at k (or the depot), so
    /// `routes[r].count + 1` of them.
    private var arcs: [[Int]]
    private var routeOf: [Int]
    private var posOf: [Int]
    /// While a task is inserted, each of its nearest tasks' index in its
    /// list (-1 for any other task): the deadhead between the task and a
    /// place's other end comes from `near` when that end is one of them.
    private var nearIndex: [Int32]
    /// The least that inserting each task can add anywhere: its service
    /// less the table's cost across it, each way it may be served (on a
    /// table of shortest paths, the deadhead a place replaces is at most the
    /// two around the task plus that); what a step's recreate still has to
    /// add at least, to reject it early. On near costs, where a far pair's
    /// cost is an upper bound, an insertion can add less (docs/arc-routing.md,
    /// "Thirteenth session"), and a step kept without the early rejection
    /// may then be rejected.
    private let insertionFloor: [Int]
    /// Whether a step's recreate stops once the step cannot be kept
    /// (`recreate`); off only for tests, to check it changes nothing.
    var rejectsEarly = true
    /// The routes the step under way has changed, as they were before it,
    /// and how many routes there were: what undoing a rejected step puts back.
    private var undo: [SavedRoute] = []
    private var routesBeforeStep = 0
    /// Steps undone after opening a route (for tests).
    private(set) var stepsUndoneWithNewRoutes = 0
    /// Steps run by `run`.
    private(set) var stepsRun = 0
    /// Steps rejected before all their tasks were back.
    private(set) var stepsCutShort = 0
    /// The steps a run under a time limit was last re-planned to (`Pacer`); 0 when its plan stood.
    private(set) var stepsFilled = 0

    /// - Parameter wider: each task's longer list of nearest tasks, which
    ///   `neighbours` begin (`HybridGeneticSearch.widerNeighbours`); empty = none.
    /// - Parameter parameters: `ruinMeanRemoved`, `ruinLongestString` and
    ///   the temperatures (validated).
    /// - Precondition: `routes` serve every task once, within capacity, the
    ///   route limit and the fleet.
    init(
        _ instance: SearchInstance, neighbours: [[Int]], wider: [[Int]] = [], routes: [[Int]],
        parameters: SolverParameters
    ) {
        self.instance = instance
        self.neighbours = neighbours
        self.wider = wider
        near = NearCosts(instance, neighbours: neighbours)
        meanRemoved = Double(parameters.ruinMeanRemoved)
        longestString = parameters.ruinLongestString
        routeEndShare = parameters.ruinRouteEndShare
        temperatures = (parameters.ruinStartTemperature, parameters.ruinFinalTemperature)
        self.routes = routes
        arcs = routes.map { Self.arcs(of: $0, instance) }
        cost = routes.map { instance.routeCost($0) }
        load = routes.map { $0.reduce(0) { $0 + instance.dem($1) } }
        routeOf = [Int](repeating: -1, count: instance.taskCount)
        posOf = routeOf
        nearIndex = [Int32](repeating: -1, count: instance.taskCount)
        // The cost from td's start to its end is the deadhead out of td ^ 1 into td ^ 1 (the start and end
        // terminals of both ways are kept, one-way tasks' too).
        insertionFloor = (0..<instance.taskCount).map { t in
            let ways = instance.twoWay[t] ? [2 * t, 2 * t + 1] : [2 * t]
            return ways.map { instance.svc($0) - instance.dh($0 ^ 1, $0 ^ 1) }.min()!
        }
        for r in routes.indices { index(r) }
    }

    private static func arcs(of route: [Int], _ instance: SearchInstance) -> [Int] {
        zip([-1] + route, route + [-1]).map { instance.dh($0, $1) }
    }

    var totalCost: Int { cost.reduce(0, +) }
    private var usedRoutes: Int { routes.lazy.filter { !$0.isEmpty }.count }

    /// Whether costs, loads, arcs and positions agree with the routes (for tests).
    var isConsistent: Bool {
        guard [cost.count, load.count, arcs.count].allSatisfy({ $0 == routes.count }) else { return false }
        return routes.indices.allSatisfy { r in
            cost[r] == instance.routeCost(routes[r]) && load[r] == routes[r].reduce(0) { $0 + instance.dem($1) }
                && arcs[r] == Self.arcs(of: routes[r], instance)
                && routes[r].indices.allSatisfy { routeOf[routes[r][$0] >> 1] == r && posOf[routes[r][$0] >> 1] == $0 }
        } && routeOf.allSatisfy { $0 >= 0 }
    }

    /// Records where route r's tasks sit, from place `first` on.
    private mutating func index(_ r: Int, from first: Int = 0) {
        for k in first..<routes[r].count {
            routeOf[routes[r][k] >> 1] = r
            posOf[routes[r][k] >> 1] = k
        }
    }

    /// A route as it was before the step under way changed it.
    private struct SavedRoute {
        let route: Int
        let tasks: [Int]
        let cost: Int
        let load: Int
        let arcs: [Int]
    }

    /// Keeps route r as it was before the step, the first time the step changes it.
    private mutating func remember(_ r: Int) {
        guard r < routesBeforeStep, !undo.contains(where: { $0.route == r }) else { return }
        undo.append(SavedRoute(route: r, tasks: routes[r], cost: cost[r], load: load[r], arcs: arcs[r]))
    }

    /// Puts back the routes a rejected step changed and drops those it opened.
    private mutating func undoStep() {
        for before in undo {
            routes[before.route] = before.tasks
            cost[before.route] = before.cost
            load[before.route] = before.load
            arcs[before.route] = before.arcs
            index(before.route)
        }
        if routes.count > routesBeforeStep {
            stepsUndoneWithNewRoutes += 1
            routes.removeSubrange(routesBeforeStep...)
            cost.removeSubrange(routesBeforeStep...)
            load.removeSubrange(routesBeforeStep...)
            arcs.removeSubrange(routesBeforeStep...)
        }
    }

    /// Runs `steps` steps, or until `deadline`; with a deadline and `fill`,
    /// re-plans them once the first `probeSteps(steps)` (or a tenth of the
    /// time) have shown their pace (`filledSteps`), and again now and then
    /// once filled (`Pacer`).
    /// Returns the best routes found (the starting ones when nothing better
    /// turned up).
    mutating func run(steps: Int, rng: inout RandomSource, until deadline: Date? = nil, fill: Fill? = nil)
        -> [[Int]]
    {
        var current = totalCost
        var best = (routes: routes, cost: current)
        guard instance.taskCount > 0 else { return best.routes }
        let perTask = Double(current) / Double(max(1, instance.taskCount))
        var schedule = Cooling(steps: steps, temperatures, scale: perTask)
        var pacer = deadline.flatMap { deadline in
            fill.map { Pacer($0, planned: steps, deadline: deadline, cooling: temperatures) }
        }
        var step = 0
        while step < schedule.steps {
            if step % 256 == 0, let deadline {
                let now = Date()
                if now >= deadline { break }
                pacer?.lookByClock(at: step, now: now)
            }
            // Else the clock is read at a look only (`look`'s `now` is evaluated where it is called).
            if step == pacer?.nextLook, let filled = pacer?.look(at: step), let end = pacer?.finalTemperature {
                schedule.replan(steps: filled, after: step, to: end * perTask)
                stepsFilled = filled
            }
            step += 1
            stepsRun += 1
            let temperature = schedule.next()
            undo.removeAll(keepingCapacity: true)
            routesBeforeStep = routes.count
            let removed = ruin(rng: &rng)
            let threshold = Double(current) - temperature * log(Double(rng.below(1 << 30) + 1) / Double(1 << 30))
            if recreate(removed, below: threshold, rng: &rng), Double(totalCost) < threshold {
                current = totalCost
                if current < best.cost { best = (routes, current) }
            } else {
                undoStep()
            }
        }
        return best.routes.filter { !$0.isEmpty }
    }

    /// How a run under a time limit re-plans its steps
    /// (`SolverParameters.ruinFillShare(taskCount:)`): the share, and the final
    /// temperature of the re-planned run as a share of the starting
    /// solution's mean cost per task.
    struct Fill {
        let share: Double
        let finalTemperature: Double
    }

    /// The share of a plan cooling geometrically over `temperatures` at
    /// which it reaches `temperature`: 0 when it starts there or colder, 1
    /// when it ends there or warmer. A plan of which less fits by the
    /// deadline than this share of its cooling to a `Fill`'s final
    /// temperature is shortened (`Pacer`).
    static func shareOfCooling(_ temperatures: (start: Double, end: Double), reaching temperature: Double) -> Double {
        guard temperatures.start > temperature else { return 0 }
        guard temperatures.end < temperature else { return 1 }
        return log(temperatures.start / temperature) / log(temperatures.start / temperatures.end)
    }

    /// The steps whose pace decides a re-plan: a fiftieth of those planned, at least 100.
    static func probeSteps(_ planned: Int) -> Int { max(100, planned / 50) }

    /// The steps that fit by the deadline at the pace of the first `done`
    /// (which took `seconds`; `secondsLeft` remain), them included, when the
    /// `planned` steps would take `share` of them or more but fewer than all,
    /// or when less than `cutShare` of the plan fits; else nil. A plan the
    /// deadline cuts later than that stands: ended at the temperature it
    /// reached, it did better than cooled to the end over fewer steps
    /// (Rutland's 8,000 tasks at 10 s), but one cut early ends hot, its
    /// best seldom below where it started (docs/arc-routing.md,
    /// "Nineteenth session").
    static func filledSteps(
        planned: Int, done: Int, seconds: Double, secondsLeft: Double, share: Double, cutShare: Double = 0
    ) -> Int? {
        guard done > 0, seconds > 0, secondsLeft > 0 else { return nil }
        let fit = Double(done) * (1 + secondsLeft / seconds)
        guard Double(planned) >= share * fit, Double(planned) < fit || fit < cutShare * Double(planned) else {
            return nil
        }
        return Int(min(fit, Double(Int.max / 2)))
    }

    /// The steps left that fit by the deadline at the pace of the last
    /// `steps` (which took `seconds`; `secondsLeft` remain), added to the
    /// `done`; nil when there is no pace or no time left.
    static func refilledSteps(done: Int, lastSteps steps: Int, seconds: Double, secondsLeft: Double) -> Int? {
        guard steps > 0, seconds > 0, secondsLeft > 0 else { return nil }
        return done + Int(min(Double(steps) * secondsLeft / seconds, Double(Int.max / 4)))
    }

    /// A run's looks at its pace under a time limit: the first, after
    /// `probeSteps` (or `firstLookShare` of the time, when that comes
    /// first: `lookByClock`), decides whether to fill the time, or to shorten a plan
    /// the deadline would cut hot (`filledSteps`), which then keeps its own
    /// final temperature (a filled plan ends at the `Fill`'s); once
    /// re-planned, another every tenth of the new plan (at least
    /// `probeSteps` of the shorter of the two plans apart) re-plans the
    /// steps left at the pace since the look before (`refilledSteps`), more
    /// or fewer. The pace changes as the run cools: at 5,000 tasks and 10 s
    /// its steps got cheaper (more rejected before all their tasks are
    /// back), and the first look's plan ended a second early; a 600 s run at
    /// 3,000 tasks ended after about 410 s. Internal for tests.
    struct Pacer {
        let planned: Int
        let deadline: Date
        let share: Double
        /// `filledSteps`' `cutShare`: where the plan's own cooling passes
        /// the `Fill`'s final temperature (`shareOfCooling`); 0 without it.
        let cutShare: Double
        /// The final temperature of the re-planned run: the `Fill`'s, or a
        /// shortened plan's own.
        private(set) var finalTemperature: Double
        private let ownFinalTemperature: Double?
        /// The step of the next look; nil = none.
        private(set) var nextLook: Int?
        private var lastStep = 0
        private var lastTime: Date
        private var filled = false
        /// The steps of the latest plan.
        private var plan: Int
        /// When the first look comes at the latest (`lookByClock`).
        private let firstLookBy: Date

        /// - Parameter cooling: the run's own temperatures; nil = no plan is shortened.
        init(
            _ fill: Fill, planned: Int, deadline: Date, cooling: (start: Double, end: Double)? = nil,
            now: Date = Date()
        ) {
            self.planned = planned
            self.deadline = deadline
            cutShare = cooling.map { RuinAndRecreate.shareOfCooling($0, reaching: fill.finalTemperature) } ?? 0
            ownFinalTemperature = cooling?.end
            plan = planned
            share = fill.share
            finalTemperature = fill.finalTemperature
            nextLook = RuinAndRecreate.probeSteps(planned)
            lastTime = now
            firstLookBy = now.addingTimeInterval(deadline.timeIntervalSince(now) * Self.firstLookShare)
        }

        /// The share of the time by which the first look comes, its probe
        /// steps done or not. At 0.05 it came before the probe at Rutland's
        /// 8,000 edges and 5 s, on hotter and slower steps, and planned too
        /// few (docs/arc-routing.md, "Twenty-first session").
        static let firstLookShare = 0.1

        /// Brings the first look forward to `step` when `firstLookShare` of
        /// the time has gone before its probe steps: on an instance so large
        /// that they would take much of the time (or all of it, leaving the
        /// plan to be cut hot), the plan is judged on the steps done by then.
        mutating func lookByClock(at step: Int, now: Date) {
            guard !filled, step > 0, let next = nextLook, step < next, now >= firstLookBy else { return }
            nextLook = step
        }

        /// The steps to plan for when `step` is a look and the pace calls for
        /// a re-plan; else nil. A first look that leaves the plan as it is, or
        /// a look at or past the deadline, is the last.
        mutating func look(at step: Int, now: Date = Date()) -> Int? {
            guard step == nextLook else { return nil }
            let seconds = now.timeIntervalSince(lastTime)
            let left = deadline.timeIntervalSince(now)
            let steps =
                filled
                ? RuinAndRecreate.refilledSteps(
                    done: step, lastSteps: step - lastStep, seconds: seconds, secondsLeft: left)
                : RuinAndRecreate.filledSteps(
                    planned: planned, done: step, seconds: seconds, secondsLeft: left, share: share,
                    cutShare: cutShare)
            guard let steps else {
                // A clock that did not move (or went back) only skips this look.
                nextLook = filled && left > 0 ? step + RuinAndRecreate.probeSteps(min(planned, plan)) : nil
                return nil
            }
            if !filled, steps < planned, let ownFinalTemperature { finalTemperature = ownFinalTemperature }
            filled = true
            (lastStep, lastTime, plan) = (step, now, steps)
            nextLook = step + max(RuinAndRecreate.probeSteps(min(planned, steps)), steps / 10)
            return steps
        }
    }

    /// Simulated annealing's temperature, falling geometrically over the
    /// steps. Internal for tests.
    struct Cooling {
        private(set) var steps: Int
        private(set) var temperature: Double
        private var factor: Double

        /// From `temperatures.start` to `.end` times `scale` over `steps`.
        init(steps: Int, _ temperatures: (start: Double, end: Double), scale: Double) {
            self.steps = steps
            temperature = temperatures.start * scale
            factor = pow(temperatures.end / temperatures.start, 1 / Double(max(1, steps)))
        }

        /// `steps` in all, the first `done` of them run: from the temperature now to `end`
        /// (or staying where it is when that is higher) over the rest.
        mutating func replan(steps: Int, after done: Int, to end: Double) {
            self.steps = steps
            // min(1, NaN) is 1: a temperature of 0 (a solution of cost 0) stays 0.
            factor = min(1, pow(end / temperature, 1 / Double(max(1, steps - done))))
        }

        /// The next step's temperature.
        mutating func next() -> Double {
            temperature *= factor
            return temperature
        }
    }

    /// Removes strings from routes near a random task (a share of the
    /// time, the first or last task of a random task's route: the string
    /// cut there, which holds it, then starts or ends the route); returns
    /// the tasks' tds, in the order removed. Internal for tests.
    mutating func ruin(rng: inout RandomSource) -> [Int] {
        let meanLength = Double(instance.taskCount) / Double(max(1, usedRoutes))
        let longest = max(1, min(longestString, Int(meanLength)))
        let mostRoutes = max(1, Int(4 * meanRemoved / Double(1 + longest)) - 1)
        let routeCount = 1 + rng.below(mostRoutes)
        var seed = rng.below(instance.taskCount)
        let atEnd = routeEndShare > 0 && Double(rng.below(1 << 30)) < routeEndShare * Double(1 << 30)
        if atEnd {
            let route = routes[routeOf[seed]]
            seed = (rng.below(2) == 0 ? route[0] : route[route.count - 1]) >> 1
        }
        var ruined: Set<Int> = []
        var removed: [Int] = []
        for task in [seed] + neighbours[seed] where ruined.count < routeCount {
            let r = routeOf[task]
            guard r >= 0, !ruined.contains(r) else { continue }
            ruined.insert(r)
            let length = 1 + rng.below(min(longest, routes[r].count))
            let first = max(0, min(posOf[task] - rng.below(length), routes[r].count - length))
            removed += cut(r, first..<(first + length))
        }
        return removed
    }

    /// Takes places `range` out of route r; returns their tds.
    private mutating func cut(_ r: Int, _ range: Range<Int>) -> [Int] {
        let string = Array(routes[r][range])
        let before = range.lowerBound > 0 ? routes[r][range.lowerBound - 1] : -1
        let after = range.upperBound < routes[r].count ? routes[r][range.upperBound] : -1
        let joined = instance.dh(before, after)
        let arcsOut = range.lowerBound...range.upperBound
        remember(r)
        cost[r] += joined - arcs[r][arcsOut].reduce(0, +) - string.reduce(0) { $0 + instance.svc($1) }
        load[r] -= string.reduce(0) { $0 + instance.dem($1) }
        arcs[r].replaceSubrange(arcsOut, with: CollectionOfOne(joined))
        routes[r].removeSubrange(range)
        for td in string { routeOf[td >> 1] = -1 }
        index(r, from: range.lowerBound)
        return string
    }

    /// Puts the tasks back one by one (random order, or largest demand
    /// first), each at its cheapest feasible place; false when one has
    /// none, or as soon as the cost so far and the least the tasks left can
    /// add (`insertionFloor`) reach `threshold`, the cost the step must stay
    /// below to be kept: the step is then rejected without the insertions
    /// left, as it would be after them.
    private mutating func recreate(_ removed: [Int], below threshold: Double, rng: inout RandomSource) -> Bool {
        var order = removed
        order.shuffle(using: &rng)
        if rng.below(2) == 0 { order.sort { instance.dem($0) > instance.dem($1) } }
        var total = totalCost
        var floor = order.reduce(0) { $0 + insertionFloor[$1 >> 1] }
        for td in order {
            if rejectsEarly, Double(total + floor) >= threshold {
                stepsCutShort += 1
                return false
            }
            guard let place = cheapestPlace(of: td >> 1) else { return false }
            total += place.delta
            floor -= insertionFloor[td >> 1]
            let r = place.route
            if r == routes.count {
                routes.append([])
                cost.append(instance.dh(-1, -1))
                load.append(0)
                arcs.append([instance.dh(-1, -1)])
            }
            remember(r)
            routes[r].insert(place.td, at: place.position)
            arcs[r][place.position] = place.out
            arcs[r].insert(place.into, at: place.position)
            cost[r] += place.delta
            load[r] += instance.dem(place.td)
            index(r, from: place.position)
        }
        return true
    }

    /// Where a task goes: before place `position` of `route`, in direction
    /// `td`, for `delta` more cost; `into` and `out` its new arcs' deadheads.
    struct Place {
        let route: Int
        let position: Int
        let td: Int
        let into: Int
        let out: Int
        let delta: Int

        /// In place of an arc that cost `replaced`.
        @inline(__always)
        init(
            _ route: Int, _ position: Int, _ td: Int, _ into: Int, _ out: Int, replaced: Int,
            _ instance: SearchInstance
        ) {
            self.route = route
            self.position = position
            self.td = td
            self.into = into
            self.out = out
            delta = into + instance.svc(td) + out - replaced
        }
    }

    /// The cheapest feasible insertion of `task` (within capacity and the
    /// route limit): next to one of its nearest tasks; when there is none,
    /// next to one of its wider ring; when none there either, anywhere, or
    /// in a new route when the fleet allows. Internal for tests.
    mutating func cheapestPlace(of task: Int) -> Place? {
        if let place = besideNeighbours(task) { return place }
        var best: Place?
        for v in wider.isEmpty ? [] : wider[task].dropFirst(neighbours[task].count) where hasRoom(task, beside: v) {
            offer(task, routeOf[v], posOf[v], to: &best)
            offer(task, routeOf[v], posOf[v] + 1, to: &best)
        }
        if best != nil { return best }
        // Every place of every route with room: on near costs, most are far
        // and cost two misses of the cache each, so those that cannot beat
        // the best even at the hubs' lower bounds are passed over unread.
        let bounds = directions(task).map { instance.deadheadBounds(of: $0) }
        for r in routes.indices where load[r] + instance.demand[task] <= instance.capacity {
            for p in 0...routes[r].count { offer(task, r, p, bounds: bounds, to: &best) }
        }
        if usedRoutes < instance.fleetSize ?? Int.max {
            for td in directions(task) {
                let into = instance.dh(-1, td)
                let out = instance.dh(td, -1)
                let empty = instance.dh(-1, -1)
                keep(Place(routes.count, 0, td, into, out, replaced: empty, instance), held: empty, in: &best)
            }
        }
        return best
    }

    /// The cheapest feasible place just before or after one of the task's
    /// nearest tasks: the deadheads to and from that task come from
    /// `near`, those of the other side too when it is one of the task's
    /// nearest tasks, else from the table, unless the first shows the place
    /// cannot beat the best so far (`cannotBeat`).
    private mutating func besideNeighbours(_ task: Int) -> Place? {
        let list = neighbours[task]
        for (j, v) in list.enumerated() { nearIndex[v] = Int32(j) }
        defer { for v in list { nearIndex[v] = -1 } }
        var best: Place?
        for (j, v) in list.enumerated() where hasRoom(task, beside: v) {
            let r = routeOf[v]
            let p = posOf[v]
            let vTD = routes[r][p]
            let pred = p > 0 ? routes[r][p - 1] : -1
            let succ = p + 1 < routes[r].count ? routes[r][p + 1] : -1
            for td in directions(task) {
                let out = near.toNeighbour(task, j, from: td, to: vTD)
                if cannotBeat(best, known: out, td, replaced: arcs[r][p]) { continue }
                let place = Place(r, p, td, deadhead(into: td, from: pred), out, replaced: arcs[r][p], instance)
                keep(place, held: cost[r], in: &best)
            }
            for td in directions(task) {
                let into = near.fromNeighbour(task, j, from: vTD, to: td)
                if cannotBeat(best, known: into, td, replaced: arcs[r][p + 1]) { continue }
                let place = Place(r, p + 1, td, into, deadhead(outOf: td, to: succ), replaced: arcs[r][p + 1], instance)
                keep(place, held: cost[r], in: &best)
            }
        }
        return best
    }

    /// The deadhead between the task being inserted (`td`) and another
    /// td (-1: the depot): from `near` when the other is one of the task's
    /// nearest tasks (`nearIndex`), else from the table. The same cost, a
    /// read of memory in the cache rather than a miss.
    @inline(__always)
    private func deadhead(into td: Int, from a: Int) -> Int {
        guard a >= 0, case let j = nearIndex[a >> 1], j >= 0 else { return instance.dh(a, td) }
        return near.fromNeighbour(td >> 1, Int(j), from: a, to: td)
    }

    /// As `deadhead(into:from:)`, the other way: out of `td` into `b`.
    @inline(__always)
    private func deadhead(outOf td: Int, to b: Int) -> Int {
        guard b >= 0, case let j = nearIndex[b >> 1], j >= 0 else { return instance.dh(td, b) }
        return near.toNeighbour(td >> 1, Int(j), from: td, to: b)
    }

    /// Whether a place of `td` whose one deadhead is `known` cannot beat
    /// `best`: its other deadhead is at least 0, so it adds at least `known`
    /// and the service less the arc it replaces. Skipping it saves a read of
    /// the distance table, a cache miss each and most of an insertion's
    /// time; the place found is the same.
    @inline(__always)
    private func cannotBeat(_ best: Place?, known: Int, _ td: Int, replaced: Int) -> Bool {
        guard let best else { return false }
        return known + instance.svc(td) - replaced >= best.delta
    }

    /// Whether `v` is in a route with room for `task`.
    @inline(__always)
    private func hasRoom(_ task: Int, beside v: Int) -> Bool {
        routeOf[v] >= 0 && load[routeOf[v]] + instance.demand[task] <= instance.capacity
    }

    @inline(__always)
    private func directions(_ task: Int) -> ClosedRange<Int> {
        (2 * task)...(instance.twoWay[task] ? 2 * task + 1 : 2 * task)
    }

    /// Offers `task`, each way, at place p of route r: the deadhead out of
    /// it first (one row of the table for every place), the one into it
    /// only when the place can still beat the best; with `bounds` (one per
    /// way, `SearchInstance.deadheadBounds`), neither when the lower bounds
    /// show it cannot.
    private func offer(
        _ task: Int, _ r: Int, _ p: Int, bounds: [(into: CostBound, out: CostBound)?] = [], to best: inout Place?
    ) {
        let a = p > 0 ? routes[r][p - 1] : -1
        let b = p < routes[r].count ? routes[r][p] : -1
        for td in directions(task) {
            if let best, !bounds.isEmpty, let bound = bounds[td & 1],
                instance.detourBound(bound, from: a, to: b) + instance.svc(td) - arcs[r][p] >= best.delta
            {
                continue
            }
            let out = instance.dh(td, b)
            if cannotBeat(best, known: out, td, replaced: arcs[r][p]) { continue }
            let place = Place(r, p, td, instance.dh(a, td), out, replaced: arcs[r][p], instance)
            keep(place, held: cost[r], in: &best)
        }
    }

    /// Keeps `place` in `best` when it is cheaper and keeps its route, which
    /// costs `held` now, within the route limit.
    @inline(__always)
    private func keep(_ place: Place, held: Int, in best: inout Place?) {
        if let limit = instance.maxRouteCost, held + place.delta > limit { return }
        if place.delta < best?.delta ?? Int.max { best = place }
    }
}

/// The deadheads between each task and each of its nearest tasks, all four
/// pairs of directions each way, side by side in one array: what inserting
/// a task beside a neighbour reads, without a trip into the full table.
/// Internal to ruin and recreate.
private struct NearCosts {
    /// `cost[4 * (offset[task] + j) + 2 * (neighbour's td & 1) + (task's td & 1)]`, two arrays for the two ways.
    private let fromNeighbourCost: [Int32]
    private let toNeighbourCost: [Int32]
    private let offset: [Int]

    init(_ instance: SearchInstance, neighbours: [[Int]]) {
        var offset: [Int] = [0]
        for list in neighbours { offset.append(offset.last! + list.count) }
        var from = [Int32](repeating: 0, count: 4 * offset.last!)
        var to = from
        for (task, list) in neighbours.enumerated() {
            for (j, v) in list.enumerated() {
                for vDir in 0..<2 {
                    for tDir in 0..<2 {
                        let k = 4 * (offset[task] + j) + 2 * vDir + tDir
                        from[k] = Int32(instance.dh(2 * v + vDir, 2 * task + tDir))
                        to[k] = Int32(instance.dh(2 * task + tDir, 2 * v + vDir))
                    }
                }
            }
        }
        fromNeighbourCost = from
        toNeighbourCost = to
        self.offset = offset
    }

    /// Deadhead from the end of the neighbour's td to the start of the task's td.
    @inline(__always)
    func fromNeighbour(_ task: Int, _ j: Int, from neighbour: Int, to td: Int) -> Int {
        Int(fromNeighbourCost[4 * (offset[task] + j) + 2 * (neighbour & 1) + (td & 1)])
    }

    /// Deadhead from the end of the task's td to the start of the neighbour's td.
    @inline(__always)
    func toNeighbour(_ task: Int, _ j: Int, from td: Int, to neighbour: Int) -> Int {
        Int(toNeighbourCost[4 * (offset[task] + j) + 2 * (neighbour & 1) + (td & 1)])
    }
}

extension HybridGeneticSearch {
    /// `ruinStepsPerTask` steps of ruin and recreate from the best
    /// solution; admits the result. Returns whether it improved the best.
    /// - Parameter fillingTime: whether it may re-plan its steps to the
    ///   time left (`ruinFillShare`, `ruinFillEveryTasks`): the first one only.
    @discardableResult
    mutating func ruinAndRecreate(start: Date, deadline: Date?, fillingTime: Bool = false) -> Bool {
        guard let best, parameters.ruinsAndRecreates(taskCount: instance.taskCount) else { return false }
        var search = RuinAndRecreate(
            instance, neighbours: localSearch.neighbours, wider: widerNeighbours, routes: best.routes,
            parameters: parameters)
        let (steps, overflow) = parameters.ruinStepsPerTask.multipliedReportingOverflow(by: instance.taskCount)
        let began = Date()
        let share = fillingTime ? parameters.ruinFillShare(taskCount: instance.taskCount) : nil
        let fill = share.map { RuinAndRecreate.Fill(share: $0, finalTemperature: parameters.ruinFillFinalTemperature) }
        let routes = search.run(steps: overflow ? Int.max : steps, rng: &rng, until: deadline, fill: fill)
        stages.ruinSteps += search.stepsRun
        stages.ruinStepsCutShort += search.stepsCutShort
        stages.ruinStepsFilled += search.stepsFilled
        stages.ruinSeconds += Date().timeIntervalSince(began)
        let cost = routes.reduce(0) { $0 + instance.routeCost($1) }
        return admit(Individual(routes: routes, cost: cost, taskCount: instance.taskCount), start: start)
    }

    /// Rounds of a short, cold ruin and recreate and a phase on the best
    /// (`ruinRepeatStepsPerTask`, `ruinRepeatLongestString`), until the
    /// time or the iteration budget ends, a phase makes no offspring, or
    /// `ruinRepeatPatience` rounds in a row leave the best as it was (the
    /// population's search then takes over). On a large instance's first
    /// seconds these gain more than the population's random starts, whose
    /// local search takes seconds each.
    mutating func repeatRuinAndPhases(start: Date, deadline: Date?) {
        guard parameters.ruinsAndRecreates(taskCount: instance.taskCount), parameters.ruinRepeatStepsPerTask > 0
        else { return }
        let saved = parameters
        parameters.ruinStepsPerTask = saved.ruinRepeatStepsPerTask
        parameters.ruinStartTemperature = saved.ruinRepeatTemperature
        parameters.ruinLongestString = saved.ruinRepeatLongestString
        defer { parameters = saved }
        var stale = 0
        while !timeIsUp(deadline), stale < saved.ruinRepeatPatience {
            if let budget = parameters.maxIterations, iterations >= budget { break }
            let before = iterations
            let ruined = ruinAndRecreate(start: start, deadline: deadline)
            let decomposed = decompose(start: start, deadline: deadline)
            stale = ruined || decomposed ? 0 : stale + 1
            if iterations == before { break }
        }
    }
}
