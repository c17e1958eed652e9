import Foundation
import StreetNetwork

/// Finds every street segment visited by two or more organisations in the
/// same ISO week of a period, classifies each pair of visiting tasks, and
/// estimates what merging them would save.
///
/// Everything a pair needs is worked out once per task (its visit weeks as
/// day masks, its organisation, activity and cost rates) and once per pair
/// of activities (the compatibility entry), so the work per pair is a few
/// integer operations.
/// - Complexity: O(v + p) for v (task, segment) entries and p pairs of
///   tasks on one segment; no scan over all pairs of tasks.
public struct OverlapFinder: Sendable {
    public let network: StreetNetwork
    public let catalogue: ActivityCatalogue
    public let registry: OrganisationRegistry
    public let compatibility: Compatibility
    private let streetNames: [String]

    public init(
        network: StreetNetwork, catalogue: ActivityCatalogue, registry: OrganisationRegistry,
        compatibility: Compatibility
    ) {
        self.network = network
        self.catalogue = catalogue
        self.registry = registry
        self.compatibility = compatibility
        self.streetNames = network.segments.map(\.displayName)
    }

    /// A task as pairs see it.
    private struct TaskVisitor {
        var organisation: Int
        var activity: Int
        /// Visit weeks in order: week number from the period's start, mask of
        /// allowed days (bit 0 = Monday), visits.
        var weeks: [(week: Int, days: UInt8, visits: Int)]
        var totalVisits: Int
        var keyHash: UInt64
        var rates: (hour: Double, km: Double, co2e: Double)
        var setupMinutes: Double
        var serviceOverride: Double?
    }

    /// The compatibility of two activities, by activity index.
    private struct PairRule {
        var combine: Bool
        var conflict: Bool
        var why: String
        /// The order rule on this pair, as (first activity index, why).
        var order: (first: Int, why: String)?
    }

    /// Numbers strings densely in order of first appearance.
    private struct Numbering {
        var index: [String: Int] = [:]
        var names: [String] = []

        /// The number of `s`, given the next free one when `s` is new.
        mutating func number(_ s: String) -> Int {
            if let i = index[s] { return i }
            index[s] = names.count
            names.append(s)
            return names.count - 1
        }
    }

    /// Everything the pair loop reads, worked out once per call of `find`.
    private struct FindingInputs {
        let tasks: [MatchedTask]
        let visitors: [TaskVisitor]
        let activityNames: [String]
        /// Compatibility by pair of activity indices (nil on the diagonal).
        let rules: [[PairRule?]]
        /// The index of the organisation findings must involve, or -1 for any.
        let only: Int
    }

    /// The segment a pair shares, with the figures its savings are made of.
    private struct SegmentFigures {
        let index: Int
        let metres: Double
        /// Minutes to drive the segment once.
        let driveMinutes: Double
        let km: Double
    }

    /// What the coinciding weeks of two visitors have in common.
    private struct Coincidence {
        /// Visits the two make in the same weeks (the lesser count each week).
        var coVisits = 0
        /// Whether some coinciding week lets both visit on the same day.
        var sharedDay = false
        /// Whether some coinciding week forces the pair's order rule to break.
        var orderBroken = false

        /// Walks the two visitors' sorted weeks side by side.
        /// - Complexity: O(weeks of a + weeks of b), no allocation.
        @inline(__always)
        init(_ a: TaskVisitor, _ b: TaskVisitor, rule: PairRule?) {
            var k = 0
            for wa in a.weeks {
                while k < b.weeks.count, b.weeks[k].week < wa.week { k += 1 }
                guard k < b.weeks.count, b.weeks[k].week == wa.week else { continue }
                let wb = b.weeks[k]
                coVisits += min(wa.visits, wb.visits)
                if wa.days & wb.days != 0 { sharedDay = true }
                if let order = rule?.order {
                    let (firstDays, thenDays) =
                        order.first == a.activity ? (wa.days, wb.days) : (wb.days, wa.days)
                    // Broken when every day of "then" comes before every day of "first".
                    if (UInt8.bitWidth - thenDays.leadingZeroBitCount) <= firstDays.trailingZeroBitCount {
                        orderBroken = true
                    }
                }
            }
        }
    }

    /// How a pair of coinciding visitors is classified, and why.
    private struct PairVerdict {
        let kind: Overlap.Kind
        var combinable = true
        var reason = "the same job twice: one visit is waste"

