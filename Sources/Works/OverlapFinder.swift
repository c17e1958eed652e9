import Foundation
import StreetNetwork

/// Finds every street segment visited by two or more organisations in the
/// same ISO week of a period, classifies each pair of visiting tasks, and
/// estimates what merging them would save.
///
/// - Complexity: O(v + p) for v (task, segment) entries and p pairs of
///   tasks on one segment; no scan over all pairs of tasks.
public struct OverlapFinder: Sendable {
    public let network: StreetNetwork
    public let catalogue: ActivityCatalogue
    public let registry: OrganisationRegistry
    public let compatibility: Compatibility

    public init(network: StreetNetwork, catalogue: ActivityCatalogue, registry: OrganisationRegistry, compatibility: Compatibility) {
        self.network = network
        self.catalogue = catalogue
        self.registry = registry
        self.compatibility = compatibility
    }

    /// - Parameters:
    ///   - tasks: each task with the ids of the segments it covers.
    ///   - organisation: when given, only findings that involve it.
    public func find(_ tasks: [(task: StreetTask, segments: [Int])], from: Date, to: Date, anchor: ISOWeek,
                     organisation: String? = nil) -> [Overlap] {
        let plans = tasks.map { VisitPlan($0.task, from: from, to: to, anchor: anchor) }
        var onSegment = [[Int32]](repeating: [], count: network.segments.count)
        for (i, entry) in tasks.enumerated() where plans[i].totalVisits > 0 {
            for s in entry.segments where onSegment.indices.contains(s) { onSegment[s].append(Int32(i)) }
        }
        var findings: [Overlap] = []
        for (segment, visitors) in onSegment.enumerated() where visitors.count > 1 {
            for x in 0..<visitors.count {
                for y in (x + 1)..<visitors.count {
                    var (i, j) = (Int(visitors[x]), Int(visitors[y]))
                    let a = tasks[i].task, b = tasks[j].task
                    guard a.organisation != b.organisation else { continue }
                    if let organisation, a.organisation != organisation, b.organisation != organisation { continue }
                    if (b.organisation, b.taskID) < (a.organisation, a.taskID) { swap(&i, &j) }
                    if let finding = classify(segment, tasks[i].task, plans[i], tasks[j].task, plans[j]) { findings.append(finding) }
                }
            }
        }
        return findings.sorted { ($0.street, $0.kind.rawValue, $0.segment, $0.key) < ($1.street, $1.kind.rawValue, $1.segment, $1.key) }
    }

    private func classify(_ segment: Int, _ a: StreetTask, _ pa: VisitPlan, _ b: StreetTask, _ pb: VisitPlan) -> Overlap? {
        var common: [(VisitPlan.Week, VisitPlan.Week)] = []
        var k = 0
        for wa in pa.weeks {
            while k < pb.weeks.count, pb.weeks[k].week < wa.week { k += 1 }
            if k < pb.weeks.count, pb.weeks[k].week == wa.week { common.append((wa, pb.weeks[k])) }
        }
        guard !common.isEmpty else { return nil }
        let coVisits = common.reduce(0) { $0 + min($1.0.visits, $1.1.visits) }
        let kind: Overlap.Kind
        var combinable = false
        var reason: String
        if a.activity == b.activity {
            kind = .duplicate
            combinable = true
            reason = "the same job twice: one visit is waste"
        } else {
            let pair = compatibility.pair(a.activity, b.activity)
            combinable = pair.combine
            reason = pair.why
            var conflict = false
            if pair.conflict {
                // Only when both can fall on one day.
                conflict = common.contains { !Set($0.0.days).isDisjoint(with: $0.1.days) }
            }
            for rule in compatibility.orderRules where Set([rule.first, rule.then]) == Set([a.activity, b.activity]) {
                let firstIsA = rule.first == a.activity
                // Broken when, in some week, every allowed day of "then" comes before every day of "first".
                let broken = common.contains { wa, wb in
                    let first = firstIsA ? wa.days : wb.days, then = firstIsA ? wb.days : wa.days
                    return then.max()! < first.min()!
                }
                if broken { conflict = true; reason = rule.why } else { reason = pair.why.isEmpty ? "\(rule.first) before \(rule.then), same day" : pair.why }
            }
            kind = conflict ? .conflict : .shareable
        }
        let s = network.segments[segment]
        let parties = [(a, pa), (b, pb)].map { Overlap.Party(organisation: $0.0.organisation, taskID: $0.0.taskID, activity: $0.0.activity, visits: $0.1.totalVisits) }
        let key = Checksum.sha256(Data("v1|\(segment)|\(kind.rawValue)|\(a.organisation):\(a.taskID):\(a.activity)|\(b.organisation):\(b.taskID):\(b.activity)".utf8)).prefix(16)
        return Overlap(key: String(key), kind: kind, segment: segment, street: s.displayName, metres: s.length, parties: parties,
                       coVisits: coVisits, combinable: combinable, reason: reason,
                       saving: saving(kind: kind, combinable: combinable, segment: s, a, b, coVisits: coVisits))
    }

    /// Per coinciding visit: a duplicate saves the whole second visit
    /// (service, set-up and driving the segment); a combinable pair the
    /// smaller set-up and driving the segment once; a pair grouped on one
    /// day driving the segment once. Costed at the two crews' mean rates.
    private func saving(kind: Overlap.Kind, combinable: Bool, segment s: StreetSegment, _ a: StreetTask, _ b: StreetTask, coVisits: Int) -> Overlap.Saving {
        let drive = s.length / 1000 / s.speedKmh * 60
        let activityA = catalogue[a.activity], activityB = catalogue[b.activity]
        var minutes = drive
        if kind == .duplicate {
            minutes += a.serviceMinutes ?? activityA?.serviceMinutes(metres: s.length) ?? 0
        } else if combinable {
            minutes += min(activityA?.setupMinutes ?? 0, activityB?.setupMinutes ?? 0)
        }
        let ra = rates(a), rb = rates(b)
        let perHour = (ra.hour + rb.hour) / 2, perKm = (ra.km + rb.km) / 2, co2e = (ra.co2e + rb.co2e) / 2
        let km = s.length / 1000
        let n = Double(coVisits)
        return Overlap.Saving(minutes: minutes * n, km: km * n, money: (minutes / 60 * perHour + km * perKm) * n, co2eKg: km * co2e * n)
    }

    /// Mean rates of the organisation's crews that can do the task's
    /// activity (of all its crews when none can).
    private func rates(_ t: StreetTask) -> (hour: Double, km: Double, co2e: Double) {
        let crews = registry[t.organisation]?.crews ?? []
        let able = crews.filter { $0.skills.contains(t.activity) }
        let pool = able.isEmpty ? crews : able
        guard !pool.isEmpty else { return (0, 0, 0) }
        let n = Double(pool.count)
        return (pool.reduce(0) { $0 + $1.costPerHour } / n, pool.reduce(0) { $0 + $1.costPerKm } / n, pool.reduce(0) { $0 + $1.co2ePerKm } / n)
    }
}
