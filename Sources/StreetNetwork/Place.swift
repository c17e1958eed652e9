import Geometry

/// A named settlement (an OSM `place` node, or any named point of a places
/// file): what a person calls the part of the map a street lies in.
public struct Place: Sendable, Equatable {
    public var name: String
    /// The OSM place kind: city, town, village, suburb, hamlet, ...
    public var kind: String
    /// Projected metres, in the network's CRS.
    public var point: Point

    public init(name: String, kind: String, point: Point) {
        self.name = name
        self.kind = kind
        self.point = point
    }

    /// The place kinds that name where a street is: settlements people
    /// live in. Farms and single houses are left out (nobody says "High
    /// Street, Manor Farm"), and so are OSM's unpopulated `locality` names
    /// and the `quarter`s and `neighbourhood`s inside a town, which would
    /// hide the town's name.
    public static let settlementKinds: Set<String> = ["city", "town", "village", "suburb", "hamlet"]

    /// How far (metres) from its point a place of this kind usually reaches:
    /// a street this close to it lies in it.
    public var reach: Double {
        switch kind {
        case "city": 6_000
        case "town": 2_500
        case "village", "suburb": 1_200
        default: 500
        }
    }
}