        /// Classifies by the activities' rule (nil: the same activity twice).
        @inline(__always)
        init(_ rule: PairRule?, _ together: Coincidence) {
            if let rule {
                combinable = rule.combine
                reason = rule.why
                if together.orderBroken { reason = rule.order!.why }
                kind = together.orderBroken || (rule.conflict && together.sharedDay) ? .conflict : .shareable
            } else {
                kind = .duplicate
            }
        }
    }

    /// - Parameters:
    ///   - tasks: each task with the ids of the segments it covers.
    ///   - organisation: when given, only findings that involve it.
    /// - Returns: findings by segment, then by the pair's organisations and task ids.
    public func find(
        _ tasks: [MatchedTask], from: Date, to: Date, anchor: ISOWeek,
        organisation: String? = nil
    ) -> [Overlap] {
        var organisations = Numbering()
        var activities = Numbering()
        let visitors = self.visitors(
            tasks, from: from, to: to, anchor: anchor, organisations: &organisations, activities: &activities)
        let rules = pairRules(activities)
        let only = organisation.flatMap { organisations.index[$0] } ?? (organisation == nil ? -1 : -2)
        if only == -2 { return [] }
        let run = FindingInputs(
            tasks: tasks, visitors: visitors, activityNames: activities.names, rules: rules, only: only)
        var findings: [Overlap] = []
        for (segment, here) in tasksBySegment(tasks, visitors).enumerated() where here.count > 1 {
            appendFindings(segment: segment, here, run, to: &findings)
        }
        return findings
    }

    /// Each task as pairs see it, numbering organisations and activities as they come.
    private func visitors(
        _ tasks: [MatchedTask], from: Date, to: Date, anchor: ISOWeek, organisations: inout Numbering,
        activities: inout Numbering
    ) -> [TaskVisitor] {
        let first = ISOWeek(containing: from)
        var rateCache: [String: (Double, Double, Double)] = [:]
        var visitors: [TaskVisitor] = []
        visitors.reserveCapacity(tasks.count)
        for task in tasks.map(\.task) {
            let plan = VisitPlan(task, from: from, to: to, anchor: anchor)
            let weeks = plan.weeks.map { w in
                (
                    week: w.week.weeks(since: first),
                    days: w.days.reduce(UInt8(0)) { $0 | UInt8(1 << ($1.rawValue - 1)) }, visits: w.visits
                )
            }
            let rateKey = task.organisation + "\u{0}" + task.activity
            let rates = rateCache[rateKey] ?? self.rates(task.organisation, task.activity)
            rateCache[rateKey] = rates
            visitors.append(
                TaskVisitor(
                    organisation: organisations.number(task.organisation),
                    activity: activities.number(task.activity),
                    weeks: weeks, totalVisits: plan.totalVisits,
                    keyHash: FNV1a.hash("\(task.organisation):\(task.taskID):\(task.activity)"),
                    rates: rates, setupMinutes: catalogue[task.activity]?.setupMinutes ?? 0,
                    serviceOverride: task.serviceMinutes))
        }
        return visitors
    }

    /// Compatibility per pair of activity indices; nil where the two are the same.
    private func pairRules(_ activities: Numbering) -> [[PairRule?]] {
        let activityNames = activities.names
        let n = activityNames.count
        var rules = [[PairRule?]](repeating: [PairRule?](repeating: nil, count: n), count: n)
        for a in 0..<n {
            for b in 0..<n where a != b {
                let pair = compatibility.pair(activityNames[a], activityNames[b])
                var rule = PairRule(combine: pair.combine, conflict: pair.conflict, why: pair.why, order: nil)
                if let order = compatibility.orderRules.first(where: {
                    Set([$0.first, $0.then]) == Set([activityNames[a], activityNames[b]])
                }) {
                    rule.order = (activities.index[order.first]!, order.why)
                    if rule.why.isEmpty { rule.why = "\(order.first) before \(order.then), same day" }
                }
                rules[a][b] = rule
            }
        }
        return rules
    }

    /// The indices of the visiting tasks (those with a visit) on each segment.
    private func tasksBySegment(_ tasks: [MatchedTask], _ visitors: [TaskVisitor]) -> [[Int32]] {
        var onSegment = [[Int32]](repeating: [], count: network.segments.count)
        for (i, entry) in tasks.enumerated() where visitors[i].totalVisits > 0 {
            for s in entry.segments where onSegment.indices.contains(s) { onSegment[s].append(Int32(i)) }
        }
        return onSegment
    }

