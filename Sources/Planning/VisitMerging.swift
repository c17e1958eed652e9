import StreetNetwork
import Works

/// Stage 3, merged stops: the visits to each segment on each day merged
/// where one crew can do them together. A visit joins a group when every
/// activity in it can be done with its own by one crew (the same job, or a
/// combinable pair), some crew has all the skills, and their hours meet.
/// Each group's service time counts each activity's work once and the
/// largest set-up once.
struct VisitMerging {
    var network: StreetNetwork
    var catalogue: ActivityCatalogue
    var compatibility: Compatibility

    /// One task's visit to one segment on one day, before merging.
    private struct Entry {
        var part: PlannedVisit.Part
        var minutes: Double?
        var window: TimeWindow?
    }

    /// A group of entries one crew does together, and the hours they share.
    private struct Group {
        var entries: [Entry]
        var window: TimeWindow?
    }

    /// - Parameters:
    ///   - acrossOrganisations: whether different partners' visits may merge (the shared plan).
    ///   - canDo: whether some crew of the pool has all these skills.
    /// - Complexity: O(v g) for v visits and groups of g per segment-day.
    func merge(
        _ weeks: [WeekDemand.TaskWeek], acrossOrganisations: Bool,
        canDo: (Set<String>) -> Bool
    ) -> [PlannedVisit] {
        var bySegmentDay: [Int: [Entry]] = [:]  // key: segment * 8 + day
        for w in weeks {
            let part = PlannedVisit.Part(w.task)
            for day in w.days {
                for s in w.segments {
                    bySegmentDay[s * 8 + day.rawValue, default: []].append(
                        Entry(part: part, minutes: w.task.serviceMinutes, window: w.task.hours))
                }
            }
        }
        var visits: [PlannedVisit] = []
        for key in bySegmentDay.keys.sorted() {
            guard let day = Weekday(rawValue: key % 8) else { continue }
            let entries = (bySegmentDay[key] ?? []).sorted {
                ($0.part.organisation, $0.part.taskID) < ($1.part.organisation, $1.part.taskID)
            }
            let groups = group(entries, acrossOrganisations: acrossOrganisations, canDo: canDo)
            visits += groups.map { visit($0, segment: key / 8, day: day) }
        }
        return visits
    }

    private func group(_ entries: [Entry], acrossOrganisations: Bool, canDo: (Set<String>) -> Bool) -> [Group] {
        var groups: [Group] = []
        for entry in entries {
            let fits = groups.firstIndex { group in
                group.entries.allSatisfy { other in
                    (acrossOrganisations || other.part.organisation == entry.part.organisation)
                        && (other.part.activity == entry.part.activity
                            || compatibility.pair(other.part.activity, entry.part.activity).combine)
                } && canDo(Set(group.entries.map(\.part.activity) + [entry.part.activity]))
                    && Self.overlap(group.window, entry.window) != nil  // their hours must meet
            }
            if let fits, let window = Self.overlap(groups[fits].window, entry.window) {
                groups[fits].entries.append(entry)
                groups[fits].window = window
            } else {
                groups.append(Group(entries: [entry], window: entry.window))
            }
        }
        return groups
    }

    private func visit(_ group: Group, segment: Int, day: Weekday) -> PlannedVisit {
        let metres = network.segments[segment].length
        var work = 0.0
        var setup = 0.0
        var demand = 0.0
        for code in Set(group.entries.map(\.part.activity)).sorted() {
            guard let activity = catalogue[code] else { continue }
            let override = group.entries.first { $0.part.activity == code }?.minutes
            work += override ?? (activity.serviceMinutes(metres: metres) - activity.setupMinutes)
            if override == nil { setup = max(setup, activity.setupMinutes) }
            demand += (activity.capacityPerMetre ?? 0) * metres
        }
        return PlannedVisit(
            segment: segment, day: day, parts: group.entries.map(\.part),
            serviceSeconds: PlanUnits.serviceSeconds(minutes: work + setup), demand: demand,
            window: group.window)
    }

    /// A merged stop taken apart again, one visit per activity (the same job
    /// of several partners stays one visit): what the fleet repair does when
    /// only a few crews can do the merged stop and they have no time left.
    func split(_ v: PlannedVisit, tasks: [PlannedVisit.Part: WeekDemand.TaskWeek]) -> [PlannedVisit] {
        guard v.activities.count > 1 else { return [v] }
        return v.activities.map { code in
            let entries = v.parts.filter { $0.activity == code }.map { part in
                Entry(part: part, minutes: tasks[part]?.task.serviceMinutes, window: v.window)
            }
            return visit(Group(entries: entries, window: v.window), segment: v.segment, day: v.day)
        }
    }

    /// The overlap of two windows (nil = any time); .some(nil) when they do not meet.
    static func overlap(_ a: TimeWindow?, _ b: TimeWindow?) -> TimeWindow?? {
        guard let a else { return .some(b) }
        guard let b else { return .some(a) }
        let start = max(a.start, b.start)
        let end = min(a.end, b.end)
        return start < end ? .some(TimeWindow(start: start, end: end)) : nil
    }
}
