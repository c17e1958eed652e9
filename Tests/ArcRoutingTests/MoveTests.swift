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
