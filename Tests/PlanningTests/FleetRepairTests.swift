import Geometry
import StreetNetwork
import TestSupport
import XCTest

@testable import Planning
@testable import Works

/// Finite crews on a drawn town: every round has a real crew within its
/// shift on its days; work beyond the fleet moves to another crew with time,
/// else is reported as a shortfall in crew hours, and the plan stays
/// feasible.
final class FleetRepairTests: XCTestCase {
    // Two rows of 100 m blocks, 50 m apart; depots at a (west) and d (east).
    private let picture = """
        a         b         c         d




        e         f         g         h
        """
    private let origin = Point(x: 430_000, y: 290_000)

    private func lonLat(_ x: Double, _ y: Double) throws -> LonLat {
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        return try XCTUnwrap(projection.unproject(Point(x: origin.x + x, y: origin.y + y)))
    }

    private func organisation(
        _ id: String, depotAt x: Double, shiftHours: Double,
        days: [Weekday] = Weekday.workingWeek,
        skills: [String] = ["sweeping"]
    ) throws -> Organisation {
        let crew = Organisation.Crew(
            id: "\(id)-1", depot: "\(id)-yard", vehicleType: "van", skills: skills,
            shiftHours: shiftHours, capacity: nil, capacityUnit: nil, costPerHour: 30,
            costPerKm: 0.5, co2ePerKm: 0.2, days: days)
        let depot = Organisation.Depot(id: "\(id)-yard", name: id, location: try lonLat(x, 0))
        return Organisation(id: id, name: id, depots: [depot], crews: [crew])
    }

    /// Six hours of sweeping that must be done on Tuesday, all of it the west partner's.
    /// Tuesday-only tasks of `minutes` (an hour) on each of the first six streets: `work` gives (organisation,
    /// activity).
    private func plan(
        _ organisations: [Organisation], mode: PlanMode,
        work: [(String, String)] = [("west", "sweeping")],
        minutes: Double = 60,
        compatibility: Compatibility = Compatibility(pairs: [], orderRules: []),
        configure: (inout PlanOptions) -> Void = { _ in }
    ) throws -> WeeklyPlan {
        try plan(organisations, mode: mode, compatibility: compatibility, configure: configure) { network in
            work.flatMap { org, activity in
                network.segments.prefix(6).enumerated().map { k, s in
                    let task = StreetTask(
                        organisation: org, taskID: "\(activity)-\(k)", activity: activity,
                        frequency: .weekly, weekdays: [.tuesday], serviceMinutes: minutes)
                    return MatchedTask(task: task, segments: [s.id])
                }
            }
        }
    }

    /// The plan of the tasks `tasks` makes on the drawn town.
    private func plan(
        _ organisations: [Organisation], mode: PlanMode, compatibility: Compatibility,
        configure: (inout PlanOptions) -> Void, tasks: (StreetNetwork) -> [MatchedTask]
    ) throws -> WeeklyPlan {
        let network = try drawnNetwork(picture, ["abcd", "efgh", "ae", "bf", "cg", "dh"], origin: origin)
        let registry = OrganisationRegistry(organisations)
        let planner = WeeklyPlanner(
            network: network, catalogue: try shippedCatalogue(), registry: registry,
            compatibility: compatibility)
        var options = PlanOptions(week: ISOWeek(year: 2026, week: 10))
        options.iterations = 50
        configure(&options)
        return try planner.plan(tasks(network), options: options, mode: mode)
    }

