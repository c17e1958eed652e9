import Works

/// What a new week should keep from the last one: for each task visit (the
/// same organisation, task id and segment) the day, crew and place in the
/// round it had. Day assignment and crew assignment honour these first
/// where they are still allowed (the task's days, the crews' skills, the
/// shift); an empty set of preferences plans fresh. Made by `PreviousPlan`.
public struct PlanPreferences: Sendable, Equatable {
    /// A task visit across weeks: whose task, and which street.
    public struct VisitKey: Hashable, Sendable {
        public var organisation: String
        public var taskID: String
        public var segment: Int

        public init(organisation: String, taskID: String, segment: Int) {
            self.organisation = organisation
            self.taskID = taskID
            self.segment = segment
        }
    }

    /// Where a task visit was: its day, crew (organisation and id), depot,
    /// and its place in the round (0 for the first stop) and the round's id.
    public struct Placement: Sendable, Equatable {
        public var day: Weekday
        public var crewOrganisation: String
        public var crew: String
        public var depot: String
        public var position: Int
        /// The round's id in the stored plan ("mon-<organisation>-<depot>-<vehicle>[-<crew>]-3"); "" when
        /// not known.
        public var round: String = ""
    }

    /// Each task visit's placements, by day.
    public private(set) var placements: [VisitKey: [Placement]] = [:]

    public init() {}

    public var isEmpty: Bool { placements.isEmpty }

    mutating func add(_ key: VisitKey, _ placement: Placement) {
        placements[key, default: []].append(placement)
    }

    /// The placements of one task's visit to one segment.
    func placements(organisation: String, taskID: String, segment: Int) -> [Placement] {
        placements[VisitKey(organisation: organisation, taskID: taskID, segment: segment)] ?? []
    }

    /// For a task on its segments: how many of them were visited on each day
    /// (index = ISO weekday), as a share of the segments (0...1).
    func dayShares(organisation: String, taskID: String, segments: [Int]) -> [Double] {
        var counts = [Double](repeating: 0, count: 8)
        guard !segments.isEmpty else { return counts }
        for s in segments {
            let days = Set(placements(organisation: organisation, taskID: taskID, segment: s).map(\.day))
            for day in days { counts[day.rawValue] += 1 }
        }
        return counts.map { $0 / Double(segments.count) }
    }

    /// The crew a stop's task visits had on its day, by votes: "org|crew" → visits.
    func crewVotes(_ visit: PlannedVisit) -> [String: Int] {
        var votes: [String: Int] = [:]
        for part in visit.parts {
            for p in placements(organisation: part.organisation, taskID: part.taskID, segment: visit.segment)
            where p.day == visit.day {
                votes[Self.crewKey(p.crewOrganisation, p.crew), default: 0] += 1
            }
        }
        return votes
    }

    /// One crew's name across organisations.
    static func crewKey(_ organisation: String, _ crew: String) -> String { "\(organisation)|\(crew)" }
}
