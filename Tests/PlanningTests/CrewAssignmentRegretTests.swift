import XCTest

@testable import Planning
@testable import Works

/// The capacitated regret heuristic on a drawn street: regrets recounted
/// as classes fill.
final class CrewAssignmentRegretTests: XCTestCase {
    /// Classes A (depot at 0 m) and C (at 200 m) have room for one stop each, D (at 1,000 m) for all.
    /// p (at 0 m, A or D) goes first; q (at 100 m) is as near A as C, so it loses nothing up front, but
    /// once A is full it loses the drive from D; r (at 300 m, C or D) loses less than that. Recounted,
    /// q takes C's room and r goes to D; counted once, r would take C and q would drive from D.
    func testARegretRecountedWhenTheFirstClassFillsPicksTheRightClass() throws {
        let town = try LineTown()
        let a = try town.organisation("a", depotAt: 0, shiftHours: 1)
        let c = try town.organisation("c", depotAt: 200, shiftHours: 1)
        let d = try town.organisation("d", depotAt: 1_000, shiftHours: 8)
        let crews = try town.pool([a, c, d])
        func crewClass(_ id: String) throws -> CrewPool.CrewClass {
            try XCTUnwrap(crews.classes.first { $0.organisation == id })
        }
        // 2,000 s of work: one stop fills a one-hour shift's room (80%, 2,880 s), two do not fit.
        let stops = [0.0, 100, 300].map { town.stop(town.segment(at: $0), seconds: 2_000) }
        XCTAssertFalse(stops.contains { $0.segment < 0 })
        let ranked = [
            [try crewClass("a"), try crewClass("d")],
            [try crewClass("a"), try crewClass("c"), try crewClass("d")],
            [try crewClass("c"), try crewClass("d")]
        ]
        let choices = CrewAssignment.capacitated(stops, ranked: ranked, crews: crews, network: town.network)
        XCTAssertEqual(choices.map { $0.crewClass?.organisation }, ["a", "c", "d"])
        XCTAssertFalse(choices.contains { $0.overflow }, "every stop had a class with room")
    }

    /// A stop no able class has room for goes to the able class with most room, flagged as overflow.
    func testAStopNoClassHasRoomForGoesToTheOneWithMostRoomAsOverflow() throws {
        let town = try LineTown()
        let a = try town.organisation("a", depotAt: 0, shiftHours: 1)
        let c = try town.organisation("c", depotAt: 200, shiftHours: 2)
        let crews = try town.pool([a, c])
        let stops = [town.stop(town.segment(at: 0), seconds: 7_000)]
        let choices = CrewAssignment.capacitated(stops, ranked: [crews.classes], crews: crews, network: town.network)
        XCTAssertEqual(choices.first?.crewClass?.organisation, "c")
        XCTAssertEqual(choices.first?.overflow, true)
    }
}
