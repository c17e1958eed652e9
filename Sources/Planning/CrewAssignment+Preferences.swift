import StreetNetwork

/// Stable weeks in crew assignment: a stop votes, before anything else, for
/// the crew class of the crew its task visits had on that day last week.
extension CrewAssignment {
    /// Votes one previous visit is worth: more than every task of a stop
    /// voting by distance, so the previous crew's class comes first whenever
    /// it has the skills (`CrewPool.bestClass` only weighs able classes).
    static let preferenceVotes = 1_000

    static func addPreferredVotes(
        _ votes: inout [String: Int], visit: PlannedVisit, preferences: PlanPreferences,
        crews: CrewPool
    ) {
        guard !preferences.isEmpty else { return }
        for (crew, n) in preferences.crewVotes(visit) {
            guard
                let crewClass = crews.classes.first(where: { c in
                    c.crews.contains { PlanPreferences.crewKey(c.organisation, $0.id) == crew }
                })
            else { continue }
            votes[crewClass.key, default: 0] += n * preferenceVotes
        }
    }
}

extension CrewAssignment {
    /// Stable weeks inside a crew class: each visit goes with the crew of
    /// its class most of its task visits had that day, so that crew's
    /// visits are routed together as its own job (`RoutingJob.Key.crew`)
    /// and stay its rounds; a new visit joins the crew of the nearest kept
    /// visit of the same class, day and hours. Unchanged without preferences.
    /// - Complexity: O(v c) for the votes, plus O(n k) per class and day
    ///   for n new visits among k kept ones.
    static func keepCrews(_ visits: [Assigned], preferences: PlanPreferences, network: StreetNetwork) -> [Assigned] {
        guard !preferences.isEmpty else { return visits }
        var visits = visits
        for k in visits.indices {
            let votes = preferences.crewVotes(visits[k].visit)
            let c = visits[k].crewClass
            visits[k].crew = c.crews.map(\.id).filter { votes[PlanPreferences.crewKey(c.organisation, $0)] != nil }
                .max {
                    (votes[PlanPreferences.crewKey(c.organisation, $0)] ?? 0, $1)
                        < (votes[PlanPreferences.crewKey(c.organisation, $1)] ?? 0, $0)
                }
        }
        let groups = Dictionary(grouping: visits.indices) {
            "\(visits[$0].crewClass.key)|\(visits[$0].visit.day.rawValue)|\(visits[$0].visit.window?.description ?? "")"
        }
        for group in groups.keys.sorted() {
            let members = groups[group] ?? []
            let kept = members.filter { visits[$0].crew != nil }
            for k in members where visits[k].crew == nil {
                let here = network.junctions[network.segments[visits[k].visit.segment].from]
                let nearest = kept.min { a, b in
                    let pa = network.junctions[network.segments[visits[a].visit.segment].from]
                    let pb = network.junctions[network.segments[visits[b].visit.segment].from]
                    return (pa.x - here.x) * (pa.x - here.x) + (pa.y - here.y) * (pa.y - here.y)
                        < (pb.x - here.x) * (pb.x - here.x) + (pb.y - here.y) * (pb.y - here.y)
                }
                visits[k].crew = nearest.flatMap { visits[$0].crew }
            }
        }
        return visits
    }
}
