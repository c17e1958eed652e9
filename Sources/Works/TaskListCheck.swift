import Foundation
import Geometry
import StreetNetwork

/// A task list read and, when a street network is given, matched to its
/// segments: the list when there is no problem, and every problem found.
/// The CLI (`tasks validate`, `tasks submit`) and the partners' service
/// both check lists through it, so they report the same messages.
public struct TaskListCheck: Sendable {
    /// The list; nil when any problem was found.
    public var list: TaskList?
    /// Each task's matched segments, by task id (empty without a network).
    public var matches: [String: [MatchedSegment]]
    public var problems: [TaskListProblem]

    /// Reads `data` with `reader`, then matches every task with a
    /// `TaskMatcher` on `index` (WGS84 projected into the network's CRS).
    /// - Parameter organisation: when given, the file must name it.
    /// - Throws: `GeometryError` when PROJ cannot make the projection.
    /// - Complexity: the reader's O(features) and the matcher's cost per task.
    public init(_ data: Data, organisation: String?, reader: TaskListReader, index: SegmentIndex?) throws {
        let (read, readProblems) = reader.read(data, organisation: organisation)
        var problems = readProblems
        var matches: [String: [MatchedSegment]] = [:]
        if let read, let index {
            let matcher = TaskMatcher(index: index, projection: try Projection(from: .wgs84, to: index.network.crs))
            for task in read.tasks {
                switch matcher.match(task) {
                case .success(let found): matches[task.taskID] = found
                case .failure(let problem): problems.append(problem)
                }
            }
        }
        self.list = problems.isEmpty ? read : nil
        self.matches = matches
        self.problems = problems
    }
}
