import Geometry
import StreetNetwork

/// Where a street lies, in words a person recognises.
public struct StreetLocation: Sendable, Equatable {
    /// The settlement the street lies in (or, with `isNear`, the closest
    /// one); nil when the data names no places.
    public var place: String?
    /// True when the street lies beyond the place's usual reach.
    public var isNear: Bool
    /// A 1 km National Grid reference ("SK 86 08") on EPSG:27700, else the
    /// centroid as "latitude, longitude" in WGS84 degrees.
    public var gridReference: String
    /// The name of the registry's depot nearest the street; nil when the
    /// registry has none.
    public var nearestDepot: String?

    /// How reports name the location: "Uppingham", "near Ayston", or
    /// "SK 86 08, nearest depot County depot" when no place is known.
    public var label: String {
        if let place { return isNear ? "near \(place)" : place }
        return nearestDepot.map { "\(gridReference), nearest depot \($0)" } ?? gridReference
    }
}

/// A street group with its location and its outline in WGS84, for reports
/// and maps.
public struct LocatedStreet: Sendable, Equatable {
    public var group: StreetGroups.Group
    public var location: StreetLocation
    /// The group's centroid in WGS84; nil when the CRS cannot be converted.
    public var centroid: LonLat?
    /// The group's bounding box in WGS84 (south-west and north-east corners).
    public var southWest: LonLat?
    public var northEast: LonLat?

    /// "Station Road, Uppingham".
    public var label: String { "\(group.name), \(location.label)" }
}

/// Locates street groups: the settlement they lie in from the places
/// imported with the network, else a grid reference and the nearest depot.
///
/// A place is "in" reach when the street's centroid lies within the place's
/// `Place.reach`; of several, the one with the smallest distance over reach
/// wins, so a street on the edge of a town is not given to a hamlet beside it.
///
/// Not `Sendable`: it holds a PROJ transform (one per thread).
/// - Complexity: O(p + d) per group for p places and d depots.
public struct StreetLocator {
    public let network: StreetNetwork
    public let groups: StreetGroups
    public let places: [Place]
    private let depots: [NamedPoint]
    /// WGS84 to the network's CRS (`unproject` goes back).
    private let projection: Projection?

    private struct NamedPoint {
        var name: String
        var point: Point
    }

    public init(network: StreetNetwork, groups: StreetGroups, places: [Place], registry: OrganisationRegistry) {
        self.network = network
        self.groups = groups
        self.places = places.filter { Place.settlementKinds.contains($0.kind) }
        let projection = try? Projection(from: .wgs84, to: network.crs)
        self.projection = projection
        var depots: [NamedPoint] = []
        for id in registry.ids {
            for depot in registry[id]?.depots ?? [] {
                if let p = projection?.project(depot.location) { depots.append(NamedPoint(name: depot.name, point: p)) }
            }
        }
        self.depots = depots
    }

    /// The located groups of these segments, each group once, in order of
    /// first appearance. Ids outside the network are skipped.
    public func locate<S: Sequence>(groupsOf segments: S) -> [LocatedStreet] where S.Element == Int {
        var seen = Set<Int>()
        var out: [LocatedStreet] = []
        for s in segments where groups.groupIndex.indices.contains(s) {
            let index = groups.groupIndex[s]
            if seen.insert(index).inserted { out.append(locate(groups.groups[index])) }
        }
        return out
    }

    public func locate(_ group: StreetGroups.Group) -> LocatedStreet {
        let c = group.centroid
        let box = group.boundingBox
        let centroid = projection?.unproject(c)
        let corners = [
            Point(x: box.minX, y: box.minY), Point(x: box.maxX, y: box.maxY),
            Point(x: box.minX, y: box.maxY), Point(x: box.maxX, y: box.minY)
        ].compactMap { projection?.unproject($0) }
        var southWest: LonLat?
        var northEast: LonLat?
        if corners.count == 4 {
            southWest = LonLat(lon: corners.map(\.lon).min() ?? 0, lat: corners.map(\.lat).min() ?? 0)
            northEast = LonLat(lon: corners.map(\.lon).max() ?? 0, lat: corners.map(\.lat).max() ?? 0)
        }
        let reference: String
        if network.crs == .britishNationalGrid, let text = GridReference.text(c) {
            reference = text
        } else if let centroid {
            reference = String(format: "%.4f, %.4f", centroid.lat, centroid.lon)
        } else {
            reference = String(format: "%.0f, %.0f (%@)", c.x, c.y, network.crs.code)
        }
        let place = places.min { $0.point.distance(to: c) / $0.reach < $1.point.distance(to: c) / $1.reach }
        let depot = depots.min { $0.point.distance(to: c) < $1.point.distance(to: c) }
        let location = StreetLocation(
            place: place?.name, isNear: place.map { $0.point.distance(to: c) > $0.reach } ?? false,
            gridReference: reference, nearestDepot: depot?.name)
        return LocatedStreet(
            group: group, location: location, centroid: centroid, southWest: southWest, northEast: northEast)
    }
}
