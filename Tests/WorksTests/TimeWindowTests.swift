import Works
import XCTest

final class TimeWindowTests: XCTestCase {
    func testTimeWindows() {
        XCTAssertEqual(TimeWindow(parsing: "07:00-15:30")?.minutes, 510)
        XCTAssertNil(TimeWindow(parsing: "15:00-07:00"))
        XCTAssertNil(TimeWindow(parsing: "7-15"))
        XCTAssertNil(TimeWindow(parsing: "07:00-24:01"))
        XCTAssertNil(TimeWindow(parsing: "07:60-08:00"))
    }

    func testClockTimesAreTwoDigitHoursAndMinutes() {
        XCTAssertEqual(TimeWindow.clock(0), "00:00")
        XCTAssertEqual(TimeWindow.clock(545), "09:05")
        XCTAssertEqual(TimeWindow.clock(24 * 60), "24:00")
        XCTAssertEqual(TimeWindow(start: 420, end: 930).description, "07:00-15:30")
        XCTAssertEqual(TimeWindow(parsing: "06:30-24:00")?.description, "06:30-24:00")
    }
}
