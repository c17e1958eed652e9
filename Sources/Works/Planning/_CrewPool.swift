import Geometry
import StreetNetwork

/// The crews a plan may use, each placed at its depot's junction, grouped
/// into classes (same depot, vehicle and skills) that share a day's work.
struct _CrewPool {
    struct CrewClass {
        var key: String
        var organisation: String
        var depot: String
        var depotNode: Int
        var crews: [Organisation.Crew]
        var skills: Set<String>
        var vehicleType: String
        var capacity: Double?
        var shiftSeconds: Int
        var costPerHour: Double
        var costPerKm: Double
        var co2ePerKm: Double
    }

    var classes: [CrewClass]
    /// Travel seconds from each depot node to every junction, and back.
    var fromDepot: [Int: [Int]]
    var toDepot: [Int: [Int]]

    /// - Throws: `WorksError.invalidTaskList` when a depot is far from every street.
    init(organisations: [Organisation], network: StreetNetwork, index: SegmentIndex, graph: StreetGraph, reversedGraph: StreetGraph,
         projection: Projection) throws {
        var classes: [String: CrewClass] = [:]
        var fromDepot: [Int: [Int]] = [:], toDepot: [Int: [Int]] = [:]
        for org in organisations {
            for depot in org.depots {
                guard let point = projection.project(depot.location),
                      let near = index.nearest(to: point, within: 2_000).first else {
                    throw WorksError(.badRegistry, "depot \(depot.id) of \(org.id) is more than 2 km from any street of the network; check its lon and lat")
                }
                let s = network.segments[near.segment]
                let node = near.along < s.length / 2 ? s.from : s.to
                if fromDepot[node] == nil {
                    fromDepot[node] = graph.shortestPaths(from: node).distance.map { $0 == Int.max ? Int.max : $0 / 1000 }
                    toDepot[node] = reversedGraph.shortestPaths(from: node).distance.map { $0 == Int.max ? Int.max : $0 / 1000 }
                }
                for crew in org.crews where crew.depot == depot.id {
                    let key = "\(org.id)|\(depot.id)|\(crew.vehicleType)|\(crew.skills.sorted().joined(separator: ","))"
                    if classes[key] == nil {
                        classes[key] = CrewClass(key: key, organisation: org.id, depot: depot.id, depotNode: node, crews: [], skills: Set(crew.skills),
                                                 vehicleType: crew.vehicleType, capacity: crew.capacity, shiftSeconds: Int(crew.shiftHours * 3600),
                                                 costPerHour: crew.costPerHour, costPerKm: crew.costPerKm, co2ePerKm: crew.co2ePerKm)
                    }
                    classes[key]!.crews.append(crew)
                }
            }
        }
        self.classes = classes.values.sorted { $0.key < $1.key }
        self.fromDepot = fromDepot
        self.toDepot = toDepot
    }

    /// The class a task goes to: of those able to do it, the one whose depot
    /// is nearest to its streets on average (up to 20 of them sampled
    /// evenly), then the cheapest.
    func preferredClass(for activity: String, segments: [StreetSegment]) -> CrewClass? {
        let step = max(1, segments.count / 20)
        let sample = stride(from: 0, to: segments.count, by: step).map { segments[$0] }
        func distance(_ c: CrewClass) -> Int {
            sample.reduce(0) { sum, s in let d = fromDepot[c.depotNode]![s.from]; return d == Int.max ? Int.max / 2 : sum + d }
        }
        return classes.filter { $0.skills.contains(activity) }.min { a, b in
            let da = distance(a), db = distance(b)
            return da != db ? da < db : (a.costPerHour != b.costPerHour ? a.costPerHour < b.costPerHour : a.key < b.key)
        }
    }

    /// The class that should do work needing `skills` on `segment`: the one
    /// most of the visit's tasks already go to (`votes`, by class key), so a
    /// task's streets stay in one round; else the nearest depot with an able
    /// crew, then the cheapest such crew.
    func bestClass(for skills: Set<String>, segment: StreetSegment, votes: [String: Int] = [:]) -> CrewClass? {
        classes.filter { skills.isSubset(of: $0.skills) }.min { a, b in
            let va = votes[a.key] ?? 0, vb = votes[b.key] ?? 0
            if va != vb { return va > vb }
            let da = fromDepot[a.depotNode]![segment.from], db = fromDepot[b.depotNode]![segment.from]
            return da != db ? da < db : (a.costPerHour != b.costPerHour ? a.costPerHour < b.costPerHour : a.key < b.key)
        }
    }
}
