import TestSupport
import XCTest

@testable import ArcRouting

/// The property every local-search move must have: the gain it computes in
/// O(1) equals the fall in penalised cost after it is applied, the routes'
/// data recomputed from scratch. On seeded random mixed instances, with
/// routes over capacity and over a route limit, so the penalties count.
final class MoveTests: XCTestCase {
    /// Random routes over every task (random order, directions and cuts).
    private func randomState(seed: UInt64) throws -> RouteState {
        var problem = RandomProblems.mixed(seed: seed, nodes: 25, required: 30, extra: 30, capacity: 15)
        problem.maxRouteCost = 180
        let instance = try SearchInstance(problem)
        var rng = SplitMix64(seed: seed &+ 1_000)
        var tour = (0..<instance.taskCount).map { t in 2 * t + (instance.twoWay[t] && rng.below(2) == 1 ? 1 : 0) }
        tour.shuffle(using: &rng)
        var routes: [[Int]] = [[]]
        for td in tour {
            if !routes[routes.count - 1].isEmpty, rng.below(6) == 0 { routes.append([]) }
            routes[routes.count - 1].append(td)
        }
        return RouteState(instance, routes: routes, penalty: Penalty(load: 3.5, duration: 0.75))
    }

    private func penalisedTotal(_ state: RouteState) -> Double {
        state.routes.indices.reduce(0) { $0 + state.penalised($1) }
    }

    /// Every task once, and each route's cached cost and load as a fresh
    /// computation gives them.
    private func assertConsistent(_ state: RouteState, _ label: String) {
        let tasks = state.routes.flatMap { $0 }.map { $0 >> 1 }.sorted()
        XCTAssertEqual(tasks, Array(0..<state.instance.taskCount), label)
        for (r, route) in state.routes.enumerated() {
            XCTAssertEqual(state.cost[r], state.instance.routeCost(route), "\(label): cost of route \(r)")
            let load = route.reduce(0) { $0 + state.instance.dem($1) }
            XCTAssertEqual(state.load[r], load, "\(label): load of route \(r)")
        }
        XCTAssertTrue(state.routes.last?.isEmpty ?? false, "\(label): the last route is kept empty")
    }

    /// Tries the move on every pair (u, v) of several random states and
    /// applies each move found; returns how many were checked.
    private func checkGains<M: Move>(_: M.Type, seeds: ClosedRange<UInt64> = 1...6) throws -> Int {
        var checked = 0
        for seed in seeds {
            let start = try randomState(seed: seed)
            let n = start.instance.taskCount
            for u in 0..<n {
                for v in 0..<n {
                    guard let move = M.evaluate(start, u: u, v: v) else { continue }
                    var state = start
                    let before = penalisedTotal(state)
                    move.apply(to: &state)
                    let label = "\(M.self) seed \(seed) u \(u) v \(v)"
                    XCTAssertEqual(move.gain, before - penalisedTotal(state), accuracy: 1e-6, label)
                    XCTAssertGreaterThan(move.gain, 0, label)
                    assertConsistent(state, label)
                    checked += 1
                }
            }
        }
        return checked
    }

    func testRelocateGainIsTheCostChange() throws {
        XCTAssertGreaterThan(try checkGains(Relocate.self), 100)
    }

    func testSwapGainIsTheCostChange() throws {
        XCTAssertGreaterThan(try checkGains(Swap.self), 100)
    }

    func testTwoOptStarGainIsTheCostChange() throws {
        XCTAssertGreaterThan(try checkGains(TwoOptStar.self), 100)
    }

    func testTwoOptGainIsTheCostChange() throws {
        XCTAssertGreaterThan(try checkGains(TwoOpt.self), 20)
    }

    func testFlipGainIsTheCostChange() throws {
        XCTAssertGreaterThan(try checkGains(Flip.self), 10)
    }

    func testNewRouteGainIsTheCostChange() throws {
        XCTAssertGreaterThan(try checkGains(NewRoute.self), 10)
    }

