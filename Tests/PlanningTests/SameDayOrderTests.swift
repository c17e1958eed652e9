import Foundation
import Geometry
import StreetNetwork
import TestSupport
import Works
import XCTest

@testable import Planning

/// Order within a day: a grass cut and a sweep of one street pinned to the
/// same Wednesday, by two partners' crews. The mower's garage is at a, 1 km
/// west; the council's sweeper yard at c, on the street itself, so the
/// sweeper would be there first.
///
///     a ... (1 km) ... b    c
final class SameDayOrderTests: XCTestCase {
    static let picture = "a" + String(repeating: " ", count: 99) + "b    c"
    static let origin = Point(x: 486_000, y: 308_000)

    struct Fixture {
        var planner: WeeklyPlanner
        var street: [Int]
    }

    func fixture() throws -> Fixture {
        let map = DrawnMap(Self.picture)
        let lines = ["ab", "bc"].enumerated().map { k, names in
            StreetLine(
                featureIndex: k, sourceID: "way/\(k)", name: k == 0 ? "Long Lane" : "Church Street",
                roadClass: "residential", oneWay: false, speedKmh: 36,
                points: map.path(names).map { Point(x: Self.origin.x + $0.x, y: Self.origin.y + $0.y) })
        }
        let network = try StreetNetwork(lines: lines, crs: .britishNationalGrid)
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        func depot(_ id: String, at point: Character) -> Organisation.Depot {
            let p = map.path(String(point))[0]
            let at = Point(x: Self.origin.x + p.x, y: Self.origin.y + p.y)
            return Organisation.Depot(id: id, name: id, location: projection.unproject(at) ?? LonLat(lon: 0, lat: 0))
        }
        func crew(_ id: String, depot: String, skill: String) -> Organisation.Crew {
            Organisation.Crew(
                id: id, depot: depot, vehicleType: skill, skills: [skill], shiftHours: 7.5, capacity: nil,
                capacityUnit: nil, costPerHour: 40, costPerKm: 1, co2ePerKm: 0.3)
        }
        let registry = OrganisationRegistry([
            Organisation(
                id: "council", name: "Council", depots: [depot("yard", at: "c")],
                crews: [crew("C-1", depot: "yard", skill: "sweeping")]),
            Organisation(
                id: "housing", name: "Housing", depots: [depot("garage", at: "a")],
                crews: [crew("H-1", depot: "garage", skill: "grass_cutting")])
        ])
        let root = SharedData.projectRoot
        let catalogue = try shippedCatalogue()
        let table = try Compatibility(
            contentsOf: root.appendingPathComponent("data/compatibility.json"), catalogue: catalogue)
        let planner = WeeklyPlanner(network: network, catalogue: catalogue, registry: registry, compatibility: table)
        let street = network.segments.filter { $0.name == "Church Street" }.map(\.id)
        return Fixture(planner: planner, street: street)
    }

    /// The grass cut and the sweep of Church Street, Wednesday only; the
    /// sweep's hours when given.
    func tasks(_ f: Fixture, sweepHours: TimeWindow? = nil) -> [MatchedTask] {
        let cut = StreetTask(
            organisation: "housing", taskID: "GC-1", activity: "grass_cutting", frequency: .weekly,
            weekdays: [.wednesday])
        let sweep = StreetTask(
            organisation: "council", taskID: "SW-1", activity: "sweeping", frequency: .weekly,
            weekdays: [.wednesday], hours: sweepHours)
        return [MatchedTask(task: cut, segments: f.street), MatchedTask(task: sweep, segments: f.street)]
    }

    /// When (seconds after midnight) the first stop of `activity` begins and ends.
    private func served(_ plan: WeeklyPlan, _ activity: String) throws -> (begins: Int, done: Int) {
        let round = try XCTUnwrap(plan.rounds.first { $0.stops.contains { $0.visit.activities.contains(activity) } })
        let stop = try XCTUnwrap(round.stops.first { $0.visit.activities.contains(activity) })
        return (round.startMinutes * 60 + stop.arrival, round.startMinutes * 60 + stop.departure)
    }

    func testTheSweepStartsLaterSoTheGrassIsCutFirst() throws {
        let f = try fixture()
        var options = PlanOptions(week: try XCTUnwrap(ISOWeek(parsing: "2026-W48")))
        options.iterations = 20
        let plan = try f.planner.plan(tasks(f), options: options, mode: .shared)
        XCTAssertTrue(plan.unplaced.isEmpty, "\(plan.unplaced)")
        XCTAssertEqual(Set(plan.rounds.compactMap(\.day)), [.wednesday])
        let cut = try served(plan, "grass_cutting")
        let sweep = try served(plan, "sweeping")
        XCTAssertLessThanOrEqual(cut.done, sweep.begins)
        // Rostered, the sweeper would have started at the shift start, on the street at once: it was moved.
        let sweeper = try XCTUnwrap(plan.rounds.first { $0.crew == "C-1" })
        XCTAssertGreaterThan(sweeper.startMinutes, options.shiftStartMinutes)
        XCTAssertEqual(plan.orderConflicts, [])
    }

