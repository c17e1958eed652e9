import Foundation
import Works
import XCTest

@testable import Planning

/// The stability figure on hand-made rounds: visits present in both weeks,
/// kept on crew and day, a task visited more often counting its smaller number.
final class PlanStabilityTests: XCTestCase {
    private func part(_ task: String) -> PlannedVisit.Part {
        PlannedVisit.Part(organisation: "o", taskID: task, activity: "sweeping")
    }

    private func round(_ day: Weekday, crew: String, _ stops: [(Int, String)]) -> Round {
        let list = stops.map { segment, task in
            Round.Stop(
                visit: PlannedVisit(
                    segment: segment, day: day, parts: [part(task)], serviceSeconds: 60,
                    demand: 0),
                reversed: false, arrival: 0, departure: 60)
        }
        return Round(
            id: "\(day.code)-\(crew)", day: day, organisation: "o", crew: crew, depot: "yard",
            startMinutes: 420, stops: list, path: [], seconds: 600, serviceSeconds: 60, metres: 0,
            deadheadMetres: 0, load: 0, extraShift: false)
    }

    private func record(_ rounds: [Round]) -> PlanRecord {
        PlanRecord(
            week: ISOWeek(year: 2026, week: 48), mode: .shared, createdAt: Date(), seed: 1, seconds: 1,
            iterations: nil, networkFingerprint: "x",
            rounds: rounds.map { r in
                PlanRecord.RoundRecord(
                    id: r.id, organisation: r.organisation, crew: r.crew, day: r.day,
                    depot: r.depot, startMinutes: r.startMinutes,
                    stops: r.stops.map {
                        PlanRecord.Stop(
                            segment: $0.visit.segment, reversed: false,
                            parts: $0.visit.parts)
                    })
            })
    }

    private func plan(_ rounds: [Round]) -> WeeklyPlan {
        WeeklyPlan(
            options: PlanOptions(week: ISOWeek(year: 2026, week: 49)), mode: .shared, rounds: rounds,
            gritting: [], unplaced: [], shortfalls: [], taskVisits: 0, totals: PlanTotals(), totalsByOrganisation: [:],
            timing: PlanTiming())
    }

    func testVisitsThatMovedCrewOrDayAreCountedApart() {
        let before = record([
            round(.monday, crew: "A", [(1, "t1"), (2, "t1"), (3, "t2")]),
            round(.tuesday, crew: "B", [(4, "t3"), (5, "gone")])
        ])
        let after = plan([
            round(.monday, crew: "A", [(1, "t1"), (3, "t2")]),  // kept
            round(.monday, crew: "B", [(2, "t1")]),  // same day, other crew
            round(.wednesday, crew: "B", [(4, "t3"), (6, "new")])
        ])  // same crew, other day
        let s = PlanStability(previous: before, plan: after)
        XCTAssertEqual(s.common, 4, "t1 on 1 and 2, t2 on 3, t3 on 4; 'gone' and 'new' are in one week only")
        XCTAssertEqual(s.kept, 2)
        XCTAssertEqual(s.keptDay, 3)
        XCTAssertEqual(s.share, 0.5)
        XCTAssertEqual(s.dayShare, 0.75)
        // In place: of t1 on 1, t1 on 2 and t2 on 3 (Monday both weeks), only the first kept its predecessor
        // (none); 2 is now first in B's round, 3 now follows 1.
        XCTAssertEqual(s.orderCommon, 3)
        XCTAssertEqual(s.orderKept, 1)
    }

    func testWhatStabilityCostsIsSaidInWords() {
        let s = PlanStability(previous: record([]), plan: plan([]))
        func report(money: Double, hours: Double) -> StableWeekReport {
            var stable = PlanTotals()
            stable.money = 1_000 + money
            stable.crewHours = 40 + hours
            var fresh = PlanTotals()
            fresh.money = 1_000
            fresh.crewHours = 40
            return StableWeekReport(stability: s, stable: stable, fresh: fresh)
        }
        XCTAssertEqual(report(money: 12.4, hours: 0.46).extraCostText, "£12 more and 0.5 crew hours more a week")
        XCTAssertEqual(report(money: -2.2, hours: -0.12).extraCostText, "£2 less and 0.1 crew hours fewer a week")
        XCTAssertEqual(report(money: 0.3, hours: 0.02).extraCostText, "no more money and no more crew hours a week")
        XCTAssertNil(StableWeekReport(stability: s, stable: PlanTotals()).extraCostText, "no fresh plan")
    }

    func testATaskVisitedMoreOftenCountsItsSmallerNumber() {
        let before = record([round(.monday, crew: "A", [(1, "t")]), round(.thursday, crew: "A", [(1, "t")])])
        let after = plan([round(.thursday, crew: "A", [(1, "t")])])
        let s = PlanStability(previous: before, plan: after)
        XCTAssertEqual(s.common, 1)
        XCTAssertEqual(s.kept, 1)
    }
}
