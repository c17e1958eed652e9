import Foundation
import Planning
import Store
import StreetNetwork
import Works

/// What the partners' service needs from a store. `RoundsStore` (SQLite,
/// the embedded default) provides it; a PostgreSQL store for many councils
/// would provide the same calls (docs/server.md).
public protocol PartnerStore: Sendable {
    func organisations() throws -> [Organisation]
    /// The live token whose secret this is; nil when unknown or revoked.
    func authenticate(secret: String) throws -> APIToken?
    func networkProvenance() throws -> NetworkProvenance?
    /// The network with its version, which a submission is checked against.
    func loadVersionedNetwork() throws -> VersionedNetwork
    /// Named places (towns, villages) that locate streets in reports.
    func loadPlaces() throws -> [Place]
    func tasks(organisation: String?) throws -> [StoredTask]
    func submissions(organisation: String?) throws -> [TaskSubmission]
    /// Replaces the organisation's list in one transaction, with its history
    /// line and its audit line; refused when the network is no longer `networkVersion`.
    func submit(
        _ list: TaskList, matches: [String: [MatchedSegment]], fileName: String, checksum: String,
        networkVersion: Int?, audit: AuditEntry?, at time: Date
    ) throws -> TaskSubmission
    func recordAudit(_ entry: AuditEntry, at time: Date) throws
    /// The latest stored plan of `mode` up to `week`: the one a week starts from.
    func latestPlan(_ mode: PlanMode, upTo week: ISOWeek) throws -> PlanRecord?
    /// Stores delivered plans and the audit line made from their ids in one
    /// transaction (all or none); their ids, in order.
    func savePlans(_ records: [PlanRecord], audit: (([Int]) -> AuditEntry)?) throws -> [Int]
    /// Deletes stored plans and writes the audit line in one transaction.
    /// - Throws: `StoreError.notFound`, nothing deleted, when an id is not a stored plan.
    func deletePlans(_ ids: [Int], audit: AuditEntry?) throws
    /// Every stored plan, by the CLI or the service: oldest week first.
    func plans() throws -> [StoredPlanSummary]
    func auditTrail(organisation: String?, limit: Int) throws -> [AuditEntry]
}

extension RoundsStore: PartnerStore {}

/// The street network, its segment index and its street groups, loaded
/// once and loaded again only when the store's network is replaced (its
/// import stamp changes).
actor NetworkCache {
    struct Loaded {
        var importedAt: String
        var version: Int
        var index: SegmentIndex
        var groups: StreetGroups
    }

    private let store: any PartnerStore
    private var cached: Loaded?

    init(store: any PartnerStore) {
        self.store = store
    }

    /// - Throws: `ServerError.unavailable` when the store holds no network.
    func index() throws -> SegmentIndex { try loaded().index }

    func loaded() throws -> Loaded {
        guard let provenance = try store.networkProvenance() else {
            throw ServerError(
                .unavailable,
                "the service's store holds no street network yet; the coordinator "
                    + "imports one with 'streetrounds streets import FILE --db PATH'", retryAfter: 3600)
        }
        if let cached, cached.importedAt == provenance.importedAt { return cached }
        let stored = try store.loadVersionedNetwork()
        let fresh = Loaded(
            importedAt: provenance.importedAt, version: stored.version,
            index: SegmentIndex(stored.network), groups: StreetGroups(stored.network))
        cached = fresh
        return fresh
    }
}
