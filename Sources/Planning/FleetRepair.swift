import ArcRouting
import Works

/// Stage 7b, fleet repair: crews are finite. A round that no crew of its
/// class can take on its day (all working crews' shifts full) is moved
/// whole to another crew class of the same pool that can do its work and
/// whose crews working that day have the time to spare, the nearest depot
/// first: re-routed from that depot and rostered again. What still does not
/// fit becomes a shortfall (crew hours per day and depot) and its visits
/// unplaced, so every round of the plan has a real crew within its shift on
/// one of its days. A repair move between routes of different depots, as in
/// the multi-depot repair of Cordeau, Gendreau and Laporte 1997.
struct FleetRepair {
    let builder: RoundBuilder
    let options: PlanOptions
    /// The pool of each roster key, for the other classes.
    let pools: [CrewPool]
    /// Each task's allowed days and visits, to say whether others exist.
    let taskDays: [PlannedVisit.Part: WeekDemand.TaskWeek]
    /// Whether left-over rounds are moved to other crew classes (false:
    /// straight to the shortfall, the simplest rule, for comparison).
    var repairs = true

    /// The outcome: every placed round, and what the fleet could not do.
    struct Repaired {
        var rounds: [Round] = []
        var unplaced: [UnplacedVisit] = []
        var shortfalls: [Shortfall] = []
        var solverSeconds = 0.0
    }

    /// - Parameter rostered: each roster's placed and left-over rounds.
    /// - Complexity: one routing job per move tried (at most two per left-over round).
    func repair(_ rostered: [CrewRoster.Key: CrewRoster.Rostered], classes: [String: CrewPool.CrewClass],
                budget: inout RoutingBudget) -> Repaired {
        var placed = rostered.mapValues(\.placed)
        var out = Repaired()
        var short: [String: Shortfall] = [:]
        var lost: [String: [PlannedVisit]] = [:]
        var moves = 0
        for key in rostered.keys.sorted() {
            for round in rostered[key]?.leftOver ?? [] {
                guard let from = classes[key.crewClass] else { continue }
                moves += 1
                if repairs,
                   let moved = move(round, from: from, key: key, placed: &placed, move: moves, budget: &budget) {
                    out.solverSeconds += moved
                    continue
                }
                let roster = CrewRoster(crewClass: from, shiftStart: options.shiftStartMinutes)
                let id = "\(key.day.code)|\(from.organisation)|\(from.depot)"
                let working = roster.working(on: key.day).count
                var entry = short[id] ?? Shortfall(day: key.day, organisation: from.organisation, depot: from.depot,
                                                   crewHours: 0, crews: working, noOtherDay: true)
                entry.crewHours += PlanUnits.hours(seconds: round.seconds)
                entry.noOtherDay = entry.noOtherDay && round.stops.allSatisfy { stop in
                    stop.visit.parts.allSatisfy { part in taskDays[part].map { $0.allowed.count <= $0.visits } ?? true }
                }
                short[id] = entry
                lost[id, default: []] += round.stops.map(\.visit)
            }
        }
        for id in short.keys.sorted() {
            guard let shortfall = short[id] else { continue }
            out.shortfalls.append(shortfall)
            out.unplaced += (lost[id] ?? []).map {
                UnplacedVisit(visit: $0, reason: "no crew has time left for it: \(shortfall)")
            }
        }
        out.rounds = placed.keys.sorted().flatMap { placed[$0] ?? [] }
        return out
    }

    /// Tries the other able classes with time to spare that day, nearest
    /// first; on success updates `placed` and returns the solver's seconds.
    private func move(_ round: Round, from: CrewPool.CrewClass, key: CrewRoster.Key,
                      placed: inout [CrewRoster.Key: [Round]], move: Int, budget: inout RoutingBudget) -> Double? {
        let crews = pools[key.pool]
        let skills = Set(round.stops.flatMap(\.visit.activities))
        let first = round.stops.first.map { builder.network.segments[$0.visit.segment].from } ?? from.depotNode
        let needed = PlanUnits.minutes(roundingUp: round.seconds)
        let candidates = crews.classes.filter { c in
            let k = CrewRoster.Key(day: key.day, pool: key.pool, crewClass: c.key)
            let roster = CrewRoster(crewClass: c, shiftStart: options.shiftStartMinutes)
            return c.key != from.key && skills.isSubset(of: c.skills)
                && roster.spareMinutes(on: key.day, placed: placed[k] ?? []) >= needed
        }.sorted { crews.seconds(from: $0, to: first) < crews.seconds(from: $1, to: first) }
        var seconds = 0.0
        for target in candidates.prefix(2) {
            let window = round.stops.first?.visit.window
            let limit = min(target.shiftSeconds, window.map { $0.minutes * PlanUnits.secondsPerMinute } ?? Int.max)
            let jobKey = RoutingJob.Key(day: key.day, crewClass: target.key, window: window)
            let job = RoutingJob(key: jobKey, pool: key.pool, crewClass: target, visits: round.stops.map(\.visit),
                                 startMinutes: window?.start ?? options.shiftStartMinutes, limitSeconds: limit,
                                 repair: move)
            let routed = builder.build(job, crews: crews, parameters: budget.repairParameters(move: move, job))
            seconds += routed.solverSeconds
            guard routed.unplaced.isEmpty, !routed.rounds.isEmpty else { continue }
            let k = CrewRoster.Key(day: key.day, pool: key.pool, crewClass: target.key)
            let roster = CrewRoster(crewClass: target, shiftStart: options.shiftStartMinutes)
            let again = roster.assign((placed[k] ?? []) + routed.rounds, on: key.day)
            if again.leftOver.isEmpty {
                placed[k] = again.placed
                return seconds
            }
        }
        return nil
    }
}
