import ArcRouting
import Foundation
import StreetNetwork
import Works

/// Stage 6, rounds: routes one job with the arc-routing core and turns the
/// solution into rounds with times and the streets driven. The problem holds
/// only the job's required links; deadhead costs come from one shortest-path
/// computation on the street graph (`JobShortestPaths`), whose trees also lay
/// the rounds out. Costs in seconds rounded up per segment, so a round the
/// solver keeps within a shift is within it on the clock too.
struct RoundBuilder {
    let streets: PlanningStreets
    var network: StreetNetwork { streets.network }

    /// What routing one job gave.
    struct Routed {
        var rounds: [Round] = []
        var unplaced: [UnplacedVisit] = []
        /// Wall-clock seconds in the solver, and of those in its shortest paths.
        var solverSeconds = 0.0
        var shortestPathSeconds = 0.0
    }

    /// A route the solver found, as the planner reads it.
    struct SolvedRoute {
        var services: [CARPService]
    }

    /// A slack kept in a route's limit when a visit is checked alone, in seconds.
    static let aloneSlackSeconds = 2 * PlanUnits.secondsPerMinute

    /// The visits of a job that a round can take, and why the others cannot.
    struct Routable {
        var visits: [PlannedVisit] = []
        var unplaced: [UnplacedVisit] = []
        /// The crew's load in the solver's whole units when it counts (a gritter's salt); nil otherwise.
        var load: LoadUnits?
    }

    /// A crew's capacity and its visits' demands as the whole numbers the
    /// solver counts: in `1 / scale` of the capacity's unit, fine enough that
    /// a capacity holds at least 1,000 of them (0.5 t is 1,000 units of
    /// 0.5 kg, not 0 t), demands rounded up, the capacity down.
    struct LoadUnits {
        let scale: Double
        let capacity: Int
        /// The capacity as the registry gives it.
        let stated: Double

        init(capacity: Double) {
            scale = capacity >= 1_000 ? 1 : pow(10, (log10(1_000 / capacity)).rounded(.up))
            self.capacity = Int((capacity * scale).rounded(.down))
            stated = capacity
        }

        /// At least 1, and at most one more than the capacity (beyond it, any demand is too much).
        func demand(_ visit: PlannedVisit) -> Int {
            max(1, Int(min(Double(capacity + 1), (visit.demand * scale).rounded(.up))))
        }

        /// "0.5" or "6000": a load as people read it, in the capacity's unit.
        static func text(_ x: Double) -> String {
            if x >= 100 || x == x.rounded() { return String(format: "%.0f", x) }
            var s = String(format: "%.3f", x)
            while s.hasSuffix("0") { s.removeLast() }
            return s
        }
    }

    func routable(_ job: RoutingJob, crews: CrewPool) -> Routable {
        var out = Routable()
        if let capacity = job.crewClass.capacity, job.visits.contains(where: { $0.demand > 0 }) {
            out.load = LoadUnits(capacity: capacity)
        }
        for v in job.visits {
            if let reason = unroutable(v, job: job, crews: crews, load: out.load) {
                out.unplaced.append(UnplacedVisit(visit: v, reason: reason))
            } else {
                out.visits.append(v)
            }
        }
        return out
    }

    /// - Parameter preferences: stable weeks: last week's order of the
    ///   rounds is kept where it still fits (RoundBuilder+PreviousOrder.swift).
    func build(
        _ job: RoutingJob, crews: CrewPool, parameters: SolverParameters,
        preferences: PlanPreferences = PlanPreferences()
    ) -> Routed {
        let crewClass = job.crewClass
        let checked = routable(job, crews: crews)
        var routed = Routed(unplaced: checked.unplaced)
        let routable = checked.visits
        guard !routable.isEmpty else { return routed }
        let paths = JobShortestPaths(streets: streets, depot: crewClass.depotNode, depots: crews.depots)
        let problem = self.problem(job, visits: routable, load: checked.load, paths: paths)
        let started = ContinuousClock.now
        let solved = Result { try CARPSolver.solve(problem, parameters: parameters) }
        routed.solverSeconds = (ContinuousClock.now - started).seconds
        routed.shortestPathSeconds = paths.searchSeconds
        let result: CARPSolver.Result
        do { result = try solved.get() } catch {
            routed.unplaced += routable.map {
                UnplacedVisit(visit: $0, reason: "the route solver refused this day's job: \(error)")
            }
            return routed
        }
        let solution = keepingOrder(
            result.solution, problem: problem, visits: routable, day: job.key.day, preferences: preferences)
        for (k, route) in solution.routes.enumerated() {
            // Crews provisionally by number; the roster gives them out for the day.
            let crew = crewClass.crews[min(k, crewClass.crews.count - 1)].id
            var r = round(
                SolvedRoute(services: route), visits: routable, job: job, paths: paths,
                id: "\(job.idPrefix)-\(k + 1)", extra: k >= crewClass.crews.count, crew: crew)
            r.startMinutes = job.startMinutes
            routed.rounds.append(r)
        }
        return routed
    }

