import Geometry
import StreetNetwork
import Works

/// The crews a plan may use, each placed at its depot's junction, grouped
/// into classes (same depot, vehicle, skills, shift, capacity and costs:
/// `classKey`) that share a day's work,
/// with the travel seconds from each depot to every junction and back.
struct CrewPool {
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
    /// Travel seconds from each depot junction to every junction, and back.
    var depots: DepotTrees

    /// Searches farther than this from every street place a depot nowhere.
    static let depotReachMetres = 2_000.0

    /// - Throws: `PlanningError.badRegistry` when a depot is far from every street.
    /// - Complexity: O(c log c) for c crews; the depot trees are searched once per plan.
    init(organisations: [Organisation], streets: PlanningStreets, depots: DepotTrees) throws {
        var classes: [String: CrewClass] = [:]
        for org in organisations {
            for depot in org.depots {
                let node = try streets.depotNode(depot, of: org)
                for crew in org.crews where crew.depot == depot.id {
                    let key = Self.classKey(crew, of: org)
                    var crewClass =
                        classes[key]
                        ?? CrewClass(
                            key: key, organisation: org.id, depot: depot.id, depotNode: node, crews: [],
                            skills: Set(crew.skills), vehicleType: crew.vehicleType, capacity: crew.capacity,
                            shiftSeconds: PlanUnits.seconds(hours: crew.shiftHours), costPerHour: crew.costPerHour,
                            costPerKm: crew.costPerKm, co2ePerKm: crew.co2ePerKm)
                    crewClass.crews.append(crew)
                    classes[key] = crewClass
                }
            }
        }
        self.classes = classes.values.sorted { $0.key < $1.key }
        self.depots = depots
    }

    /// Crews are of one class when they can stand in for each other: the same
    /// organisation, depot, vehicle and skills, and the same shift, capacity
    /// and costs (a class is routed and rostered on one crew's figures).
    static func classKey(_ crew: Organisation.Crew, of org: Organisation) -> String {
        let figures = [crew.shiftHours, crew.capacity ?? -1, crew.costPerHour, crew.costPerKm, crew.co2ePerKm]
        return "\(org.id)|\(crew.depot)|\(crew.vehicleType)|\(crew.skills.sorted().joined(separator: ","))|"
            + figures.map { "\($0)" }.joined(separator: "/")
    }

    /// The depot junctions of `organisations`' depots, for `DepotTrees`.
    static func depotNodes(_ organisations: [Organisation], streets: PlanningStreets) throws -> [Int] {
        var nodes: [Int] = []
        for org in organisations {
            for depot in org.depots {
                let node = try streets.depotNode(depot, of: org)
                if !nodes.contains(node) { nodes.append(node) }
            }
        }
        return nodes
    }

    /// Seconds from the depot of `crewClass` to `node`; `Int.max` when unreachable.
    func seconds(from crewClass: CrewClass, to node: Int) -> Int {
        depots.seconds(from: crewClass.depotNode, to: node)
    }

    /// The class a task goes to: of those able to do it, the one whose depot
    /// is nearest to its streets on average (up to 20 of them sampled
    /// evenly), then the specialist, then the cheapest (`isPreferredOnTie`).
    func preferredClass(for activity: String, segments: [StreetSegment]) -> CrewClass? {
        let step = max(1, segments.count / 20)
        let sample = stride(from: 0, to: segments.count, by: step).map { segments[$0] }
        func distance(_ c: CrewClass) -> Int {
            sample.reduce(0) { sum, s in
                let d = seconds(from: c, to: s.from)
                return d == Int.max ? Int.max / 2 : sum + d
            }
        }
        return classes.filter { $0.skills.contains(activity) }.min { a, b in
            let da = distance(a)
            let db = distance(b)
            return da != db ? da < db : Self.isPreferredOnTie(a, b)
        }
    }

    /// Between two classes as near: the specialist (fewer skills) first, so
    /// crews that can do more keep their room for the work only they can
    /// do; then the cheapest; then the larger load; then by key.
    static func isPreferredOnTie(_ a: CrewClass, _ b: CrewClass) -> Bool {
        if a.skills.count != b.skills.count { return a.skills.count < b.skills.count }
        if a.costPerHour != b.costPerHour { return a.costPerHour < b.costPerHour }
        let (ca, cb) = (a.capacity ?? .infinity, b.capacity ?? .infinity)
        return ca != cb ? ca > cb : a.key < b.key
    }

    /// Whether a crew of `crewClass` can reach an end of `segment` from its
    /// depot and get back from one (the router says which way it is driven).
    func reaches(_ crewClass: CrewClass, _ segment: StreetSegment) -> Bool {
        let ends = [segment.from, segment.to]
        return ends.contains { depots.seconds(from: crewClass.depotNode, to: $0) != Int.max }
            && ends.contains { depots.seconds(from: $0, backTo: crewClass.depotNode) != Int.max }
    }

    /// The class that should do work needing `skills` on `segment`: the one
    /// most of the visit's tasks already go to (`votes`, by class key), so a
    /// task's streets stay in one round; else the nearest depot with an able
    /// crew, then the specialist, then the cheapest (`isPreferredOnTie`).
    /// A class whose depot cannot reach the segment and get back comes
    /// last, whatever the votes. With `day`, only classes with a crew working that day.
    func bestClass(
        for skills: Set<String>, segment: StreetSegment, votes: [String: Int] = [:],
        day: Weekday? = nil, demand: Double = 0
    ) -> CrewClass? {
        ranked(for: skills, segment: segment, votes: votes, day: day, demand: demand).first
    }

    /// The able classes in that order of preference (`bestClass` first):
    /// those that reach the street, then those whose capacity holds the
    /// visit's `demand`, then by votes, distance and `isPreferredOnTie`.
    /// - Complexity: O(c log c) for c classes.
    func ranked(
        for skills: Set<String>, segment: StreetSegment, votes: [String: Int] = [:],
        day: Weekday? = nil, demand: Double = 0
    ) -> [CrewClass] {
        classes.filter { c in
            skills.isSubset(of: c.skills) && (day.map { d in c.crews.contains { $0.days.contains(d) } } ?? true)
        }.map { c in
            (crewClass: c, reaches: reaches(c, segment), carries: (c.capacity ?? .infinity) >= demand)
        }.sorted { a, b in
            if a.reaches != b.reaches { return a.reaches }
            if a.carries != b.carries { return a.carries }
            let va = votes[a.crewClass.key] ?? 0
            let vb = votes[b.crewClass.key] ?? 0
            if va != vb { return va > vb }
            let da = seconds(from: a.crewClass, to: segment.from)
            let db = seconds(from: b.crewClass, to: segment.from)
            return da != db ? da < db : Self.isPreferredOnTie(a.crewClass, b.crewClass)
        }.map(\.crewClass)
    }

    /// Whether some class has all of `skills`.
    func canDo(_ skills: Set<String>) -> Bool { classes.contains { skills.isSubset(of: $0.skills) } }
}
