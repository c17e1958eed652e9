import StreetNetwork
import TestSupport
import XCTest

@testable import Planning
@testable import Works

/// Stops to crew classes before routing, on a drawn street.
final class CrewAssignmentTests: XCTestCase {
    /// The routing jobs of a Tuesday on the line town: on each of the first six streets a grass cut of
    /// the west partner and a litter pick of the east one, twenty minutes each. The grass cut and the
    /// litter pick combine, and only west's mower crew (two hours' shift) can do both.
    private func jobs(fleetRepair: Bool) throws -> [RoutingJob] {
        let town = try LineTown()
        let west = try town.organisation(
            "west", depotAt: 0, skills: ["grass_cutting", "litter_picking"], shiftHours: 2)
        let east = try town.organisation("east", depotAt: 1_000, skills: ["litter_picking"])
        let pair = Compatibility.Pair(combine: true, conflict: false, why: "one crew")
        let planner = WeeklyPlanner(
            network: town.network, catalogue: try shippedCatalogue(), registry: OrganisationRegistry([west, east]),
            compatibility: Compatibility(pairs: [("grass_cutting", "litter_picking", pair)], orderRules: []))
        let tasks = [("west", "grass_cutting"), ("east", "litter_picking")].flatMap { org, activity in
            (0..<6).map { k in
                let task = StreetTask(
                    organisation: org, taskID: "\(activity)-\(k)", activity: activity,
                    frequency: .weekly, weekdays: [.tuesday], serviceMinutes: 20)
                return MatchedTask(task: task, segments: [town.segment(at: Double(k) * 100)])
            }
        }
        var options = PlanOptions(week: ISOWeek(year: 2026, week: 10))
        options.fleetRepair = fleetRepair
        return try planner.routingJobs(tasks, options: options, mode: .shared).jobs
    }

    /// Six merged stops of forty minutes are more than the mower crew's room (80% of two hours): those
    /// it has no room for are taken apart before routing, their litter picks going to the east crew;
    /// those that fit stay merged.
    func testAMergeThatWouldLeaveItsOnlyAbleCrewShortIsTakenApartBeforeRouting() throws {
        let jobs = try jobs(fleetRepair: true)
        let eastVisits = jobs.filter { $0.crewClass.organisation == "east" }.flatMap(\.visits)
        XCTAssertFalse(eastVisits.isEmpty, "the east crew takes the litter picks of the stops taken apart")
        XCTAssertTrue(eastVisits.allSatisfy { $0.activities == ["litter_picking"] })
        let westVisits = jobs.filter { $0.crewClass.organisation == "west" }.flatMap(\.visits)
        XCTAssertTrue(westVisits.contains { $0.activities.count == 2 }, "merged stops that fit stay merged")
        // Every task visit is in exactly one stop.
        let parts = (eastVisits + westVisits).flatMap(\.parts)
        XCTAssertEqual(parts.count, 12)
        XCTAssertEqual(Set(parts.map { "\($0.organisation)|\($0.taskID)" }).count, 12)
    }

    /// Without fleet repair (the simplest rule) the merged stops stay whole, all the mower crew's.
    func testWithoutRepairTheMergedStopsStayWhole() throws {
        let jobs = try jobs(fleetRepair: false)
        XCTAssertTrue(jobs.filter { $0.crewClass.organisation == "east" }.flatMap(\.visits).isEmpty)
        XCTAssertEqual(jobs.flatMap(\.visits).filter { $0.activities.count == 2 }.count, 6)
    }
}
