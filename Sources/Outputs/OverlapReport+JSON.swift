import Foundation
import Geometry
import JSON
import Works

extension OverlapReport {
    /// The period, every finding (one per segment and pair of tasks, with
    /// its street group's id), and the streets: each group's id, name,
    /// place, centroid and bounding box (WGS84 lon/lat, and projected).
    public func json() -> JSON {
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return [
            "period": [
                "label": .string(period.label), "from": .string(day.string(from: period.first)),
                "to": .string(day.string(from: period.last))
            ],
            "new_only": .bool(newOnly),
            "findings": .array(findings.map(findingJSON)),
            "streets": .array(
                streets.values.sorted { ($0.label, $0.group.id) < ($1.label, $1.group.id) }.map(Self.streetJSON))
        ]
    }

    private func findingJSON(_ o: Overlap) -> JSON {
        let street = self.street(of: o)
        return [
            "key": .string(o.key), "kind": .string(o.kind.rawValue),
            "segment": [
                "id": .number(Double(o.segment)), "street": .string(o.street),
                "length_m": .number(Self.round(o.metres, 1)),
                "street_group": street.map { .string($0.group.id) } ?? .null,
                "place": street.map { .string($0.location.label) } ?? .null
            ],
            "organisations": .array(o.parties.map { .string($0.organisation) }),
            "activities": .array(o.parties.map { .string($0.activity) }),
            "task_ids": .array(o.parties.map { .string($0.taskID) }),
            "visits": .array(o.parties.map { .number(Double($0.visits)) }),
            "co_visits": .number(Double(o.coVisits)), "combinable": .bool(o.combinable), "reason": .string(o.reason),
            "saving": [
                "minutes": .number(Self.round(o.saving.minutes, 3)), "km": .number(Self.round(o.saving.km, 3)),
                "money_gbp": .number(Self.round(o.saving.money, 3)), "co2e_kg": .number(Self.round(o.saving.co2eKg, 3))
            ]
        ]
    }

    private static func streetJSON(_ s: LocatedStreet) -> JSON {
        let g = s.group
        let box = g.boundingBox
        func lonLat(_ p: LonLat?) -> JSON {
            p.map { .array([.number(round($0.lon, 6)), .number(round($0.lat, 6))]) } ?? .null
        }
        var bbox: JSON = .null
        if let sw = s.southWest, let ne = s.northEast {
            bbox = .array([sw.lon, sw.lat, ne.lon, ne.lat].map { .number(round($0, 6)) })
        }
        return [
            "id": .string(g.id), "name": .string(g.name), "label": .string(s.label),
            "place": s.location.place.map { .string($0) } ?? .null, "near": .bool(s.location.isNear),
            "grid_reference": .string(s.location.gridReference),
            "nearest_depot": s.location.nearestDepot.map { .string($0) } ?? .null,
            "segments": .number(Double(g.segments.count)), "length_m": .number(round(g.length, 1)),
            "centroid": lonLat(s.centroid), "bbox": bbox,
            "projected": [
                "centroid": .array([.number(round(g.centroid.x, 1)), .number(round(g.centroid.y, 1))]),
                "bbox": .array([box.minX, box.minY, box.maxX, box.maxY].map { .number(round($0, 1)) })
            ]
        ]
    }

    private static func round(_ x: Double, _ decimals: Int) -> Double {
        let scale = Foundation.pow(10, Double(decimals))
        return (x * scale).rounded() / scale
    }
}
