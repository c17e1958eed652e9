import Geometry
import StreetNetwork

/// A task matched to the street segments it covers.
public struct MatchedSegment: Sendable, Equatable {
    public var segment: Int
    /// Metres of the segment the task covers (its whole length for points,
    /// polygons, USRNs and segment ids).
    public var sharedMetres: Double

    public init(segment: Int, sharedMetres: Double) {
        self.segment = segment
        self.sharedMetres = sharedMetres
    }
}

/// Matches tasks to street segments:
/// - a LineString (or MultiLineString) to the segments it runs along: a
///   segment matches when the stretch of it that lies within the tolerance
///   of the task's line and runs the same way (within 30 degrees) is at
///   least half the segment, or at least half the task's line, so that
///   streets merely crossing or touching it do not;
/// - a Point to the nearest segment within the point tolerance (ambiguous,
///   and reported, when another street is as near within a metre);
/// - a Polygon to the segments whose middle lies inside it;
/// - a USRN or segment ids directly.
/// A task that matches nothing is a problem, never dropped.
public struct TaskMatcher {
    public let index: SegmentIndex
    public let projection: Projection
    /// Metres a street's centre line may lie from a drawn line.
    public var lineTolerance: Double = 15
    /// Metres a point may lie from the street it means.
    public var pointTolerance: Double = 50

    public init(index: SegmentIndex, projection: Projection) {
        self.index = index
        self.projection = projection
    }

    private var network: StreetNetwork { index.network }

    /// - Returns: the matched segments (ascending id), or the problem.
    public func match(_ task: StreetTask) -> Result<[MatchedSegment], TaskListProblem> {
        func problem(_ property: String, _ message: String) -> Result<[MatchedSegment], TaskListProblem> {
            Self.failure(task, property, message)
        }
        if let ids = task.segmentIDs {
            if let bad = ids.first(where: { !network.segments.indices.contains($0) }) {
                return problem(
                    "segment_ids",
                    "segment \(bad) is not in the network (ids run from 0 to \(network.segments.count - 1)); "
                        + "take ids from 'streetrounds tasks export' or use a geometry")
            }
            if let moved = movedAway(task, from: Set(ids)) { return problem("segment_ids", moved) }
            return .success(
                Set(ids).sorted().map { MatchedSegment(segment: $0, sharedMetres: network.segments[$0].length) })
        }
        if let usrn = task.usrn, task.geometry == nil {
            let found = network.segments.filter { $0.usrn == usrn }
            guard !found.isEmpty else {
                return problem(
                    "usrn", "USRN \(usrn) is not in the street network; check the number, or give a geometry instead")
            }
            return .success(found.map { MatchedSegment(segment: $0.id, sharedMetres: $0.length) })
        }
        guard let geometry = task.geometry else { return problem("geometry", "the task says no place") }
        guard let projected = project(geometry) else {
            return problem("geometry", "the geometry cannot be projected to \(network.crs); check its coordinates")
        }
        let matches: [MatchedSegment]
        switch projected {
        case .point(let p):
            return matchPoint(p, of: task)
        case .lines(let lines):
            matches = matchLines(lines)
            if matches.isEmpty {
                return problem(
                    "geometry",
                    "the line runs along no street within \(Int(lineTolerance)) m\(nearestHint(lines[0][0])); "
                        + "draw it along the street's centre line")
            }
        case .polygons(let polygons):
            matches = matchPolygons(polygons)
            if matches.isEmpty {
                return problem(
                    "geometry",
                    "the polygon holds no street (by the middle of each segment); draw it around the streets it means")
            }
        }
        return .success(matches)
    }

