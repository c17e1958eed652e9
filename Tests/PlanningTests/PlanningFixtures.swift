import Foundation
import Geometry
import StreetNetwork
import TestSupport
import Works

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
