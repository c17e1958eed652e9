import Foundation
import Geometry
import JSON

/// Reads a partner's task list (GeoJSON, docs/task-list.schema.json) and
/// reports every problem at once: feature, task id, property, what is
/// wrong and what to do.
public struct TaskListReader: Sendable {
    /// Files over this size are refused before they are parsed.
    public static let maxFileBytes = 20 * 1024 * 1024
    /// The properties a task may have.
    public static let properties = [
        "task_id", "activity", "frequency", "season", "weekdays", "hours", "usrn",
        "segment_ids", "service_minutes", "priority", "notes", "street", "cycle_week"
    ]

    public let catalogue: ActivityCatalogue
    public let registry: OrganisationRegistry

    public init(catalogue: ActivityCatalogue, registry: OrganisationRegistry) {
        self.catalogue = catalogue
        self.registry = registry
    }

    /// - Parameter organisation: when given (`--org`), the file must name it.
    /// - Returns: the task list when there is no problem, and the problems.
    public func read(_ data: Data, organisation expected: String? = nil) -> (
        list: TaskList?, problems: [TaskListProblem]
    ) {
        var problems: [TaskListProblem] = []
        func fail(_ message: String) -> (TaskList?, [TaskListProblem]) { (nil, [TaskListProblem(message: message)]) }
        guard data.count <= Self.maxFileBytes else {
            return fail(
                "the file is \(data.count / 1_048_576) MiB, over the limit of \(Self.maxFileBytes / 1_048_576) MiB; "
                    + "split the list into smaller files by area")
        }
        let document: GeoJSONDocument
        do { document = try GeoJSONDocument(data: data) } catch { return fail("\(error)") }
        guard document.crs.isWGS84 else {
            return fail(
                "the file declares \(document.crs); task lists are GeoJSON in WGS84 (RFC 7946): "
                    + "reproject to EPSG:4326 and drop the crs member")
        }
        // The organisation: named at the top, known, and the one --org says.
        let named = document.members["organisation"]?.text
        problems += organisationProblems(named: named, expected: expected)
        let organisation = named ?? expected ?? ""
        guard !document.features.isEmpty else {
            problems.append(
                TaskListProblem(message: "the collection has no features; a task list needs one Feature per task"))
            return (nil, problems)
        }
        var tasks: [StreetTask] = []
        var firstUse: [String: Int] = [:]
        for feature in document.features {
            var checker = FeatureChecker(feature: feature, catalogue: catalogue)
            if let task = checker.task(organisation: organisation) {
                if let earlier = firstUse[task.taskID] {
                    checker.problem(
                        "task_id",
                        "task_id \"\(task.taskID)\" is used by feature \(earlier) too; each task needs its own id")
                } else {
                    firstUse[task.taskID] = feature.index
                    if checker.problems.isEmpty { tasks.append(task) }
                }
            }
            problems += checker.problems
        }
        return problems.isEmpty ? (TaskList(organisation: organisation, tasks: tasks), []) : (nil, problems)
    }

    /// The problems with the organisation a file names: missing, unknown, or
    /// not the one `--org` says.
    private func organisationProblems(named: String?, expected: String?) -> [TaskListProblem] {
        var problems: [TaskListProblem] = []
        if named == nil {
            problems.append(
                TaskListProblem(
                    property: "organisation",
                    message:
                        "the FeatureCollection needs \"organisation\": \"ID\" at the top, one of: "
                        + registry.ids.joined(separator: ", ")))
        } else if registry[named!] == nil {
            problems.append(
                TaskListProblem(
                    property: "organisation",
                    message:
                        "unknown organisation \"\(named!)\"\(Suggestion.hint(named!, registry.ids)); "
                        + "registered: \(registry.ids.joined(separator: ", "))"))
        }
        if let expected, let named, expected != named {
            problems.append(
                TaskListProblem(
                    property: "organisation",
                    message:
                        "the file is for \"\(named)\" but --org says \"\(expected)\"; "
                        + "submit it under its own organisation"))
        }
        return problems
    }
}

/// Checks one feature, collecting every problem in it.
private struct FeatureChecker {
    let feature: GeoJSONDocument.Feature
    let catalogue: ActivityCatalogue
    var problems: [TaskListProblem] = []
    var taskID: String?

    init(feature: GeoJSONDocument.Feature, catalogue: ActivityCatalogue) {
        self.feature = feature
        self.catalogue = catalogue
        let raw = feature.properties["task_id"]
        self.taskID = raw?.text
        if let id = taskID, let why = Identifier.problem(id) {
            taskID = nil
            problem("task_id", why)
        } else if let raw, raw.text == nil, !raw.isNull {
            problem("task_id", "must be a string, not \(raw.typeName)")
        }
    }

    static func lines(of geometry: GeoJSONGeometry) -> [[Position]] {
        switch geometry {
        case .lineString(let l): return [l]
        case .multiLineString(let ls): return ls
        default: return []
        }
    }

