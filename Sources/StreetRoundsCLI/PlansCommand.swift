import ArgumentParser
import Foundation
import Planning
import Store

/// `streetrounds plans list` and `delete`: the plans stored by `streetrounds
/// plan` (and the service), the ones the next week starts from.
struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "The weekly plans stored in the database (each week's shared plan and baseline).",
        subcommands: [List.self, Delete.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored plans: id, week, mode, when made, rounds, task visits and the budget.")

        @Option(help: "The database file.") var db: String

        func run() throws {
            let store = try failing { try RoundsStore(path: db, access: .read) }
            let plans = try failing { try store.plans() }
            if plans.isEmpty {
                print("No plan stored yet; 'streetrounds plan --db \(db)' stores each week it delivers.")
                return
            }
            let stamp = ISO8601DateFormatter()
            for p in plans {
                let budget = p.iterations.map { "\($0) iterations" } ?? "\(Format.fixed(p.seconds, 1)) s"
                print(
                    "  \(p.id)  \(p.week)  \(p.mode.rawValue)  \(stamp.string(from: p.createdAt))  "
                        + "\(p.rounds) rounds (stand-by included)  \(p.taskVisits) task visits  "
                        + "seed \(p.seed), \(budget)")
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete stored plans by id (a trial run, say): the next week starts from the latest left.")

        @Argument(help: "The ids of the plans, as 'plans list' shows them.") var ids: [Int]
        @Option(help: "The database file.") var db: String

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("give the ids of the plans to delete ('plans list')") }
        }

        func run() throws {
            let store = try failing { try RoundsStore(path: db, access: .write) }
            let wanted = Set(ids)
            let named = try failing { try store.plans() }.filter { wanted.contains($0.id) }.map(\.auditName)
            let audit = AuditEntry(
                actor: "cli", organisation: nil, action: "plan.delete", detail: named.joined(separator: ", "))
            try failing { try store.deletePlans(ids, audit: audit) }
            print("Deleted plans \(wanted.sorted().map(String.init).joined(separator: ", ")) from \(db)")
        }
    }
}
