import Works

/// One stop of a round: the visits to one segment on one day that one crew
/// does together (a shared visit when more than one organisation's task is
/// in it).
public struct PlannedVisit: Sendable, Equatable {
    /// One task's visit inside it.
    public struct Part: Sendable, Equatable, Hashable {
        public var organisation: String
        public var taskID: String
        public var activity: String

        public init(organisation: String, taskID: String, activity: String) {
            self.organisation = organisation
            self.taskID = taskID
            self.activity = activity
        }

        /// The visit of `task`.
        init(_ task: StreetTask) {
            self.init(organisation: task.organisation, taskID: task.taskID, activity: task.activity)
        }
    }

    public var segment: Int
    public var day: Weekday
    public var parts: [Part]
    /// Seconds of work at the segment (set-up included, set-up saved when
    /// merged, the same job done once).
    public var serviceSeconds: Int
    /// Capacity used, in the crew's unit (salt kg); 0 when none.
    public var demand: Double
    /// The hours it must be done in: the overlap of its tasks' hours; nil
    /// when none of them says.
    public var window: TimeWindow? = nil

    public var activities: [String] { Array(Set(parts.map(\.activity))).sorted() }
    public var organisations: [String] { Array(Set(parts.map(\.organisation))).sorted() }
}

/// A visit that could not be placed in any round, and why.
public struct UnplacedVisit: Sendable, Equatable {
    public var visit: PlannedVisit
    public var reason: String
}
