import Foundation
import Geometry
import JSON
import Works

/// The plans run through the service: background jobs with their progress
/// and, once done, their outputs (kept in memory until the service stops;
/// the plans themselves are stored as `streetrounds plan` stores them, so
/// the next week starts from them). One job runs at a time.
actor PlanJobs {
    enum State: String, Sendable {
        case running, done, failed
    }

    struct Job: Sendable {
        var id: Int
        var week: ISOWeek
        /// Planned from scratch rather than from the stored weeks.
        var fresh: Bool
        var requestedBy: String
        var startedAt: String
        var state: State
        /// What the planner is doing now, written from the planning thread.
        let progress: ProgressBox
        var finishedAt: String?
        var error: String?
        var outputs: PlanOutputs?
    }

    private var jobs: [Int: Job] = [:]
    private var nextID = 1
    /// Finished plans kept (each holds its rounds); older ones are dropped.
    static let kept = 20

    /// What a job runs in the background, given where to write its progress.
    typealias Work = @Sendable (@escaping @Sendable (String) -> Void) throws -> PlanOutputs

    /// Starts a new job: `begin`, given the job's id, reads what the plan
    /// starts from and writes its audit line, then returns the work to run
    /// in the background; when it throws, no job starts. It runs on this
    /// actor after the check that no other plan runs, so it reads the plans
    /// the last job stored, and the actor waits for its store calls (up to
    /// the store's busy timeout).
    /// - Throws: 409 while another plan runs; `begin`'s error.
    func start(week: ISOWeek, fresh: Bool, by actor: String, begin: (Int) throws -> Work) throws -> Job {
        if let running = jobs.values.first(where: { $0.state == .running }) {
            throw ServerError(
                .conflict,
                "plan \(running.id) for \(running.week) is still running; "
                    + "follow it at /v1/plans/\(running.id) and start another when it is done",
                retryAfter: 10)
        }
        let work = try begin(nextID)
        let stamp = ISO8601DateFormatter().string(from: Date())
        let job = Job(
            id: nextID, week: week, fresh: fresh, requestedBy: actor, startedAt: stamp, state: .running,
            progress: ProgressBox("starting"))
        jobs[job.id] = job
        nextID += 1
        let finished = jobs.values.filter { $0.state != .running }.map(\.id).sorted()
        for old in finished.dropLast(Self.kept) { jobs[old] = nil }
        let id = job.id
        let progress = job.progress
        Task.detached(priority: .utility) {
            let result = Result { try work { progress.set($0) } }
            await self.finish(id, result)
        }
        return job
    }

    func finish(_ id: Int, _ result: Result<PlanOutputs, Error>) {
        jobs[id]?.finishedAt = ISO8601DateFormatter().string(from: Date())
        switch result {
        case .success(let outputs):
            jobs[id]?.state = .done
            jobs[id]?.progress.set("done")
            jobs[id]?.outputs = outputs
        case .failure(let error):
            jobs[id]?.state = .failed
            jobs[id]?.progress.set("failed")
            jobs[id]?.error = "\(error)"
        }
    }

    func job(_ id: Int) -> Job? { jobs[id] }

    func all() -> [Job] { jobs.values.sorted { $0.id < $1.id } }
}

/// A progress line shared between the planning thread and the service.
final class ProgressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String

    init(_ text: String) {
        self.text = text
    }

    func set(_ value: String) {
        lock.lock()
        text = String(value.prefix(200))
        lock.unlock()
    }

    var value: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}
