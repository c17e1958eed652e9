import Works

/// Stage 5, routing jobs: one arc-routing problem each, the visits of one
/// crew class on one day within the same hours (or its stand-by gritting),
/// with the time a round may take and when it starts.
struct RoutingJob {
    /// What a job is: its day (nil for stand-by gritting), crew class and
    /// hours. Jobs are solved in this order (day, class, hours), gritting last.
    struct Key: Hashable, Comparable {
        var day: Weekday?
        var crewClass: String
        var window: TimeWindow?
        /// Stable weeks: the crew whose last-week visits the job routes apart; nil plans fresh.
        var crew: String? = nil

        static func < (a: Key, b: Key) -> Bool {
            (a.day?.rawValue ?? Int.max, a.crewClass, a.window?.description ?? "", a.crew ?? "")
                < (b.day?.rawValue ?? Int.max, b.crewClass, b.window?.description ?? "", b.crew ?? "")
        }
    }

    var key: Key
    /// The planning pool the crew class belongs to.
    var pool: Int
    var crewClass: CrewPool.CrewClass
    var visits: [PlannedVisit]
    /// When its rounds leave the depot, in minutes after midnight.
    var startMinutes: Int
    /// The most seconds a round may take: the shift, or the job's hours, or
    /// the gritting treatment deadline.
    var limitSeconds: Int
    /// Set for a job the fleet repair made (rounds moved from another crew
    /// class): numbers its rounds' ids apart.
    var repair: Int?

    /// "mon", "mon-0700-1100" or "grit": the start of its rounds' ids.
    var label: String {
        let hours = key.window.map { "-" + $0.description.replacingOccurrences(of: ":", with: "") } ?? ""
        return (key.day?.code ?? "grit") + hours
    }

    /// Rounds' ids: label, organisation, depot and vehicle, then a number; only letters, digits, '.', '_'
    /// and '-' (registries are checked so; one stored before may hold others, each then a '_'), since ids
    /// name files.
    var idPrefix: String {
        let moved = repair.map { "-moved\($0)" } ?? ""
        let parts = [crewClass.organisation, crewClass.depot, crewClass.vehicleType].map(Self.plain)
        return ([label] + parts).joined(separator: "-") + moved + (key.crew.map { "-" + Self.plain($0) } ?? "")
    }

    static func plain(_ s: String) -> String {
        String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    }

    /// The jobs of one pool: its day visits grouped by day, class and hours;
    /// its gritting by class.
    static func jobs(_ assignment: CrewAssignment, pool: Int, options: PlanOptions) -> [RoutingJob] {
        var byKey: [Key: RoutingJob] = [:]
        for a in assignment.visits {
            let key = Key(day: a.visit.day, crewClass: a.crewClass.key, window: a.visit.window, crew: a.crew)
            let window = a.visit.window
            let limit = min(a.crewClass.shiftSeconds, window.map { $0.minutes * PlanUnits.secondsPerMinute } ?? Int.max)
            byKey[
                key,
                default: RoutingJob(
                    key: key, pool: pool, crewClass: a.crewClass, visits: [],
                    startMinutes: window?.start ?? options.shiftStartMinutes,
                    limitSeconds: limit)
            ].visits.append(a.visit)
        }
        let deadline = PlanUnits.seconds(hours: options.treatmentDeadlineHours)
        for a in assignment.gritting {
            let key = Key(day: nil, crewClass: a.crewClass.key, window: nil)
            byKey[
                key,
                default: RoutingJob(
                    key: key, pool: pool, crewClass: a.crewClass, visits: [], startMinutes: 0,
                    limitSeconds: deadline)
            ].visits.append(a.visit)
        }
        return byKey.keys.sorted().compactMap { byKey[$0] }
    }
}
