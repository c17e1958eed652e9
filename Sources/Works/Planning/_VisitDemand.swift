import StreetNetwork

/// The week's demand: each task's visit days chosen (the periodic layer),
/// then the visits to one segment on one day merged where one crew can do
/// them together. Internal to the planner.
struct _VisitDemand {
    struct TaskWeek {
        var task: StreetTask
        var segments: [Int]
        var allowed: [Weekday]
        var visits: Int
        var days: [Weekday] = []
    }

    /// Chooses visit days for every task: n days spread evenly over the
    /// allowed days (every other allowed day for 3/week on six days, say),
    /// trying each rotation of that pattern and keeping the one that best
    /// (0) keeps the order rules on shared streets (no week in which every
    /// sweep comes before every grass cut), (1) puts the task on days when
    /// other tasks visit the same streets, so visits can merge or share a
    /// day, and (2) balances each depot's daily work. Tasks with the fewest
    /// spare days are placed first, then the biggest; ties go to the
    /// earlier rotation.
    /// - Complexity: O(t d (s + d)) for t tasks of s segments over d days.
    static func assignDays(_ weeks: inout [TaskWeek], orderRules: [Compatibility.OrderRule],
                           workload: (TaskWeek) -> (depot: String, seconds: Double)) {
        var load: [String: [Double]] = [:]
        var present: [Int: UInt8] = [:]  // segment → mask of days already visited
        var byActivity: [String: [Int: UInt8]] = [:]  // activity → segment → mask of its days
        /// Days as a mask, bit d for ISO weekday d.
        func mask(_ days: [Weekday]) -> UInt8 { days.reduce(0) { $0 | UInt8(1 << $1.rawValue) } }
        func lowest(_ m: UInt8) -> Int { m.trailingZeroBitCount }
        func highest(_ m: UInt8) -> Int { UInt8.bitWidth - 1 - m.leadingZeroBitCount }
        // The least free first (fewest spare days), then the biggest.
        let order = weeks.indices.sorted { a, b in
            let sa = weeks[a].allowed.count - weeks[a].visits, sb = weeks[b].allowed.count - weeks[b].visits
            if sa != sb { return sa < sb }
            let wa = workload(weeks[a]).seconds * Double(weeks[a].visits), wb = workload(weeks[b]).seconds * Double(weeks[b].visits)
            return wa != wb ? wa > wb : (weeks[a].task.organisation, weeks[a].task.taskID) < (weeks[b].task.organisation, weeks[b].task.taskID)
        }
        for i in order {
            let w = weeks[i], d = w.allowed.count, n = w.visits
            let (depot, seconds) = workload(w)
            var depotLoad = load[depot] ?? [Double](repeating: 0, count: 8)
            var best: (score: Double, days: [Weekday])?
            for offset in 0..<max(1, d) {
                let days = (0..<n).map { w.allowed[(offset + $0 * d / n) % d] }.sorted()
                var score = 0.0
                let mine = mask(days)
                for rule in orderRules where rule.first == w.task.activity || rule.then == w.task.activity {
                    let isFirst = rule.first == w.task.activity
                    let others = byActivity[isFirst ? rule.then : rule.first] ?? [:]
                    for s in w.segments {
                        guard let theirs = others[s], mine != 0 else { continue }
                        let (first, then) = isFirst ? (mine, theirs) : (theirs, mine)
                        if highest(then) < lowest(first) { score += 1e7 }  // every sweep before every cut
                    }
                }
                for day in days {
                    score += depotLoad[day.rawValue] + seconds
                    let aligned = w.segments.filter { (present[$0] ?? 0) & (1 << day.rawValue) != 0 }.count
                    score -= Double(aligned) * 600  // a shared street-day is worth ten minutes of balance
                }
                if score < best?.score ?? .infinity { best = (score, days) }
            }
            weeks[i].days = best?.days ?? []
            for day in weeks[i].days {
                depotLoad[day.rawValue] += seconds
                for s in w.segments { present[s, default: 0] |= 1 << day.rawValue }
            }
            for s in w.segments { byActivity[w.task.activity, default: [:]][s, default: 0] |= mask(weeks[i].days) }
            load[depot] = depotLoad
        }
    }

    /// Merges the visits to each segment on each day: a visit joins a group
    /// when every activity in it can be done with its own by one crew (the
    /// same job, or a combinable pair) and some crew has all the skills.
    /// Each group's service time counts each activity's work once and the
    /// largest set-up once.
    static func merge(_ weeks: [TaskWeek], network: StreetNetwork, catalogue: ActivityCatalogue, compatibility: Compatibility,
                      mergeAcrossOrganisations: Bool, canDo: (Set<String>) -> Bool) -> [PlannedVisit] {
        typealias Entry = (part: PlannedVisit.Part, minutes: Double?, window: TimeWindow?)
        var bySegmentDay: [Int: [Entry]] = [:]  // key: segment * 8 + day
        for w in weeks {
            for day in w.days {
                for s in w.segments {
                    bySegmentDay[s * 8 + day.rawValue, default: []].append(
                        (PlannedVisit.Part(organisation: w.task.organisation, taskID: w.task.taskID, activity: w.task.activity), w.task.serviceMinutes, w.task.hours))
                }
            }
        }
        /// The overlap of two windows (nil = any time); .some(nil) when they do not meet.
        func overlap(_ a: TimeWindow?, _ b: TimeWindow?) -> TimeWindow?? {
            guard let a else { return .some(b) }
            guard let b else { return .some(a) }
            let start = max(a.start, b.start), end = min(a.end, b.end)
            return start < end ? .some(TimeWindow(start: start, end: end)) : nil
        }
        var visits: [PlannedVisit] = []
        for key in bySegmentDay.keys.sorted() {
            let segment = key / 8, day = Weekday(rawValue: key % 8)!
            let metres = network.segments[segment].length
            var groups: [(entries: [Entry], window: TimeWindow?)] = []
            for entry in bySegmentDay[key]!.sorted(by: { ($0.part.organisation, $0.part.taskID) < ($1.part.organisation, $1.part.taskID) }) {
                let fits = groups.firstIndex { group in
                    group.entries.allSatisfy { other in
                        (mergeAcrossOrganisations || other.part.organisation == entry.part.organisation)
                            && (other.part.activity == entry.part.activity || compatibility.pair(other.part.activity, entry.part.activity).combine)
                    } && canDo(Set(group.entries.map(\.part.activity) + [entry.part.activity]))
                        && overlap(group.window, entry.window) != nil  // their hours must meet
                }
                if let fits {
                    groups[fits].entries.append(entry)
                    groups[fits].window = overlap(groups[fits].window, entry.window)!
                } else {
                    groups.append(([entry], entry.window))
                }
            }
            for (group, window) in groups {
                var work = 0.0, setup = 0.0, demand = 0.0
                for code in Set(group.map(\.part.activity)) {
                    guard let activity = catalogue[code] else { continue }
                    let override = group.first { $0.part.activity == code }?.minutes
                    work += override ?? (activity.serviceMinutes(metres: metres) - activity.setupMinutes)
                    if override == nil { setup = max(setup, activity.setupMinutes) }
                    demand += (activity.capacityPerMetre ?? 0) * metres
                }
                visits.append(PlannedVisit(segment: segment, day: day, parts: group.map(\.part),
                                           serviceSeconds: max(1, Int(((work + setup) * 60).rounded(.up))), demand: demand, window: window))
            }
        }
        return visits
    }
}
