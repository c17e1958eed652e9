import ArcRouting
import Foundation
import Geometry
import StreetNetwork

/// Plans a week of rounds: expands every task into the week's visits,
/// chooses visit days, merges visits one crew can do together, routes each
/// day's visits per depot and crew with the arc-routing core, and plans
/// gritting as stand-by rounds apart. The same planner makes the shared plan
/// (all partners' crews and depots, visits merged across partners) and the
/// baseline (each partner alone), with the same solver and time budget.
public struct WeeklyPlanner {
    public let network: StreetNetwork
    public let catalogue: ActivityCatalogue
    public let registry: OrganisationRegistry
    public let compatibility: Compatibility
    let graph: StreetGraph
    let reversedGraph: StreetGraph
    let index: SegmentIndex
    let builder: _RoundBuilder

    public init(network: StreetNetwork, catalogue: ActivityCatalogue, registry: OrganisationRegistry, compatibility: Compatibility) {
        self.network = network
        self.catalogue = catalogue
        self.registry = registry
        self.compatibility = compatibility
        graph = StreetGraph(network)
        reversedGraph = StreetGraph(network, reversed: true)
        index = SegmentIndex(network)
        builder = _RoundBuilder(network: network, graph: graph)
    }

    /// - Parameters:
    ///   - shared: true for the shared plan; false for the baseline.
    ///   - progress: told what is being solved, now and then.
    public func plan(_ tasks: [(task: StreetTask, segments: [Int])], options: PlanOptions, shared: Bool,
                     progress: ((String) -> Void)? = nil) throws -> WeeklyPlan {
        let projection = try Projection(from: .wgs84, to: network.crs)
        let pools: [(organisations: [Organisation], tasks: [(task: StreetTask, segments: [Int])])]
        if shared {
            // Partners that pool their crews share one pool; the others (volunteers) plan alone.
            let pooling = registry.ids.compactMap { registry[$0] }.filter(\.poolsCrews)
            let ids = Set(pooling.map(\.id))
            pools = [(pooling, tasks.filter { ids.contains($0.task.organisation) })]
                + registry.ids.compactMap { registry[$0] }.filter { !$0.poolsCrews }.map { org in ([org], tasks.filter { $0.task.organisation == org.id }) }
        } else {
            pools = registry.ids.compactMap { id in registry[id].map { org in ([org], tasks.filter { $0.task.organisation == id }) } }
        }
        var rounds: [Round] = [], gritting: [Round] = [], unplaced: [UnplacedVisit] = []
        var taskVisits = 0
        // The time budget is shared out by each problem's size, over all pools.
        var jobs: [(pool: Int, day: Weekday?, crewClass: _CrewPool.CrewClass, visits: [PlannedVisit], start: Int, limit: Int)] = []
        var crewPools: [_CrewPool] = []
        let from = options.week.monday, to = options.week.date(of: .sunday)
        for (p, pool) in pools.enumerated() {
            let crews = try _CrewPool(organisations: pool.organisations, network: network, index: index, graph: graph,
                                      reversedGraph: reversedGraph, projection: projection)
            crewPools.append(crews)
            var weeks: [_VisitDemand.TaskWeek] = []
            var gritSegments: [Int: [PlannedVisit.Part]] = [:]
            for (task, segments) in pool.tasks {
                guard let week = VisitPlan(task, from: from, to: to, anchor: options.fortnightAnchor).weeks.first else { continue }
                if task.activity == "gritting" {
                    for s in segments {
                        gritSegments[s, default: []].append(PlannedVisit.Part(organisation: task.organisation, taskID: task.taskID, activity: task.activity))
                    }
                    continue
                }
                taskVisits += week.visits * segments.count
                weeks.append(_VisitDemand.TaskWeek(task: task, segments: segments, allowed: week.days, visits: week.visits))
            }
            // Days: balanced per the depot that would serve the task's first street.
            _VisitDemand.assignDays(&weeks, orderRules: compatibility.orderRules) { w in
                let s = network.segments[w.segments.first ?? 0]
                let depot = crews.bestClass(for: [w.task.activity], segment: s)?.depot ?? "-"
                let minutes = w.segments.reduce(0.0) { $0 + (catalogue[w.task.activity]?.serviceMinutes(metres: network.segments[$1].length) ?? 0) }
                return (depot, minutes * 60)
            }
            let visits = _VisitDemand.merge(weeks, network: network, catalogue: catalogue, compatibility: compatibility,
                                            mergeAcrossOrganisations: shared) { skills in crews.classes.contains { skills.isSubset(of: $0.skills) } }
            // Each task's own choice: the able class nearest to its streets.
            var preferred: [PlannedVisit.Part: String] = [:]
            for w in weeks {
                let part = PlannedVisit.Part(organisation: w.task.organisation, taskID: w.task.taskID, activity: w.task.activity)
                preferred[part] = crews.preferredClass(for: w.task.activity, segments: w.segments.map { network.segments[$0] })?.key
            }
            // Each merged visit to the class most of its tasks chose (else the nearest able one); by day.
            var byJob: [String: (Weekday, _CrewPool.CrewClass, [PlannedVisit])] = [:]
            for v in visits {
                var votes: [String: Int] = [:]
                for part in v.parts { if let key = preferred[part] { votes[key, default: 0] += 1 } }
                guard let crewClass = crews.bestClass(for: Set(v.activities), segment: network.segments[v.segment], votes: votes) else {
                    unplaced.append(UnplacedVisit(visit: v, reason: "no crew can do \(v.activities.joined(separator: " and ")) together; add a crew with those skills"))
                    continue
                }
                // Visits with hours go in rounds of their own that run within those hours.
                let key = "\(v.day.rawValue)|\(crewClass.key)|\(v.window?.description ?? "")"
                byJob[key, default: (v.day, crewClass, [])].2.append(v)
            }
            for key in byJob.keys.sorted() {
                let (day, crewClass, list) = byJob[key]!
                let window = list[0].window
                let start = window?.start ?? options.shiftStartMinutes
                let limit = min(crewClass.shiftSeconds, window.map { $0.minutes * 60 } ?? Int.max)
                jobs.append((p, day, crewClass, list, start, limit))
            }
            // Gritting: every segment of a priority route (1, 2 or 3) to the nearest gritter depot, in
            // stand-by rounds that each finish within the deadline, so priority 1 does too.
            var gritJobs: [String: (_CrewPool.CrewClass, [PlannedVisit])] = [:]
            for s in gritSegments.keys.sorted() {
                let parts = gritSegments[s]!
                let metres = network.segments[s].length
                let activity = catalogue["gritting"]
                let v = PlannedVisit(segment: s, day: .monday, parts: parts,
                                     serviceSeconds: max(1, Int(((activity?.serviceMinutes(metres: metres) ?? 0) * 60).rounded(.up))),
                                     demand: (activity?.capacityPerMetre ?? 0) * metres)
                guard let crewClass = crews.bestClass(for: ["gritting"], segment: network.segments[s]) else {
                    unplaced.append(UnplacedVisit(visit: v, reason: "no gritter crew in the registry"))
                    continue
                }
                gritJobs[crewClass.key, default: (crewClass, [])].1.append(v)
            }
            for key in gritJobs.keys.sorted() {
                let (crewClass, list) = gritJobs[key]!
                jobs.append((p, nil, crewClass, list, 0, Int(options.treatmentDeadlineHours * 3600)))
            }
        }
        let totalWork = max(1, jobs.reduce(0) { $0 + $1.visits.count })
        var dayRounds: [String: (_CrewPool.CrewClass, [Round])] = [:]
        for (k, job) in jobs.enumerated() {
            var parameters = SolverParameters()
            parameters.seed = options.seed &+ UInt64(k)
            parameters.maxIterations = options.iterations
            // An iteration budget lifts the time limit: the same plan on any machine.
            parameters.timeLimit = options.iterations == nil
                ? max(0.05, options.seconds * Double(job.visits.count) / Double(totalWork)) : .greatestFiniteMagnitude
            let label = (job.day.map { $0.code } ?? "grit") + (job.visits[0].window.map { "-" + $0.description.replacingOccurrences(of: ":", with: "") } ?? "")
            progress?("\(shared ? "shared" : "baseline"): routing \(k + 1) of \(jobs.count): \(label) \(job.crewClass.organisation)/\(job.crewClass.depot) \(job.crewClass.vehicleType), \(job.visits.count) stops")
            let pool = crewPools[job.pool]
            let built = builder.build(job.visits, crewClass: job.crewClass, fromDepot: pool.fromDepot[job.crewClass.depotNode]!,
                                      toDepot: pool.toDepot[job.crewClass.depotNode]!,
                                      day: job.day, idPrefix: "\(label)-\(job.crewClass.organisation)-\(job.crewClass.depot)-\(job.crewClass.vehicleType)",
                                      startMinutes: job.start, routeLimit: job.limit, parameters: parameters)
            if let day = job.day {
                dayRounds["\(day.rawValue)|\(job.pool)|\(job.crewClass.key)", default: (job.crewClass, [])].1 += built.rounds
            } else {
                gritting += built.rounds
            }
            unplaced += built.unplaced
        }
        // Crews to rounds: per day and crew class, one after another within a shift.
        rounds = []
        for key in dayRounds.keys.sorted() {
            var (crewClass, group) = dayRounds[key]!
            _CrewRoster.assign(&group, crewClass: crewClass, shiftStart: options.shiftStartMinutes)
            rounds += group
        }
        rounds.sort { ($0.day?.rawValue ?? 0, $0.startMinutes, $0.id) < ($1.day?.rawValue ?? 0, $1.startMinutes, $1.id) }
        var byOrganisation: [String: PlanTotals] = [:]
        for r in rounds { byOrganisation[r.organisation, default: PlanTotals()] = byOrganisation[r.organisation, default: PlanTotals()] + totals([r]) }
        return WeeklyPlan(rounds: rounds, gritting: gritting, unplaced: unplaced, taskVisits: taskVisits, totals: totals(rounds),
                          totalsByOrganisation: byOrganisation)
    }

    /// Kilometres, hours, money and CO2e of rounds, at their crews' rates.
    public func totals(_ rounds: [Round]) -> PlanTotals {
        var t = PlanTotals()
        for r in rounds {
            let crew = registry[r.organisation]?.crews.first { $0.id == r.crew }
            let km = r.metres / 1000, hours = Double(r.seconds) / 3600
            t.rounds += 1
            t.km += km
            t.deadheadKm += r.deadheadMetres / 1000
            t.crewHours += hours
            t.money += hours * (crew?.costPerHour ?? 0) + km * (crew?.costPerKm ?? 0)
            t.co2eKg += km * (crew?.co2ePerKm ?? 0)
            t.streetVisits += r.stops.count
        }
        return t
    }
}
