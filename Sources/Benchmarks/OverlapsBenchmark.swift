import ArcRouting
import Foundation
import Geometry
import Outputs
import Store
import StreetImport
import StreetNetwork
import Works

/// Generates tasks on the network for five partners (seeded) until their
/// visits in one ISO week reach `visits`, stores them, then times flagging
/// the overlaps: in memory, and as the cron job runs it (from the store, with
/// the new-only state written in the same transaction); then the report step
/// apart (street groups, locating, writing).
func overlapsBenchmark(file: URL, visits target: Int) throws {
    let read = try StreetFile.read(file)
    let network = try StreetNetwork(lines: read.lines, crs: read.targetCRS)
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let catalogue = try ActivityCatalogue(contentsOf: root.appendingPathComponent("data/activities.json"))
    let registry = try OrganisationRegistry(
        contentsOf: root.appendingPathComponent("data/organisations.json"), catalogue: catalogue)
    let table = try Compatibility(
        contentsOf: root.appendingPathComponent("data/compatibility.json"), catalogue: catalogue)
    let week = ISOWeek(parsing: "2026-W48")!
    let anchor = ISOWeek(year: 2026, week: 1)
    let generated = generatedTasks(
        on: network, organisations: registry.ids, visits: target, week: week, anchor: anchor)
    let tasks = generated.tasks
    let total = generated.visits
    let finder = OverlapFinder(network: network, catalogue: catalogue, registry: registry, compatibility: table)
    var findings: [Overlap] = []
    let inMemory = median(runs: 3) {
        findings = finder.find(tasks, from: week.monday, to: week.date(of: .sunday), anchor: anchor)
    }

    // The cron job's path: tasks read from the store, new-only state written.
    let cron = try cronRun(
        tasks, organisations: registry.ids, network: network, file: file, finder: finder, week: week, anchor: anchor)
    let kinds = Overlap.Kind.allCases.map { kind in "\(findings.filter { $0.kind == kind }.count) \(kind.rawValue)" }
        .joined(separator: ", ")
    print(
        "Overlap benchmark: \(tasks.count) generated tasks of 5 partners on Rutland, \(total) visits in \(week), "
            + "seed 48, \(buildConfiguration)")
    print(String(format: "  flag in memory: %.3f s (median of 3); %d findings (%@)", inMemory, findings.count, kinds))
    print(
        String(
            format:
                "  cron run, first (read tasks from SQLite, flag, record %d keys as reported, one transaction): %.3f s",
            cron.reported, cron.first))
    print(
        String(
            format: "  cron run, again (nothing new): %.3f s; storing the task lists beforehand: %.3f s", cron.again,
            cron.storing))
    try printReportTimes(findings, network: network, registry: registry, week: week)
}

/// Generated tasks and the visits they make in the benchmark's week.
private struct GeneratedTasks {
    var tasks: [MatchedTask]
    var visits: Int
}

/// Tasks of random activities and frequencies on runs of 4 to 8 segments,
/// seeded (48), until their visits in `week` reach `target`.
private func generatedTasks(
    on network: StreetNetwork, organisations: [String], visits target: Int, week: ISOWeek, anchor: ISOWeek
) -> GeneratedTasks {
    var rng = RandomSource(seed: 48)
    let activities = ["sweeping", "litter_picking", "grass_cutting", "weed_control", "gully_emptying", "gritting"]
    let frequencies: [Frequency] = [.daily, .daily, .perWeek(3), .perWeek(2), .weekly, .fortnightly, .monthly]
    var tasks: [MatchedTask] = []
    var total = 0
    while total < target {
        let org = organisations[rng.below(organisations.count)]
        let activity = activities[rng.below(activities.count)]
        var t = StreetTask(
            organisation: org, taskID: "B\(tasks.count)", activity: activity,
            frequency: frequencies[rng.below(frequencies.count)],
            weekdays: Weekday.workingWeek, priority: activity == "gritting" ? 1 + rng.below(3) : nil)
        if activity == "gritting" {
            t.weekdays = Weekday.allCases
            t.frequency = .daily
        }
        let first = rng.below(network.segments.count)
        let count = 4 + rng.below(5)
        let segments = Array(first..<min(network.segments.count, first + count))
        total +=
            VisitPlan(t, from: week.monday, to: week.date(of: .sunday), anchor: anchor).totalVisits * segments.count
        tasks.append(MatchedTask(task: t, segments: segments))
    }
    return GeneratedTasks(tasks: tasks, visits: total)
}