    /// The property as a string when it is one; a property of another type is reported as such (not as
    /// missing) and gives nil, as does an absent one.
    mutating func string(_ key: String) -> (value: String?, present: Bool) {
        guard let raw = feature.properties[key], !raw.isNull else { return (nil, false) }
        if let s = raw.string { return (s, true) }
        problem(key, "must be a string, not \(raw.typeName)")
        return (nil, true)
    }

    mutating func problem(_ property: String?, _ message: String) {
        problems.append(
            TaskListProblem(featureIndex: feature.index, taskID: taskID, property: property, message: message))
    }

    mutating func task(organisation: String) -> StreetTask? {
        let p = feature.properties
        for key in p.keys.sorted() where !TaskListReader.properties.contains(key) {
            problem(
                key,
                "unknown property \"\(key)\"\(Suggestion.hint(key, TaskListReader.properties)); "
                    + "the properties are: \(TaskListReader.properties.joined(separator: ", "))")
        }
        if taskID?.isEmpty ?? true {
            problem("task_id", "every task needs a \"task_id\", the partner's own id, stable across submissions")
        }
        // Activity.
        let (activity, activityPresent) = string("activity")
        if activity == nil {
            if !activityPresent {
                problem("activity", "missing; give one of: \(catalogue.codes.joined(separator: ", "))")
            }
        } else if catalogue[activity!] == nil {
            problem(
                "activity",
                "unknown activity \"\(activity!)\"\(Suggestion.hint(activity!, catalogue.codes)); "
                    + "the catalogue has: \(catalogue.codes.joined(separator: ", "))")
        }
        // Frequency and days.
        let frequencyText = p["frequency"]?.text
        let frequency = frequencyText.flatMap(Frequency.init(parsing:))
        if let raw = p["frequency"], frequencyText == nil, !raw.isNull {
            problem("frequency", "must be a string such as \"weekly\", not \(raw.typeName)")
        } else if frequencyText == nil {
            problem("frequency", "missing; give daily, weekly, fortnightly, monthly or N/week (e.g. 2/week)")
        } else if frequency == nil {
            problem(
                "frequency",
                "\"\(frequencyText!)\" is not a frequency; "
                    + "use daily, weekly, fortnightly, monthly or N/week with N from 1 to 7")
        }
        var weekdays = Weekday.workingWeek
        if let raw = p["weekdays"] {
            if let list = raw.array, !list.isEmpty {
                var days: [Weekday] = []
                for item in list {
                    if let text = item.text, let day = Weekday(parsing: text) {
                        if !days.contains(day) { days.append(day) }
                    } else {
                        problem(
                            "weekdays",
                            "\(item.text.map { "\"\($0)\"" } ?? item.typeName) is not a weekday; "
                                + "use mon, tue, wed, thu, fri, sat or sun")
                    }
                }
                weekdays = days.sorted()
            } else {
                problem(
                    "weekdays",
                    "must be a non-empty array such as [\"mon\", \"wed\", \"fri\"]; leave it out for Monday to Friday")
            }
        }
        if case .perWeek(let n)? = frequency, n > weekdays.count, !weekdays.isEmpty {
            problem(
                "frequency",
                "\(n)/week needs at least \(n) allowed weekdays, only \(weekdays.count) given "
                    + "(\(weekdays.map(\.code).joined(separator: ", "))); allow more days or visit less often")
        }
        var season: Season?
        if let raw = p["season"], !raw.isNull {
            if let from = raw["from"]?.string.flatMap(Season.MonthDay.init(parsing:)),
                let to = raw["to"]?.string.flatMap(Season.MonthDay.init(parsing:))
            {
                season = Season(from: from, to: to)
            } else {
                problem(
                    "season",
                    "must be {\"from\": \"MM-DD\", \"to\": \"MM-DD\"} with real dates, "
                        + "e.g. {\"from\": \"03-01\", \"to\": \"10-31\"}")
            }
        }
        var hours: TimeWindow?
        if let raw = p["hours"], !raw.isNull {
            hours = raw.string.flatMap(TimeWindow.init(parsing:))
            if hours == nil {
                problem(
                    "hours",
                    "\(raw.text.map { "\"\($0)\"" } ?? raw.typeName) is not a time window; "
                        + "write \"HH:MM-HH:MM\", start before end, e.g. \"07:00-15:00\"")
            }
        }
        var serviceMinutes: Double?
        if let raw = p["service_minutes"], !raw.isNull {
            serviceMinutes = raw.number
            if (serviceMinutes ?? 0) <= 0 || (serviceMinutes ?? 0) > 24 * 60 {
                problem("service_minutes", "must be a number of minutes above 0 and at most 1440")
                serviceMinutes = nil
            }
        }
        var priority: Int?
        if let raw = p["priority"], !raw.isNull {
            priority = raw.integer(in: 1...3)
            if priority == nil {
                problem("priority", "must be 1, 2 or 3 (1 is treated first), not \(raw.text ?? raw.typeName)")
            }
            if activity != nil, activity != "gritting" {
                problem("priority", "applies to gritting only; remove it from this \(activity!) task")
            }
        } else if activity == "gritting" {
            problem(
                "priority",
                "gritting tasks need a priority: 1, 2 or 3 (1 is treated first, within the treatment deadline)")
        }
        let segmentIDs = readSegmentIDs()
        let cycleWeek = readCycleWeek(frequency, text: frequencyText)
        for key in ["usrn", "notes", "street"] {
            if let raw = p[key], !raw.isNull, raw.text == nil { problem(key, "must be a string, not \(raw.typeName)") }
            if let c = p[key]?.text.flatMap({ PrintableText.firstControl(in: $0, allowingLineBreaks: key == "notes") })
            {
                problem(key, "holds the control character \(PrintableText.code(c)); remove it")
            }
        }
        let usrn = p["usrn"].flatMap { $0.isNull ? nil : $0.text }
        checkGeometry(placed: usrn != nil || segmentIDs != nil)
        guard let taskID, let activity, let frequency else { return nil }
        return StreetTask(
            organisation: organisation, taskID: taskID, activity: activity, frequency: frequency, season: season,
            weekdays: weekdays, hours: hours, usrn: usrn, segmentIDs: segmentIDs, serviceMinutes: serviceMinutes,
            priority: priority, notes: p["notes"]?.text, street: p["street"]?.text,
            geometry: feature.geometry, featureIndex: feature.index, cycleWeek: cycleWeek)
    }
}

