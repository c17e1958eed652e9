/// One problem in a submitted task list: where (feature index, task id,
/// property), what is wrong, and what to do about it.
public struct TaskListProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Feature index from 0; nil for the file as a whole.
    public var featureIndex: Int?
    public var taskID: String?
    public var property: String?
    public var message: String

    public init(featureIndex: Int? = nil, taskID: String? = nil, property: String? = nil, message: String) {
        self.featureIndex = featureIndex
        self.taskID = taskID
        self.property = property
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let featureIndex { place.append("feature \(featureIndex)" + (taskID.map { " (task \($0))" } ?? "")) }
        if let property { place.append("property \(property)") }
        return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + message
    }
}
