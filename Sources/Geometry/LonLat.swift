import Foundation

/// A WGS84 (EPSG:4326) position in degrees, longitude first as in GeoJSON.
///
/// Kept apart from `Point` (projected metres) so that the two are never mixed.
public struct LonLat: Hashable, Sendable, CustomStringConvertible {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// Whether both values are finite and within the WGS84 ranges
    /// (longitude -180...180, latitude -90...90).
    public var isValidWGS84: Bool {
        lon.isFinite && lat.isFinite && abs(lon) <= 180 && abs(lat) <= 90
    }

    /// Parses "LON,LAT", as the CLI takes it.
    public init?(parsing text: String) {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lon = Double(parts[0]), let lat = Double(parts[1]) else { return nil }
        self.init(lon: lon, lat: lat)
    }

    public var description: String { "\(lon),\(lat)" }
}
