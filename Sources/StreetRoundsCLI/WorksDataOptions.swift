import ArgumentParser
import Foundation
import Store
import Works

/// Where the activity catalogue, the organisation registry and the
/// compatibility table are read from: one lookup, the same for every
/// command, so that a command works from any folder with only `--db`.
///
/// Each file is looked for in this order, the first found wins:
/// 1. the override flag (`--catalogue`, `--registry`, `--compatibility`);
///    for the registry, next the organisations stored in the database
///    (`streetrounds orgs import FILE --db PATH`), when it holds any;
/// 2. beside the database (`activities.json`, `organisations.json`,
///    `compatibility.json` in the database's folder);
/// 3. `data/` under the current folder (the project folder);
/// 4. the defaults built into the binary (`BuiltInWorksData`: catalogue and
///    compatibility table only; partners are never guessed).
/// A file that is not found names every place looked at and the fix.
struct WorksDataOptions: ParsableArguments {
    @Option(help: "The activity catalogue (JSON); default: beside the database, then ./data, then built in.")
    var catalogue: String?

    @Option(
        help: "The organisation registry (JSON): partners, depots, crews; default: beside the database, then ./data.")
    var registry: String?

    @Option(help: "The compatibility table (JSON); default: beside the database, then ./data, then built in.")
    var compatibility: String?

    /// One of the three files: its flag, its file name and its built-in text.
    struct Item {
        var flag: String
        var fileName: String
        var override: String?
        var builtIn: String?
    }

    /// Where `item` comes from: a file, or the built-in text (`nil` URL).
    /// - Throws: exit 4 naming every place looked at and the fix.
    static func locate(_ item: Item, database: String?) throws -> URL? {
        let fm = FileManager.default
        if let path = item.override {
            guard fm.fileExists(atPath: path) else {
                throw CommandFailure(.badInput, "\(item.flag) \(path): no such file")
            }
            return URL(fileURLWithPath: path)
        }
        var places: [URL] = []
        if let database {
            places.append(
                URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent(item.fileName))
        }
        places.append(URL(fileURLWithPath: "data").appendingPathComponent(item.fileName))
        if let found = places.first(where: { fm.fileExists(atPath: $0.path) }) { return found }
        guard item.builtIn == nil else { return nil }
        let looked = places.map(\.path).joined(separator: ", ")
        throw CommandFailure(
            .badInput,
            "no \(item.fileName) found (looked at \(looked)); put it beside the database, or pass \(item.flag) PATH "
                + "(the sample town's is data/\(item.fileName) in the project)"
        )
    }

    /// The activity catalogue: `path` when given, else looked for as above.
    static func catalogue(_ path: String?, database: String?) throws -> ActivityCatalogue {
        let item = Item(
            flag: "--catalogue", fileName: "activities.json", override: path, builtIn: BuiltInWorksData.catalogue)
        return try failing {
            if let url = try locate(item, database: database) { return try ActivityCatalogue(contentsOf: url) }
            return try ActivityCatalogue(
                data: Data(BuiltInWorksData.catalogue.utf8), name: "the built-in activity catalogue")
        }
    }

    /// The compatibility table: `path` when given, else looked for as above.
    static func compatibility(
        _ path: String?, database: String?, catalogue: ActivityCatalogue
    ) throws -> Compatibility {
        let item = Item(
            flag: "--compatibility", fileName: "compatibility.json", override: path,
            builtIn: BuiltInWorksData.compatibility)
        return try failing {
            if let url = try locate(item, database: database) {
                return try Compatibility(contentsOf: url, catalogue: catalogue)
            }
            return try Compatibility(
                data: Data(BuiltInWorksData.compatibility.utf8), name: "the built-in compatibility table",
                catalogue: catalogue)
        }
    }

    func load(database: String?) throws -> (ActivityCatalogue, OrganisationRegistry) {
        let activities = try Self.catalogue(catalogue, database: database)
        if registry == nil, let stored = try storedRegistry(database: database) { return (activities, stored) }
        let registryItem = Item(flag: "--registry", fileName: "organisations.json", override: registry, builtIn: nil)
        guard let url = try Self.locate(registryItem, database: database) else {
            throw CommandFailure(.internalError, "no registry")
        }
        let organisations = try failing { try OrganisationRegistry(contentsOf: url, catalogue: activities) }
        return (activities, organisations)
    }

    /// The organisations imported into the database; nil when it holds none
    /// (or predates them: a reader never migrates a database).
    private func storedRegistry(database: String?) throws -> OrganisationRegistry? {
        guard let database, FileManager.default.fileExists(atPath: database) else { return nil }
        let store = try failing { try RoundsStore(path: database, access: .read) }
        guard try failing({ try store.hasOrganisations() }) else { return nil }
        return try failing { try store.storedRegistry() }
    }

    /// The catalogue, the registry and the compatibility table.
    func loadAll(database: String?) throws -> (ActivityCatalogue, OrganisationRegistry, Compatibility) {
        let (activities, organisations) = try load(database: database)
        let table = try Self.compatibility(compatibility, database: database, catalogue: activities)
        return (activities, organisations, table)
    }
}