    /// Why a task's drawn line and its `segment_ids` disagree (nil when they do not): an exported task whose
    /// line was moved in QGIS to other streets, its ids kept, would silently stay where it was. They agree
    /// when the line runs along at least half of the listed segments' length; streets it also runs beside
    /// (the other carriageway, a service road) do not count against them.
    private func movedAway(_ task: StreetTask, from listed: Set<Int>) -> String? {
        guard let geometry = task.geometry, case .lines(let lines)? = project(geometry) else { return nil }
        let length = listed.reduce(0) { $0 + network.segments[$1].length }
        let covered = listed.reduce(0) { sum, id in
            sum
                + (lines.filter { $0.count >= 2 }.map { coveredLength(of: network.segments[id].points, along: $0) }
                    .max() ?? 0)
        }
        guard covered < 0.5 * length else { return nil }
        var names: [String] = []
        for m in matchLines(lines) where !listed.contains(m.segment) {
            let name = network.segments[m.segment].displayName
            if !names.contains(name) { names.append(name) }
        }
        let share = "\(Int((100 * covered / max(length, 1)).rounded()))%"
        let elsewhere = names.isEmpty ? "" : " and along " + names.prefix(3).joined(separator: ", ")
        return "the geometry runs along only \(share) of the listed segment_ids' length\(elsewhere): to move the "
            + "task, remove segment_ids (the geometry is then matched); to keep it where it is, remove the geometry "
            + "or draw it back along its streets (or, if the streets were imported again since the export, submit "
            + "the list without segment_ids)"
    }

    /// A problem with `task`'s `property`, as a failed match.
    private static func failure(
        _ task: StreetTask, _ property: String, _ message: String
    ) -> Result<[MatchedSegment], TaskListProblem> {
        .failure(
            TaskListProblem(
                featureIndex: task.featureIndex, taskID: task.taskID, property: property, message: message))
    }

    /// The one segment a point of `task` means: the nearest within the
    /// tolerance, unless another street is as near.
    private func matchPoint(_ p: Point, of task: StreetTask) -> Result<[MatchedSegment], TaskListProblem> {
        let near = index.nearest(to: p, within: pointTolerance)
        guard let best = near.first else {
            return Self.failure(
                task, "geometry",
                "the point is more than \(Int(pointTolerance)) m from any street\(nearestHint(p)); "
                    + "put it on the street it means")
        }
        if let rival = near.dropFirst().first(where: {
            $0.distance - best.distance < 1
                && network.segments[$0.segment].displayName != network.segments[best.segment].displayName
        }) {
            return Self.failure(
                task, "geometry",
                "the point is ambiguous: as near to \(network.segments[best.segment].displayName) "
                    + "as to \(network.segments[rival.segment].displayName) (a junction?); "
                    + "move it onto one street or draw a LineString along it")
        }
        return .success([MatchedSegment(segment: best.segment, sharedMetres: network.segments[best.segment].length)])
    }

    private enum ProjectedGeometry {
        case point(Point)
        case lines([[Point]])
        case polygons([[[Point]]])
    }

    private func project(_ g: GeoJSONGeometry) -> ProjectedGeometry? {
        func line(_ positions: [Position]) -> [Point]? {
            var xs = positions.map(\.x)
            var ys = positions.map(\.y)
            guard projection.transform(xs: &xs, ys: &ys) else { return nil }
            return zip(xs, ys).map { Point(x: $0, y: $1) }
        }
        switch g {
        case .point(let p): return line([p]).map { .point($0[0]) }
        case .lineString(let l): return line(l).map { .lines([$0]) }
        case .multiLineString(let ls):
            let out = ls.compactMap(line)
            return out.count == ls.count ? .lines(out) : nil
        case .polygon(let rings):
            let out = rings.compactMap(line)
            return out.count == rings.count ? .polygons([out]) : nil
        case .multiPolygon(let polys):
            let out = polys.map { $0.compactMap(line) }
            return zip(out, polys).allSatisfy { $0.count == $1.count } ? .polygons(out) : nil
        }
    }

    private func nearestHint(_ p: Point) -> String {
        guard let near = index.nearest(to: p, within: 5_000).first else {
            return " (no street within 5 km: is it in the network's area?)"
        }
        return " (nearest: \(network.segments[near.segment].displayName), \(Int(near.distance)) m away)"
    }

