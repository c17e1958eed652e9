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
/// Toth 1981, its regrets recounted as classes fill: CrewAssignment+Regret),
/// and a visit no preferred class has room for goes to the able class with
/// most room, which balances the work between able crews. A merged visit
/// no able class has room for is first taken apart (`splitFull`).
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
    /// - Parameter merging: when given, a merged stop no able class has room
    ///   for that day is taken apart before routing (`splitFull`).
    init(
        _ stops: [PlannedVisit], demand: WeekDemand, crews: CrewPool, network: StreetNetwork,
        method: Method = .capacitated, preferences: PlanPreferences = PlanPreferences(),
        merging: VisitMerging? = nil
    ) {
        // Each task's own choice: the able class nearest to its streets.
        var preferred: [PlannedVisit.Part: String] = [:]
        for w in demand.taskWeeks {
            let part = PlannedVisit.Part(w.task)
            let segments = w.segments.map { network.segments[$0] }
            preferred[part] = crews.preferredClass(for: w.task.activity, segments: segments)?.key
        }
        func rank(_ stops: [PlannedVisit]) -> [[CrewPool.CrewClass]] {
            stops.map { v in
                var votes: [String: Int] = [:]
                for part in v.parts { if let key = preferred[part] { votes[key, default: 0] += 1 } }
                Self.addPreferredVotes(&votes, visit: v, preferences: preferences, crews: crews)
                let segment = network.segments[v.segment]
                return crews.ranked(
                    for: Set(v.activities), segment: segment, votes: votes, day: v.day, demand: v.demand)
            }
        }
        var stops = stops
        var ranked = rank(stops)
        var chosen = ranked.map(\.first)
        if method == .capacitated {
            var choices = Self.capacitated(stops, ranked: ranked, crews: crews, network: network)
            if let merging, let apart = Self.splitFull(stops, choices: choices, demand: demand, merging: merging) {
                stops = apart
                ranked = rank(stops)
                choices = Self.capacitated(stops, ranked: ranked, crews: crews, network: network)
            }
            chosen = choices.map(\.crewClass)
        }
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
            guard let crewClass = crews.bestClass(for: [WeekDemand.gritting], segment: segment, demand: v.demand)
            else {
                unplaced.append(UnplacedVisit(visit: v, reason: "no gritter crew in the registry"))
                continue
            }
            gritting.append(Assigned(visit: v, crewClass: crewClass))
        }
    }
}

extension CrewAssignment {
    /// Merged stops that only a full class could do, taken apart before
    /// routing: a stop of several activities that no able class had room
    /// for that day (`Choice.overflow`) becomes one stop per activity, each
    /// then free to go to any class able to do it. Merged stops that fit
    /// stay merged. Nil when there is none to take apart.
    /// - Complexity: O(v) for v stops.
    static func splitFull(
        _ stops: [PlannedVisit], choices: [Choice], demand: WeekDemand, merging: VisitMerging
    ) -> [PlannedVisit]? {
        let full = stops.indices.filter { choices[$0].overflow && stops[$0].activities.count > 1 }
        guard !full.isEmpty else { return nil }
        let tasks = Dictionary(demand.taskWeeks.map { (PlannedVisit.Part($0.task), $0) }) { _, last in last }
        let apart = Set(full)
        return stops.indices.flatMap { apart.contains($0) ? merging.split(stops[$0], tasks: tasks) : [stops[$0]] }
    }
}
