import Foundation

/// A street network drawn as text, as OSRM's Cucumber features draw theirs:
/// each letter is a point, one character = 10 m east, one line = 10 m
/// south. Tests build lines through named points ("abc" = a to b to c).
public struct DrawnMap {
    public let points: [Character: (x: Double, y: Double)]

    public init(_ picture: String) {
        var points: [Character: (x: Double, y: Double)] = [:]
        for (row, line) in picture.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for (column, c) in line.enumerated() where c.isLetter {
                points[c] = (Double(column) * 10, -Double(row) * 10)
            }
        }
        self.points = points
    }

    /// The coordinates of a path through named points.
    public func path(_ names: String) -> [(x: Double, y: Double)] {
        names.map { c in
            guard let p = points[c] else { fatalError("point \(c) is not on the map") }
            return p
        }
    }
}
