import Foundation
import Geometry
import StreetNetwork

extension _RawFeatures {
    init(geoJSON url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw StreetImportError(.unreadableFile, "\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        let document: GeoJSONDocument
        do { document = try GeoJSONDocument(data: data) } catch let error as GeometryError {
            throw StreetImportError(error.kind == .unknownCRS ? .unknownCRS : .malformedFile, "\(url.lastPathComponent): \(error.message)")
        }
        self.init(format: .geoJSON, crs: document.crs, featureCount: document.features.count,
                  features: document.features.map {
                      Feature(index: $0.index, id: $0.id, properties: $0.properties, geometry: $0.geometry, geometryError: $0.geometryError)
                  })
        let about = ["name", "description", "title"].compactMap { document.members[$0]?.string }.joined(separator: " ")
        if about.lowercased().contains("synthetic") { dataSource = .synthetic }
    }
}
