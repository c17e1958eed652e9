import StreetNetwork
import Works

/// Stage 7c, order within a day: keeps the order rules (grass cutting before
/// sweeping) between the rounds of one day. Day assignment keeps them
/// between days, but a task that allows no other day can land on the same
/// street and day as its rule's partner, in another crew's round. Each stop
/// is served at its round's start plus its arrival; where the rule's second
/// activity would begin before its first is done, the second's round starts
/// later within its crew's shift (the crew's later rounds follow it), or,
/// when one crew does both rounds, its rounds are done in the other order.
/// What no such move mends is an `OrderConflict` of the plan. Timed rounds
/// (a stop with hours) never move. Only start times change: no round's
/// stops, crew or cost.
struct SameDayOrder {
    var orderRules: [Compatibility.OrderRule]
    /// Each crew's shift in minutes, by `PlanPreferences.crewKey(organisation, crew)`.
    var shiftMinutes: [String: Int]
    var network: StreetNetwork
    /// Passes over the broken rules before what is left is reported. A move
    /// can break another rule further on (a delayed round serves its own
    /// streets later), which the next pass sees; eight passes mend chains of
    /// eight such rounds.
    static let maxPasses = 8

    init(orderRules: [Compatibility.OrderRule], shiftMinutes: [String: Int], network: StreetNetwork) {
        self.orderRules = orderRules
        self.shiftMinutes = shiftMinutes
        self.network = network
    }

    /// The shifts of every crew of `classes`.
    init(orderRules: [Compatibility.OrderRule], classes: [String: CrewPool.CrewClass], network: StreetNetwork) {
        self.orderRules = orderRules
        self.network = network
        var shifts: [String: Int] = [:]
        for c in classes.values {
            for crew in c.crews {
                shifts[PlanPreferences.crewKey(c.organisation, crew.id)] = c.shiftSeconds / PlanUnits.secondsPerMinute
            }
        }
        shiftMinutes = shifts
    }

    /// The day's rounds with start times that keep the rules where they can be kept.
    struct Ordered {
        var rounds: [Round]
        var conflicts: [OrderConflict] = []
    }

    /// A broken rule on one street and day: the second activity's stop
    /// begins before the first activity's stop is done.
    struct Breach {
        var rule: Compatibility.OrderRule
        var day: Weekday
        var segment: Int
        /// The stop of the rule's first activity, and of its second.
        var first: StopIndex
        var then: StopIndex

        /// One street, day and rule, whichever stops break it.
        var key: Key { Key(day: day, segment: segment, first: rule.first, then: rule.then) }

        struct Key: Hashable {
            var day: Weekday
            var segment: Int
            var first: String
            var then: String
        }
    }

    /// - Complexity: O(p (s + b r)) for p passes, s stops, b breaches and r rounds.
    func order(_ rounds: [Round]) -> Ordered {
        var out = Ordered(rounds: rounds)
        guard !orderRules.isEmpty else { return out }
        var reasons: [Breach.Key: String] = [:]
        let shifts = CrewDays(rounds, key: crewKey)
        for _ in 0..<Self.maxPasses {
            let found = breaches(out.rounds)
            guard !found.isEmpty else { break }
            var changed = false
            for b in found where Self.isBroken(b, out.rounds) {
                if let reason = mend(b, &out.rounds, shifts: shifts) {
                    reasons[b.key] = reason
                } else {
                    changed = true
                }
            }
            if !changed { break }
        }
        var seen: Set<Breach.Key> = []
        for b in breaches(out.rounds) where seen.insert(b.key).inserted {
            let involved = [b.first, b.then].map { (round: out.rounds[$0.round], stop: $0.stop) }
            let ids = involved.map(\.round.id)
            let organisations = involved.flatMap { r in
                [r.round.organisation] + r.round.stops[r.stop].visit.organisations
            }
            out.conflicts.append(
                OrderConflict(
                    day: b.day, segment: b.segment, street: network.segments[b.segment].displayName,
                    first: b.rule.first, then: b.rule.then,
                    reason: reasons[b.key] ?? "moving one round put another street out of order",
                    rounds: ids[0] == ids[1] ? [ids[0]] : ids,
                    organisations: Array(Set(organisations)).sorted()))
        }
        return out
    }

