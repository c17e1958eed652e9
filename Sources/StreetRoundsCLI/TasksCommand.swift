import ArgumentParser
import Foundation
import Geometry
import JSON
import Outputs
import Store
import StreetNetwork
import Works

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Validate, submit, list and export partners' task lists.",
        subcommands: [Validate.self, Submit.self, List.self, Export.self]
    )

    /// Reads and checks a task list; with a network, matches it too.
    /// Prints every problem and fails with exit 4 when there is any.
    static func check(
        file: String, organisation: String?, data: WorksDataOptions, database: String?,
        network: StreetNetwork?
    )
        throws -> (TaskList, [String: [MatchedSegment]], Data)
    {
        let bytes: Data
        do {
            bytes = try JSONParser.readFile(URL(fileURLWithPath: file), maxBytes: TaskListReader.maxFileBytes)
        } catch {
            throw CommandFailure(.badInput, "\(error)")
        }
        let (catalogue, registry) = try data.load(database: database)
        let reader = TaskListReader(catalogue: catalogue, registry: registry)
        let index = network.map { SegmentIndex($0) }
        let checked = try failing { try TaskListCheck(bytes, organisation: organisation, reader: reader, index: index) }
        let (problems, matches) = (checked.problems, checked.matches)
        guard problems.isEmpty, let list = checked.list else {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let lines = problems.map { "  \(name): \($0)" }.joined(separator: "\n")
            throw CommandFailure(
                .badInput,
                "\(name) has \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was stored:\n\(lines)")
        }
        return (list, matches, bytes)
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a task list and report every problem (with --db, also match it to the streets).")

        @Argument(help: "The task list (GeoJSON FeatureCollection).") var file: String
        @Option(help: "A database with a street network, to check that every task matches streets.") var db: String?
        @Option(help: "The organisation the file must be for.") var org: String?
        @OptionGroup var data: WorksDataOptions

        func run() throws {
            let network = try db.map { path in
                try failing { try RoundsStore(path: path, access: .read).loadNetwork() }
            }
            let (list, matches, _) = try TasksCommand.check(
                file: file, organisation: org, data: data, database: db,
                network: network)
            print(
                "\(URL(fileURLWithPath: file).lastPathComponent): "
                    + "\(list.tasks.count) tasks for \(list.organisation), no problems")
            if let network { print("  matched to " + summary(matches, network)) }
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Replace an organisation's task list (one transaction; history kept; a rejected list changes nothing).")

        @Argument(help: "The task list (GeoJSON FeatureCollection).") var file: String
        @Option(help: "The organisation submitting it.") var org: String
        @Option(help: "The database file.") var db: String
        @OptionGroup var data: WorksDataOptions

        func run() throws {
            let store = try failing { try RoundsStore(path: db) }
            let stored = try failing { try store.loadVersionedNetwork() }
            let network = stored.network
            let (list, matches, bytes) = try TasksCommand.check(
                file: file, organisation: org, data: data, database: db,
                network: network)
            let name = URL(fileURLWithPath: file).lastPathComponent
            let audit = AuditEntry(
                actor: "cli", organisation: list.organisation, action: "task-list.submit",
                detail: "\(name), \(list.tasks.count) tasks")
            TestPause.at("submit-matched")
            let submission = try failing {
                try store.submit(
                    list, matches: matches, fileName: name, checksum: Checksum.sha256(bytes),
                    networkVersion: stored.version, audit: audit)
            }
            print(
                "Submitted \(name) for \(list.organisation): \(list.tasks.count) tasks, "
                    + "matched to \(summary(matches, network)) "
                    + "(submission \(submission.id), sha256 \(submission.checksum.prefix(12))…)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored tasks with their matched streets, and the submission history.")

        @Option(help: "The database file.") var db: String
        @Option(help: "Only this organisation.") var org: String?
        @OptionGroup var data: WorksDataOptions

        func run() throws {
            let store = try failing { try RoundsStore(path: db, access: .read) }
            let network = try failing { try store.loadNetwork() }
            let tasks = try failing { try store.tasks(organisation: org) }
            for (organisation, group) in Dictionary(grouping: tasks, by: \.task.organisation).sorted(by: {
                $0.key < $1.key
            }) {
                print("\(organisation): \(group.count) tasks")
                for stored in group {
                    let t = stored.task
                    let km = stored.segments.reduce(0) { $0 + network.segments[$1.segment].length } / 1000
                    var names: [String] = []
                    for m in stored.segments where !names.contains(network.segments[m.segment].displayName) {
                        names.append(network.segments[m.segment].displayName)
                    }
                    let when =
                        "\(t.whenDue) \(t.weekdays.map(\.code).joined(separator: ","))"
                        + (t.season.map { " (\($0))" } ?? "") + (t.priority.map { " priority \($0)" } ?? "")
                    let segments = "\(stored.segments.count) segment\(stored.segments.count == 1 ? "" : "s")"
                    print(
                        "  \(t.taskID)  \(t.activity)  \(when)  \(segments), \(Format.fixed(km, 2)) km: "
                            + names.prefix(4).joined(separator: ", ")
                            + (names.count > 4 ? ", and \(names.count - 4) more" : ""))
                }
            }
            let history = try failing { try store.submissions(organisation: org) }
            if history.isEmpty {
                guard let org else { return print("No task list submitted yet.") }
                // A registry given is the user's to fix; one looked for and not found names nobody.
                let registry = data.registry != nil ? try data.load(database: db).1 : try? data.load(database: db).1
                let known = registry?.ids ?? []
                guard known.isEmpty || known.contains(org) else {
                    throw CommandFailure(
                        .badInput, "no organisation \(org); the organisations are \(known.joined(separator: ", "))")
                }
                return print("No task list submitted yet by \(org).")
            }
            print("Submissions:")
            for s in history {
                print(
                    "  \(s.id)  \(s.submittedAt)  \(s.organisation)  \(s.fileName)  "
                        + "\(s.taskCount) tasks  sha256 \(s.checksum.prefix(12))…")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export stored tasks as GeoJSON: each task drawn as its matched segments, "
                + "with segment_ids (re-submittable; opens in QGIS)."
        )

        @Option(help: "The database file.") var db: String
        @Option(help: "The organisation whose list to export.") var org: String
        @Option(help: "Write to this file instead of standard output (an existing file only with --force).")
        var out: String?
        @Flag(help: "Replace the --out file when it exists (never the database).") var force = false

        func validate() throws {
            guard let out else { return }
            let target = OutputFolder.resolved(out)
            for protected in RoundsStore.files(db) where OutputFolder.resolved(protected) == target {
                throw ValidationError(
                    "--out \(out) is the database or one of its files; StreetRounds will not overwrite it: "
                        + "give another file name")
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !Self.isStream(out) {
                if isFolder.boolValue { throw ValidationError("--out \(out) is a folder; give a file name") }
                if !force { throw ValidationError("--out \(out) exists; add --force to replace it") }
            }
        }

        /// Whether `path` is written through, never replaced: a device, a pipe or a socket, or any path
        /// under /dev or /proc (`--out /dev/stdout` redirected to a file is a regular file behind a link
        /// that must stay a link).
        static func isStream(_ path: String) -> Bool {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if absolute.hasPrefix("/dev/") || absolute.hasPrefix("/proc/") { return true }
            var info = stat()
            return stat(path, &info) == 0 && [S_IFCHR, S_IFIFO, S_IFSOCK].contains(info.st_mode & S_IFMT)
        }

        /// Writes `text` to `out`: through it when it is a stream, else to a temporary name renamed over it.
        func write(_ text: String, to out: String) throws {
            guard Self.isStream(out) else {
                do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                    throw CommandFailure(.internalError, "cannot write \(out) (\(error.localizedDescription))")
                }
                return
            }
            guard let handle = FileHandle(forWritingAtPath: out) else {
                throw CommandFailure(.internalError, "could not open \(out) (\(String(cString: strerror(errno))))")
            }
            defer { try? handle.close() }
            do { try handle.write(contentsOf: Data(text.utf8)) } catch {
                throw CommandFailure(.internalError, "could not write to \(out) (\(error.localizedDescription))")
            }
        }

        func run() throws {
            let store = try failing { try RoundsStore(path: db, access: .read) }
            let network = try failing { try store.loadNetwork() }
            let projection = try failing { try Projection(from: .wgs84, to: network.crs) }
            let tasks = try failing { try store.tasks(organisation: org) }
            guard !tasks.isEmpty else {
                throw CommandFailure(
                    .badInput,
                    "\(db) holds no tasks of \(org); "
                        + "submit a list with 'streetrounds tasks submit FILE --org \(org) --db \(db)'")
            }
            let collection = TaskListGeoJSON.json(
                tasks.map(\.matched), organisation: org, network: network,
                projection: projection)
            let text = collection.serialized() + "\n"
            if let out {
                try write(text, to: out)
                if !Self.isStream(out) { print("Wrote \(tasks.count) tasks of \(org) to \(out)") }
            } else {
                print(text, terminator: "")
            }
        }
    }
}

/// "N segments (X km) on M streets".
func summary(_ matches: [String: [MatchedSegment]], _ network: StreetNetwork) -> String {
    let ids = Set(matches.values.flatMap { $0.map(\.segment) })
    let km = ids.reduce(0) { $0 + network.segments[$1].length } / 1000
    let streets = Set(ids.map { network.segments[$0].displayName })
    return "\(ids.count) segments (\(Format.fixed(km, 2)) km) on \(streets.count) streets"
}
