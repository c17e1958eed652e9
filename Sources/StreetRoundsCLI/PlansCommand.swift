import ArgumentParser
import Foundation
import Planning
import Store

/// `streetrounds plans list`: the plans stored by `streetrounds plan`, the
/// ones the next week starts from.
struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "The weekly plans stored in the database (each week's shared plan and baseline).",
        subcommands: [List.self])

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
}
