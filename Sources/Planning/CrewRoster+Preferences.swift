import Works

/// Stable weeks in the roster: of a class's crews, the one most of a
/// round's visits had on that day last week is tried first.
extension CrewRoster {
    /// The index in `crews` (the class's crews working that day) of the crew
    /// most of `round`'s task visits had last week; nil when none of them had
    /// one of these.
    /// - Complexity: O(stops + crews).
    func preferredCrew(_ round: Round, among crews: [Organisation.Crew]) -> Int? {
        guard !preferences.isEmpty else { return nil }
        var votes: [String: Int] = [:]
        for stop in round.stops {
            for (crew, n) in preferences.crewVotes(stop.visit) { votes[crew, default: 0] += n }
        }
        let ranked = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (crew, _) in ranked {
            if let k = crews.firstIndex(where: {
                PlanPreferences.crewKey(crewClass.organisation, $0.id) == crew
            }) {
                return k
            }
        }
        return nil
    }

    /// The crews' indices with `first` (when given) tried first.
    static func order(_ indices: Range<Int>, first: Int?) -> [Int] {
        guard let first, indices.contains(first) else { return Array(indices) }
        return [first] + indices.filter { $0 != first }
    }
}
