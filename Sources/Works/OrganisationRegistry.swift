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
            if let why = Self.plainProblem(id) {
                throw WorksError(.badRegistry, "\(file): organisation \(k)'s id \(why)")
            }
            func fail(_ what: String) -> WorksError { WorksError(.badRegistry, "\(file): organisation \(id): \(what)") }
            if organisations.contains(where: { $0.id == id }) { throw fail("is in the file twice; give each once") }
            let depots = try Self.depots(entry, fail: fail)
            guard !depots.isEmpty else { throw fail("needs at least one depot") }
            let crews = try (entry["crews"]?.array ?? []).map {
                try Self.crew($0, depots: depots, catalogue: catalogue, fail: fail)
            }
            if let twice = Self.repeated(crews.map(\.id)) { throw fail("crew id \(twice) is given twice") }
            let pools = entry["pools_crews"].flatMap { $0.isNull ? nil : $0 }
            guard pools == nil || pools?.bool != nil else {
                throw fail("\"pools_crews\" must be true or false (a boolean, not a string)")
            }
            organisations.append(
                Organisation(
                    id: id, name: PrintableText.of(entry["name"]?.string ?? id), depots: depots, crews: crews,
                    poolsCrews: pools?.bool ?? true))
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
            if let why = Self.plainProblem(did) { throw fail("a depot id \(why)") }
            if depots.contains(where: { $0.id == did }) { throw fail("depot id \(did) is given twice") }
            let name = PrintableText.of(d["name"]?.string ?? did)
            depots.append(.init(id: did, name: name, location: LonLat(lon: lon, lat: lat)))
        }
        return depots
    }

    /// The longest organisation, depot or crew id or vehicle type: they make the rounds' ids, and so the
    /// names of their GPX files, which a file system keeps under 255 bytes.
    static let longestPlainID = 40

    /// Why `id` cannot be an organisation, depot or crew id or a vehicle type, or nil: they make the API's
    /// addresses (/v1/organisations/ID), calendar UIDs and file names, so only letters, digits, '.', '_' and
    /// '-', not starting with '.' (a space and an underscore would make the same file name).
    static func plainProblem(_ id: String) -> String? {
        let allowed = id.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
        }
        guard !allowed || id.hasPrefix(".") || id.isEmpty || id.count > longestPlainID else { return nil }
        return "\"\(PrintableText.of(id, limit: 40))\" must be 1 to \(longestPlainID) letters a-z and A-Z, digits, "
            + "'.', '_' and '-', not starting with '.' (it is an id: it names files, calendar entries and the API's "
            + "addresses; a name with spaces goes in \"name\"); write e.g. \"town-council\""
    }

    /// The first value given twice, or nil.
    static func repeated(_ values: [String]) -> String? {
        var seen = Set<String>()
        return values.first { !seen.insert($0).inserted }
    }

    /// The number under `key`, nil when absent, within `range` when given.
    /// - Throws: `fail`'s error when it is not a number or out of the range.
    private static func number(
        _ c: JSON, _ key: String, _ range: ClosedRange<Double>, crew: String, fail: (String) -> WorksError
    ) throws -> Double? {
        guard let value = c[key], !value.isNull else { return nil }
        guard let number = value.number, range.contains(number) else {
            throw fail(
                "crew \(crew): \"\(key)\" must be a number from \(Self.text(range.lowerBound)) to "
                    + "\(Self.text(range.upperBound))")
        }
        return number
    }

    private static func text(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    /// One crew of an organisation, checked against its depots and the activity catalogue.
    private static func crew(
        _ c: JSON, depots: [Organisation.Depot], catalogue: ActivityCatalogue, fail: (String) -> WorksError
    ) throws -> Organisation.Crew {
        guard let cid = c["id"]?.string else { throw fail("a crew has no \"id\"") }
        if let why = Self.plainProblem(cid) { throw fail("a crew id \(why)") }
        let vehicle = c["vehicle_type"]?.string ?? "van"
        if let why = Self.plainProblem(vehicle) { throw fail("crew \(cid)'s \"vehicle_type\" \(why)") }
        guard let depot = c["depot"]?.string, depots.contains(where: { $0.id == depot }) else {
            throw fail(
                "crew \(cid) names no depot of this organisation (\(depots.map(\.id).joined(separator: ", ")))")
        }
        let skills = c["skills"]?.array?.compactMap(\.string) ?? []
        guard !skills.isEmpty else {
            throw fail("crew \(cid) has no \"skills\"; list the activities it does, e.g. [\"sweeping\"]")
        }
        for skill in skills where catalogue[skill] == nil {
            throw fail(
                "crew \(cid) has skill \"\(skill)\", which is not in the activity catalogue"
                    + "\(Suggestion.hint(skill, catalogue.codes))")
        }
        guard let shift = c["shift_hours"]?.number, shift >= 0.5, shift <= 24 else {
            throw fail("crew \(cid) needs \"shift_hours\" from 0.5 to 24")
        }
        let days = try Self.days(c["days"], crew: cid, fail: fail)
        func value(_ key: String, _ range: ClosedRange<Double>) throws -> Double? {
            try number(c, key, range, crew: cid, fail: fail)
        }
        return .init(
            id: cid, depot: depot, vehicleType: vehicle, skills: skills,
            shiftHours: shift, capacity: try value("capacity", 0.001...1e9), capacityUnit: c["capacity_unit"]?.string,
            costPerHour: try value("cost_per_hour", 0...10_000) ?? 0,
            costPerKm: try value("cost_per_km", 0...1_000) ?? 0,
            co2ePerKm: try value("co2e_kg_per_km", 0...100) ?? 0, days: days)
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
