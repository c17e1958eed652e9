import Geometry
import XCTest

final class PolylineTests: XCTestCase {
    let line = [Point(x: 0, y: 0), Point(x: 30, y: 0), Point(x: 30, y: 40)]

    func testLength() {
        XCTAssertEqual(Polyline.length(line), 70)
        XCTAssertEqual(Polyline.length([Point(x: 1, y: 1)]), 0)
    }

    func testNearest() {
        let near = Polyline.nearest(to: Point(x: 35, y: 10), on: line)
        XCTAssertEqual(near.distance, 5, accuracy: 1e-9)
        XCTAssertEqual(near.along, 40, accuracy: 1e-9)
        XCTAssertEqual(near.point, Point(x: 30, y: 10))
    }

    func testSliceBothWays() {
        XCTAssertEqual(
            Polyline.slice(line, from: 10, to: 40), [Point(x: 10, y: 0), Point(x: 30, y: 0), Point(x: 30, y: 10)])
        XCTAssertEqual(
            Polyline.slice(line, from: 40, to: 10), [Point(x: 30, y: 10), Point(x: 30, y: 0), Point(x: 10, y: 0)])
    }

    func testBoundingBox() {
        let box = BoundingBox(around: line)!
        XCTAssertEqual(box, BoundingBox(minX: 0, minY: 0, maxX: 30, maxY: 40))
        XCTAssertTrue(box.expanded(by: 1).contains(Point(x: -1, y: 41)))
        XCTAssertNil(BoundingBox(around: [Point]()))
    }
}

final class PositionTests: XCTestCase {
    func testWGS84Problems() {
        XCTAssertNil(Position(x: -0.72, y: 52.67).wgs84Problem)
        XCTAssertEqual(Position(x: 354_420.89, y: 185_691.22).wgs84Problem, .looksLikeBritishNationalGrid)
        XCTAssertEqual(Position(x: -0.72, y: -95).wgs84Problem, .outOfRange)
        XCTAssertEqual(Position(x: 3_000_000, y: 52).wgs84Problem, .outOfRange)
        XCTAssertEqual(Position(x: .infinity, y: 52).wgs84Problem, .notFinite)
    }
}
