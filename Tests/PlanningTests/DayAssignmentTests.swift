@testable import Planning
@testable import Works
import XCTest

/// The periodic layer on hand-made task weeks: spread, balance, shared
/// street-days and the order rules.
final class DayAssignmentTests: XCTestCase {
    private let none = DayAssignment(orderRules: [])

    func testVisitsAreSpreadOverTheAllowedDays() {
        let weeks = none.assign([taskWeek("a", "T", "sweeping", segments: [1], visits: 2)]) { _ in
            DayAssignment.Workload(depot: "d", seconds: 60)
        }
        XCTAssertEqual(weeks[0].days.count, 2)
        let gap = weeks[0].days[1].rawValue - weeks[0].days[0].rawValue
        XCTAssertGreaterThanOrEqual(gap, 2, "two visits on Monday to Friday are not on consecutive days: \(weeks[0].days)")
    }

    func testADepotsWorkIsBalancedOverTheWeek() {
        // Five one-visit tasks of the same size at one depot, on different streets: one a day.
        let tasks = (1...5).map { taskWeek("a", "T\($0)", "sweeping", segments: [$0 * 10]) }
        let weeks = none.assign(tasks) { _ in DayAssignment.Workload(depot: "d", seconds: 3_600) }
        XCTAssertEqual(Set(weeks.flatMap(\.days)).count, 5, "\(weeks.map(\.days))")
    }

    func testTasksOnTheSameStreetShareADay() {
        // Two partners' tasks on the same streets meet on one day (so they can merge), balance permitting.
        let weeks = none.assign([taskWeek("a", "S", "sweeping", segments: [1, 2, 3]),
                                 taskWeek("b", "L", "litter_picking", segments: [1, 2, 3])]) { _ in
            DayAssignment.Workload(depot: "d", seconds: 60)
        }
        XCTAssertEqual(weeks[0].days, weeks[1].days)
    }

    func testGrassIsCutBeforeTheSweep() {
        let rule = Compatibility.OrderRule(first: "grass_cutting", then: "sweeping", why: "cuttings")
        let cut = taskWeek("h", "G", "grass_cutting", segments: [7], allowed: [.thursday])
        let sweep = taskWeek("c", "S", "sweeping", segments: [7])
        let weeks = DayAssignment(orderRules: [rule]).assign([cut, sweep]) { _ in
            DayAssignment.Workload(depot: "d", seconds: 60)
        }
        XCTAssertEqual(weeks[0].days, [.thursday])
        XCTAssertTrue(weeks[1].days.allSatisfy { $0 >= .thursday }, "sweeping on \(weeks[1].days)")
    }

    func testATaskWithNoAllowedDayGetsNone() {
        let weeks = none.assign([taskWeek("a", "T", "sweeping", segments: [1], allowed: [], visits: 0)]) { _ in
            DayAssignment.Workload(depot: "d", seconds: 60)
        }
        XCTAssertEqual(weeks[0].days, [])
    }
}
