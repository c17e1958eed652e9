import Foundation
import Geometry
import JSON
import StreetNetwork

/// What a reader took from a street file: the lines kept, in projected
/// metres, and a count of what was left out and why.
public struct StreetFile: Sendable {
    public var format: StreetFileFormat
    public var sourceCRS: CRS
    public var targetCRS: CRS
    public var featureCount: Int
    public var lines: [StreetLine]
    /// Named settlements found in the same file (OSM `place` nodes exported
    /// as Points with `place` and `name`), projected: reports say which town
    /// or village a street lies in. Empty when the file names none.
    public var places: [Place]
    /// Features left out, by reason ("highway=footway", "Point geometry").
    public var skipped: [String: Int]
    /// `maxspeed` values not read as a speed (the road class's default was used), with their counts.
    public var unreadSpeeds: [String: Int] = [:]
    /// Whose data it is (OpenStreetMap, OS, the synthetic sample), for the
    /// credit line of every map drawn from it.
    public var dataSource: StreetDataSource.Kind = .other

    /// Reads a GeoJSON or GeoPackage street file and projects it.
    /// - Parameters:
    ///   - sourceCRS: overrides the CRS the file states (GeoJSON without a
    ///     `crs` member is WGS84, as RFC 7946 says).
    ///   - targetCRS: the projected CRS to work in, EPSG:27700 by default.
    ///   - layer: the GeoPackage layer; the first line layer when nil.
    /// - Throws: `StreetImportError` naming the feature and the fix.
    public static func read(
        _ url: URL, sourceCRS: CRS? = nil, targetCRS: CRS = .britishNationalGrid,
        layer: String? = nil
    ) throws -> StreetFile {
        guard Projection.isProjected(targetCRS) else {
            throw StreetImportError(
                .unknownCRS,
                "--crs \(targetCRS.code) is not a projected CRS PROJ knows; streets need metres: "
                    + "use EPSG:27700 (British National Grid) or another projected EPSG code")
        }
        let raw: RawFeatures
        switch try StreetFileFormat.detect(url) {
        case .geoJSON: raw = try RawFeatures(geoJSON: url)
        case .geoPackage: raw = try RawFeatures(geoPackage: url, layer: layer)
        }
        let source = sourceCRS ?? raw.crs
        var mapper = try FeatureMapper(file: url.lastPathComponent, source: source, target: targetCRS)
        for feature in raw.features { try mapper.add(feature) }
        guard raw.featureCount > 0 else {
            throw StreetImportError(
                .noStreets, "\(url.lastPathComponent): the file has no features; export the street layer with its lines"
            )
        }
        guard !mapper.lines.isEmpty else {
            let reasons = mapper.skipped.sorted { $0.value > $1.value }.prefix(5).map { "\($0.value) \($0.key)" }
                .joined(separator: ", ")
            throw StreetImportError(
                .noStreets,
                "\(url.lastPathComponent): none of the \(raw.featureCount) features is a vehicle street "
                    + "(left out: \(reasons)); streets are LineStrings with a vehicle highway class")
        }
        return StreetFile(
            format: raw.format, sourceCRS: source, targetCRS: targetCRS, featureCount: raw.featureCount,
            lines: mapper.lines, places: mapper.places, skipped: mapper.skipped,
            unreadSpeeds: mapper.unreadSpeeds, dataSource: raw.detectedDataSource)
    }
}

/// Features as read, before mapping: properties and geometry per feature.
struct RawFeatures {
    struct Feature {
        var index: Int
        var id: String?
        var properties: [String: JSON]
        var geometry: GeoJSONGeometry?
        var geometryError: String?
    }

    var format: StreetFileFormat
    var crs: CRS
    var featureCount: Int
    var features: [Feature]
    /// Set by a reader when the file names its source (the synthetic sample); else detected from the schema.
    var dataSource: StreetDataSource.Kind = .other
}
