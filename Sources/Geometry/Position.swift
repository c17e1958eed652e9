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
    }

    /// nil when the position is a valid WGS84 longitude/latitude.
    public var wgs84Problem: WGS84Problem? {
        guard x.isFinite, y.isFinite else { return .notFinite }
        guard abs(x) > 180 || abs(y) > 90 else { return nil }
        return (0...800_000).contains(x) && (0...1_400_000).contains(y) ? .looksLikeBritishNationalGrid : .outOfRange
    }
}
