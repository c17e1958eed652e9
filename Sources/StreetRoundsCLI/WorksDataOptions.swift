import ArgumentParser
import Foundation
import Works

/// Where the activity catalogue and the organisation registry are read from.
struct WorksDataOptions: ParsableArguments {
    @Option(help: "The activity catalogue (JSON).")
    var catalogue: String = "data/activities.json"

    @Option(help: "The organisation registry (JSON): partners, depots, crews.")
    var registry: String = "data/organisations.json"

    @Option(help: "The compatibility table (JSON): which activities combine, group or conflict.")
    var compatibility: String = "data/compatibility.json"

    func load() throws -> (ActivityCatalogue, OrganisationRegistry) {
        for (flag, path) in [("--catalogue", catalogue), ("--registry", registry)] where !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(.badInput, "no file at \(path); run from the project folder, or pass \(flag) PATH")
        }
        let activities = try failing { try ActivityCatalogue(contentsOf: URL(fileURLWithPath: catalogue)) }
        let organisations = try failing { try OrganisationRegistry(contentsOf: URL(fileURLWithPath: registry), catalogue: activities) }
        return (activities, organisations)
    }

    /// The catalogue, the registry and the compatibility table.
    func loadAll() throws -> (ActivityCatalogue, OrganisationRegistry, Compatibility) {
        let (activities, organisations) = try load()
        guard FileManager.default.fileExists(atPath: compatibility) else {
            throw CommandFailure(.badInput, "no file at \(compatibility); run from the project folder, or pass --compatibility PATH")
        }
        let table = try failing { try Compatibility(contentsOf: URL(fileURLWithPath: compatibility), catalogue: activities) }
        return (activities, organisations, table)
    }
}