    func testASweepThatKeepsItsHoursBeforeTheCutIsReported() throws {
        let f = try fixture()
        var options = PlanOptions(week: try XCTUnwrap(ISOWeek(parsing: "2026-W48")))
        options.iterations = 20
        let hours = TimeWindow(start: options.shiftStartMinutes, end: options.shiftStartMinutes + 60)
        let plan = try f.planner.plan(tasks(f, sweepHours: hours), options: options, mode: .shared)
        let conflict = try XCTUnwrap(plan.orderConflicts.first)
        XCTAssertEqual(plan.orderConflicts.count, 1)
        XCTAssertEqual(conflict.day, .wednesday)
        XCTAssertEqual(conflict.street, "Church Street")
        XCTAssertEqual(conflict.first, "grass_cutting")
        XCTAssertEqual(conflict.then, "sweeping")
        XCTAssertTrue(conflict.description.contains("Wednesday, Church Street"), conflict.description)
        XCTAssertTrue(conflict.reason.contains("keeps its hours"), conflict.reason)
        XCTAssertEqual(conflict.organisations, ["council", "housing"], "the sweep's and the cut's organisations")
        func round(serving activity: String) throws -> String {
            try XCTUnwrap(plan.rounds.first { $0.stops.contains { $0.visit.activities == [activity] } }).id
        }
        XCTAssertEqual(
            conflict.rounds, [try round(serving: "grass_cutting"), try round(serving: "sweeping")],
            "the first activity's round, then the other's")
    }

    func testRoundsOfOneCrewAreDoneInTheOtherOrderWhenTheyBreakARule() throws {
        // One crew, two rounds back to back from 07:00: the sweep round first, then the cut round.
        func stop(_ activity: String, arrival: Int) -> Round.Stop {
            let part = PlannedVisit.Part(organisation: "o", taskID: activity, activity: activity)
            let visit = PlannedVisit(segment: 0, day: .monday, parts: [part], serviceSeconds: 60, demand: 0)
            return Round.Stop(visit: visit, reversed: false, arrival: arrival, departure: arrival + 60)
        }
        func round(_ id: String, start: Int, _ s: Round.Stop) -> Round {
            Round(
                id: id, day: .monday, organisation: "o", crew: "X", depot: "d", startMinutes: start, stops: [s],
                path: [], seconds: 600, serviceSeconds: 60, metres: 0, deadheadMetres: 0, load: 0, extraShift: false)
        }
        let rounds = [
            round("sweep", start: 420, stop("sweeping", arrival: 60)),
            round("cut", start: 430, stop("grass_cutting", arrival: 60))
        ]
        let rules = try Compatibility(
            contentsOf: SharedData.projectRoot.appendingPathComponent("data/compatibility.json"),
            catalogue: try shippedCatalogue()
        ).orderRules
        let order = SameDayOrder(orderRules: rules, shiftMinutes: ["o|X": 60], network: try drawnNetwork("a b", ["ab"]))
        XCTAssertEqual(order.breaches(rounds).count, 1)
        let ordered = order.order(rounds)
        // The cut round keeps its start (a start another rule set stays); the sweep round follows it.
        XCTAssertEqual(ordered.rounds.map(\.startMinutes), [440, 430])
        XCTAssertEqual(ordered.conflicts, [])
        // A shift too short for both is reported, not stretched.
        let tight = SameDayOrder(orderRules: order.orderRules, shiftMinutes: ["o|X": 15], network: order.network)
        XCTAssertEqual(tight.order(rounds).conflicts.count, 1)
    }

    /// Crew Y's Monday sweep must wait for crew X's cut; delayed, it would end after midnight, when Y's first
    /// Tuesday round begins: reported, not booked twice.
    func testADelayNeverRunsIntoTheCrewsNextDay() throws {
        func round(_ id: String, crew: String, day: Weekday, start: Int, _ activity: String) -> Round {
            Self.oneStopRound(id, crew: crew, day: day, start: start, activity, stop: (60, 120), seconds: 600)
        }
        let order = try Self.twoCrewOrder()
        let monday = [
            round("cut", crew: "X", day: .monday, start: 23 * 60 + 50, "grass_cutting"),
            round("sweep", crew: "Y", day: .monday, start: 23 * 60 + 45, "sweeping")
        ]
        XCTAssertEqual(order.order(monday).rounds.map(\.startMinutes), [23 * 60 + 50, 23 * 60 + 51], "delayed")
        let tuesday = round("early", crew: "Y", day: .tuesday, start: 0, "litter_picking")
        let ordered = order.order(monday + [tuesday])
        XCTAssertEqual(ordered.rounds.map(\.startMinutes), [23 * 60 + 50, 23 * 60 + 45, 0], "not delayed")
        XCTAssertEqual(ordered.conflicts.count, 1)
        let reason = ordered.conflicts[0].reason
        XCTAssertTrue(reason.hasSuffix("end after its first round of the next day (00:00 next day)"), reason)
    }

