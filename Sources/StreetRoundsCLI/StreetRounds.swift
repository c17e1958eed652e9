import ArgumentParser
import Foundation

/// The `streetrounds` command: parses arguments, calls one library entry
/// point per subcommand, and maps errors to exit codes (see `ExitStatus`).
@main
struct StreetRounds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streetrounds",
        abstract: "Plan the street-maintenance rounds of several organisations together.",
        version: StreetRounds.version,
        subcommands: [
            PlanCommand.self, PlansCommand.self, StreetsCommand.self, TasksCommand.self, OverlapsCommand.self,
            RouteCommand.self, CarpCommand.self, OrgsCommand.self, ServeCommand.self
        ]
    )

    /// The release, printed by `streetrounds --version`.
    static let version = "0.4.0"

    static func main() async {
        StandardOutput.ignoreBrokenPipes()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("streetrounds: \(failure.message)\n".utf8))
            Foundation.exit(failure.status.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // Argument errors, --help and --version: ArgumentParser's text,
            // with our exit code 2 for a bad command line.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitStatus.badArguments.rawValue)
        }
    }
}
