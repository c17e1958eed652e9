import Foundation
import GRDB
import Geometry
import JSON

extension RawFeatures {
    /// Reads a GeoPackage (OGC 12-128r18) feature layer through SQLite: the
    /// geometry column and CRS from `gpkg_geometry_columns` and
    /// `gpkg_spatial_ref_sys`, every other column as a property.
    init(geoPackage url: URL, layer: String?) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: url.path, configuration: configuration) } catch {
            throw StreetImportError(.unreadableFile, "\(url.path): cannot open as SQLite (\(error))")
        }
        let name = url.lastPathComponent
        do {
            self = try queue.read { db in
                guard try db.tableExists("gpkg_geometry_columns") else {
                    throw StreetImportError(
                        .malformedFile,
                        "\(name): an SQLite file without gpkg_geometry_columns is not a GeoPackage; "
                            + "export the streets as a GeoPackage or GeoJSON")
                }
                let layers = try Self.layers(db)
                let chosen: Layer?
                if let layer {
                    chosen = layers.first { $0.table == layer }
                } else {
                    chosen = layers.first { $0.geometryType.uppercased().contains("LINE") } ?? layers.first
                }
                guard let chosen else {
                    let names = layers.map(\.table).joined(separator: ", ")
                    let wanted = layer.map { "named \"\(Self.shown($0))\"" } ?? "of lines"
                    throw StreetImportError(
                        .malformedFile,
                        "\(name): no layer \(wanted); its layers are: \(names.isEmpty ? "none" : names)")
                }
                let (table, column) = (chosen.table, chosen.column)
                let crs = try Self.crs(db, srsID: chosen.srsID, file: name)
                var features: [Feature] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(Self.quotedIdentifier(table))")
                var index = 0
                while let row = try rows.next() {
                    features.append(try Self.feature(row, index: index, geometryColumn: column))
                    index += 1
                }
                return RawFeatures(format: .geoPackage, crs: crs, featureCount: features.count, features: features)
            }
        } catch let error as StreetImportError {
            throw error
        } catch {
            throw StreetImportError(.malformedFile, "\(name): cannot read the GeoPackage (\(error))")
        }
    }

    /// One row of a layer as a feature: the geometry column parsed (or its
    /// problem kept), every other non-blob column a property.
    private static func feature(_ row: Row, index: Int, geometryColumn column: String) throws -> Feature {
        var properties: [String: JSON] = [:]
        var geometry: GeoJSONGeometry?
        var problem: String?
        for (key, value) in row {
            if key == column {
                if let blob = Data.fromDatabaseValue(value) {
                    do { geometry = try WKB.parseGeoPackage(blob) } catch let e as GeometryError {
                        problem = e.message
                    }
                }
                continue
            }
            switch value.storage {
            case .null: properties[key] = .null
            case .int64(let i): properties[key] = .number(Double(i))
            case .double(let d): properties[key] = .number(d)
            case .string(let s): properties[key] = .string(s)
            case .blob: break
            }
        }
        let id = properties["identifier"]?.text ?? properties["fid"]?.text
        return Feature(index: index, id: id, properties: properties, geometry: geometry, geometryError: problem)
    }

    /// A feature layer: a table that really is one (in sqlite_master, listed in gpkg_contents as
    /// features) with its geometry column. The table name is only ever used quoted, never pasted into SQL,
    /// and a view (whose SQL would run on reading) is never read.
    struct Layer {
        var table: String
        var column: String
        var geometryType: String
        var srsID: Int
    }

    private static func layers(_ db: Database) throws -> [Layer] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT g.table_name, g.column_name, g.geometry_type_name, g.srs_id
                FROM gpkg_geometry_columns g
                JOIN sqlite_master m ON m.type = 'table' AND m.name = g.table_name
                WHERE g.table_name IN (SELECT table_name FROM gpkg_contents WHERE data_type = 'features')
                ORDER BY g.table_name
                """)
        return rows.compactMap { row in
            // Typed reads that cannot trap: a crafted file may hold any value in any column.
            guard let table = String.fromDatabaseValue(row[0]), let column = String.fromDatabaseValue(row[1]),
                table.count <= 200, column.count <= 200, !table.contains("\u{0}"), !column.contains("\u{0}")
            else { return nil }
            return Layer(
                table: table, column: column, geometryType: String.fromDatabaseValue(row[2]) ?? "",
                srsID: Int.fromDatabaseValue(row[3]) ?? 0)
        }
    }

    /// An SQL identifier in double quotes, inner quotes doubled (SQL-92): the one safe way to name a table
    /// that a file chose. (GRDB's `quotedDatabaseIdentifier` does not double inner quotes.)
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A name from the command line or a file, shown safely: control characters escaped, at most 80 characters.
    static func shown(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { c in
            c.value < 0x20 || c == "\u{7F}" ? "\\u{\(String(c.value, radix: 16))}" : String(c)
        }.joined()
        return escaped.count > 80 ? String(escaped.prefix(80)) + "…" : escaped
    }

    private static func crs(_ db: Database, srsID: Int, file: String) throws -> CRS {
        let sql = "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?"
        if let row = try Row.fetchOne(db, sql: sql, arguments: [srsID]),
            let org = String.fromDatabaseValue(row[0]), let code = Int.fromDatabaseValue(row[1]), code > 0,
            org.count <= 20, org.allSatisfy({ $0.isLetter || $0.isNumber })
        {
            return CRS("\(org.uppercased()):\(code)")
        }
        throw StreetImportError(
            .unknownCRS,
            "\(file): the layer's srs_id \(srsID) is not in gpkg_spatial_ref_sys with an authority code; "
                + "pass --source-crs EPSG:NNNN")
    }
}
