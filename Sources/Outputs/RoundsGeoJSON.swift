import Foundation
import Geometry
import JSON
import Planning
import Works

/// rounds.geojson: a LineString feature per round (weekday and gritting),
/// WGS84, with a stable id (`RoundText.keys`), its date and Europe/London
/// start and end times, a colour per crew (`stroke`, the simplestyle name
/// QGIS and most web maps read) and its figures, units in the property names.
public enum RoundsGeoJSON {
    public static func json(_ plan: WeeklyPlan, week: ISOWeek, drawing: RoundDrawing) -> JSON {
        let rounds = plan.rounds + plan.gritting
        let keys = RoundText.keys(plan.rounds, week: week) + RoundText.keys(plan.gritting, week: week)
        let colours = RoundText.crewColours(plan)
        func n(_ x: Double, _ digits: Double) -> JSON { .number((x * digits).rounded() / digits) }
        let features: [JSON] = zip(rounds, keys).map { r, key in
            let coordinates: [JSON] = drawing.lonLats(r).map { [n($0.lon, 1e7), n($0.lat, 1e7)] }
            var properties: [String: JSON] = [
                "round": .string(r.id), "title": .string(RoundText.title(r, drawing: drawing)),
                "iso_week": .string(week.description), "day": r.day.map { .string($0.code) } ?? .string("standby"),
                "kind": .string(r.day == nil ? "gritting stand-by" : "weekday"),
                "crew": .string(r.crewLabel), "organisation": .string(r.organisation), "depot": .string(r.depot),
                "depot_name": drawing.depot(of: r).map { .string($0.name) } ?? .null,
                "stroke": .string(colours[RoundText.crewKey(r)] ?? "#000000"),
                "stops": .number(Double(r.stops.count)), "distance_km": n(r.metres / 1000, 100),
                "deadhead_km": n(r.deadheadMetres / 1000, 100), "duration_h": n(Double(r.seconds) / 3600, 100),
                "load": n(r.load, 1_000), "extra_shift": .bool(r.extraShift),
                "streets_in_order": .array(drawing.servedStreets(r).map { .string($0) }),
                "organisations_served": .array(
                    Array(Set(r.stops.flatMap(\.visit.organisations))).sorted().map { .string($0) })
            ]
            if let day = r.day {
                properties["date"] = .string(LondonTime.dateText(week, day))
                properties["start_time_europe_london"] = .string(WallClock.text(0, startMinutes: r.startMinutes))
                properties["end_time_europe_london"] = .string(WallClock.text(r.seconds, startMinutes: r.startMinutes))
                properties["start_date"] = .string(LondonTime.dateText(week, day, minutes: r.startMinutes))
                properties["end_date"] = .string(
                    LondonTime.dateText(week, day, minutes: r.startMinutes + r.seconds / 60))
                let start = LondonTime.instant(week, day, minutes: r.startMinutes)
                properties["start_utc"] = .string(LondonTime.utcText(start))
                properties["end_utc"] = .string(LondonTime.utcText(start.addingTimeInterval(Double(r.seconds))))
            }
            return [
                "type": "Feature", "id": .string(key),
                "geometry": ["type": "LineString", "coordinates": .array(coordinates)],
                "properties": .object(properties)
            ]
        }
        return ["type": "FeatureCollection", "name": .string("StreetRounds \(week)"), "features": .array(features)]
    }
}
