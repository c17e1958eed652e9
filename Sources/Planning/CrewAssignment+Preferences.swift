/// Stable weeks in crew assignment: a stop votes, before anything else, for
/// the crew class of the crew its task visits had on that day last week.
extension CrewAssignment {
    /// Votes one previous visit is worth: more than every task of a stop
    /// voting by distance, so the previous crew's class comes first whenever
    /// it has the skills (`CrewPool.bestClass` only weighs able classes).
    static let preferenceVotes = 1_000

    static func addPreferredVotes(_ votes: inout [String: Int], visit: PlannedVisit, preferences: PlanPreferences,
                                  crews: CrewPool) {
        guard !preferences.isEmpty else { return }
        for (crew, n) in preferences.crewVotes(visit) {
            guard let crewClass = crews.classes.first(where: { c in
                c.crews.contains { PlanPreferences.crewKey(c.organisation, $0.id) == crew }
            }) else { continue }
            votes[crewClass.key, default: 0] += n * preferenceVotes
        }
    }
}
