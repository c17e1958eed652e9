import Works

/// An order rule the plan could not keep inside a day: on one street and
/// day, the rule's second activity is served before its first is done
/// (sweeping before the grass is cut), and no later start within the
/// crew's shift nor another order of the crew's rounds could put it right
/// (or mending one street put another out of order, and the passes ran
/// out: `SameDayOrder.maxPasses`).
public struct OrderConflict: Sendable, Equatable, CustomStringConvertible {
    public var day: Weekday
    public var segment: Int
    /// The street as people read it.
    public var street: String
    /// The activity that should come first (grass cutting), and the one after (sweeping).
    public var first: String
    public var then: String
    /// Why it could not be put right.
    public var reason: String
    /// The rounds of the two stops (the first activity's, then the
    /// other's; one id when one round holds both), and the organisations
    /// whose crews run them or whose tasks they serve there: who is told.
    public var rounds: [String]
    public var organisations: [String]

    public init(
        day: Weekday, segment: Int, street: String, first: String, then: String, reason: String,
        rounds: [String] = [], organisations: [String] = []
    ) {
        self.day = day
        self.segment = segment
        self.street = street
        self.first = first
        self.then = then
        self.reason = reason
        self.rounds = rounds
        self.organisations = organisations
    }

    /// "Wednesday, Church Street: sweeping is served before grass_cutting (grass_cutting should come first);
    /// the sweeping round …".
    public var description: String {
        "\(day.fullName.capitalized), \(street): \(then) is served before \(first) (\(first) should come first); "
            + reason
    }

    /// The conflicts a street at a time: one per day, street and pair of
    /// activities (the first of its segments, in the plan's order), with how
    /// many segments of the street it stands for; what a summary prints.
    public static func byStreet(_ conflicts: [OrderConflict]) -> [(conflict: OrderConflict, segments: Int)] {
        var order: [String] = []
        var groups: [String: (conflict: OrderConflict, segments: Int)] = [:]
        for c in conflicts {
            let key = "\(c.day.rawValue)|\(c.street)|\(c.first)|\(c.then)"
            if let group = groups[key] {
                groups[key] = (group.conflict, group.segments + 1)
            } else {
                order.append(key)
                groups[key] = (c, 1)
            }
        }
        return order.compactMap { groups[$0] }
    }
}
