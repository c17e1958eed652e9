import Foundation
import Geometry
import StreetNetwork
import Planning
import Works

/// A round's line on the map: the segments it drives, in order, each in
/// the direction driven, in projected metres and in WGS84.
public struct RoundDrawing {
    public let network: StreetNetwork
    public let projection: Projection

    public init(network: StreetNetwork) throws {
        self.network = network
        self.projection = try Projection(from: .wgs84, to: network.crs)
    }

    /// The round's points in projected metres, consecutive repeats removed.
    public func points(_ round: Round) -> [Point] {
        var out: [Point] = []
        for step in round.path {
            let pts = network.segments[step.segment].points
            for p in step.reversed ? pts.reversed() : pts where p != out.last { out.append(p) }
        }
        return out
    }

    public func lonLats(_ round: Round) -> [LonLat] {
        points(round).compactMap { projection.unproject($0) }
    }

    /// Where a stop's service starts, in WGS84.
    public func stopLocation(_ stop: Round.Stop) -> LonLat? {
        let s = network.segments[stop.visit.segment]
        let p = stop.reversed ? s.points.last! : s.points[0]
        return projection.unproject(p)
    }
}

/// Clock times from a round's start.
enum _Clock {
    /// "HH:MM" for `seconds` after `startMinutes` past midnight.
    static func text(_ seconds: Int, startMinutes: Int) -> String {
        let total = startMinutes + seconds / 60
        return String(format: "%02d:%02d", (total / 60) % 24, total % 60)
    }
}
