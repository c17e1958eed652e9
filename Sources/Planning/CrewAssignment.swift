import StreetNetwork
import Works

/// Stage 4, crews and depots (the clustering half): each merged visit to
/// the crew class most of its tasks chose, a task choosing the able class
/// whose depot is nearest its streets; gritting to the nearest gritter depot.
///
/// With `.capacitated` (the default), a class takes a day's visits only up
/// to the room its crews working that day have (`fill` of their shifts,
/// the rest left for travel); the visits with most to lose go first (the
/// regret heuristic for the generalised assignment problem, Martello and
/// Toth 1981), and a visit no preferred class has room for goes to the able
/// class with most room, which balances the work between able crews.
struct CrewAssignment {
    typealias Method = CrewAssignmentMethod

    /// The share of a shift planned as work at stops (service and the street
    /// itself); the rest is left for driving between them and to the depot.
    static let fill = 0.8

    /// A visit and the crew class that will do it.
    struct Assigned {
        var visit: PlannedVisit
        var crewClass: CrewPool.CrewClass
        /// Stable weeks: the crew of the class it is routed with (last
        /// week's), so its rounds stay that crew's; nil plans fresh.
        var crew: String? = nil
    }

    var visits: [Assigned] = []
    var gritting: [Assigned] = []
    var unplaced: [UnplacedVisit] = []

    /// - Complexity: O(v c) for v visits and c crew classes, plus the
    ///   tasks' choices, O(t c) for t tasks.
    ///   Stable weeks: a stop goes first to the class of the crew its visits
    ///   had last week (`preferences`), when that class can still do it.
    init(
        _ stops: [PlannedVisit], demand: WeekDemand, crews: CrewPool, network: StreetNetwork,
        method: Method = .capacitated, preferences: PlanPreferences = PlanPreferences()
    ) {
        // Each task's own choice: the able class nearest to its streets.
        var preferred: [PlannedVisit.Part: String] = [:]
        for w in demand.taskWeeks {
            let part = PlannedVisit.Part(
                organisation: w.task.organisation, taskID: w.task.taskID,
                activity: w.task.activity)
            let segments = w.segments.map { network.segments[$0] }
            preferred[part] = crews.preferredClass(for: w.task.activity, segments: segments)?.key
        }
        let ranked = stops.map { v in
            var votes: [String: Int] = [:]
            for part in v.parts { if let key = preferred[part] { votes[key, default: 0] += 1 } }
            Self.addPreferredVotes(&votes, visit: v, preferences: preferences, crews: crews)
            return crews.ranked(for: Set(v.activities), segment: network.segments[v.segment], votes: votes, day: v.day)
        }
        let chosen =
            method == .capacitated
            ? Self.capacitated(stops, ranked: ranked, crews: crews, network: network).map(\.crewClass)
            : ranked.map(\.first)
        for (v, choice) in zip(stops, chosen) {
            guard let crewClass = choice else {
                let work = v.activities.joined(separator: " and ")
                let reason =
                    crews.canDo(Set(v.activities))
                    ? "no crew that can do \(work) works on \(v.day.fullName); give one those \"days\" in the registry"
                    : "no crew can do \(work) together; add a crew with those skills"
                unplaced.append(UnplacedVisit(visit: v, reason: reason))
                continue
            }
            visits.append(Assigned(visit: v, crewClass: crewClass))
        }
        visits = Self.keepCrews(visits, preferences: preferences, network: network)
        for v in demand.gritting {
            let segment = network.segments[v.segment]
            guard let crewClass = crews.bestClass(for: [WeekDemand.gritting], segment: segment) else {
                unplaced.append(UnplacedVisit(visit: v, reason: "no gritter crew in the registry"))
                continue
            }
            gritting.append(Assigned(visit: v, crewClass: crewClass))
        }
    }
}
