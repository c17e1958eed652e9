import Works

/// Stage 2, the periodic layer: chooses visit days for every task. n days
/// spread evenly over the allowed days (every other allowed day for 3/week
/// on six days, say), trying each rotation of that pattern and keeping the
/// one that best (0) keeps the order rules on shared streets (no week in
/// which every sweep comes before every grass cut), (1) puts the task on days
/// when other tasks visit the same streets, so visits can merge or share a
/// day, and (2) balances each depot's daily work, a day's work beyond the
/// room of the crews able to do it weighing `overflowWeight` times more (so
/// a task that allows other days leaves a day its able crews have filled).
/// An order rule's two activities on one street share a day only when no
/// other day will do (`SameDayOrder` then starts the second one's round
/// later, which costs a crew's waiting and may not fit its shift). Tasks
/// with the fewest spare days are placed first, then the biggest; ties go
/// to the earlier rotation.
/// The pattern-rotation scheme of periodic routing heuristics (Chao, Golden
/// and Wasil 1995, for the period VRP).
struct DayAssignment {
    /// The work a task's visit brings to a depot's day.
    struct Workload {
        var depot: String
        var seconds: Double
        /// The days some crew able to do the task works; a day outside them
        /// is chosen only when the task allows no other.
        var crewDays: Set<Weekday> = Set(Weekday.allCases)
        /// The depot's crew shifts each day, in seconds, by ISO weekday
        /// (index 1 to 7); empty when unknown.
        var shiftSeconds: [Double] = []
        /// The crew class the work is counted against (its nearest able
        /// class), and every class able to do it; empty when unknown.
        var crewClass = ""
        var ableClasses: [String] = []
        /// The room of the able classes' crews each day (the share of
        /// their shifts planned as work), by ISO weekday; empty when unknown.
        var ableRoom: [Double] = []

        /// How much a second of work on `day` weighs against the depot's
        /// average working day: 1 where the depot has its usual crews, more
        /// where it has fewer (work balanced between crews, not days).
        func weight(_ day: Weekday) -> Double {
            let working = shiftSeconds.filter { $0 > 0 }
            guard shiftSeconds.indices.contains(day.rawValue), shiftSeconds[day.rawValue] > 0, !working.isEmpty
            else { return 1 }
            return working.reduce(0, +) / Double(working.count) / shiftSeconds[day.rawValue]
        }
    }

    var orderRules: [Compatibility.OrderRule]
    /// Seconds a shared street-day is worth in balance (ten minutes).
    var alignmentSeconds = 600.0
    /// How much a second of work beyond the room of the crews able to do
    /// it weighs against a second of balance: well above a shared street
    /// (so a task leaves a day its able crews have filled, though other
    /// tasks visit its streets then), well below an order rule.
    var overflowWeight = 10.0
    /// Score of a pattern that breaks an order rule on one street.
    var orderPenalty = 1e7
    /// Stable weeks: the days each task visit had last week, honoured
    /// first after the order rules (DayAssignment+Preferences.swift).
    var preferences = PlanPreferences()

    /// The task weeks with `days` set.
    /// - Complexity: O(t d (s + d)) for t tasks of s segments over d days.
    func assign(
        _ weeks: [WeekDemand.TaskWeek],
        workload: (WeekDemand.TaskWeek) -> Workload
    ) -> [WeekDemand.TaskWeek] {
        var weeks = weeks
        var state = State()
        let loads = weeks.map(workload)
        // The least free first (fewest spare days), then the biggest.
        let order = weeks.indices.sorted { a, b in
            let sa = weeks[a].allowed.count - weeks[a].visits
            let sb = weeks[b].allowed.count - weeks[b].visits
            if sa != sb { return sa < sb }
            let wa = loads[a].seconds * Double(weeks[a].visits)
            let wb = loads[b].seconds * Double(weeks[b].visits)
            let ta = weeks[a].task
            let tb = weeks[b].task
            return wa != wb ? wa > wb : (ta.organisation, ta.taskID) < (tb.organisation, tb.taskID)
        }
        for i in order {
            weeks[i].days = bestDays(weeks[i], workload: loads[i], state: state)
            state.record(weeks[i], workload: loads[i])
        }
        return weeks
    }

