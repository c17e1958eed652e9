import Foundation
import StreetNetwork
import Works

/// A delivered plan as the store keeps it and as the next week starts from
/// it (`PreviousPlan`): its week, mode, options, the network it was made on,
/// and per round the crew, day, depot, start and the ordered stops with the
/// task visits in each. Times and distances are left out: they are
/// recomputed, never read back.
public struct PlanRecord: Sendable, Equatable {
    /// One stop: a segment served in a direction, and the task visits done there.
    public struct Stop: Sendable, Equatable {
        public var segment: Int
        public var reversed: Bool
        public var parts: [PlannedVisit.Part]

        public init(segment: Int, reversed: Bool, parts: [PlannedVisit.Part]) {
            self.segment = segment
            self.reversed = reversed
            self.parts = parts
        }
    }

    /// One round: who, when, from where, and its stops in order.
    public struct RoundRecord: Sendable, Equatable {
        public var id: String
        public var organisation: String
        public var crew: String
        /// nil for a stand-by gritting round.
        public var day: Weekday?
        public var depot: String
        /// Minutes after midnight.
        public var startMinutes: Int
        public var stops: [Stop]

        public init(
            id: String, organisation: String, crew: String, day: Weekday?, depot: String, startMinutes: Int,
            stops: [Stop]
        ) {
            self.id = id
            self.organisation = organisation
            self.crew = crew
            self.day = day
            self.depot = depot
            self.startMinutes = startMinutes
            self.stops = stops
        }
    }

    public var week: ISOWeek
    public var mode: PlanMode
    public var createdAt: Date
    public var seed: UInt64
    /// The plan's wall-clock budget in seconds (ignored when `iterations` is set).
    public var seconds: Double
    public var iterations: Int?
    /// `PlanRecord.fingerprint(of:)` of the network the plan was made on.
    public var networkFingerprint: String
    public var rounds: [RoundRecord]

    public init(
        week: ISOWeek, mode: PlanMode, createdAt: Date, seed: UInt64, seconds: Double, iterations: Int?,
        networkFingerprint: String, rounds: [RoundRecord]
    ) {
        self.week = week
        self.mode = mode
        self.createdAt = createdAt
        self.seed = seed
        self.seconds = seconds
        self.iterations = iterations
        self.networkFingerprint = networkFingerprint
        self.rounds = rounds
    }

    /// The record of `plan`, made on `network`: weekday and gritting rounds.
    /// - Complexity: O(stops) plus the fingerprint, O(segments).
    public init(_ plan: WeeklyPlan, network: StreetNetwork, createdAt: Date = Date()) {
        let rounds = (plan.rounds + plan.gritting).map { r in
            RoundRecord(
                id: r.id, organisation: r.organisation, crew: r.crew, day: r.day, depot: r.depot,
                startMinutes: r.startMinutes,
                stops: r.stops.map {
                    Stop(segment: $0.visit.segment, reversed: $0.reversed, parts: $0.visit.parts)
                })
        }
        self.init(
            week: plan.week, mode: plan.mode, createdAt: createdAt, seed: plan.options.seed,
            seconds: plan.options.seconds, iterations: plan.options.iterations,
            networkFingerprint: Self.fingerprint(of: network), rounds: rounds)
    }

    /// Task visits in the record's weekday rounds.
    public var taskVisits: Int {
        rounds.reduce(0) { sum, r in r.day == nil ? sum : sum + r.stops.reduce(0) { $0 + $1.parts.count } }
    }

    /// A short, stable name of a street network: FNV-1a over its segments'
    /// ends and lengths (to the centimetre). Two imports of the same streets
    /// give the same name; another network almost surely another.
    /// - Complexity: O(segments).
    public static func fingerprint(of network: StreetNetwork) -> String {
        var h = FNV1a.mix(FNV1a.start, UInt64(network.segments.count))
        for s in network.segments {
            h = FNV1a.mix(h, UInt64(s.from))
            h = FNV1a.mix(h, UInt64(s.to))
            h = FNV1a.mix(h, UInt64(max(0, (s.length * 100).rounded())))
        }
        return String(h, radix: 16)
    }
}
