import StreetNetwork
import Works

/// Where a week starts from: the latest stored shared plan and baseline up
/// to the week, each checked against the network (`PreviousPlan`); nil for
/// a mode planned fresh. `streetrounds plan` and the service's plans share it.
public struct StableStart: Sendable {
    public var shared: PreviousPlan?
    public var baseline: PreviousPlan?

    /// Plans both modes fresh.
    public init() {}

    /// - Parameter latest: the store's latest plan of a mode up to the week.
    /// - Throws: the store's errors, and `PlanningError.badPreviousPlan` for
    ///   a stored plan of another network or a damaged one.
    public init(network: StreetNetwork, latest: (PlanMode) throws -> PlanRecord?) throws {
        shared = try latest(.shared).map { try PreviousPlan($0, network: network) }
        baseline = try latest(.baseline).map { try PreviousPlan($0, network: network) }
    }

    public func preferences(_ mode: PlanMode) -> PlanPreferences {
        (mode == .shared ? shared : baseline)?.preferences ?? PlanPreferences()
    }
}
