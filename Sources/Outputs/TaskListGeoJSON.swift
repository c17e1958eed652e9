import Geometry
import JSON
import StreetNetwork
import Works

/// A stored task list as GeoJSON: each task drawn as its matched segments,
/// with `segment_ids`, so the file can be submitted again and opens in QGIS.
public enum TaskListGeoJSON {
    /// The FeatureCollection, coordinates in WGS84 to 7 decimals.
    /// - Complexity: O(points of the matched segments).
    public static func json(
        _ entries: [MatchedTask], organisation: String, network: StreetNetwork,
        projection: Projection
    ) -> JSON {
        let features: [JSON] = entries.map { entry in
            let lines: [JSON] = entry.segments.filter { network.segments.indices.contains($0) }.map { id in
                .array(
                    network.segments[id].points.compactMap { projection.unproject($0) }.map {
                        [.number(($0.lon * 1e7).rounded() / 1e7), .number(($0.lat * 1e7).rounded() / 1e7)]
                    })
            }
            return [
                "type": "Feature", "geometry": ["type": "MultiLineString", "coordinates": .array(lines)],
                "properties": .object(properties(entry))
            ]
        }
        return ["type": "FeatureCollection", "organisation": .string(organisation), "features": .array(features)]
    }

    static func properties(_ entry: MatchedTask) -> [String: JSON] {
        let t = entry.task
        var properties: [String: JSON] = [
            "task_id": .string(t.taskID), "activity": .string(t.activity),
            "frequency": .string(t.frequency.description),
            "weekdays": .array(t.weekdays.map { .string($0.code) }),
            "segment_ids": .array(entry.segments.map { .number(Double($0)) })
        ]
        if let s = t.season {
            properties["season"] = ["from": .string(s.from.description), "to": .string(s.to.description)]
        }
        if let h = t.hours { properties["hours"] = .string(h.description) }
        if let m = t.serviceMinutes { properties["service_minutes"] = .number(m) }
        if let p = t.priority { properties["priority"] = .number(Double(p)) }
        if let w = t.cycleWeek { properties["cycle_week"] = .number(Double(w)) }
        if let n = t.notes { properties["notes"] = .string(n) }
        if let s = t.street { properties["street"] = .string(s) }
        if let u = t.usrn { properties["usrn"] = .string(u) }
        return properties
    }
}
