/// A task with the street segments it was matched to (segment ids of the
/// network it was matched on): what the store keeps, and what planning and
/// overlap finding take.
public struct MatchedTask: Sendable, Equatable {
    public var task: StreetTask
    public var segments: [Int]

    public init(task: StreetTask, segments: [Int]) {
        self.task = task
        self.segments = segments
    }
}
