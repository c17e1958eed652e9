import ArgumentParser
import Foundation
import Geometry
import JSON
import Outputs
import Planning
import Store
import StreetNetwork
import Works

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan next week's shared rounds, and what sharing saves against each partner planning alone.",
        discussion: "Writes schedule.csv, rounds.geojson, a GPX file per round, schedule.ics (and "
            + "gritting-standby.ics), savings.json and report.html to --out.")

    @Option(help: "The database file.") var db: String
    @Option(help: "The ISO week to plan, e.g. 2026-W48 (default: next week).", transform: ISOWeek.parse)
    var week: ISOWeek?
    @Option(help: "The folder for the outputs (replaced whole, only when the plan succeeds).") var out: String =
        "out/plan"
    @Option(help: "Wall-clock seconds for each plan (shared, and baseline), setup included.") var seconds: Double = 10
    @Option(help: "Seed of the solver's random source.") var seed: UInt64 = 1
    @Option(
        help: "Solver iterations per routing job instead of a time limit: with a seed, the same plan on any machine.")
    var iterations: Int?
    @Option(
        help: "When rounds without hours of their own start, HH:MM; rounds of tasks with hours start at those hours.",
        transform: TimeWindow.parseStart)
    var start: Int = 7 * 60
    @Option(help: "Gritting treatment deadline in hours: every stand-by round finishes within it.") var deadlineHours:
        Double = 3
    @Option(help: "The week fortnightly tasks count from.", transform: ISOWeek.parse)
    var fortnightAnchor = ISOWeek(year: 2026, week: 1)
    @Option(
        help: ArgumentHelp(
            "Also write each routing job of the shared plan as a CARPLIB file (NAME.dat) here.",
            discussion: "The whole street graph as deadhead links plus the job's required links, "
                + "its depot, capacity and route limit. Files already there are left alone."))
    var exportCarp: String?
    @Flag(help: "Re-optimise from scratch: do not start from the stored plan of the latest earlier (or same) week.")
    var fresh = false
    @Flag(
        help: """
            Also plan the week fresh with the same budget; print what stability costs \
            (doubles the shared plan's time).
            """)
    var compareFresh = false
    @Flag(help: "Fair shares: the Shapley value over partners (2^n - n - 2 extra coalition plans up to 8 partners).")
    var shapley = false
    @Option(help: "Seconds for all coalition plans of --shapley together (default: --seconds).")
    var shapleySeconds: Double?
    @Option(help: "Random orders of partners for --shapley beyond 8 partners.")
    var shapleySamples: Int = ShapleyShares.defaultSamples
    @OptionGroup var data: WorksDataOptions

    func validate() throws {
        guard seconds > 0, seconds <= 3600 else { throw ValidationError("--seconds must be between 0 and 3600") }
        if let iterations, !(0...1_000_000).contains(iterations) {
            throw ValidationError("--iterations must be from 0 to 1000000 (it replaces --seconds as the budget)")
        }
        guard deadlineHours > 0, deadlineHours <= 24 else {
            throw ValidationError("--deadline-hours must be between 0 and 24")
        }
        if let shapleySeconds, !(shapleySeconds > 0 && shapleySeconds <= 36_000) {
            throw ValidationError("--shapley-seconds must be between 0 and 36000")
        }
        guard shapleySamples > 0 else { throw ValidationError("--shapley-samples must be positive") }
        if fresh, compareFresh {
            throw ValidationError("--compare-fresh compares with the stored week; it cannot go with --fresh")
        }
        do { try outputFolder.check() } catch let error as OutputsError {
            throw ValidationError("--out: \(error.message)")
        }
        if let exportCarp,
            OutputFolder.isSameOrAncestor(OutputFolder.resolved(out), of: OutputFolder.resolved(exportCarp))
        {
            throw ValidationError(
                "--export-carp \(exportCarp) is in the --out folder, which StreetRounds replaces whole: "
                    + "give a folder outside it")
        }
    }

    /// The outputs folder; one written before manifests existed is known by its file names.
    private var outputFolder: OutputFolder {
        OutputFolder(path: out, protecting: RoundsStore.files(db)) { name in
            ["schedule.csv", "rounds.geojson", "schedule.ics", "gritting-standby.ics", "savings.json", "report.html"]
                .contains(name)
                || (name.hasPrefix("gpx/") && name.hasSuffix(".gpx") && !name.dropFirst(4).contains("/"))
        }
    }

    func run() throws {
        let started = Date()
        let target = week ?? ISOWeek.next
        let store = try failing { try RoundsStore(path: db, access: .read) }
        let network = try failing { try store.loadNetwork() }
        let stored = try failing { try store.tasks() }
        guard !stored.isEmpty else {
            throw CommandFailure(
                .badInput,
                "\(db) holds no task lists; submit them first with 'streetrounds tasks submit FILE --org ID --db \(db)'"
            )
        }
        let (catalogue, registry, table) = try data.loadAll(database: db)
        var options = PlanOptions(week: target)
        options.seconds = seconds
        options.seed = seed
        options.iterations = iterations
        options.treatmentDeadlineHours = deadlineHours
        options.shiftStartMinutes = start
        options.fortnightAnchor = fortnightAnchor
        let planner = WeeklyPlanner(network: network, catalogue: catalogue, registry: registry, compatibility: table)
        let tasks = stored.map(\.matched)
        if let exportCarp {
            try export(failing { try planner.exportedJobs(tasks, options: options, mode: .shared) }, to: exportCarp)
        }
        let stableFrom = try stableStart(store, network: network, week: target)
        let progress = ProgressLine()
        func plan(_ mode: PlanMode, _ preferences: PlanPreferences) throws -> WeeklyPlan {
            try failing {
                try planner.plan(tasks, options: options, mode: mode, preferences: preferences, progress: progress.show)
            }
        }
        let shared = try plan(.shared, stableFrom.preferences(.shared))
        let baseline = try plan(.baseline, stableFrom.preferences(.baseline))
        let stableWeek = try stableWeekReport(stableFrom, shared: shared) { try plan(.shared, PlanPreferences()) }
        var savings = Savings(baseline: baseline, shared: shared, partners: registry.ids)
        savings.shapley = try fairShares(
            planner, tasks: tasks, options: options, shared: shared, baseline: baseline,
            progress: progress.show)
        progress.finish()
        let source = try failing { try store.networkProvenance() }?.streetDataSource ?? StreetDataSource(kind: .other)
        let drawing = try failing { try RoundDrawing(network: network, registry: registry, attribution: source) }
        try writeOutputs(
            shared: shared, baseline: baseline, savings: savings, drawing: drawing, week: target,
            stableWeek: stableWeek)
        printPlanSummary(
            week: target, partners: registry.ids.count, started: started, shared: shared, baseline: baseline,
            savings: savings, stableWeek: stableWeek)
        try storePlans([shared, baseline], network: network)
    }

    /// Prints what the week's plan came to: its rounds and visits, what
    /// sharing saves, the stable week, and where the report is.
    private func printPlanSummary(
        week: ISOWeek, partners: Int, started: Date, shared: WeeklyPlan, baseline: WeeklyPlan, savings s: Savings,
        stableWeek: StableWeekReport?
    ) {
        let elapsed = Date().timeIntervalSince(started)
        print(
            "Planned \(week) for \(partners) partners in \(Format.fixed(elapsed, 1)) s: "
                + "\(shared.rounds.count) shared rounds (\(baseline.rounds.count) if each plans alone), "
                + "\(shared.gritting.count) gritting stand-by rounds")
        let stops = shared.rounds.reduce(0) { $0 + $1.stops.count }
        print(
            "  \(shared.taskVisits) task visits; \(stops) stops on shared rounds; "
                + "\(Savings.UndoneVisits.count(shared)) not placed"
                + (shared.unplaced.isEmpty ? "" : " (see the report)"))
        for shortfall in shared.shortfalls { print("  beyond the fleet: \(shortfall)") }
        let streets = OrderConflict.byStreet(shared.orderConflicts)
        for (conflict, segments) in streets.prefix(5) {
            let more = segments > 1 ? " (and \(segments - 1) more segments of the street)" : ""
            print("  out of order: \(conflict)\(more)")
        }
        if streets.count > 5 { print("  out of order: \(streets.count - 5) more street-days (see the report)") }
        print(
            "  sharing saves \(Format.fixed(s.km, 1)) km (\(Format.fixed(s.deadheadKm, 1)) km deadhead), "
                + "\(Format.fixed(s.crewHours, 1)) crew hours, £\(Format.fixed(s.money, 0)), "
                + "\(Format.fixed(s.co2eKg, 1)) kg CO2e and \(s.streetVisits) street visits a week")
        if let unequal = s.unequalWork { print("  not like for like: \(unequal)") }
        printStableWeek(stableWeek, shapley: s.shapley)
        let standby = shared.gritting.isEmpty ? "" : ", gritting-standby.ics"
        print(
            "  report: \(out)/report.html (also schedule.csv, rounds.geojson, gpx/, schedule.ics\(standby), "
                + "savings.json)")
    }

    /// Writes each exported job as `NAME.dat` in `folder` (made when missing), all or none: a name already
    /// there is an error before anything is written (that file is left as it is), and a write that fails
    /// removes the files this run wrote.
    private func export(_ jobs: [WeeklyPlanner.ExportedJob], to folder: String) throws {
        let url = URL(fileURLWithPath: folder)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(
                .badInput,
                "cannot make the folder \(folder) for --export-carp (\(error.localizedDescription))")
        }
        let files = jobs.map { url.appendingPathComponent($0.name + ".dat") }
        let there = files.filter { FileManager.default.fileExists(atPath: $0.path) }
        if let first = there.first {
            throw CommandFailure(
                .badInput,
                "--export-carp \(folder) already holds \(first.lastPathComponent)"
                    + (there.count > 1 ? " and \(there.count - 1) more of this week's files" : "")
                    + "; nothing was written: move them away or give another folder")
        }
        var written: [URL] = []
        do {
            for (job, file) in zip(jobs, files) {
                // Created exclusively (O_EXCL): a file that appeared meanwhile is never replaced.
                let text = try job.problem.carpText()
                let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard fd >= 0 else {
                    throw CommandFailure(
                        .internalError, "cannot write \(file.path): \(String(cString: strerror(errno)))")
                }
                written.append(file)
                let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
                do { try handle.write(contentsOf: Data(text.utf8)) } catch {
                    throw CommandFailure(.internalError, "cannot write \(file.path): \(error.localizedDescription)")
                }
            }
        } catch {
            for file in written { unlink(file.path) }
            let failure = CommandFailure(error)
            throw CommandFailure(failure.status, failure.message + "; the files this run wrote were removed")
        }
        print("Wrote \(jobs.count) routing jobs as CARPLIB files to \(folder)")
    }

    /// Writes every output, then swaps them in for the previous ones by renames only (OutputFolder): a failure
    /// leaves the previous outputs as they were, and a folder StreetRounds did not write is never replaced.
    private func writeOutputs(
        shared: WeeklyPlan, baseline: WeeklyPlan, savings: Savings, drawing: RoundDrawing,
        week: ISOWeek, stableWeek: StableWeekReport?
    ) throws {
        let folder = outputFolder
        do {
            var files: [OutputFile] = []
            func write(_ text: String, _ name: String) { files.append(OutputFile(path: name, text: text)) }
            write(ScheduleCSV.text(shared, week: week, network: drawing.network), "schedule.csv")
            write(RoundsGeoJSON.json(shared, week: week, drawing: drawing).serialized() + "\n", "rounds.geojson")
            for r in shared.rounds + shared.gritting {
                write(GPXWriter.text(r, week: week, drawing: drawing), "gpx/\(r.id).gpx")
            }
            let stamp = Date()
            write(ICalendarWriter.text(shared, week: week, stamp: stamp, drawing: drawing), "schedule.ics")
            if !shared.gritting.isEmpty {
                let standby = ICalendarWriter.standbyText(shared, week: week, stamp: stamp, drawing: drawing)
                write(standby, "gritting-standby.ics")
            }
            let json = SavingsJSON.json(
                savings, shared: shared, baseline: baseline, week: week, seconds: seconds, seed: seed)
            write(json.serialized(pretty: true) + "\n", "savings.json")
            let assumptions = json["assumptions"]?.array?.compactMap(\.string) ?? []
            write(
                HTMLReport.text(
                    shared: shared, baseline: baseline, savings: savings, week: week, drawing: drawing,
                    assumptions: assumptions, stableWeek: stableWeek),
                "report.html")
            try folder.commit(files) { TestPause.at("output-\($0.rawValue)") }
        } catch let error as OutputsError {
            throw CommandFailure(
                .badInput, "cannot write the outputs to \(out): \(error.message); the previous outputs are unchanged")
        } catch {
            throw CommandFailure(
                .badInput,
                "cannot write the outputs to \(out) (\(error.localizedDescription)); the previous outputs are unchanged"
            )
        }
    }
}

/// One progress line on stderr, rewritten in place on a terminal, a line
/// now and then otherwise.
final class ProgressLine {
    private let terminal = isatty(2) == 1
    private var count = 0
    private var lastWidth = 0

    func show(_ text: String) {
        count += 1
        if terminal {
            let line = String(text.prefix(110))
            FileHandle.standardError.write(
                Data(("\r" + line + String(repeating: " ", count: max(0, lastWidth - line.count))).utf8))
            lastWidth = line.count
        } else if count % 25 == 1 {
            FileHandle.standardError.write(Data("plan: \(text)\n".utf8))
        }
    }

    func finish() {
        if terminal, lastWidth > 0 {
            FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: lastWidth) + "\r").utf8))
        }
    }
}
