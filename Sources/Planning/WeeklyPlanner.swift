import ArcRouting
import Foundation
import StreetNetwork
import Works

/// Plans a week of rounds. Start reading here: `plan` lists the stages,
/// each a type in its own file that takes and returns named values.
///
/// 1. `WeekDemand`: the visits of the week, per task (gritting apart).
/// 2. `DayAssignment`: the days of each task's visits (the periodic layer).
/// 3. `VisitMerging`: visits to a street on a day merged into stops.
/// 4. `CrewAssignment`: stops to crew classes and depots (the clustering half).
/// 5. `RoutingJob`: one arc-routing problem per day, class and hours.
/// 6. `RoundBuilder`: each job solved and laid out as rounds, within its
///    share of the time (`RoutingBudget`).
/// 7. `CrewRoster`: a day's rounds given to the class's crews that work
///    that day, one shift each; `FleetRepair` moves what they cannot take
///    to another able class with time, else reports it as a `Shortfall`.
///    `SameDayOrder` then starts rounds later where an order rule's two
///    activities meet on one street and day (cut before sweep).
/// 8. `PlanTotals`: kilometres, hours, money and CO2e.
///
/// The same planner makes the shared plan and the baseline (`PlanMode`).
public struct WeeklyPlanner {
    public let network: StreetNetwork
    public let catalogue: ActivityCatalogue
    public let registry: OrganisationRegistry
    public let compatibility: Compatibility
    let streets: PlanningStreets
    let builder: RoundBuilder

    public init(
        network: StreetNetwork, catalogue: ActivityCatalogue, registry: OrganisationRegistry,
        compatibility: Compatibility
    ) {
        self.network = network
        self.catalogue = catalogue
        self.registry = registry
        self.compatibility = compatibility
        streets = PlanningStreets(network)
        builder = RoundBuilder(streets: streets)
    }

    /// - Parameters:
    ///   - preferences: stable weeks: what to keep of the plan the week
    ///     starts from (`PreviousPlan`); empty plans fresh.
    ///   - progress: told what is being solved, now and then.
    /// - Throws: `PlanningError` when a depot is far from every street.
    public func plan(
        _ tasks: [MatchedTask], options: PlanOptions, mode: PlanMode,
        preferences: PlanPreferences = PlanPreferences(),
        progress: ((String) -> Void)? = nil
    ) throws -> WeeklyPlan {
        let started = ContinuousClock.now
        let week = try routingJobs(tasks, options: options, mode: mode, preferences: preferences)  // stages 1-5
        var budget = RoutingBudget(options: options, started: started, jobs: week.jobs)
        let routed = route(week, budget: &budget, mode: mode, preferences: preferences, progress: progress)  // 6
        let rostered = roster(
            routed.byRoster, classes: week.classes, options: options,
            preferences: preferences)  // stage 7
        let merging = VisitMerging(network: network, catalogue: catalogue, compatibility: compatibility)
        let repaired = FleetRepair(
            builder: builder, options: options, pools: week.pools, taskDays: week.taskDays,
            repairs: options.fleetRepair, merging: merging, preferences: preferences
        )
        .repair(rostered, classes: week.classes, budget: &budget)  // stage 7b
        let (unique, gritting) = Self.uniqueIDs(repaired.rounds, gritting: routed.gritting)
        let ordered = SameDayOrder(orderRules: compatibility.orderRules, classes: week.classes, network: network)
            .order(unique)  // stage 7c
        let rounds = ordered.rounds.sorted {
            ($0.day?.rawValue ?? 0, $0.startMinutes, $0.id) < ($1.day?.rawValue ?? 0, $1.startMinutes, $1.id)
        }
        var timing = routed.timing
        timing.solverSeconds += repaired.solverSeconds
        timing.totalSeconds = (ContinuousClock.now - started).seconds
        return WeeklyPlan(
            options: options, mode: mode, rounds: rounds, gritting: gritting,
            unplaced: week.unplaced + routed.unplaced + repaired.unplaced,
            shortfalls: repaired.shortfalls, orderConflicts: ordered.conflicts,
            taskVisits: week.taskVisits, totals: PlanTotals(rounds, registry: registry),  // 8
            totalsByOrganisation: totalsByOrganisation(rounds), timing: timing)
    }

