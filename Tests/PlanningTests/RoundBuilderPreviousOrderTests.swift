import ArcRouting
import XCTest

@testable import Planning

/// Last week's order as a routing solution, on a drawn line of junctions
/// 0 - 1 - 2 - 3 - 4 (10 s apart, the depot at 0) with three streets to
/// serve (5 s each): 1-2 (link 0), 2-3 (link 1) and 3-4 (link 2).
final class RoundBuilderPreviousOrderTests: XCTestCase {
    /// Deadhead along the line: 10 s per junction apart.
    struct LineCosts: CARPDeadheadCosts {
        func costs(from source: Int, to targets: [Int]) -> [Int] { targets.map { abs($0 - source) * 10 } }
    }

    func problem(capacity: Int = 10, maxRouteCost: Int? = nil) -> CARPProblem {
        let links = [(1, 2), (2, 3), (3, 4)].map {
            CARPProblem.Link(from: $0.0, to: $0.1, deadheadCost: 10, serviceCost: 5, demand: 1)
        }
        return CARPProblem(
            name: "line", nodeCount: 5, depot: 0, links: links, capacity: capacity, maxRouteCost: maxRouteCost,
            deadheadCosts: LineCosts())
    }

    func testTheCheapestDirectionsAreChosenAlongAKeptRoute() {
        var routes = KeptRoutes(problem: problem(), costs: LineCosts())
        // Last week: 2-3 first, then 1-2. Out 20 s to 2, serve to 3, back to 2, serve 2 to 1, home 10 s.
        let route = routes.directed([1, 0])
        XCTAssertEqual(route.services, [CARPService(link: 1, reversed: false), CARPService(link: 0, reversed: true)])
        XCTAssertEqual(route.cost, 20 + 5 + 10 + 5 + 10)
    }

    func testANewStreetGoesWhereItAddsLeastAndTheOldOrderStays() {
        var routes = KeptRoutes(problem: problem(), costs: LineCosts())
        routes.routes = [[0, 1]]
        routes.insert(2)
        XCTAssertEqual(routes.routes, [[0, 1, 2]], "at the end: 15 s more, against 35 s between and 55 s first")
        let solution = routes.solution()
        XCTAssertEqual(solution.cost, 65)
        XCTAssertTrue(CARPChecker.check(solution, for: problem()).isFeasible)
    }

    func testANewStreetWithNoRoomInAKeptRouteGetsARouteOfItsOwn() {
        // A load of 2 a round: the kept round is full.
        let tight = problem(capacity: 2)
        var routes = KeptRoutes(problem: tight, costs: LineCosts())
        routes.routes = [[0, 1]]
        routes.insert(2)
        XCTAssertEqual(routes.routes, [[0, 1], [2]])
        let solution = routes.solution()
        XCTAssertEqual(solution.cost, 50 + 75)
        XCTAssertTrue(CARPChecker.check(solution, for: tight).isFeasible)
        // A shift of 60 s: the kept round has room for no more (65 s), and the new street alone takes 75 s.
        var short = KeptRoutes(problem: problem(maxRouteCost: 60), costs: LineCosts())
        short.routes = [[0, 1]]
        short.insert(2)
        XCTAssertEqual(short.routes, [[0, 1], [2]])
        XCTAssertFalse(CARPChecker.check(short.solution(), for: problem(maxRouteCost: 60)).isFeasible)
    }

    /// Last week: one round on Monday, 2-3 then 1-2; 3-4 is new.
    func preferences() -> PlanPreferences {
        var p = PlanPreferences()
        for (position, segment) in [1, 0].enumerated() {
            p.add(
                PlanPreferences.VisitKey(organisation: "o", taskID: "t\(segment)", segment: segment),
                PlanPreferences.Placement(
                    day: .monday, crewOrganisation: "o", crew: "X", depot: "d", position: position, round: "mon-1"))
        }
        return p
    }

    func visits() -> [PlannedVisit] {
        (0..<3).map {
            PlannedVisit(
                segment: $0, day: .monday,
                parts: [PlannedVisit.Part(organisation: "o", taskID: "t\($0)", activity: "sweeping")],
                serviceSeconds: 5, demand: 0)
        }
    }

