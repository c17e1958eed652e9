import Foundation
import Geometry
import Planning
import StreetNetwork
import Works

extension RoundDrawing {
    /// The round's path as steps with times: deadhead at the street's travel
    /// speed, service from the stop's arrival to its departure (waiting for
    /// a stop's hours shows as time standing still). O(path length).
    func timedSteps(_ round: Round) -> [TimedStep] {
        var out: [TimedStep] = []
        var clock = 0.0
        var stops = round.stops.makeIterator()
        for step in round.path {
            let segment = network.segments[step.segment]
            var start = clock
            var end = clock + segment.travelSeconds
            var activities: [String] = []
            if step.serving, let stop = stops.next() {
                start = max(clock, Double(stop.arrival))
                end = max(start, Double(stop.departure))
                activities = stop.visit.activities
            }
            let pts = step.reversed ? Array(segment.points.reversed()) : segment.points
            out.append(
                TimedStep(
                    segment: step.segment, serving: step.serving, points: pts, start: start, end: end,
                    activities: activities))
            clock = end
        }
        return out
    }

    /// The round's line with a time at every point (interpolated by distance
    /// along each step), consecutive repeats removed.
    public func timedPoints(_ round: Round) -> [TimedPoint] {
        var out: [TimedPoint] = []
        for step in timedSteps(round) {
            let total = max(Polyline.length(step.points), 1e-9)
            var along = 0.0
            for (k, p) in step.points.enumerated() {
                if k > 0 { along += step.points[k - 1].distance(to: p) }
                let t = step.start + (step.end - step.start) * along / total
                if let last = out.last, last.point == p {
                    out[out.count - 1].seconds = max(last.seconds, t)
                } else {
                    out.append(TimedPoint(point: p, seconds: t))
                }
            }
        }
        return out
    }

    /// The round as legs: consecutive steps on one street with the same
    /// serving flag merged, each with the turn onto it.
    public func legs(_ round: Round) -> [RoundLeg] {
        var legs: [RoundLeg] = []
        var lastHeading: Double?
        for step in timedSteps(round) {
            let street = network.segments[step.segment].displayName
            let metres = network.segments[step.segment].length
            if var leg = legs.last, leg.street == street, leg.serving == step.serving {
                leg.metres += metres
                leg.endSeconds = Int(step.end.rounded())
                leg.activities = Array(Set(leg.activities + step.activities)).sorted()
                legs[legs.count - 1] = leg
            } else {
                let turn = lastHeading.flatMap { h in
                    Self.heading(step.points, atStart: true).map { RoundLeg.Turn.between(h, $0) }
                }
                legs.append(
                    RoundLeg(
                        street: street, serving: step.serving, metres: metres, startSeconds: Int(step.start.rounded()),
                        endSeconds: Int(step.end.rounded()), turn: turn ?? .start, activities: step.activities))
            }
            lastHeading = Self.heading(step.points, atStart: false) ?? lastHeading
        }
        return legs
    }

    /// Heading in radians of the first (or last) piece of a line at least a
    /// few metres long; nil for a line without length.
    static func heading(_ points: [Point], atStart: Bool) -> Double? {
        guard points.count >= 2 else { return nil }
        let ordered = atStart ? points : points.reversed()
        guard let anchor = ordered.first else { return nil }
        let far = ordered.dropFirst().first { $0.distance(to: anchor) >= 5 } ?? ordered.last ?? anchor
        guard far != anchor else { return nil }
        return atStart ? atan2(far.y - anchor.y, far.x - anchor.x) : atan2(anchor.y - far.y, anchor.x - far.x)
    }

    /// The streets served, in order, each once per run (a street served,
    /// left and served again later appears twice).
    public func servedStreets(_ round: Round) -> [String] {
        var out: [String] = []
        for stop in round.stops {
            let name = network.segments[stop.visit.segment].displayName
            if out.last != name { out.append(name) }
        }
        return out
    }
}

/// One step of a round's path with its times. Internal to the writers.
struct TimedStep {
    var segment: Int
    var serving: Bool
    /// In the direction driven, projected metres.
    var points: [Point]
    var start: Double
    var end: Double
    var activities: [String]
}
