import Foundation
import TestSupport
import Works
import XCTest

/// The registry's crews: working days, Monday to Friday unless it says.
final class OrganisationRegistryTests: XCTestCase {
    private func registry(crewDays: String?) throws -> OrganisationRegistry {
        let days = crewDays.map { ", \"days\": \($0)" } ?? ""
        let text = """
            {"organisations": [{"id": "tc", "depots": [{"id": "yard", "lon": -2.8, "lat": 52.5}],
              "crews": [{"id": "TC-1", "depot": "yard", "skills": ["sweeping"], "shift_hours": 7.5\(days)}]}]}
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try OrganisationRegistry(contentsOf: url, catalogue: shippedCatalogue())
    }

    func testCrewDaysDefaultToTheWorkingWeek() throws {
        XCTAssertEqual(try registry(crewDays: nil)["tc"]?.crews.first?.days, Weekday.workingWeek)
    }

    func testCrewDaysAreReadSortedOnce() throws {
        let crew = try registry(crewDays: #"["sat", "Monday", "sat"]"#)["tc"]?.crews.first
        XCTAssertEqual(crew?.days, [.monday, .saturday])
    }

    func testBadCrewDaysNameTheCrewAndTheFix() {
        XCTAssertThrowsError(try registry(crewDays: #"["mon", "someday"]"#)) { error in
            XCTAssertTrue("\(error)".contains("crew TC-1: \"days\" holds \"someday\"; days are mon, tue"), "\(error)")
        }
        XCTAssertThrowsError(try registry(crewDays: "[]")) { error in
            XCTAssertTrue("\(error)".contains("must be a list of at least one day"), "\(error)")
        }
    }
}
