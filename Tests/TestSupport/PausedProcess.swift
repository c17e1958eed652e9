import Foundation

/// A run of the `streetrounds` binary in the background, stopped at a named test pause
/// (STREETROUNDS_TEST_PAUSE_AT) when one is given, so a test can kill it there or race another process
/// against it, then resume it.
public final class PausedProcess {
    public let process = Process()
    let marker: URL
    let output: URL
    let errors: URL

    /// Starts `executable` and waits (up to `timeout` seconds) until it reaches `point`, if one is given.
    /// - Throws: when it ends or times out before reaching the point.
    public init(
        _ executable: URL, _ arguments: [String], pausingAt point: String?, scratch: URL,
        currentDirectory: URL? = nil, environment: [String: String] = [:], timeout: TimeInterval = 120
    ) throws {
        marker = scratch.appendingPathComponent("pause-\(UUID().uuidString)")
        output = scratch.appendingPathComponent("out-\(UUID().uuidString)")
        errors = scratch.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        var env = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        env["STREETROUNDS_TEST_PAUSE_AT"] = point
        env["STREETROUNDS_TEST_PAUSE_FILE"] = marker.path
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        guard let point else { return }
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: marker.path) {
            guard process.isRunning, Date() < deadline else {
                process.waitUntilExit()
                let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
                throw PausedProcessError(message: "the run ended before reaching \(point): \(stderr)")
            }
            usleep(20_000)
        }
    }

    /// Kills the run with SIGKILL, as a power cut or an OOM killer would, and waits for it.
    public func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Lets the run go on from the pause (if any) and waits for it to end.
    public func resume() -> ProcessResult {
        try? FileManager.default.removeItem(at: marker)
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }
}

public struct PausedProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
