/// A capacitated arc routing problem on a mixed graph (Golden and Wong
/// 1981; mixed version as in Belenguer et al. 2006).
///
/// Nodes are numbered from 0. Every link can be travelled without service
/// (deadheading) at its deadhead cost; required links must be served once
/// each, edges in either direction, arcs only from `from` to `to`. Costs and
/// demands are integers: the caller states the scale (the CARP benchmarks
/// use their own integer units; street planning uses seconds).
///
/// The solver knows nothing of streets or organisations.
public struct CARPProblem: Sendable {
    /// A link of the graph; `demand == nil` means deadhead only.
    public struct Link: Sendable, Equatable {
        public var from: Int
        public var to: Int
        /// Whether the link may be travelled from `to` to `from` as well.
        public var twoWay: Bool
        public var deadheadCost: Int
        public var serviceCost: Int
        /// Demand when the link must be served; nil when it need not be.
        public var demand: Int?

        public init(
            from: Int, to: Int, twoWay: Bool = true, deadheadCost: Int, serviceCost: Int? = nil, demand: Int? = nil
        ) {
            self.from = from
            self.to = to
            self.twoWay = twoWay
            self.deadheadCost = deadheadCost
            self.serviceCost = serviceCost ?? deadheadCost
            self.demand = demand
        }

        public var isRequired: Bool { demand != nil }
    }

    public var name: String
    public var nodeCount: Int
    public var depot: Int
    public var links: [Link]
    public var capacity: Int
    /// The most one route may cost (deadhead and service), e.g. a shift.
    public var maxRouteCost: Int?
    /// The most routes; nil leaves the fleet free, as most papers do.
    public var fleetSize: Int?
    /// Deadhead costs from the caller's graph; nil means the solver finds
    /// them itself on `links`. When set, `links` need hold only the
    /// required links.
    public var deadheadCosts: (any CARPDeadheadCosts)?
    /// The number messages give the first node and the first link: 0, the
    /// indices of this struct, or 1 for a problem read from a CARPLIB file,
    /// whose lines count from 1, so that a message names what the file says.
    public var firstNumber = 0

    public init(
        name: String, nodeCount: Int, depot: Int, links: [Link], capacity: Int,
        maxRouteCost: Int? = nil, fleetSize: Int? = nil, deadheadCosts: (any CARPDeadheadCosts)? = nil
    ) {
        self.name = name
        self.nodeCount = nodeCount
        self.depot = depot
        self.links = links
        self.capacity = capacity
        self.maxRouteCost = maxRouteCost
        self.fleetSize = fleetSize
        self.deadheadCosts = deadheadCosts
    }

    /// Indices of the required links: task i of a solution is `links[requiredLinks[i]]`.
    public var requiredLinks: [Int] { links.indices.filter { links[$0].isRequired } }

    public var totalDemand: Int { links.reduce(0) { $0 + ($1.demand ?? 0) } }
    public var totalServiceCost: Int { links.reduce(0) { $0 + ($1.isRequired ? $1.serviceCost : 0) } }

    /// Checks the instance can be solved at all.
    /// - Throws: `ArcRoutingError.infeasibleInstance` naming the link.
    public func validate() throws {
        let nodes = "\(firstNumber) to \(nodeCount - 1 + firstNumber)"
        guard (0..<nodeCount).contains(depot) else {
            throw ArcRoutingError(
                .infeasibleInstance, "\(name): the depot \(depot + firstNumber) is not a node (\(nodes))")
        }
        guard capacity > 0 else { throw ArcRoutingError(.infeasibleInstance, "\(name): capacity must be positive") }
        for (k, link) in links.enumerated() {
            guard (0..<nodeCount).contains(link.from), (0..<nodeCount).contains(link.to) else {
                throw ArcRoutingError(
                    .infeasibleInstance, "\(name): \(describe(link: k)) names a node outside \(nodes)")
            }
            guard link.deadheadCost >= 0, link.serviceCost >= 0 else {
                throw ArcRoutingError(.infeasibleInstance, "\(name): \(describe(link: k)) has a negative cost")
            }
            if let demand = link.demand, demand > capacity {
                throw ArcRoutingError(
                    .infeasibleInstance,
                    "\(name): \(describe(link: k)) demands \(demand), "
                        + "more than the capacity \(capacity): no vehicle can serve it")
            }
        }
    }

    /// "link k (from, to)", numbered from `firstNumber`, for messages.
    public func describe(link k: Int) -> String {
        let link = links[k]
        return "link \(k + firstNumber) (\(link.from + firstNumber), \(link.to + firstNumber))"
    }
}