    /// The job as an arc-routing problem: only its required links (link i is
    /// visit i), deadhead costs from `paths`; demand 1 a visit when the crew
    /// carries no load that counts (`load` nil).
    func problem(
        _ job: RoutingJob, visits: [PlannedVisit], load: LoadUnits?,
        paths: (any CARPDeadheadCosts)?
    ) -> CARPProblem {
        let links = visits.map { v in
            let s = network.segments[v.segment]
            return CARPProblem.Link(
                from: s.from, to: s.to, twoWay: !s.oneWay, deadheadCost: PlanningStreets.seconds(s),
                serviceCost: v.serviceSeconds,
                demand: load?.demand(v) ?? 1)
        }
        return CARPProblem(
            name: job.idPrefix, nodeCount: network.junctions.count, depot: job.crewClass.depotNode,
            links: links, capacity: load?.capacity ?? Self.unlimitedCapacity, maxRouteCost: job.limitSeconds,
            deadheadCosts: paths)
    }

    /// The capacity of a crew whose load does not count (one unit a visit).
    static let unlimitedCapacity = 1_000_000

    /// Why a visit cannot go in any round of the job on its own; nil when it can.
    private func unroutable(_ v: PlannedVisit, job: RoutingJob, crews: CrewPool, load: LoadUnits?) -> String? {
        let s = network.segments[v.segment]
        let depot = job.crewClass.depot
        let node = job.crewClass.depotNode
        // The cheaper way round: out to one end, serve, back from the other.
        func trip(_ a: Int, _ b: Int) -> Int {
            let out = crews.depots.seconds(from: node, to: a)
            let back = crews.depots.seconds(from: b, backTo: node)
            return out == Int.max || back == Int.max ? Int.max : out + back
        }
        let alone = min(trip(s.from, s.to), s.oneWay ? Int.max : trip(s.to, s.from))
        if alone == Int.max {
            return "\(s.displayName) cannot be reached from depot \(depot) and left back to it "
                + "(another part of the network, or one-way streets)"
        } else if alone + v.serviceSeconds + Self.aloneSlackSeconds > job.limitSeconds {
            let shift = job.limitSeconds / PlanUnits.secondsPerMinute
            let limit = v.window.map { "its hours \($0)" } ?? "one shift of \(shift) minutes"
            return "\(s.displayName) is too far from depot \(depot), or its work too long, to fit \(limit)"
        } else if let load, load.demand(v) > load.capacity {
            let unit = job.crewClass.crews.first?.capacityUnit.map { " \($0)" } ?? ""
            return "\(s.displayName) needs more than a full load (\(LoadUnits.text(v.demand)) of "
                + "\(LoadUnits.text(load.stated))\(unit))"
        }
        return nil
    }

    /// Lays the route out on the network: deadhead paths from the job's
    /// search trees between services; times in milliseconds along them.
    private func round(
        _ route: SolvedRoute, visits: [PlannedVisit], job: RoutingJob, paths: JobShortestPaths,
        id: String, extra: Bool, crew: String
    ) -> Round {
        let crewClass = job.crewClass
        var path: [Round.Step] = []
        var stops: [Round.Stop] = []
        var at = crewClass.depotNode
        var ms = 0
        var metres = 0.0
        var deadhead = 0.0
        var load = 0.0
        func drive(to node: Int) {
            guard node != at else { return }
            for step in paths.steps(from: at, to: node) {
                let s = network.segments[step.segment]
                path.append(step)
                ms += PlanningStreets.milliseconds(s)
                metres += s.length
                deadhead += s.length
            }
            at = node
        }
        for service in route.services {
            let v = visits[service.link]
            let s = network.segments[v.segment]
            drive(to: service.reversed ? s.to : s.from)
            let arrival = ms / PlanUnits.millisecondsPerSecond
            ms += v.serviceSeconds * PlanUnits.millisecondsPerSecond
            stops.append(
                Round.Stop(
                    visit: v, reversed: service.reversed, arrival: arrival,
                    departure: ms / PlanUnits.millisecondsPerSecond))
            path.append(Round.Step(segment: v.segment, reversed: service.reversed, serving: true))
            metres += s.length
            load += v.demand
            at = service.reversed ? s.from : s.to
        }
        drive(to: crewClass.depotNode)
        let service = stops.reduce(0) { $0 + $1.visit.serviceSeconds }
        let seconds = (ms + PlanUnits.millisecondsPerSecond - 1) / PlanUnits.millisecondsPerSecond
        return Round(
            id: id, day: job.key.day, organisation: crewClass.organisation, crew: crew, depot: crewClass.depot,
            startMinutes: 0, stops: stops, path: path, seconds: seconds, serviceSeconds: service,
            metres: metres, deadheadMetres: deadhead, load: load, extraShift: extra)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
