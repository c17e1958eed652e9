import Foundation
import Geometry
import JSON
import StreetNetwork

/// Turns raw features into projected `StreetLine`s: keeps vehicle roads,
/// reads the OSM or OS Open Roads attributes, checks coordinates and
/// projects them. Errors name the feature by index and id.
struct FeatureMapper {
    let file: String
    let source: CRS
    let projection: Projection?
    var lines: [StreetLine] = []
    /// Named settlements (Point features with `place` and `name`).
    var places: [Place] = []
    var skipped: [String: Int] = [:]
    /// `maxspeed` values of kept lines not read as a speed, with their counts.
    var unreadSpeeds: [String: Int] = [:]
    /// The lines kept so far, as read: a line with the same points as an earlier one is left out.
    var seen: Set<[Position]> = []

    init(file: String, source: CRS, target: CRS) throws {
        self.file = file
        self.source = source
        if source == target {
            projection = nil
        } else {
            do { projection = try Projection(from: source, to: target) } catch let e as GeometryError {
                throw StreetImportError(.unknownCRS, "\(file): \(e.message)")
            }
        }
    }

    /// The settlement kind of a Point feature that names one (an OSM
    /// `place` node with a `name`); nil for any other point.
    static func placeKind(_ p: [String: JSON]) -> String? {
        guard let kind = p["place"]?.text, Place.settlementKinds.contains(kind) else { return nil }
        return p["name"]?.text?.isEmpty == false ? kind : nil
    }

    mutating func add(_ feature: RawFeatures.Feature) throws {
        let p = feature.properties
        let name = "\(file): feature \(feature.index)" + (Self.sourceID(feature).map { " (id \($0))" } ?? "")
        if let problem = feature.geometryError {
            throw StreetImportError(.badFeature, "\(name): \(problem); fix or remove the feature")
        }
        guard let geometry = feature.geometry else {
            skipped["no geometry", default: 0] += 1
            return
        }
        let parts: [[Position]]
        switch geometry {
        case .lineString(let l): parts = [l]
        case .multiLineString(let ls) where ls.isEmpty:
            skipped["MultiLineString of no lines", default: 0] += 1
            return
        case .multiLineString(let ls): parts = ls
        case .point(let position) where Self.placeKind(p) != nil:
            try checkCoordinates([position], feature: name)
            let point = try project([position], feature: name)
            if let point = point.first, let kind = Self.placeKind(p), let title = p["name"]?.text {
                places.append(Place(name: title, kind: kind, point: point))
            }
            return
        default:
            skipped["\(geometry.typeName) geometry", default: 0] += 1
            return
        }
        guard let roadClass = roadClass(p) else { return }
        let kept = try keptParts(parts, feature: name)
        guard !kept.isEmpty else { return }
        var projected = try kept.map { try project($0, feature: name) }
        let oneWay = Self.oneWayCode(p)
        if oneWay == -1 { projected = projected.map { $0.reversed() } }
        let speed = RoadClass.parseMaxSpeed(p["maxspeed"]?.text)
        if speed == nil, let text = p["maxspeed"]?.text, !text.isEmpty {
            unreadSpeeds[PrintableText.of(text, limit: 30), default: 0] += 1
        }
        for (k, points) in projected.enumerated() {
            var id = Self.sourceID(feature) ?? "feature-\(feature.index)"
            if projected.count > 1 { id += "#\(k)" }
            lines.append(
                StreetLine(
                    featureIndex: feature.index, sourceID: id,
                    name: Self.first(p, "name", "name1", "name_1").map { PrintableText.of($0) },
                    roadClass: roadClass,
                    ref: Self.first(p, "ref", "roadNumber", "road_classification_number").map { PrintableText.of($0) },
                    usrn: Self.first(p, "usrn", "USRN"),
                    formOfWay: Self.first(p, "formOfWay", "form_of_way"),
                    sourceStartNode: Self.first(p, "startNode", "start_node"),
                    sourceEndNode: Self.first(p, "endNode", "end_node"),
                    oneWay: oneWay != 0, speedKmh: speed, points: points))
        }
    }

    /// The road class of a line feature, or nil (counted as skipped) for a
    /// highway no vehicle drives.
    mutating func roadClass(_ p: [String: JSON]) -> String? {
        if let highway = p["highway"]?.text {
            guard RoadClass.isVehicular(highway) else {
                skipped["highway=\(highway)", default: 0] += 1
                return nil
            }
            return highway
        } else if let osClass = Self.first(p, "class", "road_classification", "roadClassification") {
            return osClass
        } else {
            return "road"
        }
    }

