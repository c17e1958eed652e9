import Geometry

/// A partner: its depots and crews.
public struct Organisation: Sendable, Equatable {
    public struct Depot: Sendable, Equatable {
        public var id: String
        public var name: String
        public var location: LonLat
    }

    /// A crew and its vehicle: what it can do, for how long, at what cost.
    public struct Crew: Sendable, Equatable {
        public var id: String
        public var depot: String
        public var vehicleType: String
        /// Activity codes it can do.
        public var skills: [String]
        public var shiftHours: Double
        /// Capacity in `capacityUnit` (salt kg for a gritter); nil = unlimited.
        public var capacity: Double?
        public var capacityUnit: String?
        public var costPerHour: Double
        public var costPerKm: Double
        /// kg CO2e per km driven.
        public var co2ePerKm: Double
    }

    public var id: String
    public var name: String
    public var depots: [Depot]
    public var crews: [Crew]
    /// Whether its crews join the shared pool (and its tasks the shared
    /// rounds). Volunteers keep to their own rounds: false.
    public var poolsCrews: Bool = true
}
