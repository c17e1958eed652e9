/// Two organisations visiting the same street segment in the same period.
public struct Overlap: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The same activity twice: pure waste.
        case duplicate
        /// Different activities one crew could combine, or one day could group.
        case shareable
        /// An order rule broken (sweeping before grass cutting in a week;
        /// sweeping a gritting route on a gritting day).
        case conflict
    }

    /// One side of the overlap.
    public struct Party: Sendable, Equatable {
        public var organisation: String
        public var taskID: String
        public var activity: String
        /// Visits to the segment in the period.
        public var visits: Int
    }

    /// What merging the visits would save in the period (an estimate: see
    /// docs/overlaps.md).
    public struct Saving: Sendable, Equatable {
        public var minutes: Double
        public var km: Double
        public var money: Double
        public var co2eKg: Double

        public static let zero = Saving(minutes: 0, km: 0, money: 0, co2eKg: 0)

        public static func + (a: Saving, b: Saving) -> Saving {
            Saving(
                minutes: a.minutes + b.minutes, km: a.km + b.km, money: a.money + b.money, co2eKg: a.co2eKg + b.co2eKg)
        }
    }

    /// Stable across runs: a 64-bit hash of the segment, the kind and both
    /// tasks (not the week), so the cron job can tell new findings from
    /// known ones.
    public var keyValue: UInt64

    /// The key as 16 hex digits, as reports print it.
    public var key: String {
        let digits = String(keyValue, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
    public var kind: Kind
    public var segment: Int
    public var street: String
    public var metres: Double
    /// The two parties, ordered by organisation then task id.
    public var first: Party
    public var second: Party

    public var parties: [Party] { [first, second] }
    /// Visits that coincide: per week, the fewer of the two, summed.
    public var coVisits: Int
    /// Whether one crew could do both jobs in one visit.
    public var combinable: Bool
    public var reason: String
    public var saving: Saving
}
