/// Errors from building or querying a street network.
public struct StreetNetworkError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case emptyNetwork
        case noRoute
        case farFromStreet
        case segmentTooLong
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