    /// Round ids made unique, before anything names them (order conflicts, outputs): they name the GPX
    /// files, calendar UIDs and the report's anchors, and ids join organisation, depot and vehicle with '-',
    /// which the ids may hold too ("town" with depot "council-yard" and "town-council" with "yard"). A
    /// repeated id gets "-b", "-c"…, in the order of organisation, depot, crew and day, so the same one
    /// gets it week after week.
    static func uniqueIDs(_ rounds: [Round], gritting: [Round]) -> ([Round], [Round]) {
        var all = rounds + gritting
        let order = all.indices.sorted {
            let (a, b) = (all[$0], all[$1])
            if (a.id, a.organisation, a.depot, a.crew) != (b.id, b.organisation, b.depot, b.crew) {
                return (a.id, a.organisation, a.depot, a.crew) < (b.id, b.organisation, b.depot, b.crew)
            }
            return (a.day?.rawValue ?? 8, a.startMinutes, $0) < (b.day?.rawValue ?? 8, b.startMinutes, $1)
        }
        var seen = Set(all.map(\.id))
        var kept = Set<String>()
        for k in order where !kept.insert(all[k].id).inserted {
            let base = all[k].id
            var n = 1
            while seen.contains(Self.suffixed(base, n)) { n += 1 }
            all[k].id = Self.suffixed(base, n)
            seen.insert(all[k].id)
        }
        return (Array(all.prefix(rounds.count)), Array(all.dropFirst(rounds.count)))
    }

    /// "ID-b" for 1, "ID-c" for 2, … "ID-z", then "ID-a1"…
    private static func suffixed(_ base: String, _ n: Int) -> String {
        base + "-" + String(UnicodeScalar(UInt8(97 + n % 26))) + (n >= 26 ? String(n / 26) : "")
    }

    /// The rounds of every job, by roster (day, pool, class); gritting apart.
    struct RoutedWeek {
        var byRoster: [CrewRoster.Key: [Round]] = [:]
        var gritting: [Round] = []
        var unplaced: [UnplacedVisit] = []
        var timing = PlanTiming()
    }

    /// Stage 6: each job solved within its share of the time left, in order.
    private func route(
        _ week: WeekJobs, budget: inout RoutingBudget, mode: PlanMode, preferences: PlanPreferences,
        progress: ((String) -> Void)?
    ) -> RoutedWeek {
        var out = RoutedWeek()
        for (k, job) in week.jobs.enumerated() {
            let crew = "\(job.crewClass.organisation)/\(job.crewClass.depot) \(job.crewClass.vehicleType)"
            let stops = "\(job.visits.count) stops"
            progress?("\(mode.rawValue): routing \(k + 1) of \(week.jobs.count): \(job.label) \(crew), \(stops)")
            let routed = builder.build(
                job, crews: week.pools[job.pool], parameters: budget.parameters(forJob: k, job),
                preferences: preferences)
            if let day = job.key.day {
                out.byRoster[CrewRoster.Key(day: day, pool: job.pool, crewClass: job.crewClass.key), default: []] +=
                    routed.rounds
            } else {
                out.gritting += routed.rounds
            }
            out.unplaced += routed.unplaced
            out.timing.solverSeconds += routed.solverSeconds
            out.timing.shortestPathSeconds += routed.shortestPathSeconds
        }
        return out
    }

    /// The week up to its routing jobs: stages 1 to 5, per planning pool.
    struct WeekJobs {
        var jobs: [RoutingJob] = []
        /// The crews of each pool (`RoutingJob.pool` indexes them).
        var pools: [CrewPool] = []
        var unplaced: [UnplacedVisit] = []
        var taskVisits = 0
        /// Each task's week (allowed days, visits), by its part.
        var taskDays: [PlannedVisit.Part: WeekDemand.TaskWeek] = [:]
        /// Every crew class of every pool, by key.
        var classes: [String: CrewPool.CrewClass] {
            var out: [String: CrewPool.CrewClass] = [:]
            for pool in pools { for c in pool.classes { out[c.key] = c } }
            return out
        }
    }

