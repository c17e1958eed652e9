import StreetNetwork
import Works

/// Stage 0 of a stable week: reads the stored plan the week starts from
/// (the latest earlier week, or the same week planned before) and turns its
/// weekday rounds into `PlanPreferences`. Checks the record against the
/// network first, so a plan of other streets or a damaged one is refused
/// with a message, never half used.
public struct PreviousPlan: Sendable {
    public let record: PlanRecord
    public let preferences: PlanPreferences

    /// - Throws: `PlanningError.badPreviousPlan` when the record was made on
    ///   another network, or names a segment the network does not have.
    /// - Complexity: O(segments) for the fingerprint, O(stops) for the rest.
    public init(_ record: PlanRecord, network: StreetNetwork) throws {
        let here = PlanRecord.fingerprint(of: network)
        guard record.networkFingerprint == here else {
            throw PlanningError(
                .badPreviousPlan,
                "the stored \(record.mode.rawValue) plan of \(record.week) was made "
                    + "on another street network (fingerprint \(record.networkFingerprint), this one "
                    + "\(here)); plan fresh to start anew (`--fresh`; over the API `fresh=true`)")
        }
        var preferences = PlanPreferences()
        for round in record.rounds {
            guard let day = round.day else { continue }
            for (position, stop) in round.stops.enumerated() {
                guard network.segments.indices.contains(stop.segment) else {
                    throw PlanningError(
                        .badPreviousPlan,
                        "the stored plan of \(record.week) names segment "
                            + "\(stop.segment) in round \(round.id), which the network does not have "
                            + "(\(network.segments.count) segments); plan fresh to start anew "
                            + "(`--fresh`; over the API `fresh=true`)")
                }
                let placement = PlanPreferences.Placement(
                    day: day, crewOrganisation: round.organisation,
                    crew: round.crew, depot: round.depot, position: position, round: round.id)
                for part in stop.parts {
                    preferences.add(
                        PlanPreferences.VisitKey(
                            organisation: part.organisation, taskID: part.taskID,
                            segment: stop.segment), placement)
                }
            }
        }
        self.record = record
        self.preferences = preferences
    }
}
