import Foundation
import JSON

/// A GeoJSON FeatureCollection as read from a file: its features with their
/// index in the file, its top-level members and its CRS.
public struct GeoJSONDocument: Sendable {
    /// One feature; `geometry` is nil when the file has `"geometry": null`,
    /// `geometryError` says why a geometry could not be read.
    public struct Feature: Sendable {
        /// Position in the file's `features` array, from 0.
        public let index: Int
        public let id: String?
        public let properties: [String: JSON]
        public let geometry: GeoJSONGeometry?
        public let geometryError: String?
    }

    public let features: [Feature]
    /// Top-level members other than `type` and `features`.
    public let members: [String: JSON]
    /// The CRS named by a legacy `crs` member (GDAL writes one for projected
    /// data); WGS84 when there is none, as RFC 7946 says.
    public let crs: CRS
    /// Whether the file named its CRS.
    public let crsIsDeclared: Bool

    /// Reads a FeatureCollection (or a single Feature).
    /// - Throws: `GeometryError.malformedJSON` for bad JSON or a document
    ///   that is not GeoJSON, with what to do about it.
    public init(data: Data) throws {
        let json: JSON
        do { json = try JSONParser.parse(data) } catch let error as JSONError {
            throw GeometryError(.malformedJSON, error.message)
        }
        guard case .object(var top) = json else {
            throw GeometryError(
                .malformedJSON,
                "the file is \(json.typeName), not a GeoJSON object; a street or task file is a FeatureCollection")
        }
        let type = top["type"]?.string
        let rawFeatures: [JSON]
        switch type {
        case "FeatureCollection":
            guard let list = top["features"]?.array else {
                throw GeometryError(
                    .malformedJSON, "the FeatureCollection has no \"features\" array; add \"features\": [ ... ]")
            }
            rawFeatures = list
        case "Feature":
            rawFeatures = [json]
        default:
            throw GeometryError(
                .malformedJSON,
                "the file's \"type\" is \(type.map { "\"\($0)\"" } ?? "missing"); "
                    + "a street or task file is a GeoJSON \"FeatureCollection\"")
        }
        if let name = top["crs"]?["properties"]?["name"]?.string {
            guard let crs = CRS(parsingName: name) else {
                throw GeometryError(
                    .unknownCRS,
                    "the file's crs \"\(name)\" is not understood; name it as EPSG:NNNN or urn:ogc:def:crs:EPSG::NNNN")
            }
            self.crs = crs
            self.crsIsDeclared = true
        } else {
            self.crs = .wgs84
            self.crsIsDeclared = false
        }
        top["type"] = nil
        top["features"] = nil
        self.members = top
        var features: [Feature] = []
        features.reserveCapacity(rawFeatures.count)
        for (index, raw) in rawFeatures.enumerated() {
            let properties = raw["properties"]?.object ?? [:]
            let id = raw["id"]?.text
            var geometry: GeoJSONGeometry?
            var problem: String?
            if raw["type"]?.string != "Feature" {
                problem = "is \(raw["type"]?.string.map { "a \"\($0)\"" } ?? raw.typeName), not a \"Feature\""
            } else if let g = raw["geometry"], !g.isNull {
                do { geometry = try GeoJSONGeometry(json: g) } catch let error as GeometryError {
                    problem = error.message
                }
            }
            features.append(
                Feature(index: index, id: id, properties: properties, geometry: geometry, geometryError: problem))
        }
        self.features = features
    }
}
