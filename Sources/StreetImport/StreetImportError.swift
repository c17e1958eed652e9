/// Errors from reading a street file. Each message names the file, and
/// where it applies the feature (index from 0 and id), and what to do.
public struct StreetImportError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case unreadableFile
        case unsupportedFormat
        case malformedFile
        case badFeature
        case badCoordinates
        case unknownCRS
        case noStreets
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
