/// Errors from the works domain: catalogue and registry files, task lists.
/// A task list with problems is not an error of this kind: it yields a list
/// of `TaskListProblem`s, every one at once.
public struct WorksError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case badCatalogue
        case badRegistry
        case invalidTaskList
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
