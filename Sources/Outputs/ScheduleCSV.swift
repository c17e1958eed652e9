import Foundation
import Planning
import StreetNetwork
import Works

/// schedule.csv: one row per stop of the weekday rounds, in round order, and
/// a last row per round for the drive back to the depot, so the driven
/// column sums to the round's distance. Dates are calendar dates (each
/// row's, so a stop after midnight has the next day's), times
/// Europe/London wall clock; every quantity's unit is in its header. A stop
/// whose street and day break an order rule (`WeeklyPlan.orderConflicts`)
/// says so in its last column. Every text cell goes through `CSVText`
/// (quoting, formulas neutralised).
public enum ScheduleCSV {
    public static let columns = [
        "date_yyyy_mm_dd", "iso_week", "day", "round", "crew", "crew_organisation", "depot", "stop", "street",
        "segment_id",
        "activities", "organisations", "task_ids", "arrival_hh_mm_europe_london", "departure_hh_mm_europe_london",
        "service_min", "driven_to_reach_km", "length_served_km", "order_conflict"
    ]
    public static let header = columns.joined(separator: ",")

    public static func text(_ plan: WeeklyPlan, week: ISOWeek, network: StreetNetwork) -> String {
        var out = header + "\n"
        let cell = CSVText.cell
        let conflicts = conflictsByStop(plan.orderConflicts)
        for r in plan.rounds {
            guard let day = r.day else { continue }
            // The date is each row's own: a round out past midnight keeps its day but not its date.
            func lead(_ seconds: Int) -> [String] {
                [
                    LondonTime.dateText(week, day, minutes: r.startMinutes + seconds / 60), week.description,
                    day.code, cell(r.id), cell(r.crewLabel), cell(r.organisation), cell(r.depot)
                ]
            }
            var driven = 0.0
            var stop = 0
            for step in r.path {
                let metres = network.segments[step.segment].length
                guard step.serving, stop < r.stops.count else {
                    driven += metres
                    continue
                }
                let s = r.stops[stop]
                let v = s.visit
                stop += 1
                out +=
                    CSVText.line(
                        lead(s.arrival) + [
                            String(stop), cell(network.segments[v.segment].displayName), String(v.segment),
                            cell(v.activities.joined(separator: "+")),
                            cell(v.organisations.joined(separator: "+")),
                            cell(v.parts.map(\.taskID).joined(separator: "+")),
                            WallClock.text(s.arrival, startMinutes: r.startMinutes),
                            WallClock.text(s.departure, startMinutes: r.startMinutes),
                            CSVText.number(Double(s.departure - s.arrival) / 60, digits: 1),
                            CSVText.number(driven / 1000, digits: 3),
                            CSVText.number(metres / 1000, digits: 3),
                            cell(conflicts[StopKey(day: day, segment: v.segment, round: r.id)] ?? "")
                        ]) + "\n"
                driven = 0
            }
            out +=
                CSVText.line(
                    lead(r.seconds) + [
                        "back", cell("back to depot \(r.depot)"), "", "", "", "",
                        WallClock.text(r.seconds, startMinutes: r.startMinutes),
                        "", "0.0", CSVText.number(driven / 1000, digits: 3), "0.000", ""
                    ]) + "\n"
        }
        return out
    }

    private struct StopKey: Hashable {
        var day: Weekday
        var segment: Int
        var round: String
    }

    /// Each broken rule's text, on the stops of its rounds at its street and day.
    private static func conflictsByStop(_ conflicts: [OrderConflict]) -> [StopKey: String] {
        var texts: [StopKey: String] = [:]
        for c in conflicts {
            let text = "\(c.first) should come before \(c.then) here: \(c.reason)"
            for round in Set(c.rounds) {
                let key = StopKey(day: c.day, segment: c.segment, round: round)
                texts[key] = texts[key].map { $0 + "; " + text } ?? text
            }
        }
        return texts
    }
}