    /// Every broken rule of the week's rounds, by day and street.
    func breaches(_ rounds: [Round]) -> [Breach] {
        let served = Self.streetDays(rounds)
        var out: [Breach] = []
        for key in served.keys.sorted(by: { ($0.day.rawValue, $0.segment) < ($1.day.rawValue, $1.segment) }) {
            let stops = served[key] ?? []
            guard stops.count > 1 else { continue }
            for rule in orderRules {
                for f in stops where Self.activities(f, rounds).contains(rule.first) {
                    for t in stops where t != f && Self.activities(t, rounds).contains(rule.then) {
                        // A pair of the day before's rounds is that day's.
                        guard rounds[f.round].day == key.day || rounds[t.round].day == key.day else { continue }
                        let b = Breach(rule: rule, day: key.day, segment: key.segment, first: f, then: t)
                        if Self.isBroken(b, rounds) { out.append(b) }
                    }
                }
            }
        }
        return out
    }

    struct StopIndex: Hashable {
        var round: Int
        var stop: Int
    }

    private struct StreetDay: Hashable {
        var day: Weekday
        var segment: Int
    }

    /// The stops on each street and day; a stop still going on after midnight
    /// is on the next day's street too, where a night round meets that day's rounds.
    private static func streetDays(_ rounds: [Round]) -> [StreetDay: [StopIndex]] {
        var served: [StreetDay: [StopIndex]] = [:]
        for (r, round) in rounds.enumerated() {
            guard let day = round.day else { continue }
            for (s, stop) in round.stops.enumerated() {
                var days = [day]
                let past = round.startMinutes * PlanUnits.secondsPerMinute + stop.departure > secondsPerDay
                if past, let next = Weekday(rawValue: day.rawValue + 1) { days.append(next) }
                for d in days {
                    served[StreetDay(day: d, segment: stop.visit.segment), default: []]
                        .append(StopIndex(round: r, stop: s))
                }
            }
        }
        return served
    }

    private static func activities(_ i: StopIndex, _ rounds: [Round]) -> [String] {
        rounds[i.round].stops[i.stop].visit.activities
    }

    /// Whether the second stop begins before the first is done, on the week's clock.
    static func isBroken(_ b: Breach, _ rounds: [Round]) -> Bool {
        let first = rounds[b.first.round]
        let then = rounds[b.then.round]
        let begins = weekSeconds(then, then.stops[b.then.stop].arrival)
        return begins < weekSeconds(first, first.stops[b.first.stop].departure)
    }

    static let secondsPerDay = PlanUnits.minutesPerDay * PlanUnits.secondsPerMinute

    /// `seconds` into `round` on the week's clock (from its Monday's midnight).
    static func weekSeconds(_ round: Round, _ seconds: Int) -> Int {
        ((round.day?.rawValue ?? 1) - 1) * secondsPerDay + round.startMinutes * PlanUnits.secondsPerMinute + seconds
    }

    /// When each crew's day began in the plan as rostered, and the latest its
    /// rounds may end: its shift's length from that start, and, for a night
    /// shift, before the same crew's first round the next day (which the
    /// roster gave on the day's ends as they were; moves only make ends later).
    private struct CrewDays {
        var begins: [String: Int] = [:]
        var nextDayStarts: [String: Int] = [:]

        init(_ rounds: [Round], key: (Round) -> String) {
            for r in rounds { begins[key(r)] = min(begins[key(r)] ?? r.startMinutes, r.startMinutes) }
            for r in rounds where !r.extraShift {
                guard let day = r.day, let before = Weekday(rawValue: day.rawValue - 1) else { continue }
                var previous = r
                previous.day = before
                let start = r.startMinutes + PlanUnits.minutesPerDay
                nextDayStarts[key(previous)] = min(nextDayStarts[key(previous)] ?? start, start)
            }
        }

        /// Where `then`'s crew's rounds start from that day, the latest they
        /// may end, and what ends there ("its shift (15:00)").
        func bounds(_ then: Round, key: String, shift: Int) -> (begins: Int, latestEnd: Int, limit: String) {
            let begins = begins[key] ?? then.startMinutes
            if let next = nextDayStarts[key], next < begins + shift {
                return (begins, next, "its first round of the next day (\(SameDayOrder.clock(next)))")
            }
            return (begins, begins + shift, "its shift (\(SameDayOrder.clock(begins + shift)))")
        }
    }

    /// Mends one breach by moving rounds' starts; nil when mended, else why
    /// it could not be. Moves never stretch a crew's day beyond its shift
    /// from when it began in the plan as rostered, nor into its next day's rounds.
    private func mend(_ b: Breach, _ rounds: inout [Round], shifts: CrewDays) -> String? {
        let then = rounds[b.then.round]
        guard b.first.round != b.then.round else {
            return "one round (\(then.id), crew \(then.crewLabel)) does both, in this order; "
                + "plan the \(b.rule.then) task on another day"
        }
        let bounds = shifts.bounds(then, key: crewKey(then), shift: shift(then))
        if crewKey(rounds[b.first.round]) == crewKey(then) {
            return swap(b, &rounds, begins: bounds.begins, latestEnd: bounds.latestEnd)
        }
        return delay(b, &rounds, latestEnd: bounds.latestEnd, limit: bounds.limit)
    }

