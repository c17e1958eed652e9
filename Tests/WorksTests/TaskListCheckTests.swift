import Foundation
import Geometry
import StreetImport
import StreetNetwork
import TestSupport
import Works
import XCTest

/// The check the CLI and the partners' service share: read, then match.
final class TaskListCheckTests: XCTestCase {
    private func root(_ path: String) -> URL { SharedData.projectRoot.appendingPathComponent(path) }

    private func reader() throws -> TaskListReader {
        let catalogue = try ActivityCatalogue(contentsOf: root("data/activities.json"))
        return TaskListReader(
            catalogue: catalogue,
            registry: try OrganisationRegistry(
                contentsOf: root("data/organisations.json"),
                catalogue: catalogue))
    }

    private func index() throws -> SegmentIndex {
        let read = try StreetFile.read(root("data/sample-town/streets.geojson"))
        return SegmentIndex(try StreetNetwork(lines: read.lines, crs: read.targetCRS))
    }

    func testAGoodListIsReadAndEveryTaskMatched() throws {
        let bytes = try Data(contentsOf: root("data/sample-town/tasks/town-council.geojson"))
        let checked = try TaskListCheck(bytes, organisation: "town-council", reader: reader(), index: index())
        XCTAssertEqual(checked.problems, [])
        XCTAssertEqual(checked.list?.tasks.count, 5)
        XCTAssertEqual(Set(checked.matches.keys), Set(checked.list?.tasks.map(\.taskID) ?? []))
        XCTAssertTrue(checked.matches.values.allSatisfy { !$0.isEmpty })
        let unmatched = try TaskListCheck(bytes, organisation: nil, reader: reader(), index: nil)
        XCTAssertEqual(unmatched.list?.tasks.count, 5, "without a network the list is only read")
        XCTAssertTrue(unmatched.matches.isEmpty)
    }

    func testAListFarFromTheStreetsOrForAnotherOrganisationHasProblemsAndNoList() throws {
        let far = """
            {"type": "FeatureCollection", "organisation": "town-council", "features": [
             {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[-1.0, 51.0], [-1.001, 51.0]]},
              "properties": {"task_id": "FAR", "activity": "sweeping", "frequency": "weekly", "weekdays": ["mon"]}}]}
            """
        let checked = try TaskListCheck(Data(far.utf8), organisation: "town-council", reader: reader(), index: index())
        XCTAssertNil(checked.list)
        XCTAssertEqual(checked.problems.map(\.taskID), ["FAR"])
        let other = try TaskListCheck(Data(far.utf8), organisation: "county-council", reader: reader(), index: index())
        XCTAssertNil(other.list)
        XCTAssertTrue(other.problems.contains { $0.property == "organisation" })
    }
}
