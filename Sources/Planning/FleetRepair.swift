import ArcRouting
import Works

/// Stage 7b, fleet repair: crews are finite. A round that no crew of its
/// class can take on its day (all working crews' shifts full) is moved
/// whole to another crew class of the same pool that can do its work and
/// whose crews working that day have the time to spare, the nearest depot
/// first, else to another day its tasks allow (tasks with one visit this
/// week): re-routed from that depot and rostered again. What still does not
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
    /// Takes merged stops apart when the whole round cannot move.
    let merging: VisitMerging
    /// Stable weeks: the crews a day rostered again tries first, as the roster did.
    var preferences = PlanPreferences()

    /// The outcome: every placed round, and what the fleet could not do.
    struct Repaired {
        var rounds: [Round] = []
        var unplaced: [UnplacedVisit] = []
        var shortfalls: [Shortfall] = []
        var solverSeconds = 0.0
    }

    /// - Parameter rostered: each roster's placed and left-over rounds.
    /// - Complexity: one routing job per move tried (at most two per left-over round), and a
    ///   roster of its day and of the days after it whose carry past midnight changes.
    func repair(
        _ rostered: [CrewRoster.Key: CrewRoster.Rostered], classes: [String: CrewPool.CrewClass],
        budget: inout RoutingBudget
    ) -> Repaired {
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
                    let moved = move(round, from: from, key: key, placed: &placed, move: moves, budget: &budget)
                {
                    out.solverSeconds += moved
                    continue
                }
                var stuck = [round]
                if repairs, round.stops.contains(where: { $0.visit.activities.count > 1 }) {
                    // Merged stops only a few crews can do: apart, each activity to any crew able for it.
                    stuck = []
                    for part in splitRound(round) {
                        moves += 1
                        if let moved = move(
                            part, from: from, key: key, placed: &placed, move: moves, budget: &budget,
                            sameClass: true)
                        {
                            out.solverSeconds += moved
                        } else {
                            stuck.append(part)
                        }
                    }
                }
                for round in stuck { record(round, from: from, key: key, short: &short, lost: &lost) }
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

    /// A round no crew could take, counted in its day and depot's shortfall.
    private func record(
        _ round: Round, from: CrewPool.CrewClass, key: CrewRoster.Key,
        short: inout [String: Shortfall], lost: inout [String: [PlannedVisit]]
    ) {
        let id = "\(key.day.code)|\(from.organisation)|\(from.depot)"
        // The depot's crews of this kind (its classes apart only by shift, load or costs) working that day.
        let kind = { (c: CrewPool.CrewClass) in [c.organisation, c.depot, c.vehicleType, c.skills.sorted().joined()] }
        let working = pools[key.pool].classes.filter { kind($0) == kind(from) }.reduce(0) { n, c in
            n + CrewRoster(crewClass: c, shiftStart: options.shiftStartMinutes).working(on: key.day).count
        }
        var entry =
            short[id]
            ?? Shortfall(
                day: key.day, organisation: from.organisation, depot: from.depot,
                crewHours: 0, crews: working, noOtherDay: true)
        entry.crewHours += PlanUnits.hours(seconds: round.seconds)
        entry.noOtherDay = entry.noOtherDay && days(for: round, on: key.day).count == 1
        short[id] = entry
        lost[id, default: []] += round.stops.map(\.visit)
    }

    /// The round's stops taken apart by activity, as one round per activity
    /// (not yet routed: its seconds are its service plus its share of the
    /// round's driving, for the room it needs).
    private func splitRound(_ round: Round) -> [Round] {
        let visits = round.stops.flatMap { merging.split($0.visit, tasks: taskDays) }
        let driving = Double(round.seconds - round.serviceSeconds)
        let service = max(1, visits.reduce(0) { $0 + $1.serviceSeconds })
        return Set(visits.flatMap(\.activities)).sorted().map { code in
            let mine = visits.filter { $0.activities == [code] }
            let work = mine.reduce(0) { $0 + $1.serviceSeconds }
            var part = round
            part.stops = mine.map { Round.Stop(visit: $0, reversed: false, arrival: 0, departure: 0) }
            part.serviceSeconds = work
            part.seconds = work + Int((driving * Double(work) / Double(service)).rounded(.up))
            return part
        }
    }

    /// Where a left-over round may go: a crew class on a day.
    private struct Target {
        var crewClass: CrewPool.CrewClass
        var day: Weekday
    }

    /// The days the round's visits may all move to: its own, then the other
    /// allowed days of tasks with one visit this week (a task with more keeps
    /// its spacing), order rules aside.
    private func days(for round: Round, on day: Weekday) -> [Weekday] {
        let parts = round.stops.flatMap(\.visit.parts)
        let weeks = parts.compactMap { taskDays[$0] }
        guard weeks.count == parts.count, weeks.allSatisfy({ $0.visits == 1 }) else { return [day] }
        let others = Weekday.allCases.filter { d in d != day && weeks.allSatisfy { $0.allowed.contains(d) } }
        return [day] + others
    }

    /// Tries the other able classes with time to spare that day, nearest
    /// first, then any able class on another day the visits allow; on
    /// success updates `placed` and returns the solver's seconds.
    /// - Parameter sameClass: whether the round's own class that day may take it (a part of a split round).
    private func move(
        _ round: Round, from: CrewPool.CrewClass, key: CrewRoster.Key,
        placed: inout [CrewRoster.Key: [Round]], move: Int, budget: inout RoutingBudget,
        sameClass: Bool = false
    ) -> Double? {
        let crews = pools[key.pool]
        let skills = Set(round.stops.flatMap(\.visit.activities))
        let first = round.stops.first.map { builder.network.segments[$0.visit.segment].from } ?? from.depotNode
        let needed = PlanUnits.minutes(roundingUp: round.seconds)
        var targets: [Target] = []
        for day in days(for: round, on: key.day) {
            targets += crews.classes.filter { c in
                let k = CrewRoster.Key(day: day, pool: key.pool, crewClass: c.key)
                let roster = CrewRoster(crewClass: c, shiftStart: options.shiftStartMinutes)
                return (sameClass || c.key != from.key || day != key.day) && skills.isSubset(of: c.skills)
                    && roster.spareMinutes(on: day, placed: placed[k] ?? []) >= needed
            }.sorted { crews.seconds(from: $0, to: first) < crews.seconds(from: $1, to: first) }
                .map { Target(crewClass: $0, day: day) }
        }
        var seconds = 0.0
        for target in targets.prefix(Self.triesPerRound) {
            let routed = route(round, to: target, pool: key.pool, move: move, budget: budget)
            seconds += routed.solverSeconds
            guard routed.unplaced.isEmpty, !routed.rounds.isEmpty else { continue }
            let k = CrewRoster.Key(day: target.day, pool: key.pool, crewClass: target.crewClass.key)
            let roster = CrewRoster(
                crewClass: target.crewClass, shiftStart: options.shiftStartMinutes, preferences: preferences)
            if let rostered = roster.assignOnward(routed.rounds, into: k, placed: placed) {
                placed = rostered
                return seconds
            }
        }
        return nil
    }

    /// Moves tried per left-over round before it is a shortfall.
    static let triesPerRound = 3

    /// The round's visits routed from the target's depot on the target's day.
    private func route(
        _ round: Round, to target: Target, pool: Int, move: Int,
        budget: RoutingBudget
    ) -> RoundBuilder.Routed {
        let window = round.stops.first?.visit.window
        let hours = window.map { $0.minutes * PlanUnits.secondsPerMinute } ?? Int.max
        let limit = min(target.crewClass.shiftSeconds, hours)
        let visits = round.stops.map { stop in
            var v = stop.visit
            v.day = target.day
            return v
        }
        let key = RoutingJob.Key(day: target.day, crewClass: target.crewClass.key, window: window)
        let job = RoutingJob(
            key: key, pool: pool, crewClass: target.crewClass, visits: visits,
            startMinutes: window?.start ?? options.shiftStartMinutes, limitSeconds: limit,
            repair: move)
        return builder.build(job, crews: pools[pool], parameters: budget.repairParameters(move: move, job))
    }
}
