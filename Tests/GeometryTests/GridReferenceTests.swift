import Geometry
import XCTest

final class GridReferenceTests: XCTestCase {
    func testReferencesOfKnownPoints() {
        // Ordnance Survey's worked examples: the summit of Ben Nevis is NN 166 712.
        XCTAssertEqual(GridReference.text(Point(x: 216_666, y: 771_288), digits: 3), "NN 166 712")
        // Oakham's market place, about 486 100 E 308 700 N: SK 86 08 to 1 km.
        XCTAssertEqual(GridReference.text(Point(x: 486_100, y: 308_700)), "SK 86 08")
        // The origin corner of the grid, and squares on either side of the missing I.
        XCTAssertEqual(GridReference.text(Point(x: 0, y: 0)), "SV 00 00")
        XCTAssertEqual(GridReference.text(Point(x: 350_000, y: 250_000)), "SO 50 50")
        XCTAssertEqual(GridReference.text(Point(x: 266_000, y: 845_000)), "NH 66 45")  // Inverness
        XCTAssertEqual(GridReference.text(Point(x: 616_000, y: 244_000)), "TM 16 44")  // Ipswich
        XCTAssertEqual(GridReference.text(Point(x: 545_000, y: 258_000)), "TL 45 58")  // Cambridge
        XCTAssertEqual(GridReference.text(Point(x: 344_000, y: 1_010_000)), "HY 44 10")  // Kirkwall
        XCTAssertEqual(GridReference.text(Point(x: 447_000, y: 1_141_000)), "HU 47 41")  // Lerwick
    }

    func testPointsOffTheGridHaveNoReference() {
        XCTAssertNil(GridReference.text(Point(x: -1, y: 100)))
        XCTAssertNil(GridReference.text(Point(x: 700_000, y: 100)))
        XCTAssertNil(GridReference.text(Point(x: 100, y: 1_300_000)))
        XCTAssertNil(GridReference.text(Point(x: .nan, y: 100)))
        XCTAssertNil(GridReference.text(Point(x: 100, y: 100), digits: 0))
    }
}
