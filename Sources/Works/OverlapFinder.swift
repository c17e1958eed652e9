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

    public init(network: StreetNetwork, catalogue: ActivityCatalogue, registry: OrganisationRegistry, compatibility: Compatibility) {
        self.network = network
        self.catalogue = catalogue
        self.registry = registry
        self.compatibility = compatibility
        self.streetNames = network.segments.map(\.displayName)
    }

    /// A task as pairs see it.
    private struct _Visitor {
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
    private struct _PairRule {
        var combine: Bool
        var conflict: Bool
        var why: String
        /// The order rule on this pair, as (first activity index, why).
        var order: (first: Int, why: String)?
    }

    /// - Parameters:
    ///   - tasks: each task with the ids of the segments it covers.
    ///   - organisation: when given, only findings that involve it.
    /// - Returns: findings by segment, then by the pair's organisations and task ids.
    public func find(_ tasks: [MatchedTask], from: Date, to: Date, anchor: ISOWeek,
                     organisation: String? = nil) -> [Overlap] {
        let first = ISOWeek(containing: from)
        var orgIndex: [String: Int] = [:], activityIndex: [String: Int] = [:]
        var orgNames: [String] = [], activityNames: [String] = []
        func index(_ s: String, _ table: inout [String: Int], _ names: inout [String]) -> Int {
            if let i = table[s] { return i }
            table[s] = names.count
            names.append(s)
            return names.count - 1
        }
        var rateCache: [String: (Double, Double, Double)] = [:]
        var visitors: [_Visitor] = []
        visitors.reserveCapacity(tasks.count)
        for task in tasks.map(\.task) {
            let plan = VisitPlan(task, from: from, to: to, anchor: anchor)
            let weeks = plan.weeks.map { w in
                (week: w.week.weeks(since: first), days: w.days.reduce(UInt8(0)) { $0 | UInt8(1 << ($1.rawValue - 1)) }, visits: w.visits)
            }
            let rateKey = task.organisation + "\u{0}" + task.activity
            let rates = rateCache[rateKey] ?? self.rates(task.organisation, task.activity)
            rateCache[rateKey] = rates
            visitors.append(_Visitor(
                organisation: index(task.organisation, &orgIndex, &orgNames), activity: index(task.activity, &activityIndex, &activityNames),
                weeks: weeks, totalVisits: plan.totalVisits,
                keyHash: FNV1a.hash("\(task.organisation):\(task.taskID):\(task.activity)"),
                rates: rates, setupMinutes: catalogue[task.activity]?.setupMinutes ?? 0, serviceOverride: task.serviceMinutes))
        }
        // Compatibility per pair of activity indices.
        let n = activityNames.count
        var rules = [[_PairRule?]](repeating: [_PairRule?](repeating: nil, count: n), count: n)
        for a in 0..<n {
            for b in 0..<n where a != b {
                let pair = compatibility.pair(activityNames[a], activityNames[b])
                var rule = _PairRule(combine: pair.combine, conflict: pair.conflict, why: pair.why, order: nil)
                if let order = compatibility.orderRules.first(where: { Set([$0.first, $0.then]) == Set([activityNames[a], activityNames[b]]) }) {
                    rule.order = (activityIndex[order.first]!, order.why)
                    if rule.why.isEmpty { rule.why = "\(order.first) before \(order.then), same day" }
                }
                rules[a][b] = rule
            }
        }
        let only = organisation.flatMap { orgIndex[$0] } ?? (organisation == nil ? -1 : -2)
        if only == -2 { return [] }

        var onSegment = [[Int32]](repeating: [], count: network.segments.count)
        for (i, entry) in tasks.enumerated() where visitors[i].totalVisits > 0 {
            for s in entry.segments where onSegment.indices.contains(s) { onSegment[s].append(Int32(i)) }
        }
        var findings: [Overlap] = []
        for (segment, here) in onSegment.enumerated() where here.count > 1 {
            let s = network.segments[segment]
            let driveMinutes = s.length / 1000 / s.speedKmh * 60, km = s.length / 1000
            // Order the visitors by organisation then task id, so each pair comes out in that order.
            let ordered = here.map(Int.init).sorted { (tasks[$0].task.organisation, tasks[$0].task.taskID) < (tasks[$1].task.organisation, tasks[$1].task.taskID) }
            for x in 0..<ordered.count {
                let i = ordered[x], a = visitors[i]
                for y in (x + 1)..<ordered.count {
                    let j = ordered[y], b = visitors[j]
                    guard a.organisation != b.organisation else { continue }
                    if only >= 0, a.organisation != only, b.organisation != only { continue }
                    // Coinciding weeks.
                    var coVisits = 0, sharedDay = false, orderBroken = false
                    let rule = a.activity == b.activity ? nil : rules[a.activity][b.activity]
                    var k = 0
                    for wa in a.weeks {
                        while k < b.weeks.count, b.weeks[k].week < wa.week { k += 1 }
                        guard k < b.weeks.count, b.weeks[k].week == wa.week else { continue }
                        let wb = b.weeks[k]
                        coVisits += min(wa.visits, wb.visits)
                        if wa.days & wb.days != 0 { sharedDay = true }
                        if let order = rule?.order {
                            let (firstDays, thenDays) = order.first == a.activity ? (wa.days, wb.days) : (wb.days, wa.days)
                            // Broken when every day of "then" comes before every day of "first".
                            if (UInt8.bitWidth - thenDays.leadingZeroBitCount) <= firstDays.trailingZeroBitCount { orderBroken = true }
                        }
                    }
                    guard coVisits > 0 else { continue }
                    let kind: Overlap.Kind
                    var combinable = true, reason = "the same job twice: one visit is waste"
                    if let rule {
                        combinable = rule.combine
                        reason = rule.why
                        if orderBroken { reason = rule.order!.why }
                        kind = orderBroken || (rule.conflict && sharedDay) ? .conflict : .shareable
                    } else {
                        kind = .duplicate
                    }
                    var minutes = driveMinutes
                    if kind == .duplicate {
                        minutes += a.serviceOverride ?? catalogue[activityNames[a.activity]]?.serviceMinutes(metres: s.length) ?? 0
                    } else if combinable {
                        minutes += min(a.setupMinutes, b.setupMinutes)
                    }
                    let perHour = (a.rates.hour + b.rates.hour) / 2, perKm = (a.rates.km + b.rates.km) / 2, co2e = (a.rates.co2e + b.rates.co2e) / 2
                    let c = Double(coVisits)
                    var h = FNV1a.start
                    h = FNV1a.mix(h, UInt64(segment))
                    h = FNV1a.mix(h, UInt64(kind == .duplicate ? 1 : kind == .shareable ? 2 : 3))
                    h = FNV1a.mix(h, a.keyHash)
                    h = FNV1a.mix(h, b.keyHash)
                    let ta = tasks[i].task, tb = tasks[j].task
                    findings.append(Overlap(
                        keyValue: h, kind: kind, segment: segment, street: streetNames[segment], metres: s.length,
                        first: Overlap.Party(organisation: ta.organisation, taskID: ta.taskID, activity: ta.activity, visits: a.totalVisits),
                        second: Overlap.Party(organisation: tb.organisation, taskID: tb.taskID, activity: tb.activity, visits: b.totalVisits),
                        coVisits: coVisits, combinable: combinable, reason: reason,
                        saving: Overlap.Saving(minutes: minutes * c, km: km * c, money: (minutes / 60 * perHour + km * perKm) * c, co2eKg: km * co2e * c)))
                }
            }
        }
        return findings
    }

    /// Mean rates of the organisation's crews that can do the activity (of
    /// all its crews when none can).
    private func rates(_ organisation: String, _ activity: String) -> (hour: Double, km: Double, co2e: Double) {
        let crews = registry[organisation]?.crews ?? []
        let able = crews.filter { $0.skills.contains(activity) }
        let pool = able.isEmpty ? crews : able
        guard !pool.isEmpty else { return (0, 0, 0) }
        let n = Double(pool.count)
        return (pool.reduce(0) { $0 + $1.costPerHour } / n, pool.reduce(0) { $0 + $1.costPerKm } / n, pool.reduce(0) { $0 + $1.co2ePerKm } / n)
    }
}
