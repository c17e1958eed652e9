import XCTest

@testable import Planning
@testable import Works

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
        XCTAssertGreaterThanOrEqual(gap, 2, "two visits in a working week not on consecutive days: \(weeks[0].days)")
    }

    func testADepotsWorkIsBalancedOverTheWeek() {
        // Five one-visit tasks of the same size at one depot, on different streets: one a day.
        let tasks = (1...5).map { taskWeek("a", "T\($0)", "sweeping", segments: [$0 * 10]) }
        let weeks = none.assign(tasks) { _ in DayAssignment.Workload(depot: "d", seconds: 3_600) }
        XCTAssertEqual(Set(weeks.flatMap(\.days)).count, 5, "\(weeks.map(\.days))")
    }

    func testTasksOnTheSameStreetShareADay() {
        // Two partners' tasks on the same streets meet on one day (so they can merge), balance permitting.
        let weeks = none.assign([
            taskWeek("a", "S", "sweeping", segments: [1, 2, 3]),
            taskWeek("b", "L", "litter_picking", segments: [1, 2, 3])
        ]) { _ in
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

extension DayAssignmentTests {
    func testTheSweepIsNotPutOnTheDayOfTheCutWhenALaterDayWillDo() {
        let rule = Compatibility.OrderRule(first: "grass_cutting", then: "sweeping", why: "cuttings")
        let cut = taskWeek("h", "G", "grass_cutting", segments: [7], allowed: [.wednesday])
        let sweep = taskWeek("c", "S", "sweeping", segments: [7], allowed: [.wednesday, .thursday])
        // Thursday is busier at the depot: balance alone would pick Wednesday.
        let busy = taskWeek("c", "B", "sweeping", segments: [9], allowed: [.thursday])
        let weeks = DayAssignment(orderRules: [rule]).assign([cut, sweep, busy]) { w in
            DayAssignment.Workload(depot: "d", seconds: w.task.taskID == "B" ? 20_000 : 60)
        }
        XCTAssertEqual(weeks[1].days, [.thursday])
    }
}

extension DayAssignmentTests {
    /// Work is balanced between crews, not days: three crews on Friday and one on Saturday take four
    /// equal tasks three to one.
    func testADayWithFewerCrewsGetsLessWork() {
        var shifts = [Double](repeating: 0, count: 8)
        shifts[Weekday.friday.rawValue] = 3 * 27_000
        shifts[Weekday.saturday.rawValue] = 27_000
        let tasks = (1...4).map {
            taskWeek("a", "T\($0)", "sweeping", segments: [$0 * 10], allowed: [.friday, .saturday])
        }
        let weeks = DayAssignment(orderRules: []).assign(tasks) { _ in
            DayAssignment.Workload(depot: "d", seconds: 3_600, shiftSeconds: shifts)
        }
        XCTAssertEqual(weeks.filter { $0.days == [.friday] }.count, 3, "\(weeks.map(\.days))")
        XCTAssertEqual(DayAssignment.Workload(depot: "d", seconds: 1).weight(.monday), 1, "no shifts known: unweighted")
    }
}

extension DayAssignmentTests {
    /// A grass cut that may go on Tuesday or Wednesday, on the streets of one that must go on Tuesday
    /// and fills the mower crews' room that day. The shared streets (and a busy Wednesday at the
    /// depot, for sweepers) would pull it to Tuesday; beyond the room of the crews able to do it,
    /// it goes to Wednesday.
    func testStreetsSharedWithATaskDoNotPullWorkBeyondTheAbleCrewsRoom() {
        var room = [Double](repeating: 0, count: 8)
        for day in Weekday.workingWeek { room[day.rawValue] = 3_600 }
        let segments = Array(1...10)
        let tasks = [
            taskWeek("h", "G0", "grass_cutting", segments: segments, allowed: [.tuesday]),
            taskWeek("c", "W", "sweeping", segments: [50], allowed: [.wednesday]),
            taskWeek("h", "G1", "grass_cutting", segments: segments, allowed: [.tuesday, .wednesday])
        ]
        func workload(_ w: WeekDemand.TaskWeek) -> DayAssignment.Workload {
            switch w.task.taskID {
            case "W":
                return DayAssignment.Workload(
                    depot: "d", seconds: 5_000, crewClass: "sweepers", ableClasses: ["sweepers"],
                    ableRoom: room.map { $0 * 10 })
            default:
                return DayAssignment.Workload(
                    depot: "d", seconds: w.task.taskID == "G0" ? 3_600 : 1_800, crewClass: "mowers",
                    ableClasses: ["mowers"], ableRoom: room)
            }
        }
        let weeks = DayAssignment(orderRules: []).assign(tasks, workload: workload)
        XCTAssertEqual(weeks[0].days, [.tuesday])
        XCTAssertEqual(weeks[2].days, [.wednesday], "the mowers have no room left on Tuesday")
        var unweighted = DayAssignment(orderRules: [])
        unweighted.overflowWeight = 0
        XCTAssertEqual(
            unweighted.assign(tasks, workload: workload)[2].days, [.tuesday], "the shared streets pull it there")
    }
}