    /// - Complexity: per line, the candidate segments near it times the
    ///   samples along each (one every 5 m or less).
    private func matchLines(_ lines: [[Point]]) -> [MatchedSegment] {
        var shared: [Int: Double] = [:]
        for line in lines where line.count >= 2 {
            guard let box = BoundingBox(around: line)?.expanded(by: lineTolerance) else { continue }
            let lineLength = Polyline.length(line)
            for id in index.segments(in: box) {
                let s = network.segments[id]
                let covered = coveredLength(of: s.points, along: line)
                if covered >= 0.5 * s.length || covered >= 0.5 * lineLength { shared[id, default: 0] += covered }
            }
        }
        return shared.keys.sorted().map {
            MatchedSegment(segment: $0, sharedMetres: min(shared[$0]!, network.segments[$0].length))
        }
    }

    /// Metres of `segment` lying within the tolerance of `line` and running
    /// the same way as the nearest piece of it (either direction).
    private func coveredLength(of segment: [Point], along line: [Point]) -> Double {
        let cosLimit = 0.866  // 30 degrees
        var covered = 0.0
        for k in 1..<segment.count {
            let a = segment[k - 1]
            let b = segment[k]
            let length = a.distance(to: b)
            guard length > 0 else { continue }
            let steps = max(1, Int((length / 5).rounded(.up)))
            let (dx, dy) = ((b.x - a.x) / length, (b.y - a.y) / length)
            for step in 0..<steps {
                let t = (Double(step) + 0.5) / Double(steps)
                let p = Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
                guard let piece = nearestPiece(p, line), piece.distance <= lineTolerance else { continue }
                if abs(dx * piece.dx + dy * piece.dy) >= cosLimit { covered += length / Double(steps) }
            }
        }
        return covered
    }

    /// The distance from p to the line and the unit direction of the piece
    /// nearest to it; nil when p lies beyond either end of the line (a
    /// street carrying straight on past where the task stops).
    private func nearestPiece(_ p: Point, _ line: [Point]) -> (distance: Double, dx: Double, dy: Double)? {
        var best: (distance: Double, dx: Double, dy: Double, beyondEnd: Bool)?
        for k in 1..<line.count {
            let a = line[k - 1]
            let b = line[k]
            let vx = b.x - a.x
            let vy = b.y - a.y
            let len2 = vx * vx + vy * vy
            guard len2 > 0 else { continue }
            let raw = ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2
            let t = min(1, max(0, raw))
            let d = Point(x: a.x + t * vx, y: a.y + t * vy).distance(to: p)
            if d < best?.distance ?? .infinity {
                let len = len2.squareRoot()
                best = (d, vx / len, vy / len, (k == 1 && raw < 0) || (k == line.count - 1 && raw > 1))
            }
        }
        guard let best, !best.beyondEnd else { return nil }
        return (best.distance, best.dx, best.dy)
    }

    private func matchPolygons(_ polygons: [[[Point]]]) -> [MatchedSegment] {
        var found: [MatchedSegment] = []
        for polygon in polygons {
            guard let outer = polygon.first, let box = BoundingBox(around: outer) else { continue }
            for id in index.segments(in: box) {
                let s = network.segments[id]
                let middle = Polyline.slice(s.points, from: s.length / 2, to: s.length / 2).first ?? s.points[0]
                if Self.contains(outer, middle) && !polygon.dropFirst().contains(where: { Self.contains($0, middle) }) {
                    found.append(MatchedSegment(segment: id, sharedMetres: s.length))
                }
            }
        }
        return Dictionary(found.map { ($0.segment, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted {
            $0.segment < $1.segment
        }
    }

    /// Ray casting (even-odd rule).
    static func contains(_ ring: [Point], _ p: Point) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i]
            let b = ring[j]
            if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }
}