    private func assertFeasible(
        _ plan: WeeklyPlan, _ registry: [Organisation], file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let crews = Dictionary(uniqueKeysWithValues: registry.flatMap(\.crews).map { ($0.id, $0) })
        for r in plan.rounds {
            guard let crew = crews[r.crew], let day = r.day else {
                return XCTFail("\(r.id): no crew", file: file, line: line)
            }
            XCTAssertFalse(r.extraShift, r.id, file: file, line: line)
            XCTAssertTrue(
                crew.days.contains(day), "\(r.id) on \(day), a day \(crew.id) does not work",
                file: file, line: line)
        }
        // On the week's clock, so a round past midnight counts against the next day's.
        for (crew, rounds) in Dictionary(grouping: plan.rounds, by: \.crew) {
            let spans = rounds.map { r in
                let start = (r.day?.rawValue ?? 0) * 1440 + r.startMinutes
                return (start, start + (r.seconds + 59) / 60)
            }.sorted { $0.0 < $1.0 }
            XCTAssertTrue(
                zip(spans, spans.dropFirst()).allSatisfy { $0.1 <= $1.0 }, "\(crew) in two rounds at once",
                file: file, line: line)
        }
        for (crew, rounds) in Dictionary(grouping: plan.rounds, by: { "\($0.day?.code ?? "")|\($0.crew)" }) {
            let spans = rounds.map { ($0.startMinutes, $0.startMinutes + ($0.seconds + 59) / 60) }
                .sorted { $0.0 < $1.0 }
            let shift = crews[rounds[0].crew].map { Int($0.shiftHours * 60) } ?? 0
            XCTAssertLessThanOrEqual(
                (spans.last?.1 ?? 0) - (spans.first?.0 ?? 0), shift, "\(crew) beyond its shift",
                file: file, line: line)
        }
    }

    func testAWeekBeyondTheFleetReportsTheShortfallAndStaysFeasible() throws {
        let west = try organisation("west", depotAt: 0, shiftHours: 2)
        let plan = try plan([west], mode: .baseline)
        assertFeasible(plan, [west])
        XCTAssertFalse(plan.rounds.isEmpty, "a crew still does what fits")
        let shortfall = try XCTUnwrap(plan.shortfalls.first)
        XCTAssertEqual(shortfall.day, .tuesday)
        XCTAssertEqual(shortfall.depot, "west-yard")
        XCTAssertGreaterThan(shortfall.crewHours, 3, "six hours of work, two of shift")
        XCTAssertTrue(shortfall.noOtherDay)
        XCTAssertTrue(shortfall.description.hasPrefix("Tuesday, west-yard (west): "), shortfall.description)
        let expected = "crew hours beyond 1 crew's shift; these tasks allow no other day"
        XCTAssertTrue(
            shortfall.description.contains(expected),
            shortfall.description)
        // Every visit is in a round or unplaced with the shortfall as its reason.
        let served = plan.rounds.reduce(0) { $0 + $1.stops.count }
        XCTAssertEqual(served + plan.unplaced.count, 6)
        let reason = "no crew has time left for it: \(shortfall.description)"
        XCTAssertTrue(
            plan.unplaced.allSatisfy { $0.reason == reason },
            "\(plan.unplaced.map(\.reason))")
    }

    func testWorkBeyondOneCrewMovesToAnotherPartnersCrewWithTime() throws {
        let west = try organisation("west", depotAt: 0, shiftHours: 2)
        let east = try organisation("east", depotAt: 300, shiftHours: 8)
        let shared = try plan([west, east], mode: .shared)
        assertFeasible(shared, [west, east])
        XCTAssertTrue(shared.shortfalls.isEmpty, "\(shared.shortfalls.map(\.description))")
        XCTAssertTrue(shared.unplaced.isEmpty, "\(shared.unplaced.map(\.reason))")
        XCTAssertTrue(shared.rounds.contains { $0.crew == "east-1" }, "the east crew takes what west cannot")
        // Alone, west cannot: the baseline reports it.
        let baseline = try plan([west, east], mode: .baseline)
        assertFeasible(baseline, [west, east])
        XCTAssertFalse(baseline.shortfalls.isEmpty)
    }

