import Foundation
import Geometry
import Hummingbird
import HummingbirdTesting
import JSON
import Server
import Store
import TestSupport
import XCTest

/// The partners' service over a real socket (Hummingbird's `.live` test
/// server on a free port of 127.0.0.1).
final class PartnersServiceLiveTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private typealias F = ServiceFixture

    func testConcurrentSubmissionsAreEachStoredExactlyOnce() async throws {
        let f = try F(directory: directory)
        let county = try F.list("county-council")
        let town = try F.list("town-council")
        let results = try await f.application.test(.live) { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for k in 0..<8 {
                    group.addTask {
                        let org = k % 2 == 0 ? "county-council" : "town-council"
                        let (token, body) = k % 2 == 0 ? (f.county, county) : (f.town, town)
                        let response = try await client.execute(
                            uri: "/v1/organisations/\(org)/task-list", method: .put,
                            headers: F.headers(token), body: body)
                        return Int(response.status.code)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
        }
        XCTAssertEqual(results, Array(repeating: 200, count: 8))
        XCTAssertEqual(try f.store.submissions(organisation: "county-council").count, 4)
        XCTAssertEqual(try f.store.submissions(organisation: "town-council").count, 4)
        XCTAssertEqual(Set(try f.store.tasks().map(\.task.organisation)), ["county-council", "town-council"])
        XCTAssertEqual(try f.store.auditTrail().filter { $0.action == "task-list.submit" }.count, 8)
    }

    func testRefusalsOverASocket() async throws {
        var limits = F.testing
        limits.maxBodyBytes = 1024
        let f = try F(directory: directory, configuration: limits)
        try await f.application.test(.live) { client in
            let none = try await client.execute(uri: "/v1/organisations/county-council/task-list", method: .get)
            XCTAssertEqual(none.status, .unauthorized)
            let big = try await client.execute(
                uri: "/v1/organisations/county-council/task-list", method: .put,
                headers: F.headers(f.county), body: try F.list("county-council"))
            XCTAssertEqual(big.status, .contentTooLarge)
            let forged = try await client.execute(
                uri: "/v1/organisations/town-council/task-list/validation",
                method: .post,
                headers: F.headers(f.county), body: ByteBuffer(string: "{}"))
            XCTAssertEqual(forged.status, .forbidden)
        }
        XCTAssertTrue(try f.store.submissions().isEmpty)
    }
}
