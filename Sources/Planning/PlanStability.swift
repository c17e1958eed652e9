import Works

/// How stable a week is against the week it started from: of the task
/// visits present in both (the same organisation, task id and segment, one
/// per visit day), the share that kept their crew and day. A task visited
/// on more days in one week than the other counts its smaller number.
public struct PlanStability: Sendable, Equatable {
    /// The week the plan started from.
    public var previousWeek: ISOWeek
    /// Task visits present in both weeks.
    public var common: Int
    /// Of those, the ones that kept crew and day.
    public var kept: Int
    /// Of those, the ones that kept their day (any crew).
    public var keptDay: Int

    /// kept / common; 1 when nothing is common.
    public var share: Double { common == 0 ? 1 : Double(kept) / Double(common) }
    public var dayShare: Double { common == 0 ? 1 : Double(keptDay) / Double(common) }

    /// - Complexity: O(v log v) in the task visits of both weeks.
    public init(previous: PlanRecord, plan: WeeklyPlan) {
        var before: [PlanPreferences.VisitKey: [Slot]] = [:]
        var after: [PlanPreferences.VisitKey: [Slot]] = [:]
        for r in previous.rounds {
            guard let day = r.day else { continue }
            for stop in r.stops {
                for part in stop.parts {
                    before[Self.key(part, stop.segment), default: []].append(Slot(day, r.organisation, r.crew))
                }
            }
        }
        for r in plan.rounds {
            guard let day = r.day else { continue }
            for stop in r.stops {
                for part in stop.visit.parts {
                    after[Self.key(part, stop.visit.segment), default: []].append(Slot(day, r.organisation, r.crew))
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
        }
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
