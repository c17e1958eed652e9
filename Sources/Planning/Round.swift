import Works

/// One crew's route on one day, from its depot and back.
public struct Round: Sendable, Equatable {
    public struct Stop: Sendable, Equatable {
        public var visit: PlannedVisit
        /// Served against the segment's drawing direction.
        public var reversed: Bool
        /// Seconds from the start of the round.
        public var arrival: Int
        public var departure: Int
    }

    /// One segment driven, in the round's order: served, or driven past
    /// (deadhead).
    public struct Step: Sendable, Equatable {
        public var segment: Int
        /// Driven against the segment's drawing direction.
        public var reversed: Bool
        /// Whether the crew works the segment on this pass.
        public var serving: Bool

        public init(segment: Int, reversed: Bool, serving: Bool) {
            self.segment = segment
            self.reversed = reversed
            self.serving = serving
        }
    }

    /// A day-unique id, e.g. "mon-3".
    public var id: String
    /// The day; nil for a stand-by gritting round.
    public var day: Weekday?
    public var organisation: String
    /// The crew's id in the registry (the first crew of its class for an extra shift).
    public var crew: String
    public var depot: String
    /// When it leaves the depot, in minutes after midnight; stop times count from here.
    public var startMinutes: Int
    public var stops: [Stop]
    /// The segments driven, in order (service and deadhead), with direction.
    public var path: [Step]
    public var seconds: Int
    public var serviceSeconds: Int
    public var metres: Double
    public var deadheadMetres: Double
    public var load: Double
    /// Whether this round needs a crew shift beyond the crews the depot has that day.
    public var extraShift: Bool

    /// The crew as people read it: "TC-1", or "TC-1 (extra shift)".
    public var crewLabel: String { extraShift ? "\(crew) (extra shift)" : crew }

    /// Whether the round keeps set hours: its visits have a time window
    /// (all of them or none: a routing job holds one window's visits).
    public var isTimed: Bool { stops.contains { $0.visit.window != nil } }
}