    /// Appends the findings of every pair of tasks on one segment, in order of
    /// organisation then task id.
    private func appendFindings(segment: Int, _ here: [Int32], _ run: FindingInputs, to findings: inout [Overlap]) {
        let s = network.segments[segment]
        let shared = SegmentFigures(
            index: segment, metres: s.length, driveMinutes: s.travelSeconds / 60, km: s.length / 1000)
        let tasks = run.tasks
        // Order the visitors by organisation then task id, so each pair comes out in that order.
        let ordered = here.map(Int.init).sorted {
            (tasks[$0].task.organisation, tasks[$0].task.taskID) < (
                tasks[$1].task.organisation, tasks[$1].task.taskID
            )
        }
        for x in 0..<ordered.count {
            let i = ordered[x]
            let a = run.visitors[i]
            for y in (x + 1)..<ordered.count {
                let j = ordered[y]
                let b = run.visitors[j]
                guard a.organisation != b.organisation else { continue }
                if run.only >= 0, a.organisation != run.only, b.organisation != run.only { continue }
                let rule = a.activity == b.activity ? nil : run.rules[a.activity][b.activity]
                let together = Coincidence(a, b, rule: rule)
                guard together.coVisits > 0 else { continue }
                findings.append(
                    overlap(
                        on: shared, first: i, second: j, coVisits: together.coVisits, PairVerdict(rule, together),
                        run))
            }
        }
    }

    /// The finding for one pair of coinciding visitors (indices into the
    /// run's tasks and visitors), with its saving.
    @inline(__always)
    private func overlap(
        on shared: SegmentFigures, first: Int, second: Int, coVisits: Int, _ verdict: PairVerdict,
        _ run: FindingInputs
    ) -> Overlap {
        let a = run.visitors[first]
        let b = run.visitors[second]
        let kind = verdict.kind
        let km = shared.km
        var minutes = shared.driveMinutes
        if kind == .duplicate {
            minutes +=
                a.serviceOverride ?? catalogue[run.activityNames[a.activity]]?.serviceMinutes(metres: shared.metres)
                ?? 0
        } else if verdict.combinable {
            minutes += min(a.setupMinutes, b.setupMinutes)
        }
        let perHour = (a.rates.hour + b.rates.hour) / 2
        let perKm = (a.rates.km + b.rates.km) / 2
        let co2e = (a.rates.co2e + b.rates.co2e) / 2
        let c = Double(coVisits)
        var h = FNV1a.start
        h = FNV1a.mix(h, UInt64(shared.index))
        h = FNV1a.mix(h, UInt64(kind == .duplicate ? 1 : kind == .shareable ? 2 : 3))
        h = FNV1a.mix(h, a.keyHash)
        h = FNV1a.mix(h, b.keyHash)
        let ta = run.tasks[first].task
        let tb = run.tasks[second].task
        return Overlap(
            keyValue: h, kind: kind, segment: shared.index, street: streetNames[shared.index], metres: shared.metres,
            first: Overlap.Party(
                organisation: ta.organisation, taskID: ta.taskID, activity: ta.activity, visits: a.totalVisits),
            second: Overlap.Party(
                organisation: tb.organisation, taskID: tb.taskID, activity: tb.activity, visits: b.totalVisits),
            coVisits: coVisits, combinable: verdict.combinable, reason: verdict.reason,
            saving: Overlap.Saving(
                minutes: minutes * c, km: km * c, money: (minutes / 60 * perHour + km * perKm) * c,
                co2eKg: km * co2e * c))
    }

    /// Mean rates of the organisation's crews that can do the activity (of
    /// all its crews when none can).
    private func rates(_ organisation: String, _ activity: String) -> (hour: Double, km: Double, co2e: Double) {
        let crews = registry[organisation]?.crews ?? []
        let able = crews.filter { $0.skills.contains(activity) }
        let pool = able.isEmpty ? crews : able
        guard !pool.isEmpty else { return (0, 0, 0) }
        let n = Double(pool.count)
        return (
            pool.reduce(0) { $0 + $1.costPerHour } / n, pool.reduce(0) { $0 + $1.costPerKm } / n,
            pool.reduce(0) { $0 + $1.co2ePerKm } / n
        )
    }
}
