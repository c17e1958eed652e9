import Foundation
import StreetNetwork
import Planning
import Works

/// schedule.csv: one row per serviced segment, in round order.
public enum ScheduleCSV {
    public static let header = "day,round,crew,crew_organisation,depot,stop,street,segment_id,activities,organisations,task_ids,arrival,departure,km"

    public static func text(_ plan: WeeklyPlan, network: StreetNetwork) -> String {
        var out = header + "\n"
        let field = CSV.field
        for r in plan.rounds {
            for (k, stop) in r.stops.enumerated() {
                let v = stop.visit
                let cells = [r.day?.code ?? "standby", r.id, field(r.crewLabel), r.organisation, r.depot, String(k + 1), field(network.segments[v.segment].displayName),
                             String(v.segment), v.activities.joined(separator: "+"), v.organisations.joined(separator: "+"),
                             field(v.parts.map(\.taskID).joined(separator: "+")), _Clock.text(stop.arrival, startMinutes: r.startMinutes),
                             _Clock.text(stop.departure, startMinutes: r.startMinutes), String(format: "%.3f", network.segments[v.segment].length / 1000)]
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }
}
