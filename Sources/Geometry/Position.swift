/// A coordinate pair exactly as a file gives it, in the file's own CRS
/// (degrees for WGS84, metres for a projected CRS). Readers turn positions
/// into `LonLat` or `Point` once the CRS is known.
public struct Position: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// What is wrong with this position as WGS84 longitude/latitude.
    public enum WGS84Problem: Sendable, Equatable {
        case notFinite
        /// Out of range, and within British National Grid's extent: metres
        /// in a file that claims WGS84, the commonest mistake with UK data.
        case looksLikeBritishNationalGrid
        case outOfRange
        /// In range, but only with latitude and longitude swapped does it fall in Great Britain
        /// (longitude 49.8..61 and latitude -8.7..2 is open sea in the Indian Ocean): the axis order of
        /// a file written latitude first. A heuristic for UK data; `isSwappedForBritain` tells it apart.
        case looksSwappedForBritain
    }

    /// Whether the position is Great Britain with latitude and longitude swapped: (52.6, -0.7) for
    /// (-0.7, 52.6).
    public var isSwappedForBritain: Bool {
        (49.8...61).contains(x) && (-8.7...2).contains(y)
    }

    /// nil when the position is a valid WGS84 longitude/latitude.
    public var wgs84Problem: WGS84Problem? {
        guard x.isFinite, y.isFinite else { return .notFinite }
        if isSwappedForBritain { return .looksSwappedForBritain }
        guard abs(x) > 180 || abs(y) > 90 else { return nil }
        return (0...800_000).contains(x) && (0...1_400_000).contains(y) ? .looksLikeBritishNationalGrid : .outOfRange
    }
}