    /// The capacitated assignment sends work beyond the west crew's day east before routing; the
    /// nearest-depot rule without repair leaves it as a shortfall.
    func testCapacitatedAssignmentBalancesBeforeRouting() throws {
        let west = try organisation("west", depotAt: 0, shiftHours: 2)
        let east = try organisation("east", depotAt: 300, shiftHours: 8)
        let capacitated = try plan([west, east], mode: .shared) { $0.fleetRepair = false }
        assertFeasible(capacitated, [west, east])
        XCTAssertTrue(capacitated.shortfalls.isEmpty, "\(capacitated.shortfalls.map(\.description))")
        XCTAssertEqual(Set(capacitated.rounds.map(\.crew)), ["west-1", "east-1"], "both crews work")
        let nearest = try plan([west, east], mode: .shared) {
            $0.fleetRepair = false
            $0.crewAssignment = .nearestDepot
        }
        assertFeasible(nearest, [west, east])
        XCTAssertFalse(nearest.shortfalls.isEmpty, "all of it to the west crew, which cannot do it")
    }

    /// Merged stops only the west mower crew can do, beyond its day: taken apart, the litter picks go
    /// to the east crew.
    func testMergedStopsBeyondTheirCrewAreTakenApart() throws {
        let west = try organisation("west", depotAt: 0, shiftHours: 2, skills: ["grass_cutting", "litter_picking"])
        let east = try organisation("east", depotAt: 300, shiftHours: 8, skills: ["litter_picking"])
        let pair = Compatibility.Pair(combine: true, conflict: false, why: "one crew")
        let table = Compatibility(pairs: [("grass_cutting", "litter_picking", pair)], orderRules: [])
        let work = [("west", "grass_cutting"), ("east", "litter_picking")]
        let shared = try plan([west, east], mode: .shared, work: work, minutes: 20, compatibility: table)
        assertFeasible(shared, [west, east])
        let eastStops = shared.rounds.filter { $0.crew == "east-1" }.flatMap(\.stops)
        XCTAssertFalse(eastStops.isEmpty, "the east crew takes litter picks")
        XCTAssertTrue(eastStops.allSatisfy { $0.visit.activities == ["litter_picking"] })
        XCTAssertFalse(
            shared.unplaced.contains { $0.visit.activities.contains("litter_picking") },
            "\(shared.unplaced.map(\.visit.activities))")
    }

    func testNoCrewWorksOnADayOffAndTheVisitSaysWhy() throws {
        let west = try organisation("west", depotAt: 0, shiftHours: 8, days: [.monday])
        let plan = try plan([west], mode: .baseline)
        XCTAssertTrue(plan.rounds.isEmpty)
        XCTAssertEqual(plan.unplaced.count, 6)
        XCTAssertTrue(
            plan.unplaced.allSatisfy { $0.reason.contains("works on tuesday") },
            "\(plan.unplaced.map(\.reason))")
    }

    /// A night crew out past midnight on Monday is not booked for Tuesday's early hours as well: the
    /// early work goes to no one (a shortfall) rather than to a crew still out.
    func testACrewOutPastMidnightIsNotBookedTwice() throws {
        let west = try organisation("west", depotAt: 0, shiftHours: 8)
        let night = try plan([west], mode: .baseline, compatibility: Compatibility(pairs: [], orderRules: [])) {
            $0.shiftStartMinutes = 20 * 60
        } tasks: { network in
            let monday = network.segments.prefix(5).enumerated().map { k, s in
                MatchedTask(
                    task: StreetTask(
                        organisation: "west", taskID: "night-\(k)", activity: "sweeping", frequency: .weekly,
                        weekdays: [.monday], serviceMinutes: 60),
                    segments: [s.id])
            }
            let early = StreetTask(
                organisation: "west", taskID: "early", activity: "sweeping", frequency: .weekly,
                weekdays: [.tuesday], hours: TimeWindow(start: 0, end: 3 * 60), serviceMinutes: 30)
            return monday + [MatchedTask(task: early, segments: [network.segments[5].id])]
        }
        assertFeasible(night, [west])
        let monday = try XCTUnwrap(night.rounds.first { $0.day == .monday })
        XCTAssertGreaterThan(monday.startMinutes * 60 + monday.seconds, 24 * 3600, "Monday's round runs past midnight")
        XCTAssertFalse(night.rounds.contains { $0.day == .tuesday }, "the only crew is still out at 00:00")
        XCTAssertEqual(night.unplaced.flatMap { $0.visit.parts.map(\.taskID) }, ["early"])
    }
}
