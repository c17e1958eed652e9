import Foundation
import Geometry
import JSON

/// The partners, read from a JSON file (data/organisations.json):
/// `{"organisations": [{"id", "name", "depots": [...], "crews": [...]}]}`.
public struct OrganisationRegistry: Sendable {
    public let organisations: [String: Organisation]

    public init(_ organisations: [Organisation]) {
        self.organisations = Dictionary(organisations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Organisation? { organisations[id] }

    public var ids: [String] { organisations.keys.sorted() }

    /// - Throws: `WorksError.badRegistry` naming the organisation and field.
    public init(contentsOf url: URL, catalogue: ActivityCatalogue) throws {
        let file = url.lastPathComponent
        let json: JSON
        do { json = try JSONParser.parse(contentsOf: url, maxBytes: 16 * 1_048_576) } catch {
            throw WorksError(.badRegistry, "\(url.path): cannot read the organisation registry (\(error))")
        }
        guard let list = json["organisations"]?.array else {
            throw WorksError(.badRegistry, "\(file): expected {\"organisations\": [ ... ]}")
        }
        var organisations: [Organisation] = []
        for (k, entry) in list.enumerated() {
            guard let id = entry["id"]?.string, !id.isEmpty else {
                throw WorksError(.badRegistry, "\(file): organisation \(k) has no \"id\"")
            }
            if let why = Identifier.problem(id) {
                throw WorksError(.badRegistry, "\(file): organisation \(k)'s id \(why)")
            }
            func fail(_ what: String) -> WorksError { WorksError(.badRegistry, "\(file): organisation \(id): \(what)") }
            let depots = try Self.depots(entry, fail: fail)
            guard !depots.isEmpty else { throw fail("needs at least one depot") }
            let crews = try (entry["crews"]?.array ?? []).map {
                try Self.crew($0, depots: depots, catalogue: catalogue, fail: fail)
            }
            organisations.append(
                Organisation(
                    id: id, name: entry["name"]?.string ?? id, depots: depots, crews: crews,
                    poolsCrews: entry["pools_crews"]?.bool ?? true))
        }
        self.init(organisations)
    }

    /// An organisation's depots, in file order.
    private static func depots(_ entry: JSON, fail: (String) -> WorksError) throws -> [Organisation.Depot] {
        var depots: [Organisation.Depot] = []
        for d in entry["depots"]?.array ?? [] {
            guard let did = d["id"]?.string, let lon = d["lon"]?.number, let lat = d["lat"]?.number,
                LonLat(lon: lon, lat: lat).isValidWGS84
            else {
                throw fail("each depot needs \"id\", and \"lon\" and \"lat\" in WGS84 degrees")
            }
            if let why = Identifier.problem(did) { throw fail("a depot id \(why)") }
            depots.append(.init(id: did, name: d["name"]?.string ?? did, location: LonLat(lon: lon, lat: lat)))
        }
        return depots
    }

    /// One crew of an organisation, checked against its depots and the activity catalogue.
    private static func crew(
        _ c: JSON, depots: [Organisation.Depot], catalogue: ActivityCatalogue, fail: (String) -> WorksError
    ) throws -> Organisation.Crew {
        guard let cid = c["id"]?.string else { throw fail("a crew has no \"id\"") }
        if let why = Identifier.problem(cid) { throw fail("a crew id \(why)") }
        guard let depot = c["depot"]?.string, depots.contains(where: { $0.id == depot }) else {
            throw fail(
                "crew \(cid) names no depot of this organisation (\(depots.map(\.id).joined(separator: ", ")))")
        }
        let skills = c["skills"]?.array?.compactMap(\.string) ?? []
        for skill in skills where catalogue[skill] == nil {
            throw fail(
                "crew \(cid) has skill \"\(skill)\", which is not in the activity catalogue"
                    + "\(Suggestion.hint(skill, catalogue.codes))")
        }
        guard let shift = c["shift_hours"]?.number, shift > 0, shift <= 24 else {
            throw fail("crew \(cid) needs \"shift_hours\" between 0 and 24")
        }
        let days = try Self.days(c["days"], crew: cid, fail: fail)
        return .init(
            id: cid, depot: depot, vehicleType: c["vehicle_type"]?.string ?? "van", skills: skills,
            shiftHours: shift, capacity: c["capacity"]?.number, capacityUnit: c["capacity_unit"]?.string,
            costPerHour: c["cost_per_hour"]?.number ?? 0, costPerKm: c["cost_per_km"]?.number ?? 0,
            co2ePerKm: c["co2e_kg_per_km"]?.number ?? 0, days: days)
    }

    /// A crew's working days: `"days": ["mon", "tue", ...]`; Monday to
    /// Friday when absent.
    private static func days(_ value: JSON?, crew: String, fail: (String) -> WorksError) throws -> [Weekday] {
        guard let value else { return Weekday.workingWeek }
        let example = "write e.g. \"days\": [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]"
        guard let list = value.array, !list.isEmpty else {
            throw fail("crew \(crew): \"days\" must be a list of at least one day; \(example)")
        }
        var days: [Weekday] = []
        for entry in list {
            guard let text = entry.string, let day = Weekday(parsing: text) else {
                let what = entry.string.map { "\"\($0)\"" } ?? "a value that is not a day"
                throw fail(
                    "crew \(crew): \"days\" holds \(what); "
                        + "days are mon, tue, wed, thu, fri, sat, sun")
            }
            if !days.contains(day) { days.append(day) }
        }
        return days.sorted()
    }
}
