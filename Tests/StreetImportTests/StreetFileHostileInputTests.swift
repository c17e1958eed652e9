import Foundation
import GRDB
import Geometry
import StreetImport
import TestSupport
import XCTest

/// Street files made by a careless or hostile hand: each is refused with the feature and the fix, or read
/// with what was left out reported; never a trap, a hang or a query run on the user's behalf.
final class StreetFileHostileInputTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func geoJSON(_ features: [String], name: String = "streets.geojson") throws -> URL {
        let url = directory.appendingPathComponent(name)
        let text = "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}"
        try Data(text.utf8).write(to: url)
        return url
    }

    func line(_ coordinates: String, highway: String = "residential") -> String {
        "{\"type\":\"Feature\",\"properties\":{\"highway\":\"\(highway)\"},"
            + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":\(coordinates)}}"
    }

    func assertRefused(
        _ url: URL, sourceCRS: CRS? = nil, layer: String? = nil, _ parts: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let read = { try StreetFile.read(url, sourceCRS: sourceCRS, layer: layer) }
        XCTAssertThrowsError(try read(), file: file, line: line) { error in
            XCTAssertTrue(error is StreetImportError, "\(error)", file: file, line: line)
            for part in parts {
                XCTAssertTrue("\(error)".contains(part), "\(error) lacks \(part)", file: file, line: line)
            }
        }
    }

    func testProjectedCoordinatesBeyondTheEarthAreRefused() throws {
        let url = try geoJSON([line("[[1e300,185000],[354000,185100]]")])
        assertRefused(url, sourceCRS: CRS("EPSG:27700"), ["feature 0", "beyond 100,000 km"])
    }

    func testSwappedLatitudeAndLongitudeAreNamed() throws {
        let url = try geoJSON([line("[[52.6698,-0.7275],[52.6699,-0.7214]]")])
        assertRefused(url, ["feature 0", "latitude, longitude", "swap the axes"])
    }

    func testCopiesOfOneLineAndZeroLengthLinesAreLeftOutAndCounted() throws {
        let copies = Array(repeating: line("[[-0.7275,52.6698],[-0.7214,52.6699]]"), count: 20_000)
        let url = try geoJSON(copies + [line("[[-0.72,52.66],[-0.72,52.66]]")])
        let read = try StreetFile.read(url)
        XCTAssertEqual(read.lines.count, 1)
        XCTAssertEqual(read.skipped["duplicate line (the points of an earlier one)"], 19_999)
        XCTAssertEqual(read.skipped["zero-length line"], 1)
    }

    // MARK: GeoPackage

    func le32(_ v: UInt32) -> [UInt8] { withUnsafeBytes(of: v.littleEndian, Array.init) }
    func leD(_ v: Double) -> [UInt8] { withUnsafeBytes(of: v.bitPattern.littleEndian, Array.init) }

    /// A GeoPackage blob ("GP", version, little endian without envelope, srs 27700) around `wkb`.
    func blob(_ wkb: [UInt8]) -> Data { Data([0x47, 0x50, 0, 0b0000_0001] + le32(27700) + wkb) }

    var lineWKB: [UInt8] { [1] + le32(2) + le32(2) + leD(354_000) + leD(185_000) + leD(354_100) + leD(185_050) }

    /// A minimal GeoPackage with one feature table per name, each holding `rows` geometries.
    func geoPackage(
        tables: [String], rows: [Data], srsID: DatabaseValueConvertible = 27700,
        extra: String = ""
    ) throws -> URL {
        let url = directory.appendingPathComponent("streets-\(UUID().uuidString).gpkg")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE gpkg_spatial_ref_sys (srs_id INTEGER, organization TEXT,
                                                       organization_coordsys_id INTEGER);
                    INSERT INTO gpkg_spatial_ref_sys VALUES (27700, 'EPSG', 27700);
                    CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT);
                    CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
                                                        srs_id);
                    """)
            for table in tables {
                try db.execute(sql: "CREATE TABLE \(quoted(table)) (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT)")
                try db.execute(sql: "INSERT INTO gpkg_contents VALUES (?, 'features')", arguments: [table])
                try db.execute(
                    sql: "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'LINESTRING', ?)",
                    arguments: [table, srsID])
                for row in rows {
                    try db.execute(
                        sql: "INSERT INTO \(quoted(table)) (geom, name) VALUES (?, 'High Street')",
                        arguments: [row])
                }
            }
            if !extra.isEmpty { try db.execute(sql: extra) }
        }
        try queue.close()
        return url
    }

    func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    func testACraftedLayerNameIsQuotedNeverRun() throws {
        let crafted = "roads\" ; DROP TABLE gpkg_contents; --"
        let url = try geoPackage(tables: [crafted], rows: [blob(lineWKB)])
        let read = try StreetFile.read(url, sourceCRS: nil, layer: crafted)
        XCTAssertEqual(read.lines.count, 1)
        let tables = try DatabaseQueue(path: url.path).read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master")
        }
        XCTAssertTrue(tables.contains("gpkg_contents"), "nothing was dropped")
        assertRefused(url, layer: "x\u{0}y\n", ["no layer named \"x\\u{0}y\\u{a}\""])
    }

    func testAViewPosingAsALayerIsNeverRead() throws {
        // A view whose query never ends: reading it would hang the import.
        let hang = """
            CREATE VIEW slow AS
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT NULL AS geom FROM n;
            INSERT INTO gpkg_contents VALUES ('slow', 'features');
            INSERT INTO gpkg_geometry_columns VALUES ('slow', 'geom', 'LINESTRING', 27700);
            """
        let url = try geoPackage(tables: ["roads"], rows: [blob(lineWKB)], extra: hang)
        assertRefused(url, layer: "slow", ["no layer named \"slow\"", "roads"])
        XCTAssertEqual(try StreetFile.read(url).lines.count, 1, "the first real layer is read")
    }

    func testWrongTypedValuesAndDeepGeometriesAreErrorsNotTraps() throws {
        let text = try geoPackage(tables: ["roads"], rows: [blob(lineWKB)], srsID: "not a number")
        assertRefused(text, ["srs_id 0"])
        var deep: [UInt8] = []
        for _ in 0..<50_000 { deep += [1] + le32(5) + le32(1) }
        let nested = try geoPackage(tables: ["roads"], rows: [blob(lineWKB), blob(deep)])
        assertRefused(nested, ["feature 1", "MultiLineString holds a member of WKB type 5"])
        let huge = try geoPackage(tables: ["roads"], rows: [blob([1] + le32(2) + le32(.max))])
        assertRefused(huge, ["feature 0", "more than it holds"])
        let onePoint = try geoPackage(tables: ["roads"], rows: [blob([1] + le32(2) + le32(1) + leD(1) + leD(2))])
        assertRefused(onePoint, ["feature 0", "a line of 1 point"])
    }
}
