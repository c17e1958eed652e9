/// The partners' service's limits. Defaults suit one town's partners on
/// one machine; tests shrink them.
public struct ServiceConfiguration: Sendable {
    /// Largest request body accepted, in bytes (a task list upload).
    public var maxBodyBytes = 10 * 1024 * 1024
    /// Requests a token may make in a burst, and then per second.
    public var rateBurst = 120.0
    public var ratePerSecond = 10.0
    /// A failed login waits `failedLoginDelay` seconds, doubling with each
    /// failure from the same client within a minute, up to `maxFailedLoginDelay`.
    public var failedLoginDelay = 0.25
    public var maxFailedLoginDelay = 4.0

    public init() {}
}
