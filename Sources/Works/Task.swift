import Geometry

/// One line of a partner's task list: what to do, where, how often, when.
/// (Named `StreetTask` where it would clash with Swift's `Task`.)
public struct StreetTask: Sendable, Equatable {
    public var organisation: String
    /// The partner's own id, stable across submissions.
    public var taskID: String
    public var activity: String
    public var frequency: Frequency
    /// Which week of its cycle a fortnightly (1 or 2) or monthly (1 to 4)
    /// task falls due in (`Frequency.isDue`); nil = 1.
    public var cycleWeek: Int?
    public var season: Season?
    public var weekdays: [Weekday]
    public var hours: TimeWindow?
    public var usrn: String?
    public var segmentIDs: [Int]?
    /// Minutes per visit, overriding the catalogue's estimate.
    public var serviceMinutes: Double?
    /// Gritting priority: 1 (first treated) to 3.
    public var priority: Int?
    public var notes: String?
    public var street: String?
    /// Where, in WGS84 as in the file; nil when USRN or segment ids say it.
    public var geometry: GeoJSONGeometry?
    /// Feature index in the submitted file, for messages.
    public var featureIndex: Int

    public init(
        organisation: String, taskID: String, activity: String, frequency: Frequency, season: Season? = nil,
        weekdays: [Weekday] = Weekday.workingWeek, hours: TimeWindow? = nil, usrn: String? = nil,
        segmentIDs: [Int]? = nil,
        serviceMinutes: Double? = nil, priority: Int? = nil, notes: String? = nil, street: String? = nil,
        geometry: GeoJSONGeometry? = nil, featureIndex: Int = 0, cycleWeek: Int? = nil
    ) {
        self.organisation = organisation
        self.taskID = taskID
        self.activity = activity
        self.frequency = frequency
        self.cycleWeek = cycleWeek
        self.season = season
        self.weekdays = weekdays
        self.hours = hours
        self.usrn = usrn
        self.segmentIDs = segmentIDs
        self.serviceMinutes = serviceMinutes
        self.priority = priority
        self.notes = notes
        self.street = street
        self.geometry = geometry
        self.featureIndex = featureIndex
    }
}

extension StreetTask {
    /// The frequency as people read it: "monthly, week 2" when the task names its week of the cycle.
    public var whenDue: String { cycleWeek.map { "\(frequency), week \($0)" } ?? frequency.description }
}