    func testLastWeeksRoundIsKeptWithinTheMarginAndDroppedBeyondIt() throws {
        let builder = RoundBuilder(streets: PlanningStreets(try drawnNetwork("a b", ["ab"])))
        let kept = try XCTUnwrap(
            builder.previousOrder(problem(), visits: visits(), day: .monday, preferences: preferences(), routeCount: 1))
        // Last week's round (2-3, then 1-2) with 3-4 at its cheapest place; tidying finds nothing cheaper.
        XCTAssertEqual(kept.routes.map { $0.map(\.link) }, [[1, 2, 0]])
        XCTAssertEqual(kept.cost, 65)
        func solved(_ cost: Int, routes: Int = 1) -> CARPSolution {
            CARPSolution(
                routes: Array(repeating: [CARPService(link: 0, reversed: false)], count: routes), cost: cost)
        }
        let near = solved(Int((Double(kept.cost) / 1.02).rounded(.up)))
        let far = solved(Int(Double(kept.cost) / 1.05))
        func chosen(_ solved: CARPSolution, _ p: PlanPreferences = PlanPreferences()) -> CARPSolution {
            builder.keepingOrder(solved, problem: problem(), visits: visits(), day: .monday, preferences: p)
        }
        XCTAssertEqual(chosen(near, preferences()), kept, "2% dearer than the solver: kept")
        XCTAssertEqual(chosen(far, preferences()), far, "5% dearer: the solver's")
        XCTAssertEqual(chosen(near), near, "no stored week (--fresh): the solver's")
        let fewer = solved(kept.cost, routes: 0)
        XCTAssertEqual(chosen(fewer, preferences()), fewer, "in fewer rounds than the kept ones: the solver's")
        let short = problem(maxRouteCost: 40)
        XCTAssertNil(
            builder.previousOrder(short, visits: visits(), day: .monday, preferences: preferences(), routeCount: 1),
            "beyond the shift: not kept")
        XCTAssertNil(
            builder.previousOrder(problem(), visits: visits(), day: .tuesday, preferences: preferences(), routeCount: 1)
        )
    }

    func testTidyingMendsADetourWithinARoundAndKeepsItsStreets() {
        var routes = KeptRoutes(problem: problem(), costs: LineCosts())
        routes.routes = [[2, 0, 1]]  // out to 3-4 first, back to 1-2, then 2-3: 105 s
        let before = routes.solution().cost
        XCTAssertEqual(before, 105)
        routes.tidy()
        XCTAssertEqual(routes.routes, [[1, 2, 0]], "3-4 moved after 2-3: out to the end once, 1-2 on the way back")
        XCTAssertEqual(routes.solution().cost, 65)
        XCTAssertLessThan(routes.solution().cost, before)
        routes.tidy()
        XCTAssertEqual(routes.routes, [[1, 2, 0]], "nothing left to mend")
    }

    func testCompactingDissolvesTheSmallestRoundOnlyWhereItsStopsFit() {
        var roomy = KeptRoutes(problem: problem(), costs: LineCosts())
        roomy.routes = [[0, 1], [2]]
        roomy.compact(to: 1)
        XCTAssertEqual(roomy.routes, [[0, 1, 2]])
        var full = KeptRoutes(problem: problem(capacity: 2), costs: LineCosts())
        full.routes = [[0, 1], [2]]
        full.compact(to: 1)
        XCTAssertEqual(full.routes, [[0, 1], [2]], "no room: the rounds as they were")
    }

    func testRoundsSortByTheirNumberNotAsText() {
        let ids = ["mon-o-d-van-10", "mon-o-d-van-2", "mon-o-d-van-1", "mon-o-d-van-x"]
        XCTAssertEqual(
            ids.sorted { RoundBuilder.roundNumber($0) < RoundBuilder.roundNumber($1) },
            ["mon-o-d-van-1", "mon-o-d-van-2", "mon-o-d-van-10", "mon-o-d-van-x"])
    }
}
