import Foundation
import GRDB
import Geometry
import JSON

extension _RawFeatures {
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
                    throw StreetImportError(.malformedFile, "\(name): an SQLite file without gpkg_geometry_columns is not a GeoPackage; export the streets as a GeoPackage or GeoJSON")
                }
                let layers = try Row.fetchAll(db, sql: """
                    SELECT table_name, column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name
                    """)
                let chosen: Row?
                if let layer {
                    chosen = layers.first { ($0["table_name"] as String?) == layer }
                } else {
                    chosen = layers.first { (($0["geometry_type_name"] as String?) ?? "").uppercased().contains("LINE") } ?? layers.first
                }
                guard let chosen, let table: String = chosen["table_name"], let column: String = chosen["column_name"] else {
                    let names = layers.compactMap { $0["table_name"] as String? }.joined(separator: ", ")
                    throw StreetImportError(.malformedFile, "\(name): no layer \(layer.map { "named \"\($0)\"" } ?? "of lines"); its layers are: \(names.isEmpty ? "none" : names)")
                }
                let srsID: Int = chosen["srs_id"] ?? 0
                let crs = try Self.crs(db, srsID: srsID, file: name)
                var features: [Feature] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
                var index = 0
                while let row = try rows.next() {
                    var properties: [String: JSON] = [:]
                    var geometry: GeoJSONGeometry?
                    var problem: String?
                    for (key, value) in row {
                        if key == column {
                            if let blob = Data.fromDatabaseValue(value) {
                                do { geometry = try WKB.parseGeoPackage(blob) } catch let e as GeometryError { problem = e.message }
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
                    features.append(Feature(index: index, id: id, properties: properties, geometry: geometry, geometryError: problem))
                    index += 1
                }
                return _RawFeatures(format: .geoPackage, crs: crs, featureCount: features.count, features: features)
            }
        } catch let error as StreetImportError {
            throw error
        } catch {
            throw StreetImportError(.malformedFile, "\(name): cannot read the GeoPackage (\(error))")
        }
    }

    private static func crs(_ db: Database, srsID: Int, file: String) throws -> CRS {
        if let row = try Row.fetchOne(db, sql: "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?", arguments: [srsID]),
           let org: String = row["organization"], let code: Int = row["organization_coordsys_id"], code > 0 {
            return CRS("\(org.uppercased()):\(code)")
        }
        throw StreetImportError(.unknownCRS, "\(file): the layer's srs_id \(srsID) is not in gpkg_spatial_ref_sys with an authority code; pass --source-crs EPSG:NNNN")
    }
}