    /// What earlier tasks have placed: depot loads and streets' visit days.
    private struct State {
        var load: [String: [Double]] = [:]
        /// crew class → seconds of work counted against it each day.
        var classLoad: [String: [Double]] = [:]
        /// segment → mask of days already visited (bit d for ISO weekday d).
        var present: [Int: UInt8] = [:]
        /// activity → segment → mask of its days.
        var byActivity: [String: [Int: UInt8]] = [:]

        mutating func record(_ w: WeekDemand.TaskWeek, workload: Workload) {
            var depotLoad = load[workload.depot] ?? [Double](repeating: 0, count: 8)
            for day in w.days {
                depotLoad[day.rawValue] += workload.seconds
                for s in w.segments { present[s, default: 0] |= 1 << day.rawValue }
            }
            for s in w.segments { byActivity[w.task.activity, default: [:]][s, default: 0] |= mask(w.days) }
            load[workload.depot] = depotLoad
            guard !workload.crewClass.isEmpty else { return }
            var mine = classLoad[workload.crewClass] ?? [Double](repeating: 0, count: 8)
            for day in w.days { mine[day.rawValue] += workload.seconds }
            classLoad[workload.crewClass] = mine
        }

        /// Seconds of work beyond the able crews' room that `workload` adds on `day`.
        func overflow(_ workload: Workload, on day: Weekday) -> Double {
            guard workload.ableRoom.indices.contains(day.rawValue) else { return 0 }
            let room = workload.ableRoom[day.rawValue]
            let load = workload.ableClasses.reduce(0.0) { $0 + (classLoad[$1]?[day.rawValue] ?? 0) }
            return max(0, load + workload.seconds - room) - max(0, load - room)
        }
    }

    /// The best rotation of the even pattern for one task.
    private func bestDays(_ w: WeekDemand.TaskWeek, workload: Workload, state: State) -> [Weekday] {
        let depotLoad = state.load[workload.depot] ?? [Double](repeating: 0, count: 8)
        var best: (score: Double, days: [Weekday])?
        let shares = preferredDayShares(w)
        for days in candidatePatterns(w, preferred: shares) {
            var score = orderScore(w, days: days, state: state) - preferenceScore(days, shares: shares)
            for day in days {
                if !workload.crewDays.contains(day) { score += orderPenalty * 10 }  // no crew works then
                score += (depotLoad[day.rawValue] + workload.seconds) * workload.weight(day)
                score += overflowWeight * state.overflow(workload, on: day)
                let aligned = w.segments.filter { (state.present[$0] ?? 0) & (1 << day.rawValue) != 0 }.count
                score -= Double(aligned) * alignmentSeconds
            }
            if score < best?.score ?? .infinity { best = (score, days) }
        }
        return best?.days ?? []
    }

    /// The penalty for streets where every visit of the rule's second
    /// activity would come before every visit of its first.
    private func orderScore(_ w: WeekDemand.TaskWeek, days: [Weekday], state: State) -> Double {
        var score = 0.0
        let mine = mask(days)
        for rule in orderRules where rule.first == w.task.activity || rule.then == w.task.activity {
            let isFirst = rule.first == w.task.activity
            let others = state.byActivity[isFirst ? rule.then : rule.first] ?? [:]
            for s in w.segments {
                guard let theirs = others[s], mine != 0 else { continue }
                let (first, then) = isFirst ? (mine, theirs) : (theirs, mine)
                if highest(then) < lowest(first) { score += orderPenalty }  // every sweep before every cut
                // The last sweep on the day of the first cut: SameDayOrder must then delay the sweeping round,
                // so only when no other day will do.
                if highest(then) == lowest(first) { score += orderPenalty / 10 }
            }
        }
        return score
    }
}

/// Days as a mask, bit d for ISO weekday d.
private func mask(_ days: [Weekday]) -> UInt8 { days.reduce(0) { $0 | UInt8(1 << $1.rawValue) } }
private func lowest(_ m: UInt8) -> Int { m.trailingZeroBitCount }
private func highest(_ m: UInt8) -> Int { UInt8.bitWidth - 1 - m.leadingZeroBitCount }
