import ArgumentParser
import Foundation
import Server
import Store
import Works

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the partners' HTTP API and page over the store (TLS from a reverse proxy: docs/server.md).")

    @Option(help: "The database file (organisations imported with 'orgs import').") var db: String
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0: any free port, printed).") var port = 8080
    @Option(help: "The activity catalogue (JSON); default: beside the database, then ./data, then built in.")
    var catalogue: String?
    @Option(help: "The compatibility table (JSON); default: beside the database, then ./data, then built in.")
    var compatibility: String?
    @Option(help: "Largest request body accepted, in MiB.") var maxBodyMib = 10
    @Option(help: "Requests a token may make per second, sustained.") var ratePerSecond = 10.0
    @Option(help: "Seconds a request waits for another process's write lock before a 503.") var busyTimeout = 10.0

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port \(port) is not a TCP port (0 to 65535)")
        }
        guard maxBodyMib > 0, maxBodyMib <= 64 else { throw ValidationError("--max-body-mib must be from 1 to 64") }
        guard ratePerSecond > 0 else { throw ValidationError("--rate-per-second must be above 0") }
        guard busyTimeout >= 0, busyTimeout <= 600 else {
            throw ValidationError("--busy-timeout must be from 0 to 600 seconds")
        }
    }

    func run() async throws {
        let activities = try WorksDataOptions.catalogue(catalogue, database: db)
        let table = try WorksDataOptions.compatibility(compatibility, database: db, catalogue: activities)
        let store = try failing { try RoundsStore(path: db, access: .write, busyTimeout: busyTimeout) }
        if try failing({ try store.organisations() }).isEmpty {
            print("Note: \(db) holds no organisation yet; import them with: streetrounds orgs import FILE --db \(db)")
        }
        var limits = ServiceConfiguration()
        limits.maxBodyBytes = maxBodyMib * 1024 * 1024
        limits.ratePerSecond = ratePerSecond
        let service = PartnersService(store: store, catalogue: activities, compatibility: table, configuration: limits)
        let host = host
        let app = service.application(host: host, port: port) { bound in
            let line = "StreetRounds partners' service on http://\(host):\(bound)/ (API under /v1, /openapi.json)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        do { try await app.runService() } catch {
            throw CommandFailure(.internalError, "the service stopped: \(error)")
        }
    }
}
