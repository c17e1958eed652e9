/// A partner's whole task list, read and checked.
public struct TaskList: Sendable, Equatable {
    public var organisation: String
    public var tasks: [StreetTask]

    public init(organisation: String, tasks: [StreetTask]) {
        self.organisation = organisation
        self.tasks = tasks
    }
}