    func routingJobs(
        _ tasks: [MatchedTask], options: PlanOptions, mode: PlanMode,
        preferences: PlanPreferences = PlanPreferences()
    ) throws -> WeekJobs {
        let organisations = registry.ids.compactMap { registry[$0] }
        let depots = DepotTrees(try CrewPool.depotNodes(organisations, streets: streets), streets: streets)
        var week = WeekJobs()
        for (p, pool) in PlanningPool.pools(tasks, registry: registry, mode: mode).enumerated() {
            let crews = try CrewPool(organisations: pool.organisations, streets: streets, depots: depots)
            var demand = WeekDemand(pool.tasks, options: options, network: network, catalogue: catalogue)
            demand.taskWeeks = DayAssignment(orderRules: compatibility.orderRules, preferences: preferences)
                .assign(demand.taskWeeks) { workload($0, crews: crews) }
            let merging = VisitMerging(network: network, catalogue: catalogue, compatibility: compatibility)
            let stops = merging.merge(demand.taskWeeks, acrossOrganisations: mode == .shared, canDo: crews.canDo)
            let assignment = CrewAssignment(
                stops, demand: demand, crews: crews, network: network,
                method: options.crewAssignment, preferences: preferences,
                merging: options.fleetRepair ? merging : nil)
            week.jobs += RoutingJob.jobs(assignment, pool: p, options: options)
            week.pools.append(crews)
            week.unplaced += assignment.unplaced
            week.taskVisits += demand.taskVisits
            for w in demand.taskWeeks {
                week.taskDays[PlannedVisit.Part(w.task)] = w
            }
        }
        return week
    }

    /// The work one visit of a task brings to the depot that would serve its
    /// first street: what day assignment balances.
    private func workload(_ w: WeekDemand.TaskWeek, crews: CrewPool) -> DayAssignment.Workload {
        let first = w.segments.first.map { network.segments[$0] } ?? network.segments[0]
        let nearest = crews.bestClass(for: [w.task.activity], segment: first)
        let depot = nearest?.depot ?? "-"
        let minutes = w.segments.reduce(0.0) {
            $0 + (catalogue[w.task.activity]?.serviceMinutes(metres: network.segments[$1].length) ?? 0)
        }
        let able = crews.classes.filter { $0.skills.contains(w.task.activity) }
        // The depot's crew time each day: a day with fewer crews weighs its work more.
        var shifts = [Double](repeating: 0, count: 8)
        for c in crews.classes where c.depot == depot {
            for crew in c.crews { for day in crew.days { shifts[day.rawValue] += Double(c.shiftSeconds) } }
        }
        // The able crews' room each day: work beyond it moves to another day the task allows.
        var room = [Double](repeating: 0, count: 8)
        for c in able {
            for crew in c.crews {
                for day in crew.days { room[day.rawValue] += Double(c.shiftSeconds) * CrewAssignment.fill }
            }
        }
        return DayAssignment.Workload(
            depot: depot, seconds: minutes * Double(PlanUnits.secondsPerMinute),
            crewDays: Set(able.flatMap { $0.crews.flatMap(\.days) }), shiftSeconds: shifts,
            crewClass: nearest?.key ?? "", ableClasses: able.map(\.key), ableRoom: room)
    }

    /// Each roster's rounds given to its crews working that day, day by day
    /// (a crew out past midnight starts the next day when it is back).
    private func roster(
        _ byRoster: [CrewRoster.Key: [Round]], classes: [String: CrewPool.CrewClass],
        options: PlanOptions, preferences: PlanPreferences
    ) -> [CrewRoster.Key: CrewRoster.Rostered] {
        var out: [CrewRoster.Key: CrewRoster.Rostered] = [:]
        for key in byRoster.keys.sorted() {
            guard let crewClass = classes[key.crewClass] else { continue }
            let roster = CrewRoster(
                crewClass: crewClass, shiftStart: options.shiftStartMinutes,
                preferences: preferences)
            let busy = key.dayBefore.flatMap { out[$0] }.map { CrewRoster.carriedOver($0.placed) } ?? [:]
            out[key] = roster.assign(byRoster[key] ?? [], on: key.day, busyUntil: busy)
        }
        return out
    }

    private func totalsByOrganisation(_ rounds: [Round]) -> [String: PlanTotals] {
        var totals: [String: PlanTotals] = [:]
        for r in rounds {
            totals[r.organisation, default: PlanTotals()] =
                totals[r.organisation, default: PlanTotals()]
                + PlanTotals([r], registry: registry)
        }
        return totals
    }
}
