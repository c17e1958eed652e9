import Works

/// Figures of a set of rounds: distances in kilometres and time in hours,
/// as people read them.
public struct PlanTotals: Sendable, Equatable {
    public var rounds = 0
    public var km = 0.0
    public var deadheadKm = 0.0
    public var crewHours = 0.0
    public var money = 0.0
    public var co2eKg = 0.0
    /// Stops: how often a street sees a crew.
    public var streetVisits = 0

    public init() {}

    /// Kilometres, hours, money and CO2e of `rounds`, at their crews' rates
    /// in `registry`.
    public init(_ rounds: [Round], registry: OrganisationRegistry) {
        for r in rounds {
            let crew = registry[r.organisation]?.crews.first { $0.id == r.crew }
            let km = PlanUnits.kilometres(metres: r.metres)
            let hours = PlanUnits.hours(seconds: r.seconds)
            self.rounds += 1
            self.km += km
            deadheadKm += PlanUnits.kilometres(metres: r.deadheadMetres)
            crewHours += hours
            money += hours * (crew?.costPerHour ?? 0) + km * (crew?.costPerKm ?? 0)
            co2eKg += km * (crew?.co2ePerKm ?? 0)
            streetVisits += r.stops.count
        }
    }

    public static func + (a: PlanTotals, b: PlanTotals) -> PlanTotals {
        var t = PlanTotals()
        t.rounds = a.rounds + b.rounds
        t.km = a.km + b.km
        t.deadheadKm = a.deadheadKm + b.deadheadKm
        t.crewHours = a.crewHours + b.crewHours
        t.money = a.money + b.money
        t.co2eKg = a.co2eKg + b.co2eKg
        t.streetVisits = a.streetVisits + b.streetVisits
        return t
    }
}
