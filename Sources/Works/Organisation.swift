import Geometry

/// A partner: its depots and crews.
public struct Organisation: Sendable, Equatable {
    public struct Depot: Sendable, Equatable {
        public var id: String
        public var name: String
        public var location: LonLat

        public init(id: String, name: String, location: LonLat) {
            self.id = id
            self.name = name
            self.location = location
        }
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
        /// The days it works, one shift a day at most. Monday to Friday
        /// unless the registry says (`"days": ["mon", ..., "sat"]`).
        public var days: [Weekday]

        public init(
            id: String, depot: String, vehicleType: String, skills: [String], shiftHours: Double, capacity: Double?,
            capacityUnit: String?, costPerHour: Double, costPerKm: Double, co2ePerKm: Double,
            days: [Weekday] = Weekday.workingWeek
        ) {
            self.days = days
            self.id = id
            self.depot = depot
            self.vehicleType = vehicleType
            self.skills = skills
            self.shiftHours = shiftHours
            self.capacity = capacity
            self.capacityUnit = capacityUnit
            self.costPerHour = costPerHour
            self.costPerKm = costPerKm
            self.co2ePerKm = co2ePerKm
        }
    }

    public var id: String
    public var name: String
    public var depots: [Depot]
    public var crews: [Crew]
    /// Whether its crews join the shared pool (and its tasks the shared
    /// rounds). Volunteers keep to their own rounds: false.
    public var poolsCrews: Bool = true

    public init(id: String, name: String, depots: [Depot], crews: [Crew], poolsCrews: Bool = true) {
        self.id = id
        self.name = name
        self.depots = depots
        self.crews = crews
        self.poolsCrews = poolsCrews
    }
}
