/// Errors from the arc-routing core: a malformed instance file or an
/// instance that cannot be solved as given.
public struct ArcRoutingError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case malformedInstance
        case infeasibleInstance
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
