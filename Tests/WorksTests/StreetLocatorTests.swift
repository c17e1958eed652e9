import Foundation
import Geometry
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

final class StreetLocatorTests: XCTestCase {
    private func registry(depotAt location: LonLat) -> OrganisationRegistry {
        OrganisationRegistry([
            Organisation(
                id: "county", name: "County",
                depots: [
                    Organisation.Depot(id: "north", name: "North depot", location: location)
                ], crews: [])
        ])
    }

    /// A drawn village on the grid near Oakham (486 000 E, 308 000 N): Station
    /// Road a-c, and a second Station Road x-y 2.5 km east.
    private func village() throws -> StreetNetwork {
        let origin = Point(x: 486_000, y: 308_000)
        let map = DrawnMap("a    b    c")
        func line(_ k: Int, _ path: String, _ name: String, shift: Double = 0) -> StreetLine {
            StreetLine(
                featureIndex: k, sourceID: "way/\(k)", name: name, roadClass: "residential", oneWay: false,
                speedKmh: 30,
                points: map.path(path).map { Point(x: origin.x + shift + $0.x, y: origin.y + $0.y) })
        }
        return try StreetNetwork(
            lines: [
                line(0, "ab", "Station Road"), line(1, "bc", "Station Road"),
                line(2, "ac", "Station Road", shift: 2_500)
            ],
            crs: .britishNationalGrid)
    }

    func testAStreetLiesInThePlaceWhoseReachHoldsIt() throws {
        let network = try village()
        let places = [
            Place(name: "Oakham", kind: "town", point: Point(x: 486_050, y: 308_300)),  // 300 m away
            Place(name: "Barleythorpe", kind: "hamlet", point: Point(x: 486_050, y: 308_200)),  // nearer, smaller
            Place(name: "Manor Farm", kind: "farm", point: Point(x: 486_050, y: 308_010))  // not a settlement
        ]
        let locator = StreetLocator(
            network: network, groups: StreetGroups(network), places: places,
            registry: registry(depotAt: LonLat(lon: -0.73, lat: 52.67)))
        let streets = locator.locate(groupsOf: network.segments.map(\.id))
        XCTAssertEqual(streets.count, 2)
        let labels = Set(streets.map(\.label))
        // The town reaches 2.5 km: 300 m from it is in it, although the hamlet is nearer.
        XCTAssertTrue(labels.contains("Station Road, Oakham"), "\(labels)")
        // 2.5 km east, beyond every reach: near the place that reaches closest.
        XCTAssertTrue(labels.contains("Station Road, near Oakham"), "\(labels)")
        for s in streets {
            XCTAssertEqual(s.location.nearestDepot, "North depot")
            let centroid = try XCTUnwrap(s.centroid)
            let sw = try XCTUnwrap(s.southWest)
            let ne = try XCTUnwrap(s.northEast)
            XCTAssertTrue(
                sw.lon <= centroid.lon && centroid.lon <= ne.lon && sw.lat <= centroid.lat && centroid.lat <= ne.lat)
            XCTAssertEqual(centroid.lat, 52.67, accuracy: 0.02)
        }
    }

    func testWithoutPlacesAGridReferenceAndTheNearestDepotLocateAStreet() throws {
        let network = try village()
        let locator = StreetLocator(
            network: network, groups: StreetGroups(network), places: [],
            registry: registry(depotAt: LonLat(lon: -0.73, lat: 52.67)))
        let labels = Set(locator.locate(groupsOf: network.segments.map(\.id)).map(\.label))
        XCTAssertEqual(
            labels,
            [
                "Station Road, SK 86 08, nearest depot North depot",
                "Station Road, SK 88 08, nearest depot North depot"
            ])
        // Ids outside the network are skipped, not trapped on.
        XCTAssertTrue(locator.locate(groupsOf: [-1, 99]).isEmpty)
        // No depots either: the grid reference alone.
        let bare = StreetLocator(
            network: network, groups: StreetGroups(network), places: [], registry: OrganisationRegistry([]))
        XCTAssertEqual(bare.locate(groupsOf: [0]).first?.label, "Station Road, SK 86 08")
    }

