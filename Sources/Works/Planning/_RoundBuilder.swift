import ArcRouting
import StreetNetwork

/// Routes one crew class's visits of one day (or its stand-by gritting) with
/// the arc-routing core, on the whole street network, and turns the
/// solution into rounds with times and the streets driven. Internal.
struct _RoundBuilder {
    let network: StreetNetwork
    let graph: StreetGraph
    /// Every segment as a deadhead link; seconds rounded up, so that a
    /// round the solver keeps within a shift is within it on the clock too.
    let deadheadLinks: [CARPProblem.Link]

    init(network: StreetNetwork, graph: StreetGraph) {
        self.network = network
        self.graph = graph
        deadheadLinks = network.segments.map {
            CARPProblem.Link(from: $0.from, to: $0.to, twoWay: !$0.oneWay, deadheadCost: max(1, Int($0.travelSeconds.rounded(.up))))
        }
    }

    func build(_ visits: [PlannedVisit], crewClass: _CrewPool.CrewClass, fromDepot: [Int], toDepot: [Int], day: Weekday?, idPrefix: String,
               startMinutes: Int, routeLimit: Int, parameters: SolverParameters) -> (rounds: [Round], unplaced: [UnplacedVisit]) {
        var unplaced: [UnplacedVisit] = []
        var routable: [PlannedVisit] = []
        let usesCapacity = crewClass.capacity != nil && visits.contains { $0.demand > 0 }
        let capacity = usesCapacity ? Int(crewClass.capacity!) : 1_000_000
        for v in visits {
            let s = network.segments[v.segment]
            // The cheaper way round: out to one end, serve, back from the other.
            func trip(_ a: Int, _ b: Int) -> Int { fromDepot[a] == Int.max || toDepot[b] == Int.max ? Int.max : fromDepot[a] + toDepot[b] }
            let alone = min(trip(s.from, s.to), s.oneWay ? Int.max : trip(s.to, s.from))
            if alone == Int.max {
                unplaced.append(UnplacedVisit(visit: v, reason: "\(s.displayName) cannot be reached from depot \(crewClass.depot) and left back to it (another part of the network, or one-way streets)"))
            } else if alone + v.serviceSeconds + 2 * 60 > routeLimit {
                unplaced.append(UnplacedVisit(visit: v, reason: "\(s.displayName) is too far from depot \(crewClass.depot), or its work too long, to fit \(v.window.map { "its hours \($0)" } ?? "one shift of \(routeLimit / 60) minutes")"))
            } else if usesCapacity, Int(v.demand.rounded(.up)) > capacity {
                unplaced.append(UnplacedVisit(visit: v, reason: "\(s.displayName) needs more than a full load (\(Int(v.demand)) of \(capacity))"))
            } else {
                routable.append(v)
            }
        }
        guard !routable.isEmpty else { return ([], unplaced) }
        var links = deadheadLinks
        for v in routable {
            let s = network.segments[v.segment]
            links.append(CARPProblem.Link(from: s.from, to: s.to, twoWay: !s.oneWay, deadheadCost: max(1, Int(s.travelSeconds.rounded(.up))),
                                          serviceCost: v.serviceSeconds, demand: usesCapacity ? max(1, Int(v.demand.rounded(.up))) : 1))
        }
        let problem = CARPProblem(name: idPrefix, nodeCount: network.junctions.count, depot: crewClass.depotNode, links: links,
                                  capacity: capacity, maxRouteCost: routeLimit)
        guard let result = try? CARPSolver.solve(problem, parameters: parameters) else {
            return ([], unplaced + routable.map { UnplacedVisit(visit: $0, reason: "no round within the shift and capacity was found for it") })
        }
        var rounds: [Round] = []
        for (k, route) in result.solution.routes.enumerated() {
            // Crews provisionally by number; the planner's roster gives them out for the day.
            var r = round(route, visits: routable, crewClass: crewClass, day: day, id: "\(idPrefix)-\(k + 1)", extra: k >= crewClass.crews.count,
                          crew: crewClass.crews[min(k, crewClass.crews.count - 1)].id)
            r.startMinutes = startMinutes
            rounds.append(r)
        }
        return (rounds, unplaced)
    }

    /// Lays the route out on the network: deadhead paths by Dijkstra between
    /// services, times and metres from the graph.
    private func round(_ route: [CARPService], visits: [PlannedVisit], crewClass: _CrewPool.CrewClass, day: Weekday?, id: String,
                       extra: Bool, crew: String) -> Round {
        var path: [(segment: Int, reversed: Bool, serving: Bool)] = []
        var stops: [Round.Stop] = []
        var at = crewClass.depotNode, ms = 0, metres = 0.0, deadhead = 0.0, load = 0.0
        func drive(to node: Int) {
            guard node != at else { return }
            let tree = graph.shortestPaths(from: [(at, 0)], targets: [node])
            for a in graph.path(to: node, in: tree) {
                let (segment, reversed) = StreetGraph.segment(ofArc: graph.arcID[a])
                path.append((segment, reversed, false))
                ms += Int(graph.cost[a])
                metres += network.segments[segment].length
                deadhead += network.segments[segment].length
            }
            at = node
        }
        for service in route {
            let v = visits[service.link - deadheadLinks.count]
            let s = network.segments[v.segment]
            drive(to: service.reversed ? s.to : s.from)
            let arrival = ms / 1000
            ms += v.serviceSeconds * 1000
            stops.append(Round.Stop(visit: v, reversed: service.reversed, arrival: arrival, departure: ms / 1000))
            path.append((v.segment, service.reversed, true))
            metres += s.length
            load += v.demand
            at = service.reversed ? s.from : s.to
        }
        drive(to: crewClass.depotNode)
        let service = stops.reduce(0) { $0 + $1.visit.serviceSeconds }
        return Round(id: id, day: day, organisation: crewClass.organisation, crew: crew, depot: crewClass.depot,
                     startMinutes: 0, stops: stops, path: path, seconds: Int((Double(ms) / 1000).rounded(.up)), serviceSeconds: service,
                     metres: metres, deadheadMetres: deadhead, load: load, extraShift: extra)
    }
}
