/// Errors from the geometry layer: coordinates, CRSs, JSON and WKB.
///
/// A struct over a private kind so cases can be added without breaking
/// callers; `description` names the culprit and the fix.
public struct GeometryError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case unknownCRS
        case notProjected
        case transformFailed
        case malformedJSON
        case malformedGeometry
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
