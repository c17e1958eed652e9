import Geometry
import StreetNetwork
import TestSupport
import XCTest

final class StreetGroupsTests: XCTestCase {
    /// Lines through named points of a drawn map, each with a street name
    /// (nil = unnamed) and optional USRN.
    private func network(
        _ picture: String, _ lines: [(path: String, name: String?, usrn: String?)],
        reversed: Bool = false
    ) throws -> StreetNetwork {
        let map = DrawnMap(picture)
        var built = lines.enumerated().map { k, line in
            StreetLine(
                featureIndex: k, sourceID: "way/\(k)", name: line.name, roadClass: "residential", usrn: line.usrn,
                oneWay: false, speedKmh: 30, points: map.path(line.path).map { Point(x: $0.x, y: $0.y) })
        }
        if reversed { built.reverse() }
        return try StreetNetwork(lines: built, crs: .britishNationalGrid)
    }

    /// The source ids of each group, as sets, for comparing groupings.
    private func partition(_ groups: StreetGroups, _ network: StreetNetwork) -> Set<Set<String>> {
        Set(groups.groups.map { Set($0.segments.map { network.segments[$0].sourceID }) })
    }

    // Station Road runs a-b-c, crossed at b by Church Lane (b-d), which splits
    // it into two lines; a second Station Road x-y lies 250 m east and does
    // not touch it.
    private let village = """
        a    b    c                         x    y
             |
             d
        """

    func testTwoSameNamedStreetsApartAreTwoStreetsAndAJunctionDoesNotBreakOne() throws {
        let net = try network(
            village,
            [
                ("ab", "Station Road", nil), ("bc", "Station Road", nil),
                ("bd", "Church Lane", nil), ("xy", "Station Road", nil)
            ])
        let groups = StreetGroups(net)
        XCTAssertEqual(partition(groups, net), [["way/0", "way/1"], ["way/2"], ["way/3"]])
        let stationRoads = groups.groups.filter { $0.name == "Station Road" }
        XCTAssertEqual(stationRoads.count, 2)
        XCTAssertNotEqual(stationRoads[0].id, stationRoads[1].id)
        // Lengths, centroids and boxes of the two: a-c is 100 m centred on b; x-y 50 m.
        let ac = try XCTUnwrap(stationRoads.first { $0.segments.count == 2 })
        XCTAssertEqual(ac.length, 100, accuracy: 1e-9)
        XCTAssertEqual(ac.centroid.x, 50, accuracy: 1e-9)
        XCTAssertEqual(ac.centroid.y, 0, accuracy: 1e-9)
        XCTAssertEqual(ac.boundingBox, BoundingBox(minX: 0, minY: 0, maxX: 100, maxY: 0))
        for (k, g) in groups.groups.enumerated() {
            XCTAssertEqual(g.segments, g.segments.sorted())
            for s in g.segments { XCTAssertEqual(groups.groupIndex[s], k) }
        }
    }

    func testAStreetPickedUpAgainAcrossAStaggeredJunctionStaysOneStreet() throws {
        // Main Street comes down to b, runs 20 m along High Street (b-c), and
        // carries on from c: its two halves never share a junction.
        let picture = """
            a
            |
            b c
            | |
            e d
            """
        let lines: [(path: String, name: String?, usrn: String?)] = [
            ("ab", "Main Street", nil), ("bc", "High Street", nil), ("cd", "Main Street", nil),
            ("be", "Back Lane", nil)
        ]
        let net = try network(picture, lines)
        XCTAssertEqual(partition(StreetGroups(net), net), [["way/0", "way/2"], ["way/1"], ["way/3"]])
        // Without the bridge (or with one shorter than the 20 m stagger) the halves are apart.
        XCTAssertEqual(
            partition(StreetGroups(net, bridgeMetres: 0), net), [["way/0"], ["way/1"], ["way/2"], ["way/3"]])
        XCTAssertEqual(partition(StreetGroups(net, bridgeMetres: 15), net).count, 4)
    }

    func testUnnamedRoadsAreEachTheirOwnStreetAndUSRNsWinOverNames() throws {
        // Two unnamed service roads meet at b; the first is split at b by the
        // second, but stays one street. Two touching "Mill Lane"s with
        // different USRNs are two streets.
        let picture = """
            a    b    c
                 |
                 d    e    f
            """
        let net = try network(
            picture,
            [
                ("abc", nil, nil), ("bd", nil, nil),
                ("de", "Mill Lane", "100"), ("ef", "Mill Lane", "200")
            ])
        let groups = StreetGroups(net)
        XCTAssertEqual(partition(groups, net), [["way/0"], ["way/1"], ["way/2"], ["way/3"]])
        XCTAssertEqual(groups.group(ofSegment: 0).segments.count, 2)  // a-b and b-c
        XCTAssertTrue(groups.group(ofSegment: 0).name.hasPrefix("unnamed residential"))
    }

    func testIdsDependOnContentNotOnOrder() throws {
        let lines: [(path: String, name: String?, usrn: String?)] = [
            ("ab", "Station Road", nil), ("bc", "Station Road", nil), ("bd", "Church Lane", nil),
            ("xy", "Station Road", nil)
        ]
        let forward = try network(village, lines)
        let backward = try network(village, lines, reversed: true)
        func ids(_ net: StreetNetwork) -> [Set<String>: String] {
            Dictionary(
                uniqueKeysWithValues: StreetGroups(net).groups.map {
                    (Set($0.segments.map { net.segments[$0].sourceID }), $0.id)
                })
        }
        XCTAssertNotEqual(forward.segments.map(\.sourceID), backward.segments.map(\.sourceID))  // segment ids moved
        XCTAssertEqual(ids(forward), ids(backward))
        XCTAssertTrue(ids(forward).values.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    }
}
