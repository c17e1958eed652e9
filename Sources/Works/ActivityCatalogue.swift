import Foundation
import Geometry
import JSON

/// The activities task lists may name, read from a JSON file:
/// `{"activities": [{"code": ..., "name": ..., "working_speed_kmh": ...}]}`.
public struct ActivityCatalogue: Sendable {
    public let activities: [String: Activity]

    public init(_ activities: [Activity]) {
        self.activities = Dictionary(activities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(code: String) -> Activity? { activities[code] }

    public var codes: [String] { activities.keys.sorted() }

    /// - Throws: `WorksError.badCatalogue` naming the entry and the field.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try JSONParser.readFile(url, maxBytes: 16 * 1_048_576) } catch {
            throw WorksError(.badCatalogue, "\(url.path): cannot read the activity catalogue (\(error))")
        }
        try self.init(data: data, name: url.path)
    }

    /// The catalogue from JSON bytes; `name` says where they came from in errors.
    public init(data: Data, name: String) throws {
        let json: JSON
        do { json = try JSONParser.parse(data) } catch {
            throw WorksError(.badCatalogue, "\(name): cannot read the activity catalogue (\(error))")
        }
        guard let list = json["activities"]?.array else {
            throw WorksError(.badCatalogue, "\(name): expected {\"activities\": [ ... ]}")
        }
        var activities: [Activity] = []
        for (k, entry) in list.enumerated() {
            guard let code = entry["code"]?.string, !code.isEmpty else {
                throw WorksError(.badCatalogue, "\(name): activity \(k) has no \"code\"")
            }
            if let why = Identifier.problem(code) {
                throw WorksError(.badCatalogue, "\(name): activity \(k)'s code \(why)")
            }
            let speed = entry["working_speed_kmh"]?.number
            let perSegment = entry["minutes_per_segment"]?.number
            guard (speed ?? 1) > 0, (speed != nil) != (perSegment != nil) else {
                throw WorksError(
                    .badCatalogue,
                    "\(name): activity \(code) needs exactly one of working_speed_kmh (> 0) and minutes_per_segment")
            }
            guard let types = entry["vehicle_types"]?.array?.compactMap(\.string), !types.isEmpty else {
                throw WorksError(.badCatalogue, "\(name): activity \(code) needs \"vehicle_types\": [\"...\"]")
            }
            activities.append(
                Activity(
                    code: code, name: entry["name"]?.string ?? code, workingSpeedKmh: speed,
                    minutesPerSegment: perSegment, setupMinutes: entry["setup_minutes"]?.number ?? 0,
                    capacityPerMetre: entry["capacity_per_m"]?.number, capacityUnit: entry["capacity_unit"]?.string,
                    vehicleTypes: types))
        }
        self.init(activities)
    }
}
