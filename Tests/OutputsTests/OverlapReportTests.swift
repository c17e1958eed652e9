import Foundation
import Geometry
import Outputs
import StreetNetwork
import TestSupport
import Works
import XCTest

/// The report forms on a drawn village: findings on two Station Roads that
/// do not touch, and on a Station Road crossed by Church Lane.
final class OverlapReportTests: XCTestCase {
    // Station Road a-b-c, crossed at b by Church Lane (b-d); another Station
    // Road x-y 3 km east, in the next village. 10 m a character.
    private let picture = """
        a    b    c
             |
             d
        """

    private func network() throws -> StreetNetwork {
        let map = DrawnMap(picture)
        let origin = Point(x: 486_000, y: 308_000)
        func line(_ k: Int, _ path: String, _ name: String, east: Double = 0) -> StreetLine {
            StreetLine(
                featureIndex: k, sourceID: "way/\(k)", name: name, roadClass: "residential", oneWay: false,
                speedKmh: 30, points: map.path(path).map { Point(x: origin.x + east + $0.x, y: origin.y + $0.y) })
        }
        return try StreetNetwork(
            lines: [
                line(0, "ab", "Station Road"), line(1, "bc", "Station Road"), line(2, "bd", "Church Lane"),
                line(3, "ac", "Station Road", east: 3_000)
            ],
            crs: .britishNationalGrid)
    }

    /// Two partners sweep every street weekly: a duplicate on each segment.
    private func report(newOnly: Bool = false) throws -> OverlapReport {
        let network = try network()
        let root = SharedData.projectRoot.appendingPathComponent("data")
        let catalogue = try ActivityCatalogue(contentsOf: root.appendingPathComponent("activities.json"))
        let registry = try OrganisationRegistry(
            contentsOf: root.appendingPathComponent("organisations.json"),
            catalogue: catalogue)
        let table = try Compatibility(
            contentsOf: root.appendingPathComponent("compatibility.json"), catalogue: catalogue)
        let all = network.segments.map(\.id)
        let tasks = ["county-council", "town-council"].map { org in
            MatchedTask(
                task: StreetTask(
                    organisation: org, taskID: "SW, \(org)", activity: "sweeping", frequency: .weekly,
                    weekdays: Weekday.workingWeek), segments: all
            )
        }
        let week = try XCTUnwrap(ISOWeek(parsing: "2026-W48"))
        let findings = OverlapFinder(network: network, catalogue: catalogue, registry: registry, compatibility: table)
            .find(tasks, from: week.monday, to: week.date(of: .sunday), anchor: week)
        XCTAssertEqual(findings.count, network.segments.count)
        let places = [
            Place(name: "Oakham", kind: "town", point: Point(x: 486_050, y: 308_100)),
            Place(name: "Langham", kind: "village", point: Point(x: 489_050, y: 308_100))
        ]
        let locator = StreetLocator(network: network, groups: StreetGroups(network), places: places, registry: registry)
        let period = OverlapReport.Period(label: "2026-W48", first: week.monday, last: week.date(of: .sunday))
        return OverlapReport(findings: findings, period: period, newOnly: newOnly, locator: locator)
    }

    func testTextHasOneHeadingPerStreetNamedWithItsPlace() throws {
        let text = try report().text()
        let headings = text.split(separator: "\n").filter { !$0.hasPrefix(" ") }.dropFirst()
        XCTAssertEqual(
            headings,
            [
                "Church Lane, Oakham (1 segment, 0.02 km)", "Station Road, Langham (1 segment, 0.10 km)",
                "Station Road, Oakham (2 segments, 0.10 km)"
            ], text)
        XCTAssertTrue(text.hasPrefix("Overlaps in 2026-W48: 4 segment findings on 3 streets (4 duplicate"), text)
        XCTAssertTrue(try report(newOnly: true).text().hasPrefix("New overlaps in 2026-W48"))
    }

    func testJSONNamesEachStreetOnceWithItsOutline() throws {
        let json = try report().json()
        let streets = try XCTUnwrap(json["streets"]?.array)
        XCTAssertEqual(
            streets.compactMap { $0["label"]?.string },
            ["Church Lane, Oakham", "Station Road, Langham", "Station Road, Oakham"])
        let oakham = try XCTUnwrap(streets.first { $0["label"]?.string == "Station Road, Oakham" })
        XCTAssertEqual(oakham["segments"]?.number, 2)
        XCTAssertEqual(oakham["projected"]?["bbox"], [486_000, 308_000, 486_100, 308_000])
        XCTAssertEqual(oakham["projected"]?["centroid"], [486_050, 308_000])
        XCTAssertEqual(oakham["grid_reference"]?.string, "SK 86 08")
        let findings = try XCTUnwrap(json["findings"]?.array)
        let ids = Set(streets.compactMap { $0["id"]?.string })
        XCTAssertEqual(Set(findings.compactMap { $0["segment"]?["street_group"]?.string }), ids)
    }

    func testCSVQuotesCellsThatNeedIt() throws {
        let rows = try report().csv().split(separator: "\n")
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(String(rows[0]), OverlapReport.csvHeader)
        // The task ids hold a comma: quoted.
        XCTAssertTrue(rows[1].contains(",\"SW, county-council\","), String(rows[1]))
        // The place, then the street group's id, end each row.
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0.contains(",Oakham,") || $0.contains(",Langham,") })
    }
}
