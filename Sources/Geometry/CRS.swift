/// A coordinate reference system named by an authority code, e.g.
/// `EPSG:27700` (British National Grid, the default for UK data).
public struct CRS: Hashable, Sendable, CustomStringConvertible {
    /// The code as PROJ takes it, e.g. "EPSG:27700".
    public let code: String

    public init(_ code: String) {
        self.code = code
    }

    public static let wgs84 = CRS("EPSG:4326")
    public static let britishNationalGrid = CRS("EPSG:27700")

    /// Reads the CRS names found in files: "EPSG:27700",
    /// "urn:ogc:def:crs:EPSG::27700", "urn:ogc:def:crs:OGC:1.3:CRS84".
    public init?(parsingName name: String) {
        let upper = name.uppercased()
        if upper.hasSuffix("CRS84") {
            self = .wgs84
            return
        }
        if upper.hasPrefix("URN:OGC:DEF:CRS:") {
            let parts = name.split(separator: ":", omittingEmptySubsequences: true)
            guard parts.count >= 5, let number = parts.last else { return nil }
            self.init("\(parts[4].uppercased()):\(number)")
            return
        }
        guard upper.contains(":") else { return nil }
        self.init(upper)
    }

    public var isWGS84: Bool { code == CRS.wgs84.code }

    public var description: String { code }
}
