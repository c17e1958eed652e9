/// One service in a route: a required link (index into the problem's
/// `links`) and whether it is served from `to` to `from`.
public struct CARPService: Hashable, Sendable {
    public var link: Int
    public var reversed: Bool

    public init(link: Int, reversed: Bool) {
        self.link = link
        self.reversed = reversed
    }
}

/// A solution: routes from the depot and back, each the services in order;
/// deadheading between them follows shortest paths.
public struct CARPSolution: Sendable, Equatable {
    public var routes: [[CARPService]]
    /// Total cost (service and deadhead) as the solver computed it; the
    /// checker recomputes it independently.
    public var cost: Int

    public init(routes: [[CARPService]], cost: Int) {
        self.routes = routes
        self.cost = cost
    }
}
