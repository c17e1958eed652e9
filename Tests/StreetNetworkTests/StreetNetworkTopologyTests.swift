import Geometry
import StreetNetwork
import TestSupport
import XCTest

final class StreetNetworkTopologyTests: XCTestCase {
    func testSplitsAtJunctionsAndKeepsDeadEnds() throws {
        // "abc" crosses "dbe" at b; "ef" hangs off e.
        let network = try drawnNetwork(
            """
            a  b  c
               d
               e  f
            """, [("abc", false), ("bde", false), ("ef", false)])
        // b splits abc; d is not shared, so bde stays whole.
        XCTAssertEqual(network.segments.count, 4)
        XCTAssertEqual(network.junctions.count, 5)  // a b c e f
        let summary = NetworkSummary(network)
        XCTAssertEqual(summary.deadEndCount, 3)  // a, c, f
        XCTAssertEqual(summary.components.count, 1)
        XCTAssertEqual(network.totalLength, 30 + 30 + 20 + 30, accuracy: 1e-9)
    }

    /// No street runs 500 km between junctions: such a line (coordinates in the wrong unit, a wrong
    /// CRS) is refused with its id, rather than stored with a travel time that overflows the routing graph.
    func testASegmentLongerThanAnyStreetIsRefused() throws {
        let far = StreetLine(
            featureIndex: 0, sourceID: "w7", name: "Long Lane", roadClass: "residential",
            points: [Point(x: 400_000, y: 300_000), Point(x: 400_000, y: 30_300_000)])
        let near = StreetLine(
            featureIndex: 1, sourceID: "w8", roadClass: "residential",
            points: [Point(x: 400_000, y: 300_000), Point(x: 400_000, y: 300_000 + StreetNetwork.longestSegment)])
        XCTAssertThrowsError(try StreetNetwork(lines: [near, far], crs: .britishNationalGrid)) { error in
            XCTAssertEqual((error as? StreetNetworkError)?.kind, .segmentTooLong)
            XCTAssertTrue("\(error)".contains("line w7 (Long Lane) runs 30000 km"), "\(error)")
        }
        XCTAssertEqual(try StreetNetwork(lines: [near], crs: .britishNationalGrid).segments.count, 1, "500 km is kept")
    }

    func testOneWayKeptAndComponentsLabelled() throws {
        let network = try drawnNetwork(
            """
            a  b  c

            x  y
            """, [("ab", true), ("bc", false), ("xy", false)])
        XCTAssertEqual(network.segments.filter(\.oneWay).count, 1)
        let summary = NetworkSummary(network)
        XCTAssertEqual(summary.components.map(\.segments), [2, 1])
        XCTAssertEqual(summary.detachedStreets, ["xy"])
        XCTAssertEqual(network.segments.first { $0.name == "xy" }?.component, 1)
    }

    func testLoopAndSelfCrossingWaySplit() throws {
        // A way that comes back through b: b is used twice, so it splits.
        let network = try drawnNetwork(
            """
            a  b  c
               d  e
            """, [("abcedb", false)])
        XCTAssertEqual(network.segments.count, 2)  // a-b, then the loop b-c-e-d-b
        XCTAssertEqual(network.segments[1].from, network.segments[1].to)
    }

    func testSnapToleranceJoinsNearlyEqualVertices() throws {
        func lines(gap: Double) -> [StreetLine] {
            [
                StreetLine(
                    featureIndex: 0, sourceID: "1", roadClass: "road", points: [Point(x: 0, y: 0), Point(x: 10, y: 0)]),
                StreetLine(
                    featureIndex: 1, sourceID: "2", roadClass: "road",
                    points: [Point(x: 10 + gap, y: 0), Point(x: 20, y: 0)])
            ]
        }
        XCTAssertEqual(try StreetNetwork(lines: lines(gap: 0.3), crs: .britishNationalGrid).junctions.count, 3)
        XCTAssertEqual(try StreetNetwork(lines: lines(gap: 2), crs: .britishNationalGrid).junctions.count, 4)
        XCTAssertEqual(
            try StreetNetwork(lines: lines(gap: 0.3), crs: .britishNationalGrid, snapTolerance: 0).junctions.count, 4)
    }

    func testLinksWithTheirOwnNodesMeetOnlyAtTheirEnds() throws {
        // Two OS links cross at a shared vertex (a bridge): no junction there.
        var over = StreetLine(
            featureIndex: 0, sourceID: "A", roadClass: "Motorway",
            points: [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 20, y: 0)])
        var under = StreetLine(
            featureIndex: 1, sourceID: "B", roadClass: "A Road",
            points: [Point(x: 10, y: -10), Point(x: 10, y: 0), Point(x: 10, y: 10)])
        XCTAssertEqual(try StreetNetwork(lines: [over, under], crs: .britishNationalGrid).segments.count, 4)
        over.sourceStartNode = "n1"
        over.sourceEndNode = "n2"
        under.sourceStartNode = "n3"
        under.sourceEndNode = "n4"
        XCTAssertEqual(try StreetNetwork(lines: [over, under], crs: .britishNationalGrid).segments.count, 2)
    }

    func testNoUsableLinesIsAnError() {
        let zero = StreetLine(
            featureIndex: 0, sourceID: "1", roadClass: "road", points: [Point(x: 1, y: 1), Point(x: 1, y: 1)])
        XCTAssertThrowsError(try StreetNetwork(lines: [zero], crs: .britishNationalGrid)) { error in
            XCTAssertEqual((error as? StreetNetworkError)?.kind, .emptyNetwork)
        }
    }
}