    /// Monday's grass cut runs past midnight; Tuesday's sweep of the same street at 00:02 waits for it, or,
    /// keeping its hours, is reported on Tuesday.
    func testARuleHoldsAcrossMidnight() throws {
        func round(_ id: String, crew: String, day: Weekday, start: Int, _ activity: String, hours: Bool) -> Round {
            Self.oneStopRound(
                id, crew: crew, day: day, start: start, activity, stop: (7_200, 10_800), seconds: 11_000,
                window: hours ? TimeWindow(start: 0, end: 120) : nil)
        }
        let order = try Self.twoCrewOrder()
        // The cut: Monday 23:30 + 2 h to the street, done at 02:30 on Tuesday; the sweep there at 02:00.
        let cut = round("cut", crew: "X", day: .monday, start: 23 * 60 + 30, "grass_cutting", hours: false)
        let sweep = round("sweep", crew: "Y", day: .tuesday, start: 0, "sweeping", hours: false)
        XCTAssertEqual(order.breaches([cut, sweep]).count, 1)
        let ordered = order.order([cut, sweep])
        XCTAssertEqual(ordered.rounds[1].startMinutes, 30, "the sweep reaches the street at 02:30, as the cut ends")
        XCTAssertEqual(ordered.conflicts, [])
        let timed = round("sweep", crew: "Y", day: .tuesday, start: 0, "sweeping", hours: true)
        let kept = order.order([cut, timed])
        XCTAssertEqual(kept.conflicts.map(\.day), [.tuesday], "reported on the day it happens")
        let wednesday = round("sweep", crew: "Y", day: .wednesday, start: 0, "sweeping", hours: false)
        XCTAssertEqual(order.breaches([cut, wednesday]).count, 0, "a day apart")
    }

    func testConflictsAreSummedUpAStreetAtATime() {
        func conflict(_ day: Weekday, _ segment: Int, _ street: String) -> OrderConflict {
            OrderConflict(
                day: day, segment: segment, street: street, first: "grass_cutting", then: "sweeping",
                reason: "segment \(segment)")
        }
        let conflicts = [
            conflict(.monday, 124, "Shrewsbury Road"), conflict(.monday, 7, "Mill Lane"),
            conflict(.monday, 125, "Shrewsbury Road"), conflict(.tuesday, 126, "Shrewsbury Road")
        ]
        let streets = OrderConflict.byStreet(conflicts)
        XCTAssertEqual(streets.map(\.conflict.segment), [124, 7, 126], "the first segment of each, in order")
        XCTAssertEqual(streets.map(\.segments), [2, 1, 1])
    }
}

extension SameDayOrderTests {
    /// The shipped order rules for crews X and Y of organisation "o", 8-hour shifts, on a one-street town.
    static func twoCrewOrder() throws -> SameDayOrder {
        let rules = try Compatibility(
            contentsOf: SharedData.projectRoot.appendingPathComponent("data/compatibility.json"),
            catalogue: try shippedCatalogue()
        ).orderRules
        return SameDayOrder(
            orderRules: rules, shiftMinutes: ["o|X": 480, "o|Y": 480], network: try drawnNetwork("a b", ["ab"]))
    }

    /// A round of one stop of `activity` on segment 0, reached and left at `stop` seconds from its start.
    static func oneStopRound(
        _ id: String, crew: String, day: Weekday, start: Int, _ activity: String, stop: (arrival: Int, departure: Int),
        seconds: Int, window: TimeWindow? = nil
    ) -> Round {
        let part = PlannedVisit.Part(organisation: "o", taskID: activity, activity: activity)
        let visit = PlannedVisit(
            segment: 0, day: day, parts: [part], serviceSeconds: stop.departure - stop.arrival, demand: 0,
            window: window)
        return Round(
            id: id, day: day, organisation: "o", crew: crew, depot: "d", startMinutes: start,
            stops: [Round.Stop(visit: visit, reversed: false, arrival: stop.arrival, departure: stop.departure)],
            path: [], seconds: seconds, serviceSeconds: stop.departure - stop.arrival, metres: 0, deadheadMetres: 0,
            load: 0, extraShift: false)
    }
}
