import Foundation
import Geometry
import JSON
import XCTest

final class GeoJSONDocumentTests: XCTestCase {
    func testReadsFeaturesCRSAndMembers() throws {
        let text = """
            {"type": "FeatureCollection", "organisation": "town-council",
             "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
             "features": [
               {"type": "Feature", "id": 7, "properties": {"name": "High Street"},
                "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}},
               {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[1, 2]]}},
               {"type": "Feature", "properties": {}, "geometry": null}
             ]}
            """
        let doc = try GeoJSONDocument(data: Data(text.utf8))
        XCTAssertEqual(doc.crs, .britishNationalGrid)
        XCTAssertTrue(doc.crsIsDeclared)
        XCTAssertEqual(doc.members["organisation"]?.string, "town-council")
        XCTAssertEqual(doc.features.count, 3)
        XCTAssertEqual(doc.features[0].id, "7")
        XCTAssertEqual(doc.features[0].geometry, .lineString([Position(x: 1, y: 2), Position(x: 3, y: 4)]))
        XCTAssertEqual(doc.features[1].geometryError, "LineString has 1 point; a line needs at least 2")
        XCTAssertNil(doc.features[2].geometry)
        XCTAssertNil(doc.features[2].geometryError)
    }

    func testNotAFeatureCollection() {
        XCTAssertThrowsError(try GeoJSONDocument(data: Data(#"{"type": "Topology"}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("FeatureCollection"))
        }
        XCTAssertThrowsError(try GeoJSONDocument(data: Data(#"{"type": "FeatureCollection"}"#.utf8))) { error in
            XCTAssertTrue("\(error)".contains("no \"features\" array"))
        }
        XCTAssertThrowsError(try GeoJSONDocument(data: Data("[1]".utf8)))
    }

    func testPolygonRingsMustClose() {
        let bad: JSON = ["type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]]
        XCTAssertThrowsError(try GeoJSONGeometry(json: bad))
        let good: JSON = ["type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]]
        XCTAssertNoThrow(try GeoJSONGeometry(json: good))
    }
}
