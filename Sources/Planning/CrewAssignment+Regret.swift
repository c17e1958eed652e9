import StreetNetwork
import Works

/// The capacitated choice of classes: the regret heuristic for the
/// generalised assignment problem (Martello and Toth 1981), with the
/// regrets recounted as classes fill.
extension CrewAssignment {
    /// A stop's class, and whether it went there without room (no able
    /// class had room for it that day: it went to the one with most).
    struct Choice {
        var crewClass: CrewPool.CrewClass?
        var overflow = false
    }

    /// The capacitated choice of each stop, in the stops' order. Each day
    /// apart, the stop with most to lose goes next to its first class with
    /// room: its regret is the extra drive from the depot of its second
    /// class with room over its first (a stop only one class has room for
    /// first of all). When a class fills, the stops that counted on it have
    /// their regrets recounted over the classes that still have room, so a
    /// stop whose first choice is full is weighed by what it now loses. A
    /// stop no able class has room for goes last, to the able class with
    /// most room (`overflow`).
    /// - Complexity: O(n (n + c)) per day for n stops that day and c classes.
    static func capacitated(
        _ stops: [PlannedVisit], ranked: [[CrewPool.CrewClass]], crews: CrewPool,
        network: StreetNetwork
    ) -> [Choice] {
        let index = Dictionary(uniqueKeysWithValues: crews.classes.enumerated().map { ($1.key, $0) })
        let choices = ranked.map { list in list.compactMap { index[$0.key] } }
        let loads = stops.map { Double($0.serviceSeconds + PlanningStreets.seconds(network.segments[$0.segment])) }
        var chosen = [Choice](repeating: Choice(), count: stops.count)
        for (day, members) in Dictionary(grouping: stops.indices, by: { stops[$0].day }) {
            var fill = DayFill(
                room: crews.classes.map { c in
                    Double(c.crews.filter { $0.days.contains(day) }.count * c.shiftSeconds) * Self.fill
                },
                choices: choices, loads: loads)
            fill.distance = { k, c in
                min(Int.max / 4, crews.seconds(from: crews.classes[c], to: network.segments[stops[k].segment].from))
            }
            for (k, c, overflow) in fill.place(members.sorted()) {
                chosen[k] = Choice(crewClass: c.map { crews.classes[$0] }, overflow: overflow)
            }
        }
        return chosen
    }

    /// One day's room per class (by index) and the stops placed into it.
    private struct DayFill {
        var room: [Double]
        let choices: [[Int]]
        let loads: [Double]
        var distance: (Int, Int) -> Int = { _, _ in 0 }

        /// The classes with room for stop `k`, in its order of preference.
        func open(_ k: Int) -> [Int] { choices[k].filter { room[$0] >= loads[k] } }

        /// What stop `k` loses if it cannot have its first class with room.
        func regret(_ k: Int) -> Int {
            let open = open(k)
            guard open.count > 1 else { return open.isEmpty ? Int.min : Int.max }
            return distance(k, open[1]) - distance(k, open[0])
        }

        /// Places `stops` most-regret first (ties to the earlier stop); returns each stop's class.
        mutating func place(_ stops: [Int]) -> [(Int, Int?, Bool)] {
            var pending = stops
            var regrets = stops.map(regret)
            var out: [(Int, Int?, Bool)] = []
            while !pending.isEmpty {
                var best = 0
                for i in pending.indices.dropFirst()
                where regrets[i] > regrets[best] || (regrets[i] == regrets[best] && pending[i] < pending[best]) {
                    best = i
                }
                let k = pending[best]
                let open = open(k)
                let pick = open.first ?? choices[k].max { room[$0] < room[$1] }
                pending.remove(at: best)
                regrets.remove(at: best)
                out.append((k, pick, open.isEmpty))
                guard let pick else { continue }
                let before = room[pick]
                room[pick] -= loads[k]
                // Recount the stops that had room in `pick` before this one and have none now.
                for i in pending.indices where loads[pending[i]] <= before && loads[pending[i]] > room[pick] {
                    if choices[pending[i]].contains(pick) { regrets[i] = regret(pending[i]) }
                }
            }
            return out
        }
    }
}
