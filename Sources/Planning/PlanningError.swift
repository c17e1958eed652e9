/// Errors from planning a week: a registry the streets cannot serve (a depot
/// far from every street), a stored plan a week cannot start from. A visit that cannot be placed is not an error: it
/// is listed in the plan with its reason.
public struct PlanningError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case badRegistry
        /// A stored plan a week cannot start from: of another network, or damaged.
        case badPreviousPlan
    }

    public let kind: Kind
    public let message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
