import ArcRouting
import StreetNetwork
import Works
import XCTest

@testable import Planning

/// A job routed on near costs (beyond the solver's dense limit) from the
/// planner's searches: every visit placed, each round's path joined up from
/// the depot and back, at the cost of the same job on a dense table.
final class RoundBuilderTests: XCTestCase {
    func testAJobBeyondTheDenseLimitIsRoutedOnTheSearchesNearCosts() throws {
        let town = try LineTown()
        let crews = try town.pool([try town.organisation("o", depotAt: 500, shiftHours: 0.1)])
        let crewClass = try XCTUnwrap(crews.classes.first)
        let visits = (0..<10).map { town.stop(town.segment(at: Double($0) * 100), seconds: 60) }
        let job = RoutingJob(
            key: RoutingJob.Key(day: .tuesday, crewClass: crewClass.key), pool: 0, crewClass: crewClass,
            visits: visits, startMinutes: 7 * 60, limitSeconds: 6 * 60)
        var parameters = SolverParameters()
        parameters.timeLimit = nil
        parameters.maxIterations = 100
        let builder = RoundBuilder(streets: town.streets)
        let dense = builder.build(job, crews: crews, parameters: parameters)
        parameters.denseTableTerminals = 2
        let near = builder.build(job, crews: crews, parameters: parameters)
        XCTAssertEqual(near.unplaced.count, 0)
        XCTAssertGreaterThan(near.rounds.count, 1, "a shift of 6 minutes takes a few streets at most")
        XCTAssertEqual(Set(near.rounds.flatMap { $0.stops.map(\.visit.segment) }), Set(visits.map(\.segment)))
        XCTAssertEqual(near.rounds.reduce(0) { $0 + $1.seconds }, dense.rounds.reduce(0) { $0 + $1.seconds })
        for round in near.rounds {
            XCTAssertLessThanOrEqual(round.seconds, job.limitSeconds, round.id)
            var at = crewClass.depotNode
            for step in round.path {
                let s = town.network.segments[step.segment]
                XCTAssertEqual(step.reversed ? s.to : s.from, at, "\(round.id): the path is joined up")
                at = step.reversed ? s.from : s.to
            }
            XCTAssertEqual(at, crewClass.depotNode, "\(round.id) ends at the depot")
        }
    }
}
