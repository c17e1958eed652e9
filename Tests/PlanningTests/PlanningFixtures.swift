import Foundation
import Geometry
import StreetNetwork
import TestSupport
import Works
import XCTest

@testable import Planning

/// A street network drawn as text (see `DrawnMap`): each path of point
/// names a two-way residential street at 36 km/h.
/// `origin` places the drawing's (0, 0) on the British National Grid.
func drawnNetwork(_ picture: String, _ paths: [String], origin: Point = Point(x: 0, y: 0)) throws -> StreetNetwork {
    let map = DrawnMap(picture)
    let lines = paths.enumerated().map { k, names in
        StreetLine(
            featureIndex: k, sourceID: "way/\(k)", name: names, roadClass: "residential", oneWay: false,
            speedKmh: 36, points: map.path(names).map { Point(x: origin.x + $0.x, y: origin.y + $0.y) })
    }
    return try StreetNetwork(lines: lines, crs: .britishNationalGrid)
}

/// A task of the week, ready for day assignment.
func taskWeek(
    _ org: String, _ id: String, _ activity: String, segments: [Int],
    allowed: [Weekday] = Weekday.workingWeek, visits: Int = 1,
    hours: TimeWindow? = nil
) -> WeekDemand.TaskWeek {
    let task = StreetTask(
        organisation: org, taskID: id, activity: activity, frequency: .weekly, weekdays: allowed,
        hours: hours)
    return WeekDemand.TaskWeek(task: task, segments: segments, allowed: allowed, visits: visits)
}

/// A straight street of ten 100 m blocks, a to k west to east (x 0 to
/// 1,000 m), and a street of its own 400 m beyond k (l to m) that no road
/// joins; one organisation a crew class, its depot at `x` on that line.
struct LineTown {
    static let picture =
        "a         b         c         d         e         f         g         h         i         j         k"
        + "                                        l         m"
    static let origin = Point(x: 430_000, y: 290_000)
    let network: StreetNetwork
    let streets: PlanningStreets

    init() throws {
        let paths = ["ab", "bc", "cd", "de", "ef", "fg", "gh", "hi", "ij", "jk", "lm"]
        network = try drawnNetwork(Self.picture, paths, origin: Self.origin)
        streets = PlanningStreets(network)
    }

    /// The segment that starts or ends `x` metres east of a.
    func segment(at x: Double) -> Int {
        network.segments.indices.first { k in
            let s = network.segments[k]
            let xs = [s.from, s.to].map { network.junctions[$0].x - Self.origin.x }
            return abs(min(xs[0], xs[1]) - x) < 1
        } ?? -1
    }

    /// An organisation of one crew class, its depot `x` metres east of a.
    func organisation(
        _ id: String, depotAt x: Double, skills: [String] = ["sweeping"], shiftHours: Double = 8,
        costPerHour: Double = 30, crews: Int = 1
    ) throws -> Organisation {
        let projection = try Projection(from: .wgs84, to: .britishNationalGrid)
        let at = Point(x: Self.origin.x + x, y: Self.origin.y)
        let location = try XCTUnwrap(projection.unproject(at))
        let list = (1...crews).map {
            Organisation.Crew(
                id: "\(id)-\($0)", depot: "\(id)-yard", vehicleType: "van", skills: skills, shiftHours: shiftHours,
                capacity: nil, capacityUnit: nil, costPerHour: costPerHour, costPerKm: 0.5, co2ePerKm: 0.2,
                days: Weekday.workingWeek)
        }
        let depot = Organisation.Depot(id: "\(id)-yard", name: id, location: location)
        return Organisation(id: id, name: id, depots: [depot], crews: list)
    }

    /// The crews of `organisations`, placed at their depots.
    func pool(_ organisations: [Organisation]) throws -> CrewPool {
        let depots = DepotTrees(try CrewPool.depotNodes(organisations, streets: streets), streets: streets)
        return try CrewPool(organisations: organisations, streets: streets, depots: depots)
    }

    /// A stop of one task's work on `segment` on Tuesday.
    func stop(_ segment: Int, activity: String = "sweeping", seconds: Int) -> PlannedVisit {
        PlannedVisit(
            segment: segment, day: .tuesday,
            parts: [PlannedVisit.Part(organisation: "o", taskID: "t\(segment)", activity: activity)],
            serviceSeconds: seconds, demand: 0)
    }
}
