import Foundation
import Geometry
import TestSupport
import XCTest

final class ProjectionTests: XCTestCase {
    // Without the OSTN15 grid, PROJ uses the 7-parameter Helmert transform,
    // good to about 2 m: tolerances say so.

    func testWGS84ToBritishNationalGridMatchesGDALOutputOnBristolSample() throws {
        guard let wgs = SharedData.bristolGeoJSON, let bng = SharedData.bristolBNGGeoJSON else {
            throw XCTSkip(SharedData.skipMessage)
        }
        let a = try GeoJSONDocument(data: Data(contentsOf: wgs))
        let b = try GeoJSONDocument(data: Data(contentsOf: bng))
        XCTAssertEqual(b.crs, .britishNationalGrid)
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        var worst = 0.0
        for (fa, fb) in zip(a.features, b.features) {
            for (pa, pb) in zip(fa.geometry!.allPositions, fb.geometry!.allPositions) {
                let p = try XCTUnwrap(projection.project(LonLat(lon: pa.x, lat: pa.y)))
                worst = max(worst, p.distance(to: Point(x: pb.x, y: pb.y)))
            }
        }
        // Both made by PROJ's Helmert fallback; the file is rounded to 1 cm.
        XCTAssertLessThan(worst, 2.0)
    }

    func testKnownPointAndRoundTrip() throws {
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        // Oakham Market Place; PROJ 9.1 cs2cs EPSG:4326 EPSG:27700 gives 486,145.81 E 308,769.52 N.
        let oakham = LonLat(lon: -0.7275, lat: 52.6698)
        let p = try XCTUnwrap(projection.project(oakham))
        XCTAssertEqual(p.x, 486_145.81, accuracy: 2)
        XCTAssertEqual(p.y, 308_769.52, accuracy: 2)
        let back = try XCTUnwrap(projection.unproject(p))
        XCTAssertEqual(back.lon, oakham.lon, accuracy: 1e-7)  // about 1 cm
        XCTAssertEqual(back.lat, oakham.lat, accuracy: 1e-7)
    }

    func testBatchTransformMatchesSinglePoints() throws {
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        var rng = SplitMix64(seed: 7)
        var xs: [Double] = []
        var ys: [Double] = []
        for _ in 0..<100 {
            xs.append(Double.random(in: -3.0...0.5, using: &rng))
            ys.append(Double.random(in: 51.0...54.0, using: &rng))
        }
        let singles = zip(xs, ys).map { projection.forward($0, $1)! }
        XCTAssertTrue(projection.transform(xs: &xs, ys: &ys))
        for (k, s) in singles.enumerated() {
            XCTAssertEqual(xs[k], s.0, accuracy: 1e-6)
            XCTAssertEqual(ys[k], s.1, accuracy: 1e-6)
        }
    }

    func testUnknownCRSIsNamed() {
        XCTAssertThrowsError(try Projection(from: .wgs84, to: CRS("EPSG:999999"))) { error in
            XCTAssertEqual((error as? GeometryError)?.kind, .unknownCRS)
            XCTAssertTrue("\(error)".contains("EPSG:999999"))
        }
    }

    func testProjectedCRSCheck() {
        XCTAssertTrue(Projection.isProjected(.britishNationalGrid))
        XCTAssertTrue(Projection.isProjected(CRS("EPSG:32630")))
        XCTAssertFalse(Projection.isProjected(.wgs84))
        XCTAssertFalse(Projection.isProjected(CRS("EPSG:999999")))
    }

    func testCRSNamesInFiles() {
        XCTAssertEqual(CRS(parsingName: "urn:ogc:def:crs:EPSG::27700"), .britishNationalGrid)
        XCTAssertEqual(CRS(parsingName: "urn:ogc:def:crs:OGC:1.3:CRS84"), .wgs84)
        XCTAssertEqual(CRS(parsingName: "epsg:4326"), .wgs84)
        XCTAssertNil(CRS(parsingName: "British National Grid"))
    }
}
