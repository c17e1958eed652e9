/// A catalogue entry: a kind of street work, how long it takes and what it
/// uses. Data, shipped in data/activities.json and overridable.
public struct Activity: Sendable, Equatable {
    /// The code task lists use: "sweeping", "litter_picking", ...
    public var code: String
    public var name: String
    /// Working speed along a street in km/h, when service time goes with length.
    public var workingSpeedKmh: Double?
    /// Minutes per segment, when service time goes with the count (gullies).
    public var minutesPerSegment: Double?
    /// Set-up minutes per visit to a street (unloading, walking out):
    /// what merging two visits saves once.
    public var setupMinutes: Double
    /// Capacity used per metre served (e.g. salt in kg for gritting), in
    /// `capacityUnit`; nil when the activity uses none.
    public var capacityPerMetre: Double?
    public var capacityUnit: String?
    /// Vehicle types that can do it.
    public var vehicleTypes: [String]

    public init(
        code: String, name: String, workingSpeedKmh: Double? = nil, minutesPerSegment: Double? = nil,
        setupMinutes: Double = 0, capacityPerMetre: Double? = nil, capacityUnit: String? = nil, vehicleTypes: [String]
    ) {
        self.code = code
        self.name = name
        self.workingSpeedKmh = workingSpeedKmh
        self.minutesPerSegment = minutesPerSegment
        self.setupMinutes = setupMinutes
        self.capacityPerMetre = capacityPerMetre
        self.capacityUnit = capacityUnit
        self.vehicleTypes = vehicleTypes
    }

    /// Minutes to serve a segment of `metres`, set-up included.
    public func serviceMinutes(metres: Double) -> Double {
        let work: Double
        if let speed = workingSpeedKmh { work = metres / 1000 / speed * 60 } else { work = minutesPerSegment ?? 0 }
        return work + setupMinutes
    }
}
