import Foundation
import Geometry
import StreetNetwork

/// Reads the named settlements of a places file, for locating streets in
/// reports: an OpenStreetMap PBF extract (its `place` nodes), or a GeoJSON or
/// GeoPackage file whose Point features carry `place` and `name` (as
/// `osmium export` writes place nodes).
public enum PlaceFile {
    /// - Parameters:
    ///   - targetCRS: the network's CRS; places are projected to it.
    ///   - area: when given, only places inside it (a county's places out of a
    ///     country's extract).
    /// - Throws: `StreetImportError` naming the file, the block or feature,
    ///   and the fix.
    /// - Complexity: O(n) in the file's size.
    public static func read(_ url: URL, targetCRS: CRS, within area: BoundingBox? = nil) throws -> [Place] {
        let places: [Place]
        if OSMPlaceNodes.looksLikePBF(url) {
            let projection: Projection
            do { projection = try Projection(from: .wgs84, to: targetCRS) } catch let e as GeometryError {
                throw StreetImportError(.unknownCRS, "\(url.lastPathComponent): \(e.message)")
            }
            places = try OSMPlaceNodes.read(url).compactMap { node in
                projection.project(node.location).map { Place(name: node.name, kind: node.kind, point: $0) }
            }
        } else {
            let raw: RawFeatures
            switch try StreetFileFormat.detect(url) {
            case .geoJSON: raw = try RawFeatures(geoJSON: url)
            case .geoPackage: raw = try RawFeatures(geoPackage: url, layer: nil)
            }
            var mapper = try FeatureMapper(file: url.lastPathComponent, source: raw.crs, target: targetCRS)
            for feature in raw.features { try mapper.add(feature) }
            places = mapper.places
        }
        guard let area else { return places }
        return places.filter { area.contains($0.point) }
    }
}