    /// The second activity's round starts when the first stop is done; the
    /// crew's later rounds follow it; all within the crew's shift.
    private func delay(_ b: Breach, _ rounds: inout [Round], latestEnd: Int, limit: String) -> String? {
        let first = rounds[b.first.round]
        let then = rounds[b.then.round]
        // On the second round's own day's clock (the first may be the day before's night round).
        let thenDay = Self.weekSeconds(then, 0) - then.startMinutes * PlanUnits.secondsPerMinute
        let done = Self.weekSeconds(first, first.stops[b.first.stop].departure) - thenDay
        let needed = PlanUnits.minutes(roundingUp: done - then.stops[b.then.stop].arrival)
        let crew = crewRounds(of: b.then.round, rounds)
        guard let from = crew.firstIndex(of: b.then.round) else { return "its round was not found" }
        var starts: [Int: Int] = [:]
        var end = 0
        for (n, k) in crew[from...].enumerated() {
            let start = n == 0 ? max(needed, rounds[k].startMinutes) : max(rounds[k].startMinutes, end)
            if start != rounds[k].startMinutes && rounds[k].isTimed {
                return "round \(rounds[k].id) of \(then.crewLabel) keeps its hours and cannot start later"
            }
            starts[k] = start
            end = start + PlanUnits.minutes(roundingUp: rounds[k].seconds)
        }
        guard end <= latestEnd else {
            return "the \(b.rule.then) round \(then.id) of \(then.crewLabel) would have to start at "
                + "\(Self.clock(needed)) and end after \(limit)"
        }
        for (k, start) in starts { rounds[k].startMinutes = start }
        return nil
    }

    /// One crew does both rounds: it does the first activity's round first,
    /// the second's right after it, within its shift.
    private func swap(_ b: Breach, _ rounds: inout [Round], begins: Int, latestEnd: Int) -> String? {
        let then = rounds[b.then.round]
        var crew = crewRounds(of: b.then.round, rounds)
        if let timed = crew.first(where: { rounds[$0].isTimed }) {
            return "crew \(then.crewLabel) does both, and its round \(rounds[timed].id) keeps its hours"
        }
        crew.removeAll { $0 == b.then.round }
        guard let at = crew.firstIndex(of: b.first.round) else { return "its round was not found" }
        crew.insert(b.then.round, at: at + 1)
        // Each round keeps its start unless the one before it ends later
        // (a round another rule delayed stays delayed); the moved round
        // follows the first activity's round straight away.
        var end = begins
        var starts: [Int: Int] = [:]
        for k in crew {
            let start = k == b.then.round ? end : max(rounds[k].startMinutes, end)
            starts[k] = start
            end = start + PlanUnits.minutes(roundingUp: rounds[k].seconds)
        }
        guard end <= latestEnd else {
            return "crew \(then.crewLabel) does both, and cannot do its rounds in the other order within its shift"
        }
        for (k, s) in starts { rounds[k].startMinutes = s }
        return nil
    }

    /// "HH:MM" on the day's clock, "HH:MM next day" past midnight.
    static func clock(_ minutes: Int) -> String {
        let day = PlanUnits.minutesPerDay
        return TimeWindow.clock(minutes % day) + (minutes >= day ? " next day" : "")
    }

    /// The rounds one crew does that day, by start: an extra shift is a crew of its own.
    private func crewRounds(of k: Int, _ rounds: [Round]) -> [Int] {
        let key = crewKey(rounds[k])
        return rounds.indices.filter { crewKey(rounds[$0]) == key }.sorted {
            (rounds[$0].startMinutes, $0) < (rounds[$1].startMinutes, $1)
        }
    }

    private func crewKey(_ r: Round) -> String {
        r.extraShift ? "extra|\(r.id)|\(r.day?.rawValue ?? 0)" : "\(r.organisation)|\(r.crew)|\(r.day?.rawValue ?? 0)"
    }

    /// The crew's shift in minutes; a round's own length when the crew is not known.
    private func shift(_ r: Round) -> Int {
        shiftMinutes[PlanPreferences.crewKey(r.organisation, r.crew)] ?? PlanUnits.minutes(roundingUp: r.seconds)
    }
}
