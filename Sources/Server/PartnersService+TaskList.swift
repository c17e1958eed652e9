import Foundation
import Geometry
import Hummingbird
import JSON
import Outputs
import Store
import StreetNetwork
import Works

extension PartnersService {
    /// Reads and matches an uploaded list with the CLI's reader and matcher.
    /// - Throws: 422 with every problem when there is any.
    func check(_ bytes: Data, _ auth: Authorised) async throws -> CheckedList {
        let loaded = try await network.loaded()
        let index = loaded.index
        let reader = TaskListReader(catalogue: catalogue, registry: auth.registry)
        let checked = try TaskListCheck(bytes, organisation: auth.organisation, reader: reader, index: index)
        guard checked.problems.isEmpty, checked.list != nil else {
            let n = checked.problems.count
            throw ServerError(
                .invalidTaskList,
                "the task list has \(n) problem\(n == 1 ? "" : "s"); nothing was "
                    + "stored. Mend each one and send the list again", problems: checked.problems)
        }
        return CheckedList(check: checked, networkVersion: loaded.version)
    }

    /// A list without problems and the network version it was matched against.
    struct CheckedList {
        var check: TaskListCheck
        var networkVersion: Int
        var list: TaskList? { check.list }
        var matches: [String: [MatchedSegment]] { check.matches }
    }

    /// POST …/task-list/validation: every problem, nothing stored.
    func validate(_ request: Request, _ context: PartnerRequestContext) async throws -> Response {
        let auth = try authorised(context)
        let checked = try await check(try await body(request), auth)
        let index = try await network.index()
        return Self.json([
            "valid": true, "organisation": .string(auth.organisation),
            "tasks": .number(Double(checked.list?.tasks.count ?? 0)),
            "matched": Self.matchedJSON(checked.matches, index.network)
        ])
    }

    /// PUT …/task-list: replaces the list in one transaction, with history and audit.
    func submit(_ request: Request, _ context: PartnerRequestContext) async throws -> Response {
        let auth = try authorised(context)
        let name = try Self.fileName(request)
        let bytes = try await body(request)
        let checked = try await check(bytes, auth)
        guard let list = checked.list else { throw ServerError(.internalError, "a checked list went missing") }
        let audit = AuditEntry(
            actor: auth.token.prefix, organisation: auth.organisation, action: "task-list.submit",
            detail: "\(name), \(list.tasks.count) tasks")
        let submission = try store.submit(
            list, matches: checked.matches, fileName: name,
            checksum: Checksum.sha256(bytes), networkVersion: checked.networkVersion,
            audit: audit, at: Date())
        let index = try await network.index()
        return Self.json([
            "submission": Self.submissionJSON(submission),
            "matched": Self.matchedJSON(checked.matches, index.network)
        ])
    }

    /// The `file_name` the history and the audit trail show (default "upload.geojson"): 1 to 200 characters,
    /// none a control or format character (a line break or a right-to-left override would let it pass for
    /// another line of the trail) nor a slash.
    static func fileName(_ request: Request) throws -> String {
        guard let name = request.uri.queryParameters.get("file_name") else { return "upload.geojson" }
        let hidden = name.unicodeScalars.contains {
            [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }
        guard (1...200).contains(name.count), name.utf8.count <= 800, !hidden, !name.contains("/") else {
            throw ServerError(
                .badRequest,
                "file_name must be 1 to 200 characters, without a slash, line break or other control or "
                    + "format character; give the file's own name, as 'thursday-rounds.geojson'")
        }
        return name
    }

    /// GET …/task-list: the stored tasks with their streets, and the history.
    func taskList(_ context: PartnerRequestContext) async throws -> Response {
        let auth = try authorised(context)
        let network = try await self.network.index().network
        let tasks = try store.tasks(organisation: auth.organisation)
        let history = try store.submissions(organisation: auth.organisation)
        let items: [JSON] = tasks.map { stored in
            let t = stored.task
            let ids = stored.segments.map(\.segment).filter { network.segments.indices.contains($0) }
            var names: [String] = []
            for id in ids where !names.contains(network.segments[id].displayName) {
                names.append(network.segments[id].displayName)
            }
            let metres = ids.reduce(0.0) { $0 + network.segments[$1].length }
            return [
                "task_id": .string(t.taskID), "activity": .string(t.activity),
                "frequency": .string(t.frequency.description),
                "cycle_week": t.cycleWeek.map { .number(Double($0)) } ?? .null, "when_due": .string(t.whenDue),
                "weekdays": .array(t.weekdays.map { .string($0.code) }), "segments": .number(Double(ids.count)),
                "km": .number((metres / 10).rounded() / 100), "streets": .array(names.map(JSON.string))
            ]
        }
        return Self.json([
            "organisation": .string(auth.organisation), "tasks": .array(items),
            "submissions": .array(history.map(Self.submissionJSON))
        ])
    }

    /// GET …/task-list/geojson: the stored list, re-submittable.
    func export(_ context: PartnerRequestContext) async throws -> Response {
        let auth = try authorised(context)
        let network = try await self.network.index().network
        let projection = try Projection(from: .wgs84, to: network.crs)
        let entries = try store.tasks(organisation: auth.organisation).map(\.matched)
        let collection = TaskListGeoJSON.json(
            entries, organisation: auth.organisation, network: network,
            projection: projection)
        return Self.json(collection, type: "application/geo+json")
    }

    static func submissionJSON(_ s: TaskSubmission) -> JSON {
        [
            "id": .number(Double(s.id)), "organisation": .string(s.organisation),
            "submitted_at": .string(s.submittedAt),
            "file_name": .string(s.fileName), "task_count": .number(Double(s.taskCount)), "sha256": .string(s.checksum)
        ]
    }

    static func matchedJSON(_ matches: [String: [MatchedSegment]], _ network: StreetNetwork) -> JSON {
        let ids = Set(matches.values.flatMap { $0.map(\.segment) }).filter { network.segments.indices.contains($0) }
        let metres = ids.reduce(0.0) { $0 + network.segments[$1].length }
        let streets = Set(ids.map { network.segments[$0].displayName })
        return [
            "segments": .number(Double(ids.count)), "km": .number((metres / 10).rounded() / 100),
            "streets": .number(Double(streets.count))
        ]
    }
}
