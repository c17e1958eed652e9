/// The problem as the search sees it: tasks (required links) numbered
/// 0..<n, each with one or two service directions ("task-directions",
/// td = 2 * task + reversed), and deadhead costs between them through the
/// distance table. The depot is td -1. A class, immutable: every move
/// evaluation takes it from the route state, and copying a struct of a dozen
/// arrays cost a dozen reference counts each time (most of the search's
/// time on a 300-task instance, by perf). Internal.
final class SearchInstance: Sendable {
    let problem: CARPProblem
    let taskLink: [Int]
    let demand: [Int]
    let service: [Int]
    let twoWay: [Bool]
    /// Terminal index of where each td starts and ends.
    let startTerminal: [Int]
    let endTerminal: [Int]
    let table: DistanceTable
    /// The dense table's entries when it has one, else the near costs'
    /// look-up, read directly by `dh` (the storage kept alive by `table`):
    /// no class reference to count, no call, on the search's hottest path.
    nonisolated(unsafe) private let dense: UnsafePointer<Int32>?
    /// Copies of `startTerminal`, `endTerminal`, `service`, `demand` and
    /// `twoWay` that `dh`, `svc`, `dem` and `canFlip` read without a bounds
    /// check, the search's hottest reads (freed with the instance).
    nonisolated(unsafe) private let starts: UnsafeMutablePointer<Int>
    nonisolated(unsafe) private let ends: UnsafeMutablePointer<Int>
    nonisolated(unsafe) private let services: UnsafeMutablePointer<Int>
    nonisolated(unsafe) private let demands: UnsafeMutablePointer<Int>
    nonisolated(unsafe) private let flippable: UnsafeMutablePointer<Bool>
    private let near: NearLookUp?
    private let width: Int
    let depotTerminal: Int
    let capacity: Int
    let maxRouteCost: Int?
    /// Most routes (the problem's `fleetSize`; in a sub-problem, what the
    /// routes outside it leave). nil = no limit.
    let fleetSize: Int?
    var taskCount: Int { taskLink.count }

    /// - Parameters: as `DistanceTable`'s.
    init(
        _ problem: CARPProblem, denseLimit: Int = SolverParameters().denseTableTerminals,
        nearLimits: NearDistances.Limits = NearDistances.Limits()
    ) throws {
        try problem.validate()
        self.problem = problem
        let table = try DistanceTable(problem, denseLimit: denseLimit, nearLimits: nearLimits)
        self.table = table
        dense = table.cost?.pointer
        near = table.near?.lookUp
        width = table.terminalCount
        taskLink = problem.requiredLinks
        demand = taskLink.map { problem.links[$0].demand! }
        service = taskLink.map { problem.links[$0].serviceCost }
        twoWay = taskLink.map { problem.links[$0].twoWay }
        var start: [Int] = []
        var end: [Int] = []
        for l in taskLink {
            let link = problem.links[l]
            start += [table.terminalOf[link.from], table.terminalOf[link.to]]
            end += [table.terminalOf[link.to], table.terminalOf[link.from]]
        }
        startTerminal = start
        endTerminal = end
        depotTerminal = table.terminalOf[problem.depot]
        capacity = problem.capacity
        maxRouteCost = problem.maxRouteCost
        fleetSize = problem.fleetSize
        (starts, ends, services) = (Self.copy(start), Self.copy(end), Self.copy(service))
        (demands, flippable) = (Self.copy(demand), Self.copy(twoWay))
        try checkEveryTaskCanBeServed()
    }

    /// Refuses a task that cannot be reached from the depot and left back
    /// to it, or that alone costs more than the route limit.
    /// - Throws: `ArcRoutingError.infeasibleInstance`, naming the link.
    private func checkEveryTaskCanBeServed() throws {
        for (t, l) in taskLink.enumerated() {
            let far = DistanceTable.unreachable
            let there = dh(-1, 2 * t) < far || (twoWay[t] && dh(-1, 2 * t + 1) < far)
            let back = dh(2 * t, -1) < far || (twoWay[t] && dh(2 * t + 1, -1) < far)
            guard there, back else {
                throw ArcRoutingError(
                    .infeasibleInstance,
                    "\(problem.name): required \(problem.describe(link: l)) "
                        + "cannot be reached from the depot and left back to it")
            }
            let ways = twoWay[t] ? [2 * t, 2 * t + 1] : [2 * t]
            let alone = ways.map { dh(-1, $0) + svc($0) + dh($0, -1) }.min()!
            if let limit = maxRouteCost, alone > limit {
                throw ArcRoutingError(
                    .infeasibleInstance,
                    "\(problem.name): required \(problem.describe(link: l)) costs \(alone) alone, "
                        + "from the depot and back, over the route limit \(limit): no route can serve it")
            }
        }
    }

