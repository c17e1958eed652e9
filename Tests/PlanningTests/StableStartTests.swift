import Foundation
import Planning
import Works
import XCTest

/// Where a week starts from: each mode from its own stored plan, nothing
/// stored means fresh, and a stored plan that does not fit is refused.
final class StableStartTests: XCTestCase {
    func testEachModeStartsFromItsOwnStoredPlan() throws {
        let town = try StableWeekFixture()
        let plan = try town.planner.plan(town.tasks(), options: StableWeekFixture.options(), mode: .shared)
        let record = PlanRecord(plan, network: town.network)
        var asked: [PlanMode] = []
        let start = try StableStart(network: town.network) { mode in
            asked.append(mode)
            return mode == .shared ? record : nil
        }
        XCTAssertEqual(asked, [.shared, .baseline])
        XCTAssertEqual(start.shared?.record.week, record.week)
        XCTAssertNil(start.baseline, "no baseline stored: the baseline is planned fresh")
        XCTAssertEqual(start.preferences(.shared), try PreviousPlan(record, network: town.network).preferences)
        XCTAssertEqual(start.preferences(.baseline), PlanPreferences())
        XCTAssertEqual(StableStart().preferences(.shared), PlanPreferences())
    }

    func testAStoredPlanOfOtherStreetsOrAFailingStoreStopsTheStart() throws {
        let town = try StableWeekFixture()
        let plan = try town.planner.plan(town.tasks(), options: StableWeekFixture.options(), mode: .shared)
        var record = PlanRecord(plan, network: town.network)
        record.networkFingerprint = "another"
        XCTAssertThrowsError(try StableStart(network: town.network) { _ in record }) { error in
            XCTAssertEqual((error as? PlanningError)?.kind, .badPreviousPlan)
            XCTAssertTrue("\(error)".contains("fresh=true"), "the fix over the API too: \(error)")
        }
        struct Unreadable: Error {}
        XCTAssertThrowsError(try StableStart(network: town.network) { _ in throw Unreadable() }) { error in
            XCTAssertTrue(error is Unreadable, "the store's own error, passed on")
        }
    }
}