/// The cron job's timings: storing the task lists beforehand, then two runs
/// (the first records what it reported, the second finds nothing new).
private struct CronTimes {
    var storing: Double
    var reported: Int
    var first: Double
    var again: Double
}

/// Stores the task lists in a scratch database, then times flagging from the
/// store as the cron job does, twice.
private func cronRun(
    _ tasks: [MatchedTask], organisations: [String], network: StreetNetwork, file: URL, finder: OverlapFinder,
    week: ISOWeek, anchor: ISOWeek
) throws -> CronTimes {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("streetrounds-overlaps-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let store = try RoundsStore(path: scratch.appendingPathComponent("o.sqlite").path, create: true)
    try store.saveNetwork(
        network,
        provenance: NetworkProvenance(
            sourceFile: file.lastPathComponent, sourceFormat: "GeoJSON", snapTolerance: 0.5, importedAt: "bench"))
    let storing = try seconds {
        for org in organisations {
            let mine = tasks.filter { $0.task.organisation == org }
            let matches = Dictionary(
                uniqueKeysWithValues: mine.map {
                    (
                        $0.task.taskID,
                        $0.segments.map { MatchedSegment(segment: $0, sharedMetres: network.segments[$0].length) }
                    )
                })
            try store.submit(
                TaskList(organisation: org, tasks: mine.map(\.task)), matches: matches, fileName: "bench", checksum: "-"
            )
        }
    }
    var reported = 0
    let cron = try seconds {
        reported = try store.newOverlaps { stored in
            finder.find(stored.map(\.matched), from: week.monday, to: week.date(of: .sunday), anchor: anchor)
        }.count
    }
    let again = try seconds {
        _ = try store.newOverlaps { stored in
            finder.find(stored.map(\.matched), from: week.monday, to: week.date(of: .sunday), anchor: anchor)
        }
    }
    return CronTimes(storing: storing, reported: reported, first: cron, again: again)
}

/// What the report step costs, apart from finding: grouping is once per
/// network, rendering once per report; neither is per visit. Rendering
/// takes the first `reportedFindings` findings: a nightly report holds the
/// new ones, not millions (all of them as JSON would take gigabytes).
private struct ReportTimes {
    var grouping: Double
    var groups: Int
    var findings: Int
    var rendering: Double
}

private let reportedFindings = 10_000

private func printReportTimes(
    _ findings: [Overlap], network: StreetNetwork, registry: OrganisationRegistry,
    week: ISOWeek
) throws {
    let report = reportTimes(findings, network: network, registry: registry, week: week)
    print(
        String(
            format: "  report: group the network's streets once: %.3f s (%d groups of %d segments); "
                + "locate them and write text, JSON and CSV of %d findings: %.3f s",
            report.grouping, report.groups, network.segments.count, report.findings, report.rendering))
}

private func reportTimes(
    _ findings: [Overlap], network: StreetNetwork, registry: OrganisationRegistry,
    week: ISOWeek
) -> ReportTimes {
    var groups: StreetGroups?
    let grouping = seconds { groups = StreetGroups(network) }
    let reported = Array(findings.prefix(reportedFindings))
    guard let groups else { return ReportTimes(grouping: grouping, groups: 0, findings: 0, rendering: 0) }
    var bytes = 0
    let rendering = seconds {
        let locator = StreetLocator(network: network, groups: groups, places: [], registry: registry)
        let period = OverlapReport.Period(label: "\(week)", first: week.monday, last: week.date(of: .sunday))
        let report = OverlapReport(findings: reported, period: period, newOnly: false, locator: locator)
        bytes = report.text().utf8.count + report.json().serialized(pretty: true).utf8.count + report.csv().utf8.count
    }
    precondition(bytes > 0 || reported.isEmpty, "the report is empty")
    return ReportTimes(grouping: grouping, groups: groups.groups.count, findings: reported.count, rendering: rendering)
}
