import ArcRouting
import StreetNetwork
import Works
import XCTest

@testable import Planning

/// A job routed on near costs (beyond the solver's dense limit) from the
/// planner's searches: every visit placed, each round's path joined up from
/// the depot and back, at the cost of the same job on a dense table.
final class RoundBuilderTests: XCTestCase {
    /// A Tuesday job of `count` one-minute visits 100 m apart on the line
    /// town, one organisation's crews from a depot at 500 m.
    private struct LineJob {
        let town: LineTown
        let crews: CrewPool
        let crewClass: CrewPool.CrewClass
        let visits: [PlannedVisit]
        let job: RoutingJob

        init(count: Int, shiftHours: Double, limitSeconds: Int) throws {
            town = try LineTown()
            crews = try town.pool([try town.organisation("o", depotAt: 500, shiftHours: shiftHours)])
            crewClass = try XCTUnwrap(crews.classes.first)
            let town = town
            visits = (0..<count).map { town.stop(town.segment(at: Double($0) * 100), seconds: 60) }
            job = RoutingJob(
                key: RoutingJob.Key(day: .tuesday, crewClass: crewClass.key), pool: 0, crewClass: crewClass,
                visits: visits, startMinutes: 7 * 60, limitSeconds: limitSeconds)
        }
    }

    func testAJobBeyondTheDenseLimitIsRoutedOnTheSearchesNearCosts() throws {
        let line = try LineJob(count: 10, shiftHours: 0.1, limitSeconds: 6 * 60)
        let (town, crews, crewClass, visits, job) = (line.town, line.crews, line.crewClass, line.visits, line.job)
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

    /// When the solver refuses a job, each visit left out says why in the
    /// solver's words, not only that no round was found.
    func testASolverRefusalIsTheReasonGiven() throws {
        let line = try LineJob(count: 3, shiftHours: 1, limitSeconds: 60 * 60)
        var parameters = SolverParameters()
        parameters.timeLimit = nil
        parameters.maxIterations = 10
        parameters.decompositionPeriod = 0
        let routed = RoundBuilder(streets: line.town.streets).build(line.job, crews: line.crews, parameters: parameters)
        XCTAssertEqual(routed.rounds.count, 0)
        XCTAssertEqual(routed.unplaced.count, 3)
        for left in routed.unplaced {
            XCTAssertTrue(left.reason.hasPrefix("the route solver refused this day's job: "), left.reason)
            XCTAssertTrue(left.reason.contains("decompositionPeriod is 0, must be at least 1"), left.reason)
        }
    }

    func testLoadsAreCountedFinelyEnoughForASmallCapacity() {
        XCTAssertEqual(RoundBuilder.LoadUnits(capacity: 6_000).scale, 1, "kg of salt stay kg")
        let half = RoundBuilder.LoadUnits(capacity: 0.5)
        XCTAssertEqual(half.capacity, 5_000)
        XCTAssertEqual(RoundBuilder.LoadUnits(capacity: 0.001).capacity, 1_000)
        XCTAssertEqual(RoundBuilder.LoadUnits(capacity: 999.9).capacity, 9_999)
        func visit(_ demand: Double) -> PlannedVisit {
            PlannedVisit(segment: 0, day: .tuesday, parts: [], serviceSeconds: 60, demand: demand)
        }
        XCTAssertEqual(half.demand(visit(0.04)), 400)
        XCTAssertEqual(half.demand(visit(0)), 1, "at least one unit")
        XCTAssertEqual(half.demand(visit(1e300)), 5_001, "beyond the capacity, one more than it")
        XCTAssertEqual(RoundBuilder.LoadUnits.text(0.5), "0.5")
        XCTAssertEqual(RoundBuilder.LoadUnits.text(6_000), "6000")
    }

    /// A crew of 0.5 t and visits of 0.1 t: two or more rounds, none over 0.5 t (the capacity was once
    /// counted as 0, and every visit left out as "7 of 0").
    func testASmallCapacityInTonnesIsRouted() throws {
        let line = try LineJob(count: 10, shiftHours: 8, limitSeconds: 8 * 3600)
        var job = line.job
        job.crewClass.capacity = 0.5
        for k in job.visits.indices { job.visits[k].demand = 0.1 }
        var parameters = SolverParameters()
        parameters.timeLimit = nil
        parameters.maxIterations = 100
        let routed = RoundBuilder(streets: line.town.streets).build(job, crews: line.crews, parameters: parameters)
        XCTAssertEqual(routed.unplaced.map(\.reason), [])
        XCTAssertGreaterThanOrEqual(routed.rounds.count, 2)
        XCTAssertTrue(routed.rounds.allSatisfy { $0.load <= 0.5 + 1e-9 }, "\(routed.rounds.map(\.load))")
        job.visits[0].demand = 7
        let heavy = RoundBuilder(streets: line.town.streets).build(job, crews: line.crews, parameters: parameters)
        XCTAssertEqual(heavy.unplaced.count, 1)
        let reason = heavy.unplaced[0].reason
        XCTAssertTrue(reason.hasSuffix("needs more than a full load (7 of 0.5)"), reason)
    }
}
