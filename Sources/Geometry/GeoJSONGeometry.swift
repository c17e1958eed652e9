import JSON

/// The geometry of one GeoJSON feature (RFC 7946), positions as in the file.
public enum GeoJSONGeometry: Equatable, Sendable {
    case point(Position)
    case lineString([Position])
    case multiLineString([[Position]])
    case polygon([[Position]])
    case multiPolygon([[[Position]]])

    /// The GeoJSON type name.
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .multiLineString: return "MultiLineString"
        case .polygon: return "Polygon"
        case .multiPolygon: return "MultiPolygon"
        }
    }

    /// Every position, in order.
    public var allPositions: [Position] {
        switch self {
        case .point(let p): return [p]
        case .lineString(let l): return l
        case .multiLineString(let ls): return ls.flatMap { $0 }
        case .polygon(let rings): return rings.flatMap { $0 }
        case .multiPolygon(let polys): return polys.flatMap { $0.flatMap { $0 } }
        }
    }

    /// Reads a geometry object.
    /// - Throws: `GeometryError.malformedGeometry` saying what is wrong, for
    ///   the caller to prefix with the feature it belongs to.
    public init(json: JSON) throws {
        guard case .object = json else {
            throw GeometryError(.malformedGeometry, "geometry is \(json.typeName), not an object")
        }
        guard let type = json["type"]?.string else {
            throw GeometryError(.malformedGeometry, "geometry has no \"type\"")
        }
        guard let coordinates = json["coordinates"] else {
            throw GeometryError(.malformedGeometry, "\(type) has no \"coordinates\"")
        }
        switch type {
        case "Point":
            self = .point(try Self.position(coordinates))
        case "LineString":
            self = .lineString(try Self.line(coordinates, type))
        case "MultiLineString":
            self = .multiLineString(try Self.list(coordinates, type).map { try Self.line($0, type) })
        case "Polygon":
            self = .polygon(try Self.rings(coordinates))
        case "MultiPolygon":
            self = .multiPolygon(try Self.list(coordinates, type).map { try Self.rings($0) })
        default:
            throw GeometryError(
                .malformedGeometry,
                "geometry type \(type) is not supported here; "
                    + "use Point, LineString, MultiLineString, Polygon or MultiPolygon")
        }
    }

    private static func list(_ json: JSON, _ type: String) throws -> [JSON] {
        guard let array = json.array else {
            throw GeometryError(.malformedGeometry, "\(type) coordinates are \(json.typeName), not an array")
        }
        return array
    }

    private static func position(_ json: JSON) throws -> Position {
        guard let pair = json.array, pair.count >= 2, let x = pair[0].number, let y = pair[1].number else {
            throw GeometryError(
                .malformedGeometry,
                "a position must be an array of two numbers [x, y], got \(json.serialized().prefix(40))")
        }
        return Position(x: x, y: y)
    }

    private static func line(_ json: JSON, _ type: String) throws -> [Position] {
        let points = try list(json, type).map(position)
        guard points.count >= 2 else {
            throw GeometryError(
                .malformedGeometry,
                "\(type) has \(points.count) point\(points.count == 1 ? "" : "s"); a line needs at least 2")
        }
        return points
    }

    private static func rings(_ json: JSON) throws -> [[Position]] {
        try list(json, "Polygon").map { ring in
            let points = try list(ring, "Polygon").map(position)
            guard points.count >= 4, points.first == points.last else {
                throw GeometryError(
                    .malformedGeometry, "a Polygon ring needs at least 4 positions, the last equal to the first")
            }
            return points
        }
    }
}

extension GeoJSONGeometry {
    /// The geometry as a GeoJSON geometry object.
    public var json: JSON {
        func pos(_ p: Position) -> JSON { [.number(p.x), .number(p.y)] }
        func line(_ l: [Position]) -> JSON { .array(l.map(pos)) }
        let coordinates: JSON
        switch self {
        case .point(let p): coordinates = pos(p)
        case .lineString(let l): coordinates = line(l)
        case .multiLineString(let ls): coordinates = .array(ls.map(line))
        case .polygon(let rings): coordinates = .array(rings.map(line))
        case .multiPolygon(let polys): coordinates = .array(polys.map { .array($0.map(line)) })
        }
        return ["type": .string(typeName), "coordinates": coordinates]
    }
}
