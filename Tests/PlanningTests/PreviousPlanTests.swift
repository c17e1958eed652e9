import Foundation
import Planning
import Works
import XCTest

/// Stable weeks on the drawn town: a week re-planned from the stored one
/// keeps its visits' crews and days; a partner's changed list moves few
/// others; a plan of other streets or a damaged one is refused.
final class PreviousPlanTests: XCTestCase {
    func testAnUnchangedWeekReplannedKeepsEveryVisitOnItsCrewAndDay() throws {
        let town = try StableWeekFixture()
        // A week with history: planned from a week whose lists differed, so a
        // fresh plan would not find the same days again.
        let week1 = try town.planner.plan(town.tasks(), options: StableWeekFixture.options(), mode: .shared)
        let tasks = town.changedTasks()
        let week2 = try town.planner.plan(
            tasks, options: StableWeekFixture.options(week: "2026-W49", seed: 3),
            mode: .shared, preferences: try Self.preferences(week1, town))
        XCTAssertGreaterThan(week2.rounds.count, 3)
        let record = PlanRecord(week2, network: town.network)
        // Week 3, the same lists, another seed.
        let next = StableWeekFixture.options(week: "2026-W50", seed: 7)
        let stable = try town.planner.plan(
            tasks, options: next, mode: .shared,
            preferences: try PreviousPlan(record, network: town.network).preferences)
        let fresh = try town.planner.plan(tasks, options: next, mode: .shared)
        let kept = PlanStability(previous: record, plan: stable)
        let anew = PlanStability(previous: record, plan: fresh)
        print("unchanged week: stable \(kept.kept)/\(kept.common), fresh \(anew.kept)/\(anew.common)")
        XCTAssertEqual(kept.common, week2.taskVisits)
        XCTAssertEqual(kept.share, 1, "kept \(kept.kept) of \(kept.common)")
        XCTAssertLessThan(anew.share, 1, "the fixture should show what the preferences keep")
        print(
            "unchanged week, in place: stable \(kept.orderKept)/\(kept.orderCommon), "
                + "fresh \(anew.orderKept)/\(anew.orderCommon)")
        XCTAssertEqual(kept.orderCommon, week2.taskVisits)
        XCTAssertEqual(kept.orderShare, 1, "kept \(kept.orderKept) of \(kept.orderCommon) in place")
    }

    private static func preferences(_ plan: WeeklyPlan, _ town: StableWeekFixture) throws -> PlanPreferences {
        try PreviousPlan(PlanRecord(plan, network: town.network), network: town.network).preferences
    }

    func testAPartnersListChangedByATenthMovesFewOtherVisits() throws {
        let town = try StableWeekFixture()
        let tasks = town.tasks()
        let first = try town.planner.plan(tasks, options: StableWeekFixture.options(), mode: .shared)
        let record = PlanRecord(first, network: town.network)
        let changed = town.changedTasks()
        let next = StableWeekFixture.options(week: "2026-W49", seed: 7)
        let preferences = try PreviousPlan(record, network: town.network).preferences
        let stable = try town.planner.plan(changed, options: next, mode: .shared, preferences: preferences)
        let fresh = try town.planner.plan(changed, options: next, mode: .shared)
        let kept = PlanStability(previous: record, plan: stable)
        let anew = PlanStability(previous: record, plan: fresh)
        print(
            "a tenth changed: stable \(kept.kept)/\(kept.common) = \(kept.share), fresh \(anew.kept)/\(anew.common)"
                + " = \(anew.share)")
        XCTAssertGreaterThanOrEqual(kept.share, 0.9, "kept \(kept.kept) of \(kept.common)")
        XCTAssertGreaterThanOrEqual(kept.share, anew.share)
        print(
            "a tenth changed, in place: stable \(kept.orderKept)/\(kept.orderCommon), "
                + "fresh \(anew.orderKept)/\(anew.orderCommon)")
        XCTAssertGreaterThanOrEqual(kept.orderShare, 0.8, "kept \(kept.orderKept) of \(kept.orderCommon) in place")
        XCTAssertGreaterThan(kept.orderShare, anew.orderShare)
    }

    func testAPlanOfAnotherNetworkIsRefused() throws {
        let town = try StableWeekFixture()
        let plan = try town.planner.plan(town.tasks(), options: StableWeekFixture.options(), mode: .shared)
        var record = PlanRecord(plan, network: town.network)
        record.networkFingerprint = "0123abcd"
        XCTAssertThrowsError(try PreviousPlan(record, network: town.network)) { error in
            XCTAssertEqual((error as? PlanningError)?.kind, .badPreviousPlan)
            XCTAssertTrue("\(error)".contains("another street network"), "\(error)")
            XCTAssertTrue("\(error)".contains("--fresh"), "\(error)")
        }
    }

    func testAPlanNamingASegmentTheNetworkLacksIsRefused() throws {
        let town = try StableWeekFixture()
        let plan = try town.planner.plan(town.tasks(), options: StableWeekFixture.options(), mode: .shared)
        var record = PlanRecord(plan, network: town.network)
        record.rounds[0].stops[0].segment = 9_999
        XCTAssertThrowsError(try PreviousPlan(record, network: town.network)) { error in
            XCTAssertEqual((error as? PlanningError)?.kind, .badPreviousPlan)
            XCTAssertTrue("\(error)".contains("segment 9999"), "\(error)")
        }
    }
}