    /// The sub-problem of `parent` restricted to some of its tasks (a
    /// decomposition phase's group of routes): task k here is task
    /// `tasks[k]` there, in the same directions, and the distance table is
    /// the parent's own (its storage shared, not copied). Not validated:
    /// the parent was.
    /// - Parameter fleetSize: the routes the sub-problem may use.
    /// - Precondition: `tasks` are distinct tasks of `parent`.
    init(restrictedTo tasks: [Int], of parent: SearchInstance, fleetSize: Int?) {
        precondition(tasks.allSatisfy { parent.taskLink.indices.contains($0) }, "a task outside the parent")
        problem = parent.problem
        table = parent.table
        dense = parent.dense
        near = parent.near
        width = parent.width
        taskLink = tasks.map { parent.taskLink[$0] }
        demand = tasks.map { parent.demand[$0] }
        service = tasks.map { parent.service[$0] }
        twoWay = tasks.map { parent.twoWay[$0] }
        startTerminal = tasks.flatMap { [parent.startTerminal[2 * $0], parent.startTerminal[2 * $0 + 1]] }
        endTerminal = tasks.flatMap { [parent.endTerminal[2 * $0], parent.endTerminal[2 * $0 + 1]] }
        depotTerminal = parent.depotTerminal
        capacity = parent.capacity
        maxRouteCost = parent.maxRouteCost
        self.fleetSize = fleetSize
        (starts, ends, services) = (Self.copy(startTerminal), Self.copy(endTerminal), Self.copy(service))
        (demands, flippable) = (Self.copy(demand), Self.copy(twoWay))
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        services.deallocate()
        demands.deallocate()
        flippable.deallocate()
    }

    /// A copy of `values` in memory of its own (at least one entry's room).
    private static func copy<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        pointer.initialize(from: values, count: values.count)
        return pointer
    }

    /// Deadhead cost from the end of td `a` to the start of td `b` (-1 =
    /// depot), as the search sees it: on a table of near costs, an upper
    /// bound between far tasks (`exactRouteCost` has the true cost).
    @inline(__always)
    func dh(_ a: Int, _ b: Int) -> Int {
        assert(a < 2 * taskCount && b < 2 * taskCount, "a task-direction outside the instance")
        let from = a < 0 ? depotTerminal : ends[a]
        let to = b < 0 ? depotTerminal : starts[b]
        if let dense { return Int(dense[from &* width &+ to]) }
        return near.unsafelyUnwrapped.cost(from, to)
    }

    /// On near costs, lower bounds on `dh(a, td)` and `dh(td, b)` for every
    /// a and b through the hubs (`NearLookUp.bounds(into:)`), each read from
    /// one row of a hub's costs, the same for every a or b (so in the cache
    /// after the first few reads, where `dh` misses it twice for a far
    /// pair); nil on a dense table (tried: no faster). For passing over far
    /// places without reading their costs.
    func deadheadBounds(of td: Int) -> (into: CostBound, out: CostBound)? {
        near.map { ($0.bounds(into: starts[td]), $0.bounds(outOf: ends[td])) }
    }

    /// A lower bound on `dh(a, td) + dh(td, b)`, from `deadheadBounds(of: td)`.
    @inline(__always)
    func detourBound(_ bounds: (into: CostBound, out: CostBound), from a: Int, to b: Int) -> Int {
        bounds.into[a < 0 ? depotTerminal : ends[a]] &+ bounds.out[b < 0 ? depotTerminal : starts[b]]
    }

    /// The service cost of td; unchecked in release builds, as `dem` and `canFlip`.
    @inline(__always) func svc(_ td: Int) -> Int {
        assert(td >= 0 && td < 2 * taskCount, "a task-direction outside the instance")
        return services[td >> 1]
    }

    @inline(__always) func dem(_ td: Int) -> Int {
        assert(td >= 0 && td < 2 * taskCount, "a task-direction outside the instance")
        return demands[td >> 1]
    }

    @inline(__always) func flipped(_ td: Int) -> Int { td ^ 1 }

    @inline(__always) func canFlip(_ td: Int) -> Bool {
        assert(td >= 0 && td < 2 * taskCount, "a task-direction outside the instance")
        return flippable[td >> 1]
    }

    /// Cost of a route of tds, depot to depot.
    func routeCost(_ route: [Int]) -> Int {
        var cost = 0
        var at = -1
        for td in route {
            cost += dh(at, td) + svc(td)
            at = td
        }
        return cost + dh(at, -1)
    }

    /// The true cost of a route of tds, depot to depot: `routeCost` where
    /// the table is dense; else with every deadhead exact, which is never
    /// more.
    func exactRouteCost(_ route: [Int]) -> Int {
        var cost = 0
        var at = depotTerminal
        for td in route {
            cost += table.exactBetween(at, startTerminal[td]) + svc(td)
            at = endTerminal[td]
        }
        return cost + table.exactBetween(at, depotTerminal)
    }

    /// Routes of tds as the problem's services, at their true cost.
    func solution(_ routes: [[Int]]) -> CARPSolution {
        CARPSolution(
            routes: routes.map { $0.map { CARPService(link: taskLink[$0 >> 1], reversed: $0 & 1 == 1) } },
            cost: routes.reduce(0) { $0 + exactRouteCost($1) })
    }

    /// A lower bound on any solution's cost: all service, plus for each of
    /// the ceil(total demand / capacity) routes the cheapest way out of the
    /// depot to a task and back from one.
    var lowerBound: Int {
        let routes = (demand.reduce(0, +) + capacity - 1) / capacity
        var out = Int.max
        var back = Int.max
        for td in 0..<(2 * taskCount) where td & 1 == 0 || twoWay[td >> 1] {
            out = min(out, dh(-1, td))
            back = min(back, dh(td, -1))
        }
        return service.reduce(0, +) + routes * (out + back)
    }
}

/// A lower bound on the costs between one terminal and every other, read
/// from one row of costs: the entry for the other less `less`, or 0.
/// Internal.
struct CostBound {
    let row: UnsafePointer<Int32>
    let less: Int

    @inline(__always)
    subscript(_ other: Int) -> Int {
        let bound = Int(row[other]) &- less
        return bound > 0 ? bound : 0
    }
}