    func testOffTheBritishGridAStreetIsLocatedByLatitudeAndLongitude() throws {
        // The same village drawn in UTM zone 31N near Lille.
        let map = DrawnMap("a    b")
        let line = StreetLine(
            featureIndex: 0, sourceID: "w", name: "Rue de la Gare", roadClass: "residential", oneWay: false,
            speedKmh: 30, points: map.path("ab").map { Point(x: 500_000 + $0.x, y: 5_610_000 + $0.y) })
        let network = try StreetNetwork(lines: [line], crs: CRS("EPSG:32631"))
        let locator = StreetLocator(
            network: network, groups: StreetGroups(network), places: [], registry: OrganisationRegistry([]))
        let label = try XCTUnwrap(locator.locate(groupsOf: [0]).first?.label)
        XCTAssertTrue(label.hasPrefix("Rue de la Gare, 50.6"), label)
        XCTAssertTrue(label.contains(", 3.000"), label)  // 25 m east of 3° E
    }

    // MARK: - Real data

    func testRutlandGroupsAreConnectedAndTheTwoTownsStationRoadsComeOutApart() throws {
        guard let file = SharedData.rutlandGeoJSON, let pbf = SharedData.rutlandPBF else {
            throw XCTSkip(SharedData.skipMessage)
        }
        let read = try StreetFile.read(file)
        let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
        let groups = StreetGroups(network)
        RutlandCheck.assertEveryGroupConnectedAndMaximal(groups, network)

        // The places of the county's own OSM extract.
        let places = try PlaceFile.read(pbf, targetCRS: network.crs)
        let located = StreetLocator(
            network: network, groups: groups, places: places, registry: OrganisationRegistry([]))
        let stationRoads = groups.groups.filter { $0.name == "Station Road" }.map(located.locate)
        let labels = stationRoads.map(\.label)
        XCTAssertTrue(labels.contains("Station Road, Oakham"), "\(labels)")
        XCTAssertTrue(labels.contains("Station Road, Uppingham"), "\(labels)")
        XCTAssertEqual(Set(labels).count, labels.count, "two Station Roads share a label: \(labels)")
        // Without places: grid references tell them apart too.
        let bare = StreetLocator(network: network, groups: groups, places: [], registry: OrganisationRegistry([]))
        let references = Set(stationRoads.map { bare.locate($0.group).location.gridReference })
        XCTAssertTrue(references.contains { $0.hasPrefix("SK 8") }, "\(references)")
        XCTAssertTrue(references.contains { $0.hasPrefix("SP 8") }, "\(references)")
        print(
            "Rutland: \(groups.groups.count) street groups from \(network.segments.count) segments; "
                + "Station Roads: \(labels)"
        )
    }
}

/// An independent check of a grouping, by brute force: within a group every
/// segment is reachable from every other through shared junctions or ends
/// within the bridge distance; across groups of one identity, no two ends are
/// that close.
enum RutlandCheck {
    static func identity(_ s: StreetSegment) -> String {
        if let u = s.usrn, !u.isEmpty { return "usrn " + u }
        if let n = s.name, !n.isEmpty { return "name " + n }
        if let r = s.ref, !r.isEmpty { return "ref " + r }
        return "source " + s.sourceID
    }

    static func touch(_ a: StreetSegment, _ b: StreetSegment, _ network: StreetNetwork) -> Bool {
        let ends = { (s: StreetSegment) in [network.junctions[s.from], network.junctions[s.to]] }
        return ends(a).contains { p in ends(b).contains { $0.distance(to: p) <= StreetGroups.defaultBridgeMetres } }
    }

    static func assertEveryGroupConnectedAndMaximal(
        _ groups: StreetGroups, _ network: StreetNetwork,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        var byIdentity: [String: [Int]] = [:]
        for (k, g) in groups.groups.enumerated() {
            let members = g.segments.map { network.segments[$0] }
            XCTAssertEqual(Set(members.map(identity)).count, 1, "group \(g.id) mixes streets", file: file, line: line)
            var reached: Set<Int> = [0]
            var frontier = [0]
            while let i = frontier.popLast() {
                for j in members.indices where !reached.contains(j) && touch(members[i], members[j], network) {
                    reached.insert(j)
                    frontier.append(j)
                }
            }
            XCTAssertEqual(
                reached.count, members.count, "group \(g.id) (\(g.name)) is not connected", file: file, line: line)
            byIdentity[identity(members[0]), default: []].append(k)
        }
        for (name, ks) in byIdentity where ks.count > 1 {
            for x in ks.indices {
                for y in ks.indices where y > x {
                    let a = groups.groups[ks[x]].segments
                    let b = groups.groups[ks[y]].segments
                    let close = a.contains { i in
                        b.contains { touch(network.segments[i], network.segments[$0], network) }
                    }
                    XCTAssertFalse(close, "two groups of \(name) touch: they should be one", file: file, line: line)
                }
            }
        }
    }
}
