import ArcRouting
import Foundation
import Works

extension WeeklyPlanner {
    /// A routing job of the week as a self-contained arc-routing problem, for
    /// other solvers and the CARP benchmarks (issue 13).
    public struct ExportedJob: Sendable {
        /// A file name for it: job number, day and hours, organisation, depot, vehicle.
        public var name: String
        /// The whole street graph as deadhead links, then the job's required links.
        public var problem: CARPProblem
    }

    /// Every routing job of the week as a CARP problem: the whole street
    /// graph as deadhead links (seconds rounded up per segment) plus the
    /// job's required links (visits that can be routed at all), the crew
    /// class's depot and capacity, and its route limit. What the solver is
    /// given when planning, with the distances as links instead of the
    /// planner's shortest paths.
    /// - Throws: `PlanningError` when a depot is far from every street.
    /// - Complexity: stages 1 to 5 of a plan, and O(segments) per job.
    public func exportedJobs(_ tasks: [MatchedTask], options: PlanOptions, mode: PlanMode) throws -> [ExportedJob] {
        let week = try routingJobs(tasks, options: options, mode: mode)
        let deadhead = network.segments.map {
            CARPProblem.Link(from: $0.from, to: $0.to, twoWay: !$0.oneWay, deadheadCost: PlanningStreets.seconds($0))
        }
        var out: [ExportedJob] = []
        for (k, job) in week.jobs.enumerated() {
            let routable = builder.routable(job, crews: week.pools[job.pool])
            guard !routable.visits.isEmpty else { continue }
            var problem = builder.problem(job, visits: routable.visits, load: routable.load, paths: nil)
            problem.links = problem.links + deadhead
            out.append(ExportedJob(name: String(format: "%03d-", k + 1) + job.idPrefix, problem: problem))
        }
        return out
    }
}
