import Works

/// Partners planned together, with their tasks: in the shared plan the
/// partners that pool their crews form one pool and the others (volunteers)
/// plan alone; in the baseline every partner is a pool of its own.
struct PlanningPool {
    var organisations: [Organisation]
    var tasks: [MatchedTask]

    /// The pools of a plan, in the registry's order.
    static func pools(_ tasks: [MatchedTask], registry: OrganisationRegistry, mode: PlanMode) -> [PlanningPool] {
        let organisations = registry.ids.compactMap { registry[$0] }
        func alone(_ org: Organisation) -> PlanningPool {
            PlanningPool(organisations: [org], tasks: tasks.filter { $0.task.organisation == org.id })
        }
        switch mode {
        case .baseline:
            return organisations.map(alone)
        case .shared:
            let pooling = organisations.filter(\.poolsCrews)
            let ids = Set(pooling.map(\.id))
            return [PlanningPool(organisations: pooling, tasks: tasks.filter { ids.contains($0.task.organisation) })]
                + organisations.filter { !$0.poolsCrews }.map(alone)
        }
    }
}
