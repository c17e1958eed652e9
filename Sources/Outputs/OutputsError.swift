/// Errors from the outputs layer: an output folder StreetRounds will not replace, or a write that failed.
///
/// A struct over a private kind so cases can be added; `description` names the file or folder and the fix.
public struct OutputsError: Error, CustomStringConvertible, Equatable, Sendable {
    private enum Kind: Sendable, Equatable {
        case refused
    }

    private let kind: Kind
    public let message: String

    /// A folder or file that is not StreetRounds' to replace, or a step of the swap that failed.
    static func refused(_ message: String) -> OutputsError {
        OutputsError(kind: .refused, message: message)
    }

    public var description: String { message }
}
