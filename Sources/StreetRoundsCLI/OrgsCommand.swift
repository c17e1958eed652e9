import ArgumentParser
import Foundation
import Store
import Works

struct OrgsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs",
        abstract: "Keep the partner organisations, their API tokens and the audit trail in the store.",
        subcommands: [Import.self, List.self, Token.self, Tokens.self, Revoke.self, Audit.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add or replace organisations (depots, crews) from a registry file like data/organisations.json.")

        @Argument(help: "The organisation registry (JSON).") var file: String
        @Option(help: "The database file (created when missing).") var db: String
        @Option(help: "The activity catalogue crews' skills are checked against; default: as for 'plan'.")
        var catalogue: String?

        func run() throws {
            let activities = try WorksDataOptions.catalogue(catalogue, database: db)
            let registry = try failing {
                try OrganisationRegistry(contentsOf: URL(fileURLWithPath: file), catalogue: activities)
            }
            let store = try failing { try RoundsStore(path: db, create: true) }
            let organisations = registry.ids.compactMap { registry[$0] }
            try failing { try store.saveOrganisations(organisations) }
            let detail = "\(URL(fileURLWithPath: file).lastPathComponent): \(registry.ids.joined(separator: ", "))"
            try failing {
                try store.recordAudit(
                    AuditEntry(
                        actor: "cli", organisation: nil, action: "orgs.import",
                        detail: detail))
            }
            print("Imported \(organisations.count) organisations into \(db): \(registry.ids.joined(separator: ", "))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored organisations with their depots and crews.")

        @Option(help: "The database file.") var db: String

        func run() throws {
            let store = try failing { try RoundsStore(path: db) }
            let organisations = try failing { try store.organisations() }
            guard !organisations.isEmpty else {
                print("No organisation stored; import some with: streetrounds orgs import FILE --db \(db)")
                return
            }
            for o in organisations {
                print("\(o.id)  \(o.name)\(o.poolsCrews ? "" : "  (keeps to its own rounds)")")
                for d in o.depots {
                    let crews = o.crews.filter { $0.depot == d.id }.map(\.id)
                    print("  depot \(d.id) (\(d.name)): \(crews.isEmpty ? "no crews" : crews.joined(separator: ", "))")
                }
            }
        }
    }

    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an API token; it is printed once, on the last line, and only its hash is kept.")

        @Argument(help: "The organisation the token speaks for (a partner).") var org: String?
        @Flag(help: "A coordinator's token: reads everything and runs plans; tied to no organisation.")
        var coordinator = false
        @Option(help: "The database file.") var db: String

        func validate() throws {
            if coordinator == (org != nil) { throw ValidationError("give an organisation, or --coordinator, not both") }
        }

        func run() throws {
            let store = try failing { try RoundsStore(path: db) }
            let issued = try failing { try store.issueToken(organisation: org) }
            try failing {
                try store.recordAudit(
                    AuditEntry(
                        actor: "cli", organisation: org, action: "token.issue",
                        detail: "\(issued.token.prefix) (\(issued.token.role.rawValue))"))
            }
            let whose = org.map { " for \($0)" } ?? ""
            print(
                "Issued a \(issued.token.role.rawValue) token \(issued.token.prefix)\(whose); "
                    + "keep it secret, it is not shown again:")
            print(issued.secret)
        }
    }

    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the API tokens by prefix (never the tokens themselves).")

        @Option(help: "The database file.") var db: String

        func run() throws {
            let store = try failing { try RoundsStore(path: db) }
            let tokens = try failing { try store.tokens() }
            if tokens.isEmpty { print("No token issued; issue one with: streetrounds orgs token ORG --db \(db)") }
            for t in tokens {
                let state = t.revokedAt.map { "revoked \($0)" } ?? "live"
                print("\(t.prefix)  \(t.role.rawValue)  \(t.organisation ?? "-")  created \(t.createdAt)  \(state)")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke the API token with this prefix (it stays listed).")

        @Argument(help: "The token's prefix, as `orgs tokens` lists it.") var prefix: String
        @Option(help: "The database file.") var db: String

        func run() throws {
            let store = try failing { try RoundsStore(path: db) }
            let token = try failing { try store.revokeToken(prefix: prefix) }
            try failing {
                try store.recordAudit(
                    AuditEntry(
                        actor: "cli", organisation: token.organisation, action: "token.revoke",
                        detail: token.prefix))
            }
            print("Revoked \(token.prefix) (\(token.role.rawValue)\(token.organisation.map { " of \($0)" } ?? ""))")
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the audit trail: who submitted what, and when (newest first).")

        @Option(help: "The database file.") var db: String
        @Option(help: "Only this organisation.") var org: String?
        @Option(help: "At most this many lines.") var limit = 50

        func validate() throws {
            guard (1...1_000_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000000") }
        }

        func run() throws {
            let store = try failing { try RoundsStore(path: db) }
            let known = try failing { try store.organisations() }.map(\.id)
            if let org, !known.contains(org) {
                let holds = known.isEmpty ? "none yet (streetrounds orgs import FILE)" : known.joined(separator: ", ")
                throw CommandFailure(.badInput, "no organisation \(org) in \(db); it holds \(holds)")
            }
            for e in try failing({ try store.auditTrail(organisation: org, limit: limit) }) {
                let submission = e.submission.map { "  (submission \($0))" } ?? ""
                print("\(e.at)  \(e.actor)  \(e.organisation ?? "-")  \(e.action)  \(e.detail)\(submission)")
            }
        }
    }
}
