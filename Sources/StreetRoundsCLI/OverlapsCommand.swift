import ArgumentParser
import Foundation
import Geometry
import JSON
import Outputs
import Store
import StreetNetwork
import Works

/// Output formats of `overlaps`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

struct OverlapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlaps",
        abstract: "Flag streets that two or more organisations visit in the same week (for a nightly cron job).",
        discussion: "Exit codes: 0 nothing (new) found, 1 findings reported, 2 bad arguments, "
            + "3 database missing or unreadable, 5 the report could not be written (nothing was marked as reported).")

    @Option(help: "The database file.") var db: String
    @Option(help: "The ISO week, e.g. 2026-W48 (default: the current week).", transform: ISOWeek.parse)
    var week: ISOWeek?
    @Option(help: "First day of the period, YYYY-MM-DD (with --to, instead of --week).", transform: CalendarDay.parse)
    var from: CalendarDay?
    @Option(help: "Last day of the period, YYYY-MM-DD.", transform: CalendarDay.parse) var to: CalendarDay?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text
    @Flag(help: "Report only findings never reported before (state kept in the database).") var newOnly = false
    @Option(help: "Only findings that involve this organisation.") var org: String?
    @Option(
        help: "The week fortnightly tasks count from (they are due every other week from it).",
        transform: ISOWeek.parse)
    var fortnightAnchor = ISOWeek(year: 2026, week: 1)
    @OptionGroup var data: WorksDataOptions

    func validate() throws {
        if week != nil, from != nil || to != nil { throw ValidationError("give --week or --from/--to, not both") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if let from, let to {
            guard from.date <= to.date else { throw ValidationError("--from \(from) is after --to \(to)") }
            guard to.date.timeIntervalSince(from.date) <= 366 * 86_400 else {
                throw ValidationError("the period is longer than a year; flag a year at most at a time")
            }
        }
    }

    func run() throws {
        let (start, end, label): (Date, Date, String)
        if let from, let to {
            (start, end, label) = (from.date, to.date, "\(from) to \(to)")
        } else {
            let w = week ?? ISOWeek(containing: Date())
            (start, end, label) = (w.monday, w.date(of: .sunday), "\(w)")
        }
        let store = try failing { try RoundsStore(path: db, access: newOnly ? .write : .read) }
        let network = try failing { try store.loadNetwork() }
        let places = try failing { try store.loadPlaces() }
        let (catalogue, registry, table) = try data.loadAll(database: db)
        if let org, registry[org] == nil {
            throw CommandFailure(
                .badArguments, "--org \(org) is not a registered organisation: \(registry.ids.joined(separator: ", "))")
        }
        let finder = OverlapFinder(network: network, catalogue: catalogue, registry: registry, compatibility: table)
        let find: ([StoredTask]) -> [Overlap] = { stored in
            finder.find(stored.map(\.matched), from: start, to: end, anchor: fortnightAnchor, organisation: org)
        }
        let locator = StreetLocator(network: network, groups: StreetGroups(network), places: places, registry: registry)
        let period = OverlapReport.Period(label: label, first: start, last: end)
        // The report is written (and flushed) before the findings are marked
        // as reported: a failed write marks nothing (at-least-once).
        let deliver: ([Overlap]) throws -> Void = { findings in
            let report = OverlapReport(findings: findings, period: period, newOnly: newOnly, locator: locator)
            switch format {
            case .json: try StandardOutput.send(report.json().serialized(pretty: true) + "\n")
            case .csv: if !findings.isEmpty { try StandardOutput.send(report.csv()) }
            case .text where findings.isEmpty && !newOnly:
                // Said, not silent; the cron job's --new-only stays silent when there is nothing new.
                try StandardOutput.send("No overlaps in \(label)\(org.map { " involving \($0)" } ?? "").\n")
            case .text: if !findings.isEmpty { try StandardOutput.send(report.text()) }
            }
        }
        let findings = try failing {
            if newOnly { return try store.newOverlaps(find, deliver: deliver) }
            let all = try store.overlaps(find)
            try deliver(all)
            return all
        }
        if !findings.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}
