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
}
