import Works

/// How stable a week is against the week it started from: of the task
/// visits present in both (the same organisation, task id and segment, one
/// per visit day), the share that kept their crew and day. A task visited
/// on more days in one week than the other counts its smaller number.
/// Beside it, the order of the rounds: of the task visits on the same day
/// in both weeks, the share that kept their predecessor in their round (the
/// street served just before, or none when first).
public struct PlanStability: Sendable, Equatable {
    /// The week the plan started from.
    public var previousWeek: ISOWeek
    /// Task visits present in both weeks.
    public var common: Int
    /// Of those, the ones that kept crew and day.
    public var kept: Int
    /// Of those, the ones that kept their day (any crew).
    public var keptDay: Int
    /// Of those, the ones that kept their day and the partner whose crew
    /// serves them (another crew of the same fleet, or the same crew). A
    /// visit that moves to another partner's crew was merged into, or out
    /// of, a shared stop.
    public var keptDayAndPartner = 0
    /// Task visits on the same day in both weeks (one per task, segment and day).
    public var orderCommon = 0
    /// Of those, the ones served right after the same street as before (or first both times).
    public var orderKept = 0

    /// kept / common; 1 when nothing is common.
    public var share: Double { common == 0 ? 1 : Double(kept) / Double(common) }
    public var dayShare: Double { common == 0 ? 1 : Double(keptDay) / Double(common) }
    public var partnerShare: Double { common == 0 ? 1 : Double(keptDayAndPartner) / Double(common) }
    /// orderKept / orderCommon; 1 when nothing is common.
    public var orderShare: Double { orderCommon == 0 ? 1 : Double(orderKept) / Double(orderCommon) }

    /// - Complexity: O(v log v) in the task visits of both weeks.
    public init(previous: PlanRecord, plan: WeeklyPlan) {
        var before: [PlanPreferences.VisitKey: [Slot]] = [:]
        var after: [PlanPreferences.VisitKey: [Slot]] = [:]
        var partnersBefore: [PlanPreferences.VisitKey: [Slot]] = [:]
        var partnersAfter: [PlanPreferences.VisitKey: [Slot]] = [:]
        for r in previous.rounds {
            guard let day = r.day else { continue }
            for stop in r.stops {
                for part in stop.parts {
                    before[Self.key(part, stop.segment), default: []].append(Slot(day, r.organisation, r.crew))
                    partnersBefore[Self.key(part, stop.segment), default: []].append(Slot(day, r.organisation, ""))
                }
            }
        }
        for r in plan.rounds {
            guard let day = r.day else { continue }
            for stop in r.stops {
                for part in stop.visit.parts {
                    after[Self.key(part, stop.visit.segment), default: []].append(Slot(day, r.organisation, r.crew))
                    partnersAfter[Self.key(part, stop.visit.segment), default: []].append(
                        Slot(day, r.organisation, ""))
                }
            }
        }
        previousWeek = previous.week
        (common, kept, keptDay) = (0, 0, 0)
        for (key, was) in before {
            guard let now = after[key] else { continue }
            common += min(was.count, now.count)
            kept += Self.matched(was, now)
            keptDay += Self.matched(was.map(\.dayOnly), now.map(\.dayOnly))
            keptDayAndPartner += Self.matched(partnersBefore[key] ?? [], partnersAfter[key] ?? [])
        }
        let predecessorsBefore = Self.predecessors(
            previous.rounds.map { r in
                PlacedRound(day: r.day, stops: r.stops.map { PlacedStop(segment: $0.segment, parts: $0.parts) })
            })
        let predecessorsAfter = Self.predecessors(
            plan.rounds.map { r in
                PlacedRound(
                    day: r.day, stops: r.stops.map { PlacedStop(segment: $0.visit.segment, parts: $0.visit.parts) })
            })
        for (key, was) in predecessorsBefore {
            guard let now = predecessorsAfter[key] else { continue }
            orderCommon += 1
            if now == was { orderKept += 1 }
        }
    }

    /// A stop as the order figure reads it.
    private struct PlacedStop {
        var segment: Int
        var parts: [PlannedVisit.Part]
    }

    private struct PlacedRound {
        var day: Weekday?
        var stops: [PlacedStop]
    }

    /// A task visit on one day.
    private struct DayVisit: Hashable {
        var visit: PlanPreferences.VisitKey
        var day: Int
    }

    /// Each task visit's predecessor in its round: the segment served just
    /// before, -1 when first; the first seen when a visit repeats on a day.
    private static func predecessors(_ rounds: [PlacedRound]) -> [DayVisit: Int] {
        var out: [DayVisit: Int] = [:]
        for round in rounds {
            guard let day = round.day else { continue }
            let stops = round.stops
            for (k, stop) in stops.enumerated() {
                let before = k == 0 ? -1 : stops[k - 1].segment
                for part in stop.parts {
                    let key = DayVisit(visit: Self.key(part, stop.segment), day: day.rawValue)
                    if out[key] == nil { out[key] = before }
                }
            }
        }
        return out
    }

    /// A visit's day and crew ("" for the crew when only the day counts).
    private struct Slot: Hashable {
        var day: Int
        var crew: String
        init(_ day: Weekday, _ organisation: String, _ crew: String) {
            self.day = day.rawValue
            self.crew = PlanPreferences.crewKey(organisation, crew)
        }
        private init(day: Int) {
            self.day = day
            crew = ""
        }
        var dayOnly: Slot { Slot(day: day) }
    }

    /// The size of the multiset intersection of `a` and `b`.
    private static func matched(_ a: [Slot], _ b: [Slot]) -> Int {
        var counts: [Slot: Int] = [:]
        for s in a { counts[s, default: 0] += 1 }
        var n = 0
        for s in b where (counts[s] ?? 0) > 0 {
            counts[s, default: 0] -= 1
            n += 1
        }
        return n
    }

    private static func key(_ part: PlannedVisit.Part, _ segment: Int) -> PlanPreferences.VisitKey {
        PlanPreferences.VisitKey(organisation: part.organisation, taskID: part.taskID, segment: segment)
    }
}
