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
/// 7. `CrewRoster`: a day's rounds given to the class's crews.
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

    public init(network: StreetNetwork, catalogue: ActivityCatalogue, registry: OrganisationRegistry,
                compatibility: Compatibility) {
        self.network = network
        self.catalogue = catalogue
        self.registry = registry
        self.compatibility = compatibility
        streets = PlanningStreets(network)
        builder = RoundBuilder(network: network, graph: streets.graph)
    }

    /// - Parameters:
    ///   - preferences: stable weeks: what to keep of the plan the week
    ///     starts from (`PreviousPlan`); empty plans fresh.
    ///   - progress: told what is being solved, now and then.
    /// - Throws: `PlanningError` when a depot is far from every street.
    public func plan(_ tasks: [MatchedTask], options: PlanOptions, mode: PlanMode,
                     preferences: PlanPreferences = PlanPreferences(),
                     progress: ((String) -> Void)? = nil) throws -> WeeklyPlan {
        let started = ContinuousClock.now
        var jobs: [RoutingJob] = [], pools: [CrewPool] = [], unplaced: [UnplacedVisit] = [], taskVisits = 0
        for (p, pool) in PlanningPool.pools(tasks, registry: registry, mode: mode).enumerated() {
            let crews = try CrewPool(organisations: pool.organisations, streets: streets)
            var demand = WeekDemand(pool.tasks, options: options, network: network, catalogue: catalogue)
            demand.taskWeeks = DayAssignment(orderRules: compatibility.orderRules, preferences: preferences)
                .assign(demand.taskWeeks) { workload($0, crews: crews) }
            let stops = VisitMerging(network: network, catalogue: catalogue, compatibility: compatibility)
                .merge(demand.taskWeeks, acrossOrganisations: mode == .shared, canDo: crews.canDo)
            let assignment = CrewAssignment(stops, demand: demand, crews: crews, network: network,
                                            preferences: preferences)
            jobs += RoutingJob.jobs(assignment, pool: p, options: options)
            pools.append(crews)
            unplaced += assignment.unplaced
            taskVisits += demand.taskVisits
        }
        var budget = RoutingBudget(options: options, started: started, jobs: jobs)
        var byRoster: [CrewRoster.Key: [Round]] = [:], gritting: [Round] = [], timing = PlanTiming()
        for (k, job) in jobs.enumerated() {
            progress?("\(mode.rawValue): routing \(k + 1) of \(jobs.count): \(job.label) \(job.crewClass.organisation)/"
                      + "\(job.crewClass.depot) \(job.crewClass.vehicleType), \(job.visits.count) stops")
            let routed = builder.build(job, crews: pools[job.pool], parameters: budget.parameters(forJob: k, job))
            if let day = job.key.day {
                let key = CrewRoster.Key(day: day, pool: job.pool, crewClass: job.crewClass.key)
                byRoster[key, default: []] += routed.rounds
            } else {
                gritting += routed.rounds
            }
            unplaced += routed.unplaced
            timing.solverSeconds += routed.solverSeconds
        }
        let rounds = roster(byRoster, jobs: jobs, options: options, preferences: preferences)
        timing.totalSeconds = (ContinuousClock.now - started).seconds
        return WeeklyPlan(options: options, mode: mode, rounds: rounds, gritting: gritting, unplaced: unplaced,
                          taskVisits: taskVisits, totals: PlanTotals(rounds, registry: registry),
                          totalsByOrganisation: totalsByOrganisation(rounds), timing: timing)
    }

    /// The work one visit of a task brings to the depot that would serve its
    /// first street: what day assignment balances.
    private func workload(_ w: WeekDemand.TaskWeek, crews: CrewPool) -> DayAssignment.Workload {
        let first = w.segments.first.map { network.segments[$0] } ?? network.segments[0]
        let depot = crews.bestClass(for: [w.task.activity], segment: first)?.depot ?? "-"
        let minutes = w.segments.reduce(0.0) {
            $0 + (catalogue[w.task.activity]?.serviceMinutes(metres: network.segments[$1].length) ?? 0)
        }
        return DayAssignment.Workload(depot: depot, seconds: minutes * Double(PlanUnits.secondsPerMinute))
    }

    /// Each roster's rounds given to its crews; all sorted by day, start and id.
    private func roster(_ byRoster: [CrewRoster.Key: [Round]], jobs: [RoutingJob], options: PlanOptions,
                        preferences: PlanPreferences) -> [Round] {
        var classes: [String: CrewPool.CrewClass] = [:]
        for job in jobs { classes[job.crewClass.key] = job.crewClass }
        var rounds: [Round] = []
        for key in byRoster.keys.sorted() {
            guard let crewClass = classes[key.crewClass] else { continue }
            let roster = CrewRoster(crewClass: crewClass, shiftStart: options.shiftStartMinutes,
                                    preferences: preferences)
            rounds += roster.assign(byRoster[key] ?? [])
        }
        return rounds.sorted {
            ($0.day?.rawValue ?? 0, $0.startMinutes, $0.id) < ($1.day?.rawValue ?? 0, $1.startMinutes, $1.id)
        }
    }

    private func totalsByOrganisation(_ rounds: [Round]) -> [String: PlanTotals] {
        var totals: [String: PlanTotals] = [:]
        for r in rounds {
            totals[r.organisation, default: PlanTotals()] = totals[r.organisation, default: PlanTotals()]
                + PlanTotals([r], registry: registry)
        }
        return totals
    }
}
