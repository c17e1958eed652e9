import Foundation
import StreetNetwork
import Works

/// The overlap report of one period, in three forms: text for people (the
/// nightly mail), JSON for maps and the partners' service, CSV for
/// spreadsheets. Findings are grouped by street: a connected run of
/// same-named segments, named with the place it lies in ("Station Road,
/// Uppingham"), so two Station Roads of one county are two headings.
///
/// Grouping happens here, once per report, over the findings only: finding
/// overlaps costs nothing more for it.
/// - Complexity: O(f log f) for f findings, plus locating each street once
///   (O(p + d) for p places and d depots).
public struct OverlapReport {
    /// The period reported, as a label ("2026-W48") and its first and last day.
    public struct Period: Sendable, Equatable {
        public var label: String
        public var first: Date
        public var last: Date

        public init(label: String, first: Date, last: Date) {
            self.label = label
            self.first = first
            self.last = last
        }
    }

    public let findings: [Overlap]
    public let period: Period
    /// Whether the findings are only those never reported before.
    public let newOnly: Bool
    /// The located street of each finding's segment, by group id.
    let streets: [String: LocatedStreet]
    /// Each finding's street group id, by segment id.
    let groupOfSegment: [Int: String]

    public init(findings: [Overlap], period: Period, newOnly: Bool, locator: StreetLocator) {
        self.findings = findings
        self.period = period
        self.newOnly = newOnly
        var streets: [String: LocatedStreet] = [:]
        var groupOfSegment: [Int: String] = [:]
        var located: [Int: LocatedStreet] = [:]  // by group index: each street located once
        let groups = locator.groups
        for segment in Set(findings.map(\.segment)) where groups.groupIndex.indices.contains(segment) {
            let index = groups.groupIndex[segment]
            let street = located[index] ?? locator.locate(groups.groups[index])
            located[index] = street
            groupOfSegment[segment] = street.group.id
            streets[street.group.id] = street
        }
        self.streets = streets
        self.groupOfSegment = groupOfSegment
    }

    /// The located street of a finding; nil only for a segment outside the
    /// network (never from `OverlapFinder`).
    func street(of finding: Overlap) -> LocatedStreet? { groupOfSegment[finding.segment].flatMap { streets[$0] } }

    /// "Station Road, Uppingham", or the segment's street name alone when
    /// it cannot be located.
    func streetLabel(of finding: Overlap) -> String { street(of: finding)?.label ?? finding.street }
}
