/// Ordnance Survey National Grid references ("SK 86 08"): how people in
/// Great Britain write where a place is. Letters name the 100 km square
/// (the first of the 500 km squares S, T, N, O, H; the second one of 25
/// 100 km squares, I left out), then the easting and northing within it.
/// See Ordnance Survey, "A guide to coordinate systems in Great Britain", 2020.
public enum GridReference {
    /// The reference of a British National Grid point (EPSG:27700, metres),
    /// to `digits` digits per axis (2 = 1 km squares, 3 = 100 m); nil when
    /// the point is off the grid (outside 0..<700 km east, 0..<1300 km north).
    /// - Complexity: O(1).
    public static func text(_ p: Point, digits: Int = 2) -> String? {
        guard p.x >= 0, p.x < 700_000, p.y >= 0, p.y < 1_300_000, (1...5).contains(digits) else { return nil }
        let e100 = Int(p.x / 100_000)
        let n100 = Int(p.y / 100_000)
        var first = (19 - n100) - (19 - n100) % 5 + (e100 + 10) / 5
        var second = (19 - n100) * 5 % 25 + e100 % 5
        if first > 7 { first += 1 }  // no I
        if second > 7 { second += 1 }
        let letters = [first, second].map { String(UnicodeScalar(UInt8(65 + $0))) }.joined()
        var unit = 100_000
        for _ in 0..<digits { unit /= 10 }
        func figures(_ metres: Double) -> String {
            let within = String((Int(metres) % 100_000) / unit)
            return String(repeating: "0", count: digits - within.count) + within
        }
        return "\(letters) \(figures(p.x)) \(figures(p.y))"
    }
}
