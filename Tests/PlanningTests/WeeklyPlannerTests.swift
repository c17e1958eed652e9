import Foundation
import Geometry
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

@testable import Planning

/// The planner on the sample town: the invariants the issue names.
final class WeeklyPlannerTests: XCTestCase {
    struct Sample {
        var network: StreetNetwork
        var planner: WeeklyPlanner
        var tasks: [MatchedTask]
        var shared: WeeklyPlan
        var baseline: WeeklyPlan
        var options: PlanOptions
    }

    nonisolated(unsafe) static var cached: Sample?  // planned once; XCTest runs tests one at a time

    func sample() throws -> Sample {
        if let cached = Self.cached { return cached }
        let root = SharedData.projectRoot
        let read = try StreetFile.read(root.appendingPathComponent("data/sample-town/streets.geojson"))
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        let catalogue = try shippedCatalogue()
        let registry = try shippedRegistry()
        let table = try Compatibility(
            contentsOf: root.appendingPathComponent("data/compatibility.json"), catalogue: catalogue)
        let matcher = TaskMatcher(
            index: SegmentIndex(network), projection: try Projection(from: .wgs84, to: network.crs))
        var tasks: [MatchedTask] = []
        let folder = root.appendingPathComponent("data/sample-town/tasks")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let list = try XCTUnwrap(
                try shippedReader().read(Data(contentsOf: folder.appendingPathComponent(name))).list)
            for t in list.tasks {
                tasks.append(MatchedTask(task: t, segments: try matcher.match(t).get().map(\.segment)))
            }
        }
        var options = PlanOptions(week: ISOWeek(parsing: "2026-W48")!)
        options.iterations = 30
        options.seconds = 60
        let planner = WeeklyPlanner(network: network, catalogue: catalogue, registry: registry, compatibility: table)
        let made = Sample(
            network: network, planner: planner, tasks: tasks,
            shared: try planner.plan(tasks, options: options, mode: .shared),
            baseline: try planner.plan(tasks, options: options, mode: .baseline), options: options)
        Self.cached = made
        return made
    }

    /// (organisation, task, segment) of every task visit a plan placed or listed as unplaced.
    private func servedParts(_ plan: WeeklyPlan) -> [String: Int] {
        var count: [String: Int] = [:]
        for r in plan.rounds {
            for stop in r.stops {
                for p in stop.visit.parts {
                    count["\(p.organisation)|\(p.taskID)|\(stop.visit.segment)", default: 0] += 1
                }
            }
        }
        for u in plan.unplaced where u.visit.parts.first?.activity != "gritting" {
            for p in u.visit.parts { count["\(p.organisation)|\(p.taskID)|\(u.visit.segment)", default: 0] += 1 }
        }
        return count
    }

    /// Found by a hostile tester: organisation "town" with depot "council-town-yard" and "town-council" with
    /// "town-yard" made the same round ids, and 12 GPX files overwrote each other.
    func testRoundIdsAreMadeUnique() {
        func round(_ id: String) -> Round {
            Round(
                id: id, day: .monday, organisation: "o", crew: "", depot: "yard", startMinutes: 0, stops: [],
                path: [], seconds: 0, serviceSeconds: 0, metres: 0, deadheadMetres: 0, load: 0, extraShift: false)
        }
        let (rounds, gritting) = WeeklyPlanner.uniqueIDs(
            [round("mon-a-b-van-1"), round("mon-a-b-van-1"), round("mon-a-b-van-1-b"), round("mon-a-b-van-1")],
            gritting: [round("mon-a-b-van-1")])
        XCTAssertEqual(
            rounds.map(\.id) + gritting.map(\.id),
            ["mon-a-b-van-1", "mon-a-b-van-1-c", "mon-a-b-van-1-b", "mon-a-b-van-1-d", "mon-a-b-van-1-e"],
            "a round whose own id ends in -b keeps it")
    }

    func testEveryVisitOfTheWeekAppearsExactlyOnceOrIsUnplaced() throws {
        let s = try sample()
        var expected: [String: Int] = [:]
        for matched in s.tasks where matched.task.activity != "gritting" {
            let (task, segments) = (matched.task, matched.segments)
            let visits = VisitPlan(
                task, from: s.options.week.monday, to: s.options.week.date(of: .sunday),
                anchor: s.options.fortnightAnchor
            ).totalVisits
            for seg in segments where visits > 0 {
                expected["\(task.organisation)|\(task.taskID)|\(seg)", default: 0] += visits
            }
        }
        XCTAssertEqual(servedParts(s.shared), expected)
        XCTAssertEqual(servedParts(s.baseline), expected)  // baseline and shared serve the same visits
        XCTAssertEqual(s.shared.taskVisits, expected.values.reduce(0, +))
        XCTAssertTrue(s.shared.unplaced.isEmpty, "\(s.shared.unplaced.map(\.reason))")
    }

    func testNoRoundExceedsItsShiftOrCapacity() throws {
        let s = try sample()
        let registry = try shippedRegistry()
        for plan in [s.shared, s.baseline] {
            for r in plan.rounds {
                let crew = try XCTUnwrap(registry[r.organisation]?.crews.first { $0.id == r.crew })
                XCTAssertLessThanOrEqual(Double(r.seconds), crew.shiftHours * 3600, r.id)
                XCTAssertTrue(r.day.map(crew.days.contains) ?? false, "\(r.id): \(crew.id) does not work that day")
                XCTAssertFalse(r.extraShift, "\(r.id): crews are finite")
                XCTAssertTrue(
                    r.stops.allSatisfy { Set($0.visit.activities).isSubset(of: Set(crew.skills)) },
                    "\(r.id): a stop its crew cannot do")
                // Times run forward.
                XCTAssertTrue(zip(r.stops, r.stops.dropFirst()).allSatisfy { $0.departure <= $1.arrival }, r.id)
            }
            for r in plan.gritting {
                let crew = try XCTUnwrap(registry[r.organisation]?.crews.first { $0.id == r.crew })
                XCTAssertLessThanOrEqual(r.seconds, Int(s.options.treatmentDeadlineHours * 3600), r.id)
                XCTAssertLessThanOrEqual(r.load, crew.capacity ?? .infinity, r.id)
            }
        }
        XCTAssertFalse(s.shared.gritting.isEmpty)
        // Round ids name the files of the outputs: unique.
        let ids = (s.shared.rounds + s.shared.gritting).map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count)
    }

    func testMergedVisitsAreOnlyOfCompatibleActivities() throws {
        let s = try sample()
        var merged = 0
        for r in s.shared.rounds {
            for stop in r.stops where stop.visit.parts.count > 1 {
                merged += 1
                for a in stop.visit.parts {
                    for b in stop.visit.parts where a.activity != b.activity {
                        XCTAssertTrue(
                            s.planner.compatibility.pair(a.activity, b.activity).combine,
                            "\(a.activity) with \(b.activity) in \(r.id)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(merged, 0, "the sample's overlaps should merge")
        // The baseline merges only within a partner.
        XCTAssertTrue(s.baseline.rounds.allSatisfy { $0.stops.allSatisfy { $0.visit.organisations.count == 1 } })
    }

    func testSavingsAddUp() throws {
        let s = try sample()
        let savings = Savings(baseline: s.baseline, shared: s.shared, partners: try shippedRegistry().ids)
        XCTAssertEqual(savings.money, s.baseline.totals.money - s.shared.totals.money, accuracy: 1e-9)
        XCTAssertEqual(savings.shares.reduce(0) { $0 + $1.money }, savings.money, accuracy: 1e-6)
        XCTAssertEqual(savings.shares.reduce(0) { $0 + $1.fraction }, 1, accuracy: 1e-9)
        XCTAssertEqual(
            s.baseline.totalsByOrganisation.values.reduce(0) { $0 + $1.money }, s.baseline.totals.money, accuracy: 1e-6)
        XCTAssertEqual(s.shared.totals.streetVisits, s.shared.rounds.reduce(0) { $0 + $1.stops.count })
        XCTAssertGreaterThan(savings.streetVisits, 0, "merging fewer stops than each partner alone")
        XCTAssertEqual(PlanTotals(s.shared.rounds, registry: s.planner.registry), s.shared.totals)
    }

    /// Undone work costs nothing, so plans that leave different numbers of visits undone are said not
    /// to be like for like, and by how much.
    func testSavingsOfUnequalWorkSaySo() throws {
        let s = try sample()
        var shared = s.shared
        var baseline = s.baseline
        let partners = try shippedRegistry().ids
        func undone(_ parts: Int) -> UnplacedVisit {
            let part = PlannedVisit.Part(organisation: "o", taskID: "t", activity: "sweeping")
            let visit = PlannedVisit(
                segment: 0, day: .monday, parts: Array(repeating: part, count: parts), serviceSeconds: 60, demand: 0)
            return UnplacedVisit(visit: visit, reason: "no crew")
        }
        // A merged stop of two partners' tasks is two task visits, as two stops of the baseline are.
        shared.unplaced = [undone(2)]
        baseline.unplaced = [undone(1), undone(1)]
        XCTAssertNil(Savings(baseline: baseline, shared: shared, partners: partners).unequalWork)
        baseline.unplaced = Array(repeating: undone(1), count: 13)
        let more = Savings(baseline: baseline, shared: shared, partners: partners)
        XCTAssertEqual(
            more.unequalWork,
            "the shared plan does 11 task visits more than the partners alone (2 task visits left undone against "
                + "13 task visits), and these savings count only the work each plan does")
        shared.unplaced = Array(repeating: undone(1), count: 14)
        let fewer = Savings(baseline: baseline, shared: shared, partners: partners)
        let text = fewer.unequalWork ?? ""
        XCTAssertTrue(text.hasPrefix("the shared plan does 1 task visit fewer"), text)
    }

    func testTasksWithHoursAreDoneWithinThem() throws {
        let s = try sample()
        let hours = Dictionary(
            uniqueKeysWithValues: s.tasks.map { ("\($0.task.organisation)|\($0.task.taskID)", $0.task.hours) })
        var timed = 0
        for r in s.shared.rounds + s.baseline.rounds {
            for stop in r.stops {
                for part in stop.visit.parts {
                    guard let window = hours["\(part.organisation)|\(part.taskID)"] ?? nil else { continue }
                    timed += 1
                    XCTAssertGreaterThanOrEqual(
                        r.startMinutes * 60 + stop.arrival, window.start * 60, "\(r.id) \(part.taskID)")
                    XCTAssertLessThanOrEqual(
                        r.startMinutes * 60 + stop.departure, window.end * 60, "\(r.id) \(part.taskID)")
                }
            }
            // Rounds of timed work start at its hours; the others no earlier than the shift start.
            if let window = r.stops.first?.visit.window {
                XCTAssertEqual(r.startMinutes, window.start)
            } else {
                XCTAssertGreaterThanOrEqual(r.startMinutes, s.options.shiftStartMinutes)
            }
        }
        XCTAssertGreaterThan(timed, 0, "the sample has tasks with hours")
        // No crew is double-booked: its rounds of a day follow one another within one shift.
        let registry = try shippedRegistry()
        for plan in [s.shared, s.baseline] {
            for (key, group) in Dictionary(
                grouping: plan.rounds.filter { !$0.extraShift }, by: { "\($0.day!)|\($0.crew)" })
            {
                let spans = group.map { ($0.startMinutes, $0.startMinutes + ($0.seconds + 59) / 60) }.sorted {
                    $0.0 < $1.0
                }
                XCTAssertTrue(zip(spans, spans.dropFirst()).allSatisfy { $0.1 <= $1.0 }, "\(key): \(spans)")
                let crew = try XCTUnwrap(registry[group[0].organisation]?.crews.first { $0.id == group[0].crew })
                XCTAssertLessThanOrEqual(Double(spans.last!.1 - spans.first!.0), crew.shiftHours * 60, key)
            }
        }
    }

    func testGrassIsCutBeforeTheStreetIsSweptInTheWeek() throws {
        let s = try sample()
        // Meadow Way: grass cutting only on Thursday; sweeping any weekday. (In the shared plan:
        // partners planning alone do not see each other's days.)
        let meadow = s.network.segments.filter { $0.name == "Meadow Way" }.map(\.id)
        let cut = StreetTask(
            organisation: "housing-association", taskID: "G", activity: "grass_cutting", frequency: .weekly,
            weekdays: [.thursday])
        let sweep = StreetTask(organisation: "county-council", taskID: "S", activity: "sweeping", frequency: .weekly)
        // Plenty of other county work on Thursday and Friday, to tempt the balance towards Monday.
        let busy = StreetTask(
            organisation: "county-council", taskID: "B", activity: "sweeping", frequency: .perWeek(2),
            weekdays: [.thursday, .friday])
        let others = s.network.segments.filter { $0.roadClass == "residential" && !meadow.contains($0.id) }.prefix(80)
            .map(\.id)
        let plan = try s.planner.plan(
            [
                MatchedTask(task: cut, segments: meadow), MatchedTask(task: sweep, segments: meadow),
                MatchedTask(task: busy, segments: others)
            ], options: s.options, mode: .shared)
        var days: [String: Set<Weekday>] = [:]
        for r in plan.rounds {
            for stop in r.stops { for p in stop.visit.parts { days[p.taskID, default: []].insert(r.day!) } }
        }
        XCTAssertEqual(days["G"], [.thursday])
        XCTAssertTrue(days["S"]!.allSatisfy { $0 >= .thursday }, "sweeping on \(days["S"]!) is before the grass is cut")
    }

    func testTheSameSeedAndBudgetGiveTheSamePlan() throws {
        let s = try sample()
        let again = try s.planner.plan(s.tasks, options: s.options, mode: .shared)
        XCTAssertEqual(again.rounds, s.shared.rounds)
    }
}

extension WeeklyPlannerTests {
    /// Rounds are laid out along the search trees of their job: every path
    /// is connected, leaves the depot and comes back to it.
    func testEveryRoundsPathIsConnectedFromItsDepotAndBack() throws {
        let s = try sample()
        for r in s.shared.rounds + s.shared.gritting + s.baseline.rounds {
            var ends: [(from: Int, to: Int)] = []
            for step in r.path {
                let seg = s.network.segments[step.segment]
                ends.append(step.reversed ? (seg.to, seg.from) : (seg.from, seg.to))
            }
            XCTAssertTrue(zip(ends, ends.dropFirst()).allSatisfy { $0.to == $1.from }, "\(r.id): a gap in the path")
            XCTAssertEqual(ends.first?.from, ends.last?.to, "\(r.id): does not come back to where it started")
            XCTAssertEqual(r.path.filter(\.serving).count, r.stops.count, r.id)
        }
    }
}
