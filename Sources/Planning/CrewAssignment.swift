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
    }

    var visits: [Assigned] = []
    var gritting: [Assigned] = []
    var unplaced: [UnplacedVisit] = []

    /// - Complexity: O(v c) for v visits and c crew classes, plus the
    ///   tasks' choices, O(t c) for t tasks.
    /// - Parameter merging: when given, merged stops no able class has room for are taken apart.
    init(_ stops: [PlannedVisit], demand: WeekDemand, crews: CrewPool, network: StreetNetwork,
         method: Method = .capacitated, merging: VisitMerging? = nil) {
        // Each task's own choice: the able class nearest to its streets.
        var preferred: [PlannedVisit.Part: String] = [:]
        for w in demand.taskWeeks {
            let part = PlannedVisit.Part(organisation: w.task.organisation, taskID: w.task.taskID,
                                         activity: w.task.activity)
            let segments = w.segments.map { network.segments[$0] }
            preferred[part] = crews.preferredClass(for: w.task.activity, segments: segments)?.key
        }
        func rank(_ stops: [PlannedVisit]) -> [[CrewPool.CrewClass]] {
            stops.map { v in
                var votes: [String: Int] = [:]
                for part in v.parts { if let key = preferred[part] { votes[key, default: 0] += 1 } }
                let segment = network.segments[v.segment]
                return crews.ranked(for: Set(v.activities), segment: segment, votes: votes, day: v.day)
            }
        }
        var stops = stops
        var ranked = rank(stops)
        var chosen = method == .capacitated
            ? Self.capacitated(stops, ranked: ranked, crews: crews, network: network)
            : ranked.map { Choice(crewClass: $0.first) }
        // Merged stops no able class has room for are taken apart, so other crews can take their parts.
        let full = Set(stops.indices.filter { chosen[$0].overflow && stops[$0].activities.count > 1 })
        if let merging, !full.isEmpty {
            var tasks: [PlannedVisit.Part: WeekDemand.TaskWeek] = [:]
            for w in demand.taskWeeks {
                let part = PlannedVisit.Part(organisation: w.task.organisation, taskID: w.task.taskID,
                                             activity: w.task.activity)
                tasks[part] = w
            }
            stops = stops.indices.flatMap { full.contains($0) ? merging.split(stops[$0], tasks: tasks) : [stops[$0]] }
            ranked = rank(stops)
            chosen = Self.capacitated(stops, ranked: ranked, crews: crews, network: network)
        }
        for (v, choice) in zip(stops, chosen.map(\.crewClass)) {
            guard let crewClass = choice else {
                let work = v.activities.joined(separator: " and ")
                let reason = crews.canDo(Set(v.activities))
                    ? "no crew that can do \(work) works on \(v.day.fullName); give one those \"days\" in the registry"
                    : "no crew can do \(work) together; add a crew with those skills"
                unplaced.append(UnplacedVisit(visit: v, reason: reason))
                continue
            }
            visits.append(Assigned(visit: v, crewClass: crewClass))
        }
        for v in demand.gritting {
            let segment = network.segments[v.segment]
            guard let crewClass = crews.bestClass(for: [WeekDemand.gritting], segment: segment) else {
                unplaced.append(UnplacedVisit(visit: v, reason: "no gritter crew in the registry"))
                continue
            }
            gritting.append(Assigned(visit: v, crewClass: crewClass))
        }
    }

    /// A stop's class, and whether it went there without room (to the class with most).
    struct Choice {
        var crewClass: CrewPool.CrewClass?
        var overflow = false
    }

    /// The capacitated choice of each stop, in the stops' order.
    /// - Complexity: O(v log v + v c).
    private static func capacitated(_ stops: [PlannedVisit], ranked: [[CrewPool.CrewClass]], crews: CrewPool,
                                    network: StreetNetwork) -> [Choice] {
        /// Seconds of room per class and day.
        var room: [String: Double] = [:]
        func key(_ c: CrewPool.CrewClass, _ day: Weekday) -> String { "\(c.key)#\(day.rawValue)" }
        for c in crews.classes {
            for day in Weekday.allCases {
                let working = c.crews.filter { $0.days.contains(day) }.count
                room[key(c, day)] = Double(working * c.shiftSeconds) * fill
            }
        }
        func distance(_ k: Int, _ c: CrewPool.CrewClass) -> Int {
            crews.seconds(from: c, to: network.segments[stops[k].segment].from)
        }
        // Regret: what a stop loses if its first choice is full (unreachable counts as large).
        func regret(_ k: Int) -> Int {
            guard ranked[k].count > 1 else { return Int.max }
            return min(Int.max / 4, distance(k, ranked[k][1])) - min(Int.max / 4, distance(k, ranked[k][0]))
        }
        let regrets = stops.indices.map(regret)
        let order = stops.indices.sorted { a, b in regrets[a] != regrets[b] ? regrets[a] > regrets[b] : a < b }
        var chosen = [Choice](repeating: Choice(), count: stops.count)
        for k in order {
            let v = stops[k]
            let load = Double(v.serviceSeconds + PlanningStreets.seconds(network.segments[v.segment]))
            let fits = ranked[k].first { room[key($0, v.day), default: 0] >= load }
            let pick = fits ?? ranked[k].max { room[key($0, v.day), default: 0] < room[key($1, v.day), default: 0] }
            if let pick { room[key(pick, v.day), default: 0] -= load }
            chosen[k] = Choice(crewClass: pick, overflow: fits == nil)
        }
        return chosen
    }
}
