import Geometry

/// A place on the network: a segment and how far along its geometry, in
/// metres from its first point.
public struct NetworkLocation: Sendable, Equatable {
    public var segment: Int
    public var along: Double

    public init(segment: Int, along: Double) {
        self.segment = segment
        self.along = along
    }
}

/// A fastest route between two network locations.
public struct Route: Sendable {
    /// One piece of a segment travelled, from `start` to `end` metres along
    /// its geometry (`start > end` when travelled against its drawing).
    public struct Leg: Sendable, Equatable {
        public var segment: Int
        public var start: Double
        public var end: Double
    }

    public var legs: [Leg]
    public var seconds: Double
    public var metres: Double

    /// Street names in the order passed, repeats of the same street merged.
    public func streets(in network: StreetNetwork) -> [String] {
        var names: [String] = []
        for leg in legs where abs(leg.end - leg.start) > 0 {
            let name = network.segments[leg.segment].displayName
            if names.last != name { names.append(name) }
        }
        return names
    }

    /// The route's line in projected metres.
    public func points(in network: StreetNetwork) -> [Point] {
        var out: [Point] = []
        for leg in legs {
            let piece = Polyline.slice(network.segments[leg.segment].points, from: leg.start, to: leg.end)
            for p in piece where p != out.last { out.append(p) }
        }
        return out
    }
}

extension StreetNetwork {
    /// The fastest route from `origin` to `destination`, honouring one-way
    /// streets; travel time from length and speed.
    /// - Throws: `StreetNetworkError.noRoute` when the destination cannot be
    ///   reached (another component, or one-way streets lead away).
    /// - Complexity: one Dijkstra search, O((n + m) log n).
    public func route(from origin: NetworkLocation, to destination: NetworkLocation, graph: StreetGraph) throws -> Route
    {
        let s = segments[origin.segment]
        let t = segments[destination.segment]
        func ms(_ metres: Double, _ seg: StreetSegment) -> Int { Int((seg.seconds(along: metres) * 1000).rounded()) }
        var sources: [(node: Int, cost: Int)] = [(s.to, ms(s.length - origin.along, s))]
        if !s.oneWay { sources.append((s.from, ms(origin.along, s))) }
        let tree = graph.shortestPaths(from: sources, targets: [t.from, t.to])

        var best: (cost: Int, via: Int?, lastLeg: Route.Leg)?
        func consider(_ cost: Int, via node: Int?, _ leg: Route.Leg) {
            if cost < best?.cost ?? Int.max { best = (cost, node, leg) }
        }
        if origin.segment == destination.segment, destination.along >= origin.along || !s.oneWay {
            consider(
                ms(abs(destination.along - origin.along), s), via: nil,
                Route.Leg(segment: s.id, start: origin.along, end: destination.along))
        }
        if tree.distance[t.from] != ShortestPathTree.unreachable {
            consider(
                tree.distance[t.from] + ms(destination.along, t), via: t.from,
                Route.Leg(segment: t.id, start: 0, end: destination.along))
        }
        if !t.oneWay, tree.distance[t.to] != ShortestPathTree.unreachable {
            consider(
                tree.distance[t.to] + ms(t.length - destination.along, t), via: t.to,
                Route.Leg(segment: t.id, start: t.length, end: destination.along))
        }
        guard let best else {
            throw StreetNetworkError(
                .noRoute,
                "no route from \(s.displayName) to \(t.displayName): the destination is not reachable "
                    + "(another network component, or one-way streets lead away)")
        }
        var legs: [Route.Leg] = []
        if let node = best.via {
            let arcs = graph.path(to: node, in: tree)
            let start = arcs.first.map { graph.tailOf(csrPosition: $0) } ?? node
            let forward = start == s.to && tree.distance[start] == ms(s.length - origin.along, s)
            legs.append(Route.Leg(segment: s.id, start: origin.along, end: forward ? s.length : 0))
            for a in arcs {
                let (segment, reversed) = StreetGraph.segment(ofArc: graph.arcID[a])
                let length = segments[segment].length
                legs.append(Route.Leg(segment: segment, start: reversed ? length : 0, end: reversed ? 0 : length))
            }
        }
        legs.append(best.lastLeg)
        let metres = legs.reduce(0) { $0 + abs($1.end - $1.start) }
        return Route(legs: legs, seconds: Double(best.cost) / 1000, metres: metres)
    }
}