extension FeatureChecker {
    /// cycle_week: which week of a fortnightly (1 or 2) or monthly (1 to 4) task's cycle; for no other frequency.
    mutating func readCycleWeek(_ frequency: Frequency?, text: String?) -> Int? {
        guard let raw = feature.properties["cycle_week"], !raw.isNull else { return nil }
        guard let frequency else { return nil }  // the frequency's own problem is reported
        guard let weeks = frequency.cycleWeeks else {
            problem(
                "cycle_week",
                "applies to fortnightly and monthly tasks only; remove it from this \(text ?? "\(frequency)") task")
            return nil
        }
        guard let week = raw.integer(in: weeks) else {
            let what =
                frequency == .fortnightly
                ? "1 (the weeks an even number of weeks from the anchor week) or 2 (the weeks between)"
                : "1 to 4: the week whose Monday is one of the month's days 1-7, 8-14, 15-21 or 22-28"
            let given = raw.string.map { "the text \"\($0)\"" } ?? raw.text ?? raw.typeName
            problem("cycle_week", "must be \(what), not \(given)")
            return nil
        }
        return week
    }

    /// segment_ids: whole numbers from 0 to 2^31 - 1 (1e19 is a problem, not a trap).
    mutating func readSegmentIDs() -> [Int]? {
        guard let raw = feature.properties["segment_ids"], !raw.isNull else { return nil }
        let items = raw.array ?? []
        let ids = items.compactMap { $0.integer(in: 0...Int(Int32.max)) }
        guard !items.isEmpty, ids.count == items.count else {
            problem(
                "segment_ids",
                "must be a non-empty array of segment ids (whole numbers from 0 to 2147483647, "
                    + "from 'streetrounds tasks export' or the network)")
            return nil
        }
        return ids
    }

    /// The geometry: WGS84 longitude first (BNG metres and swapped axes named), no zero-length line, and a
    /// place given at all (`placed`: a usrn or segment ids say it otherwise).
    mutating func checkGeometry(placed: Bool) {
        if let message = feature.geometryError { problem("geometry", message + "; fix the geometry") }
        guard let g = feature.geometry else {
            if feature.geometryError == nil, !placed {
                problem(
                    "geometry",
                    "the task says no place: give a geometry (LineString along the street, Point, "
                        + "or Polygon around the streets), a usrn, or segment_ids")
            }
            return
        }
        if let pos = g.allPositions.first(where: { $0.wgs84Problem != nil }) {
            let coordinate = "coordinate (\(pos.x), \(pos.y))"
            switch pos.wgs84Problem {
            case .looksSwappedForBritain?:
                problem(
                    "geometry",
                    "\(coordinate) reads as latitude, longitude: swapped it lies in Great Britain, "
                        + "as written in the Indian Ocean; GeoJSON is longitude first: swap the axes")
            case .looksLikeBritishNationalGrid?:
                problem(
                    "geometry",
                    "\(coordinate) looks like British National Grid metres, but task lists are WGS84 "
                        + "longitude/latitude; reproject the file to EPSG:4326")
            default:
                problem("geometry", "\(coordinate) is not a WGS84 longitude/latitude; check the axis order")
            }
        }
        if Self.lines(of: g).contains(where: { line in line.allSatisfy { $0 == line[0] } }) {
            problem("geometry", "a line of zero length (all its points are the same); draw it along the street")
        }
    }
}
