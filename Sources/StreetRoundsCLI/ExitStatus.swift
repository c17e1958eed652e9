import ArcRouting
import Foundation
import Geometry
import JSON
import Planning
import Store
import StreetImport
import StreetNetwork
import Works

/// The CLI's exit codes. Never renumber them: cron jobs and scripts test
/// them.
enum ExitStatus: Int32 {
    case success = 0
    /// Findings reported (overlaps).
    case findings = 1
    /// The command line is wrong.
    case badArguments = 2
    /// The database is missing or unreadable.
    case database = 3
    /// An input file or value is wrong (bad street file, point far from any
    /// street, no route).
    case badInput = 4
    /// A bug or an unexpected failure.
    case internalError = 5
}

/// An error already turned into a message and an exit status.
struct CommandFailure: Error {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// Maps the library's errors to exit statuses.
    init(_ error: Error) {
        switch error {
        case let e as CommandFailure: self = e
        case let e as StoreError:
            switch e.kind {
            case .missingDatabase, .unreadableDatabase, .busy: self.init(.database, e.message)
            case .noNetwork, .networkInUse, .networkChanged, .notFound, .corruptPlan:
                self.init(.badInput, e.message)
            case .badSetting: self.init(.badArguments, e.message)
            case .writeFailed: self.init(.internalError, e.message)
            }
        case let e as StreetImportError: self.init(.badInput, e.message)
        case let e as StreetNetworkError: self.init(.badInput, e.message)
        case let e as GeometryError: self.init(.badInput, e.message)
        case let e as JSONError: self.init(.badInput, e.message)
        case let e as ArcRoutingError: self.init(.badInput, e.message)
        case let e as WorksError: self.init(.badInput, e.message)
        case let e as PlanningError: self.init(.badInput, e.message)
        default: self.init(.internalError, "unexpected failure: \(error)")
        }
    }
}

/// Runs `body`, turning any error into a `CommandFailure`.
func failing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch { throw CommandFailure(error) }
}

/// Formats figures for people: thousands separators, fixed decimals.
enum Format {
    static func int(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `x` with `decimals` decimals; never "-0" (a share of -0.004 rounds to 0, not to a loss).
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", x)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
            ? String(text.dropFirst()) : text
    }

    static func duration(seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total >= 3600 { return "\(total / 3600) h \((total % 3600) / 60) min" }
        if total >= 60 { return "\(total / 60) min \(total % 60) s" }
        return "\(total) s"
    }
}
