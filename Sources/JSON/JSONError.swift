/// Errors from the JSON layer: text that is not JSON, or JSON that a reader
/// cannot represent (too deep, too large, a number out of range).
///
/// A struct over a private kind so cases can be added without breaking
/// callers; `description` names the place (line, column, byte offset) and
/// what was expected.
public struct JSONError: Error, CustomStringConvertible, Equatable, Sendable {
    private enum Kind: Sendable, Equatable {
        case malformed
    }

    private let kind: Kind
    public let message: String

    static func malformed(_ message: String) -> JSONError {
        JSONError(kind: .malformed, message: message)
    }

    public var description: String { message }
}
