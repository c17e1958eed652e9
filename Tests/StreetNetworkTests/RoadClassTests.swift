import StreetNetwork
import XCTest

/// Speed limits read from `maxspeed`: units understood, anything else (and any implausible number) left to
/// the road class's default, so no street is driven at a speed that makes its travel time meaningless.
final class RoadClassTests: XCTestCase {
    func testReadsSpeedsWithTheirUnits() throws {
        XCTAssertEqual(RoadClass.parseMaxSpeed("50"), 50)
        XCTAssertEqual(RoadClass.parseMaxSpeed(" 50 km/h "), 50)
        XCTAssertEqual(try XCTUnwrap(RoadClass.parseMaxSpeed("30 mph")), 48.28, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(RoadClass.parseMaxSpeed("20mph")), 32.19, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(RoadClass.parseMaxSpeed("10 knots")), 18.52, accuracy: 0.01)
        XCTAssertEqual(RoadClass.parseMaxSpeed("30;50"), 30, "the first of a list")
        XCTAssertEqual(RoadClass.parseMaxSpeed("GB:nsl_single"), 96.56)
        XCTAssertEqual(RoadClass.parseMaxSpeed("walk"), 6)
    }

    func testImplausibleOrUnreadSpeedsGiveNone() {
        for text in [
            "0.0001", "0", "1e308", "1e3", String(repeating: "9", count: 400), "-30", "+30", "30 furlongs",
            "signals", "none", "", ";", ".5.", "٣٠", "30 mph please", "nan", "inf", "250"
        ] {
            XCTAssertNil(RoadClass.parseMaxSpeed(text), text)
        }
    }

    /// A speed stored before imports checked them (0, infinite, NaN) still gives a finite travel time that
    /// the routing graph takes without trapping.
    func testTravelTimesStayFiniteWhateverTheStoredSpeed() {
        for speed in [0, 1e-9, .infinity, .nan, -5, 1e308] as [Double] {
            let segment = StreetSegment(
                id: 0, from: 0, to: 1, sourceID: "s", name: nil, roadClass: "residential", ref: nil, usrn: nil,
                formOfWay: nil, oneWay: false, speedKmh: speed, length: 1000, points: [], component: 0)
            XCTAssertTrue(segment.travelSeconds.isFinite && segment.travelSeconds > 0, "\(speed)")
            XCTAssertGreaterThan(StreetGraph.milliseconds(segment.travelSeconds), 0)
        }
        XCTAssertEqual(StreetGraph.milliseconds(1e300), Int32.max, "saturated, not trapped")
        XCTAssertEqual(StreetGraph.milliseconds(.nan), 1)
        XCTAssertEqual(StreetGraph.milliseconds(0.0042), 4)
    }
}
