import Foundation
import Geometry
import JSON
import Planning
import Works

/// rounds.geojson: a LineString feature per round (weekday and gritting),
/// WGS84, with its figures as properties; opens in QGIS.
public enum RoundsGeoJSON {
    public static func json(_ plan: WeeklyPlan, drawing: RoundDrawing) -> JSON {
        let features: [JSON] = (plan.rounds + plan.gritting).map { r in
            let coordinates: [JSON] = drawing.lonLats(r).map { [.number(($0.lon * 1e7).rounded() / 1e7), .number(($0.lat * 1e7).rounded() / 1e7)] }
            return [
                "type": "Feature",
                "geometry": ["type": "LineString", "coordinates": .array(coordinates)],
                "properties": [
                    "round": .string(r.id), "day": r.day.map { .string($0.code) } ?? .string("standby"),
                    "kind": .string(r.day == nil ? "gritting stand-by" : "weekday"),
                    "crew": .string(r.crewLabel), "organisation": .string(r.organisation), "depot": .string(r.depot),
                    "stops": .number(Double(r.stops.count)), "km": .number((r.metres / 10).rounded() / 100),
                    "deadhead_km": .number((r.deadheadMetres / 10).rounded() / 100), "hours": .number((Double(r.seconds) / 36).rounded() / 100),
                    "load": .number((r.load * 10).rounded() / 10), "extra_shift": .bool(r.extraShift),
                    "organisations_served": .array(Array(Set(r.stops.flatMap(\.visit.organisations))).sorted().map { .string($0) }),
                ],
            ]
        }
        return ["type": "FeatureCollection", "features": .array(features)]
    }
}
