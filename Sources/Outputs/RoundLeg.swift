import Foundation
import Geometry

/// One stretch of a round on one street, driven or served: what a route
/// sheet lists, in order, with the turn that leads onto it.
public struct RoundLeg: Sendable, Equatable {
    public enum Turn: String, Sendable {
        case start = "start"
        case straightOn = "straight on"
        case left = "turn left"
        case right = "turn right"
        case slightLeft = "bear left"
        case slightRight = "bear right"
        case uTurn = "turn round"
    }

    public var street: String
    /// Whether the crew works along it (true) or only drives it (false).
    public var serving: Bool
    public var metres: Double
    /// Seconds from the round's start when the leg begins and ends.
    public var startSeconds: Int
    public var endSeconds: Int
    /// How the crew gets onto it from the leg before.
    public var turn: Turn
    /// Activity codes done on it (empty when only driven).
    public var activities: [String]
}

/// A point of a round's line with the time the crew passes it.
public struct TimedPoint: Sendable, Equatable {
    public var point: Point
    /// Seconds from the round's start.
    public var seconds: Double
}

extension RoundLeg.Turn {
    /// The turn between a heading in and a heading out, in radians (projected
    /// metres, y north): counter-clockwise changes turn left.
    static func between(_ inHeading: Double, _ outHeading: Double) -> RoundLeg.Turn {
        var d = (outHeading - inHeading) * 180 / .pi
        while d > 180 { d -= 360 }
        while d < -180 { d += 360 }
        switch d {
        case -25...25: return .straightOn
        case 25..<60: return .slightLeft
        case -60 ..< -25: return .slightRight
        case 60..<155: return .left
        case -155 ..< -60: return .right
        default: return .uTurn
        }
    }
}
