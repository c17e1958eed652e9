import Foundation
import Geometry
import Planning
import StreetNetwork
import Works

/// What every writer draws a round with: the street network (projected
/// metres and WGS84), the depots by organisation, and the street data's
/// attribution. Built once per plan; the per-round methods cost O(points of
/// the round).
public struct RoundDrawing {
    public let network: StreetNetwork
    public let projection: Projection
    /// Depots by organisation then depot id (names and positions for
    /// calendars, satnavs and maps); empty when no registry was given.
    public let depots: [String: [String: Organisation.Depot]]
    /// Where the street data came from, for the maps' credit line.
    public let attribution: StreetDataSource

    public init(
        network: StreetNetwork, registry: OrganisationRegistry? = nil,
        attribution: StreetDataSource = StreetDataSource(kind: .other)
    ) throws {
        self.network = network
        self.projection = try Projection(from: .wgs84, to: network.crs)
        var depots: [String: [String: Organisation.Depot]] = [:]
        for (id, organisation) in registry?.organisations ?? [:] {
            depots[id] = Dictionary(organisation.depots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        self.depots = depots
        self.attribution = attribution
    }

    /// The round's depot, when the registry names it.
    public func depot(of round: Round) -> Organisation.Depot? { depots[round.organisation]?[round.depot] }

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
        guard let p = stop.reversed ? s.points.last : s.points.first else { return nil }
        return projection.unproject(p)
    }
}

/// Clock times from a round's start.
enum WallClock {
    static let minutesPerDay = 24 * 60

    /// "HH:MM" for `seconds` after `startMinutes` past midnight (past 24 h,
    /// the next day's clock: where a date goes beside it, it is that day's).
    static func text(_ seconds: Int, startMinutes: Int) -> String {
        TimeWindow.clock((startMinutes + seconds / 60) % minutesPerDay)
    }

    /// As `text`, for people: "01:30 next day" when it is past midnight.
    static func label(_ seconds: Int, startMinutes: Int) -> String {
        let text = text(seconds, startMinutes: startMinutes)
        switch (startMinutes + seconds / 60) / minutesPerDay {
        case 0: return text
        case 1: return text + " next day"
        case let days: return text + " \(days) days later"
        }
    }
}
