import Foundation
import StreetNetwork
import Works

/// Stage 1, the visits of the week: each task's visits in the planned week
/// (frequency, season, allowed days), and precautionary gritting apart as
/// one stand-by visit per segment of a priority route.
struct WeekDemand {
    /// One task's week: its streets, the days it may be done, how many
    /// visits it needs, and (after day assignment) the days chosen.
    struct TaskWeek {
        var task: StreetTask
        var segments: [Int]
        var allowed: [Weekday]
        var visits: Int
        var days: [Weekday] = []
    }

    var taskWeeks: [TaskWeek]
    /// Stand-by gritting visits, by segment.
    var gritting: [PlannedVisit]
    /// Task visits in the week (one per task, segment and visit day), gritting apart.
    var taskVisits: Int

    /// - Complexity: O(t + s log s) for t tasks and s gritted segments.
    init(_ tasks: [MatchedTask], options: PlanOptions, network: StreetNetwork, catalogue: ActivityCatalogue) {
        let from = options.week.monday
        let to = options.week.date(of: .sunday)
        var taskWeeks: [TaskWeek] = []
        var taskVisits = 0
        var gritParts: [Int: [PlannedVisit.Part]] = [:]
        for matched in tasks {
            let task = matched.task
            let plan = VisitPlan(task, from: from, to: to, anchor: options.fortnightAnchor)
            guard let week = plan.weeks.first else { continue }
            if task.activity == Self.gritting {
                let part = PlannedVisit.Part(task)
                for s in matched.segments { gritParts[s, default: []].append(part) }
                continue
            }
            taskVisits += week.visits * matched.segments.count
            taskWeeks.append(TaskWeek(task: task, segments: matched.segments, allowed: week.days, visits: week.visits))
        }
        let activity = catalogue[Self.gritting]
        gritting = gritParts.keys.sorted().map { s in
            let metres = network.segments[s].length
            let minutes = activity?.serviceMinutes(metres: metres) ?? 0
            return PlannedVisit(
                segment: s, day: .monday, parts: gritParts[s] ?? [],
                serviceSeconds: PlanUnits.serviceSeconds(minutes: minutes),
                demand: (activity?.capacityPerMetre ?? 0) * metres)
        }
        self.taskWeeks = taskWeeks
        self.taskVisits = taskVisits
    }

    /// The activity planned as stand-by rounds rather than on days.
    static let gritting = "gritting"
}
