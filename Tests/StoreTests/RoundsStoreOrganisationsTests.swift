import Foundation
import Geometry
import Store
import TestSupport
import Works
import XCTest

final class RoundsStoreOrganisationsTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func store() throws -> RoundsStore {
        try RoundsStore(path: directory.appendingPathComponent("o.sqlite").path, create: true)
    }

    private func organisation(_ id: String, crews: Int = 1) -> Organisation {
        let depot = Organisation.Depot(
            id: "\(id)-depot", name: "Depot of \(id)",
            location: LonLat(lon: -2.8, lat: 52.5))
        let list = (0..<crews).map {
            Organisation.Crew(
                id: "\(id)-\($0)", depot: depot.id, vehicleType: "van",
                skills: ["sweeping", "litter_picking"],
                shiftHours: 7.5, capacity: $0 == 0 ? nil : 900, capacityUnit: $0 == 0 ? nil : "kg",
                costPerHour: 30, costPerKm: 0.5, co2ePerKm: 0.25)
        }
        return Organisation(id: id, name: "Org \(id)", depots: [depot], crews: list, poolsCrews: id != "volunteers")
    }

    func testOrganisationsRoundTripAndAnImportReplacesOnlyTheOrganisationsItNames() throws {
        let store = try store()
        XCTAssertNil(try store.storedRegistry(), "an empty store has no registry: commands fall back to the file")
        let a = organisation("a", crews: 2)
        let b = organisation("volunteers")
        try store.saveOrganisations([a, b])
        XCTAssertEqual(try store.organisations(), [a, b])
        var changed = a
        changed.crews.removeLast()
        changed.name = "Renamed"
        try store.saveOrganisations([changed])
        XCTAssertEqual(try store.organisations(), [changed, b])
        XCTAssertEqual(try store.storedRegistry()?.ids, ["a", "volunteers"])
    }

    func testATokenAuthenticatesUntilRevokedAndOnlyItsHashIsStored() throws {
        let store = try store()
        try store.saveOrganisations([organisation("a")])
        let partner = try store.issueToken(organisation: "a")
        let coordinator = try store.issueToken(organisation: nil)
        XCTAssertEqual(partner.token.role, .partner)
        XCTAssertEqual(coordinator.token.role, .coordinator)
        XCTAssertTrue(partner.secret.hasPrefix(partner.token.prefix + "_"))
        XCTAssertEqual(try store.authenticate(secret: partner.secret), partner.token)
        XCTAssertNil(try store.authenticate(secret: partner.secret + "0"))
        XCTAssertNil(try store.authenticate(secret: partner.token.prefix + "_" + String(repeating: "0", count: 40)))
        XCTAssertNil(try store.authenticate(secret: "not a token"))
        // The file holds no secret.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store.path))
        XCTAssertNil(bytes.range(of: Data(partner.secret.utf8)))
        try store.revokeToken(prefix: partner.token.prefix)
        XCTAssertNil(try store.authenticate(secret: partner.secret))
        XCTAssertEqual(try store.tokens().filter { $0.revokedAt != nil }.map(\.prefix), [partner.token.prefix])
        XCTAssertEqual(try store.authenticate(secret: coordinator.secret)?.role, .coordinator)
    }

    func testTokensForUnknownOrganisationsAndUnclearPrefixesAreRefused() throws {
        let store = try store()
        XCTAssertThrowsError(try store.issueToken(organisation: "ghost")) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .notFound)
            XCTAssertTrue("\(error)".contains("orgs import"), "\(error)")
        }
        for prefix in ["srt_", "srt_0123456789"] {
            XCTAssertThrowsError(try store.revokeToken(prefix: prefix)) {
                XCTAssertEqual(($0 as? StoreError)?.kind, .notFound)
            }
        }
        XCTAssertTrue(try store.tokens().isEmpty)
    }

    func testTheAuditTrailIsNewestFirstAndFiltersByOrganisation() throws {
        let store = try store()
        try store.recordAudit(AuditEntry(actor: "cli", organisation: "a", action: "task-list.submit", detail: "1"))
        try store.recordAudit(AuditEntry(actor: "srt_x", organisation: "b", action: "task-list.submit", detail: "2"))
        try store.recordAudit(AuditEntry(actor: "cli", organisation: nil, action: "orgs.import", detail: "3"))
        XCTAssertEqual(try store.auditTrail().map(\.detail), ["3", "2", "1"])
        XCTAssertEqual(try store.auditTrail(organisation: "b").map(\.actor), ["srt_x"])
        XCTAssertEqual(try store.auditTrail(limit: 1).map(\.detail), ["3"])
    }

    func testASubmissionAndItsAuditLineLandTogether() throws {
        let store = try store()
        try store.saveOrganisations([organisation("a")])
        let audit = AuditEntry(actor: "srt_x", organisation: "a", action: "task-list.submit", detail: "a.geojson")
        let submission = try store.submit(
            TaskList(organisation: "a", tasks: []), matches: [:], fileName: "a.geojson",
            checksum: "c", audit: audit)
        XCTAssertEqual(try store.auditTrail().map(\.submission), [submission.id])
        // A failed submission (here: a task matched to a segment the store lacks) leaves no audit line either.
        let task = StreetTask(organisation: "a", taskID: "T", activity: "sweeping", frequency: .weekly, featureIndex: 0)
        XCTAssertThrowsError(
            try store.submit(
                TaskList(organisation: "a", tasks: [task]),
                matches: ["T": [MatchedSegment(segment: 999_999, sharedMetres: 1)]],
                fileName: "b.geojson", checksum: "d", audit: audit))
        XCTAssertEqual(try store.auditTrail().count, 1)
        XCTAssertEqual(try store.submissions().count, 1)
    }
}