    /// SWAP* on every pair of non-empty routes: its gain is the fall in
    /// penalised cost once applied, and no exchange or single move between
    /// the two routes, tried at every place in both directions, does better
    /// (the deadheads are shortest paths, so the triangle inequality holds
    /// and its bound is exact).
    func testSwapStarFindsTheBestExchangeOrMoveBetweenTwoRoutes() throws {
        var checked = 0
        for seed in UInt64(1)...6 {
            let start = try randomState(seed: seed)
            for a in start.routes.indices where !start.routes[a].isEmpty {
                for b in start.routes.indices where b != a && !start.routes[b].isEmpty {
                    let label = "SWAP* seed \(seed) routes \(a), \(b)"
                    let best = bruteForceExchange(start, a, b)
                    guard let move = SwapStar.best(start, a, b) else {
                        XCTAssertLessThanOrEqual(best, 1e-9, label)
                        continue
                    }
                    XCTAssertEqual(move.gain, best, accuracy: 1e-6, label)
                    var state = start
                    let before = penalisedTotal(state)
                    move.apply(to: &state)
                    XCTAssertEqual(move.gain, before - penalisedTotal(state), accuracy: 1e-6, label)
                    assertConsistent(state, label)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }

    /// Local search with SWAP* stops only where no pair of routes has a
    /// SWAP* left (every task is every other's neighbour here, so every
    /// pair of routes is linked); without it, on a narrow neighbourhood
    /// (the 5 nearest tasks), some do: moves only SWAP* finds.
    func testLocalSearchEndsWithNoSwapStarLeft() throws {
        var leftWithout = 0
        for seed in UInt64(1)...6 {
            for swapStar in [true, false] {
                var state = try randomState(seed: seed)
                var parameters = SolverParameters()
                parameters.swapStar = swapStar
                var rng = SplitMix64(seed: seed)
                let granularity = swapStar ? state.instance.taskCount : 5
                let neighbours = LocalSearch.neighbours(state.instance, granularity: granularity)
                LocalSearch(state.instance, neighbours: neighbours, parameters: parameters).run(&state, rng: &rng)
                let left = state.routes.indices.flatMap { a in
                    state.routes.indices.filter { b in
                        a < b && !state.routes[a].isEmpty && !state.routes[b].isEmpty
                            && SwapStar.best(state, a, b) != nil
                    }
                }
                if swapStar {
                    XCTAssertEqual(left, [], "seed \(seed): local search left a SWAP*")
                } else {
                    leftWithout += left.count
                }
            }
        }
        XCTAssertGreaterThan(leftWithout, 0, "without SWAP*, some local optimum should still have one")
    }

    /// The best gain of moving one task of a to any place of b, one of b to
    /// any place of a, or both at once, by recomputing the two routes.
    private func bruteForceExchange(_ s: RouteState, _ a: Int, _ b: Int) -> Double {
        let i = s.instance
        let before = s.penalised(a) + s.penalised(b)
        func ways(_ td: Int) -> [Int] { i.canFlip(td) ? [td & ~1, td | 1] : [td] }
        func placings(of td: Int?, into route: [Int]) -> [[Int]] {
            guard let td else { return [route] }
            return ways(td).flatMap { way in
                (0...route.count).map { position in
                    var placed = route
                    placed.insert(way, at: position)
                    return placed
                }
            }
        }
        func value(_ route: [Int]) -> Double {
            s.penalised(cost: i.routeCost(route), load: route.reduce(0) { $0 + i.dem($1) })
        }
        var best = -Double.infinity
        for k in -1..<s.routes[a].count {
            for m in -1..<s.routes[b].count where k >= 0 || m >= 0 {
                var restA = s.routes[a]
                var restB = s.routes[b]
                let u = k >= 0 ? restA.remove(at: k) : nil
                let v = m >= 0 ? restB.remove(at: m) : nil
                let bestA = placings(of: v, into: restA).map(value).min()!
                let bestB = placings(of: u, into: restB).map(value).min()!
                best = max(best, before - bestA - bestB)
            }
        }
        return best
    }

    /// Local search as a whole only lowers the penalised cost, and leaves
    /// consistent routes.
    func testLocalSearchOnlyImproves() throws {
        for seed in UInt64(1)...6 {
            var state = try randomState(seed: seed)
            let before = penalisedTotal(state)
            var rng = SplitMix64(seed: seed)
            let neighbours = LocalSearch.neighbours(state.instance, granularity: 25)
            LocalSearch(state.instance, neighbours: neighbours, parameters: SolverParameters()).run(&state, rng: &rng)
            XCTAssertLessThan(penalisedTotal(state), before, "seed \(seed)")
            assertConsistent(state, "local search seed \(seed)")
        }
    }
}
