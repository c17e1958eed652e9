import ArgumentParser
import Foundation
import Geometry
import JSON
import Store
import StreetNetwork

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "The fastest route between two points on the stored network (one-way streets honoured).")

    @Option(help: "The database file.")
    var db: String

    @Option(
        parsing: .unconditional, help: "Start, as LON,LAT in WGS84 degrees (e.g. -0.7275,52.6698).",
        transform: LonLat.parse)
    var from: LonLat

    @Option(parsing: .unconditional, help: "End, as LON,LAT in WGS84 degrees.", transform: LonLat.parse)
    var to: LonLat

    @Option(help: "How far, in metres, a point may lie from the nearest street.")
    var maxSnap: Double = 500

    @Flag(help: "Print the route as a GeoJSON Feature (WGS84) instead of text.")
    var geojson = false

    func validate() throws {
        guard maxSnap > 0 else { throw ValidationError("--max-snap must be positive") }
    }

    func run() throws {
        let store = try failing { try RoundsStore(path: db, access: .read) }
        let network = try failing { try store.loadNetwork() }
        let projection = try failing { try Projection(from: .wgs84, to: network.crs) }
        func snap(_ lonLat: LonLat, _ flag: String) throws -> SegmentMatch {
            let text = lonLat.echo
            guard let point = projection.project(lonLat) else {
                throw CommandFailure(.badInput, "\(flag) \(text) cannot be projected to \(network.crs)")
            }
            guard let match = try failing({ try store.nearestSegment(to: point, maxDistance: maxSnap) }) else {
                throw CommandFailure(
                    .badInput,
                    "\(flag) \(text) is more than \(Format.fixed(maxSnap, 0)) m from any street of the network; "
                        + "give a point on or near a street, or raise --max-snap")
            }
            return match
        }
        let start = try snap(from, "--from")
        let end = try snap(to, "--to")
        let graph = StreetGraph(network)
        let route = try failing {
            try network.route(
                from: NetworkLocation(segment: start.segment.id, along: start.along),
                to: NetworkLocation(segment: end.segment.id, along: end.along), graph: graph)
        }
        // Both points at one spot: a route of no length, on the street they snap to.
        let named = route.streets(in: network)
        let streets = named.isEmpty ? [start.segment.displayName] : named
        if geojson {
            let points = route.points(in: network)
            let coordinates: [JSON] = points.compactMap { projection.unproject($0) }.map {
                [.number(($0.lon * 1e7).rounded() / 1e7), .number(($0.lat * 1e7).rounded() / 1e7)]
            }
            guard coordinates.count == points.count, !coordinates.isEmpty else {
                throw CommandFailure(.internalError, "the route cannot be projected back to longitude and latitude")
            }
            let feature: JSON = [
                "type": "Feature",
                // A LineString needs two positions; a route of one is a Point.
                "geometry": coordinates.count < 2
                    ? ["type": "Point", "coordinates": coordinates[0]]
                    : ["type": "LineString", "coordinates": .array(coordinates)],
                "properties": [
                    "distance_m": .number((route.metres * 10).rounded() / 10),
                    "time_s": .number((route.seconds * 10).rounded() / 10),
                    "streets": .array(streets.map { .string($0) })
                ]
            ]
            print(feature.serialized(pretty: true))
            return
        }
        print("From \(from.echo): \(Format.fixed(start.distance, 0)) m from \(start.segment.displayName)")
        print("To   \(to.echo): \(Format.fixed(end.distance, 0)) m from \(end.segment.displayName)")
        print("Distance: \(Format.fixed(route.metres / 1000, 2)) km, time: \(Format.duration(seconds: route.seconds))")
        print("Streets: " + streets.joined(separator: " → "))
    }
}