    /// The parts of a line feature worth keeping: every part checked, then
    /// zero-length and already-seen parts left out (and counted as skipped).
    mutating func keptParts(_ parts: [[Position]], feature name: String) throws -> [[Position]] {
        for part in parts {
            guard part.count >= 2 else {
                let points = "\(part.count) point\(part.count == 1 ? "" : "s")"
                throw StreetImportError(
                    .badFeature,
                    "\(name): a line of \(points); "
                        + "a line needs at least 2: fix or remove the feature")
            }
            try checkCoordinates(part, feature: name)
        }
        return parts.filter { part in
            if part.allSatisfy({ $0 == part[0] }) {
                skipped["zero-length line", default: 0] += 1
                return false
            }
            if !seen.insert(part).inserted {
                skipped["duplicate line (the points of an earlier one)", default: 0] += 1
                return false
            }
            return true
        }
    }

    /// -1 reversed one-way, 1 one-way, 0 two-way. Roundabouts and motorways
    /// are one-way unless tagged otherwise, as in OSM.
    static func oneWayCode(_ p: [String: JSON]) -> Int {
        switch p["oneway"]?.text?.lowercased() {
        case "yes", "true", "1": return 1
        case "-1", "reverse": return -1
        case "no", "false", "0": return 0
        default:
            if p["junction"]?.text == "roundabout" || p["highway"]?.text == "motorway" { return 1 }
            return 0
        }
    }

    static func sourceID(_ feature: RawFeatures.Feature) -> String? {
        let p = feature.properties
        if let osm = p["@id"]?.text { return "\(p["@type"]?.text ?? "way")/\(osm)" }
        if let osm = p["osm_id"]?.text { return "way/\(osm)" }
        return feature.id ?? first(p, "identifier", "id")
    }

    static func first(_ p: [String: JSON], _ keys: String...) -> String? {
        for key in keys {
            if let value = p[key]?.text, !value.isEmpty { return value }
        }
        return nil
    }

    func checkCoordinates(_ positions: [Position], feature: String) throws {
        for pos in positions {
            let place = "\(feature): coordinate (\(pos.x), \(pos.y))"
            switch pos.wgs84Problem {
            case .notFinite?:
                throw StreetImportError(
                    .badCoordinates, "\(place) is not a finite number; fix the coordinate in the source data")
            case .looksLikeBritishNationalGrid? where source.isWGS84:
                throw StreetImportError(
                    .badCoordinates,
                    "\(place) is not longitude/latitude, yet the file claims WGS84; "
                        + "it looks like British National Grid metres: "
                        + "add a crs member naming EPSG:27700, or import with --source-crs EPSG:27700")
            case .looksSwappedForBritain? where source.isWGS84:
                throw StreetImportError(
                    .badCoordinates,
                    "\(place) reads as latitude, longitude: swapped, it lies "
                        + "in Great Britain, as written in the Indian Ocean; GeoJSON is longitude first: swap the axes")
            case .outOfRange? where source.isWGS84:
                throw StreetImportError(
                    .badCoordinates,
                    "\(place) is out of range for WGS84 (longitude -180..180, latitude -90..90); "
                        + "check the axis order and the CRS, or pass --source-crs")
            default:
                // In range, or in a projected CRS where metres are right, if not absurd: a position beyond
                // 100,000 km from the origin is no street on Earth, and would overflow the junction grid.
                guard abs(pos.x) <= 1e8, abs(pos.y) <= 1e8 else {
                    throw StreetImportError(
                        .badCoordinates,
                        "\(place) is beyond 100,000 km; no street lies there: "
                            + "check the coordinate and the CRS")
                }
            }
        }
    }

    func project(_ positions: [Position], feature: String) throws -> [Point] {
        guard let projection else { return positions.map { Point(x: $0.x, y: $0.y) } }
        var xs = positions.map(\.x)
        var ys = positions.map(\.y)
        guard projection.transform(xs: &xs, ys: &ys) else {
            throw StreetImportError(
                .badCoordinates,
                "\(feature): PROJ cannot transform its coordinates from \(projection.source.code) "
                    + "to \(projection.target.code); the feature lies outside the area of that CRS; "
                    + "choose a --crs that covers it")
        }
        guard zip(xs, ys).allSatisfy({ $0.isFinite && $1.isFinite && abs($0) <= 1e8 && abs($1) <= 1e8 }) else {
            throw StreetImportError(
                .badCoordinates,
                "\(feature): PROJ gave no usable coordinates in "
                    + "\(projection.target.code) (infinite or beyond 100,000 km); "
                    + "check the coordinates and --source-crs")
        }
        return zip(xs, ys).map { Point(x: $0, y: $1) }
    }
}
