import ArcRouting
import StreetNetwork
import Works

/// Stage 6, rounds: routes one job with the arc-routing core on the whole
/// street network, and turns the solution into rounds with times and the
/// streets driven.
struct RoundBuilder {
    let network: StreetNetwork
    let graph: StreetGraph
    /// Every segment as a deadhead link; seconds rounded up, so that a
    /// round the solver keeps within a shift is within it on the clock too.
    let deadheadLinks: [CARPProblem.Link]

    /// What routing one job gave.
    struct Routed {
        var rounds: [Round] = []
        var unplaced: [UnplacedVisit] = []
        /// Wall-clock seconds in the solver.
        var solverSeconds = 0.0
    }

    /// A route the solver found, as the planner reads it.
    struct SolvedRoute {
        var services: [CARPService]
    }

    /// A slack kept in a route's limit when a visit is checked alone, in seconds.
    static let aloneSlackSeconds = 2 * PlanUnits.secondsPerMinute

    init(network: StreetNetwork, graph: StreetGraph) {
        self.network = network
        self.graph = graph
        deadheadLinks = network.segments.map {
            CARPProblem.Link(from: $0.from, to: $0.to, twoWay: !$0.oneWay, deadheadCost: Self.deadheadSeconds($0))
        }
    }

    /// A segment's travel seconds, rounded up (the solver's clock).
    static func deadheadSeconds(_ s: StreetSegment) -> Int { max(1, Int(s.travelSeconds.rounded(.up))) }

    func build(_ job: RoutingJob, crews: CrewPool, parameters: SolverParameters) -> Routed {
        let crewClass = job.crewClass
        var routed = Routed()
        var routable: [PlannedVisit] = []
        let usesCapacity = crewClass.capacity != nil && job.visits.contains { $0.demand > 0 }
        let capacity = usesCapacity ? Int(crewClass.capacity ?? 0) : 1_000_000
        for v in job.visits {
            if let reason = unroutable(v, job: job, crews: crews, capacity: usesCapacity ? capacity : nil) {
                routed.unplaced.append(UnplacedVisit(visit: v, reason: reason))
            } else {
                routable.append(v)
            }
        }
        guard !routable.isEmpty else { return routed }
        var links = deadheadLinks
        for v in routable {
            let s = network.segments[v.segment]
            links.append(CARPProblem.Link(from: s.from, to: s.to, twoWay: !s.oneWay,
                                          deadheadCost: Self.deadheadSeconds(s), serviceCost: v.serviceSeconds,
                                          demand: usesCapacity ? max(1, Int(v.demand.rounded(.up))) : 1))
        }
        let problem = CARPProblem(name: job.idPrefix, nodeCount: network.junctions.count, depot: crewClass.depotNode,
                                  links: links, capacity: capacity, maxRouteCost: job.limitSeconds)
        let clock = ContinuousClock()
        let started = clock.now
        let result = try? CARPSolver.solve(problem, parameters: parameters)
        routed.solverSeconds = (clock.now - started).seconds
        guard let result else {
            routed.unplaced += routable.map {
                UnplacedVisit(visit: $0, reason: "no round within the shift and capacity was found for it")
            }
            return routed
        }
        for (k, route) in result.solution.routes.enumerated() {
            // Crews provisionally by number; the roster gives them out for the day.
            let crew = crewClass.crews[min(k, crewClass.crews.count - 1)].id
            var r = round(SolvedRoute(services: route), visits: routable, job: job, id: "\(job.idPrefix)-\(k + 1)",
                          extra: k >= crewClass.crews.count, crew: crew)
            r.startMinutes = job.startMinutes
            routed.rounds.append(r)
        }
        return routed
    }

    /// Why a visit cannot go in any round of the job on its own; nil when it can.
    private func unroutable(_ v: PlannedVisit, job: RoutingJob, crews: CrewPool, capacity: Int?) -> String? {
        let s = network.segments[v.segment], depot = job.crewClass.depot
        let from = crews.fromDepot[job.crewClass.depotNode] ?? []
        let to = crews.toDepot[job.crewClass.depotNode] ?? []
        // The cheaper way round: out to one end, serve, back from the other.
        func trip(_ a: Int, _ b: Int) -> Int {
            guard from.indices.contains(a), to.indices.contains(b), from[a] != Int.max, to[b] != Int.max else {
                return Int.max
            }
            return from[a] + to[b]
        }
        let alone = min(trip(s.from, s.to), s.oneWay ? Int.max : trip(s.to, s.from))
        if alone == Int.max {
            return "\(s.displayName) cannot be reached from depot \(depot) and left back to it "
                + "(another part of the network, or one-way streets)"
        } else if alone + v.serviceSeconds + Self.aloneSlackSeconds > job.limitSeconds {
            let shift = job.limitSeconds / PlanUnits.secondsPerMinute
            let limit = v.window.map { "its hours \($0)" } ?? "one shift of \(shift) minutes"
            return "\(s.displayName) is too far from depot \(depot), or its work too long, to fit \(limit)"
        } else if let capacity, Int(v.demand.rounded(.up)) > capacity {
            return "\(s.displayName) needs more than a full load (\(Int(v.demand)) of \(capacity))"
        }
        return nil
    }

    /// Lays the route out on the network: deadhead paths by Dijkstra between
    /// services, times and metres from the graph.
    private func round(_ route: SolvedRoute, visits: [PlannedVisit], job: RoutingJob, id: String,
                       extra: Bool, crew: String) -> Round {
        let crewClass = job.crewClass
        var path: [Round.Step] = []
        var stops: [Round.Stop] = []
        var at = crewClass.depotNode, ms = 0, metres = 0.0, deadhead = 0.0, load = 0.0
        func drive(to node: Int) {
            guard node != at else { return }
            let tree = graph.shortestPaths(from: [(at, 0)], targets: [node])
            for a in graph.path(to: node, in: tree) {
                let (segment, reversed) = StreetGraph.segment(ofArc: graph.arcID[a])
                path.append(Round.Step(segment: segment, reversed: reversed, serving: false))
                ms += Int(graph.cost[a])
                metres += network.segments[segment].length
                deadhead += network.segments[segment].length
            }
            at = node
        }
        for service in route.services {
            let v = visits[service.link - deadheadLinks.count]
            let s = network.segments[v.segment]
            drive(to: service.reversed ? s.to : s.from)
            let arrival = ms / PlanUnits.millisecondsPerSecond
            ms += v.serviceSeconds * PlanUnits.millisecondsPerSecond
            stops.append(Round.Stop(visit: v, reversed: service.reversed, arrival: arrival,
                                    departure: ms / PlanUnits.millisecondsPerSecond))
            path.append(Round.Step(segment: v.segment, reversed: service.reversed, serving: true))
            metres += s.length
            load += v.demand
            at = service.reversed ? s.from : s.to
        }
        drive(to: crewClass.depotNode)
        let service = stops.reduce(0) { $0 + $1.visit.serviceSeconds }
        let seconds = (ms + PlanUnits.millisecondsPerSecond - 1) / PlanUnits.millisecondsPerSecond
        return Round(id: id, day: job.key.day, organisation: crewClass.organisation, crew: crew, depot: crewClass.depot,
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
