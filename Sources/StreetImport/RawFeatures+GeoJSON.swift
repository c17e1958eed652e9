import Foundation
import Geometry
import JSON
import StreetNetwork

extension RawFeatures {
    /// GeoJSON street files over this size are refused before they are read (2 GiB: about a whole
    /// English region of OpenStreetMap highways; a whole country is a GeoPackage).
    static let maxGeoJSONBytes = 2 * 1_073_741_824

    init(geoJSON url: URL) throws {
        let data: Data
        do { data = try JSONParser.readFile(url, maxBytes: Self.maxGeoJSONBytes) } catch let error as JSONError {
            throw StreetImportError(
                .unreadableFile,
                "\(error.message); a larger street network reads better as a GeoPackage")
        }
        let document: GeoJSONDocument
        do { document = try GeoJSONDocument(data: data) } catch let error as GeometryError {
            throw StreetImportError(
                error.kind == .unknownCRS ? .unknownCRS : .malformedFile, "\(url.lastPathComponent): \(error.message)")
        }
        self.init(
            format: .geoJSON, crs: document.crs, featureCount: document.features.count,
            features: document.features.map {
                Feature(
                    index: $0.index, id: $0.id, properties: $0.properties, geometry: $0.geometry,
                    geometryError: $0.geometryError)
            })
        let about = ["name", "description", "title"].compactMap { document.members[$0]?.string }.joined(separator: " ")
        if about.lowercased().contains("synthetic") { dataSource = .synthetic }
    }
}
