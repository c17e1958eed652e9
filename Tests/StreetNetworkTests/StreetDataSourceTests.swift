import StreetNetwork
import XCTest

/// The credit line each kind of street data asks for.
final class StreetDataSourceTests: XCTestCase {
    func testCreditFollowsTheStreetData() {
        XCTAssertEqual(
            StreetDataSource(kind: .ordnanceSurvey, year: 2025).attribution,
            "Contains OS data © Crown copyright and database right 2025. Open Government Licence v3.0.")
        XCTAssertTrue(StreetDataSource(kind: .openStreetMap).attribution.contains("© OpenStreetMap contributors, ODbL"))
        XCTAssertTrue(StreetDataSource(kind: .synthetic).attribution.hasPrefix("Synthetic street data"))
        XCTAssertTrue(StreetDataSource(kind: .other, sourceFile: "roads.gpkg").attribution.contains("roads.gpkg"))
    }
}
