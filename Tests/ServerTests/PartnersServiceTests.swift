import Foundation
import Geometry
import Hummingbird
import HummingbirdTesting
import JSON
import Server
import Store
import TestSupport
import Works
import XCTest

/// The partners' service in-process (Hummingbird's router test client):
/// each role's allowed and refused calls, and bad bodies.
final class PartnersServiceTests: XCTestCase {
    private var directory: URL!
    override func setUp() { directory = temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private typealias F = ServiceFixture

    func testAPartnerSubmitsChecksAndReadsItsOwnList() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            let checked = try await client.execute(
                uri: "/v1/organisations/county-council/task-list/validation",
                method: .post,
                headers: F.headers(f.county), body: try F.list("county-council"))
            XCTAssertEqual(checked.status, .ok, String(buffer: checked.body))
            XCTAssertEqual(try F.json(checked)["tasks"]?.number, 6)
            XCTAssertTrue(try f.store.submissions().isEmpty, "validation stores nothing")
            let put = try await client.execute(
                uri: "/v1/organisations/county-council/task-list?file_name=cc.geojson",
                method: .put,
                headers: F.headers(f.county), body: try F.list("county-council"))
            XCTAssertEqual(put.status, .ok, String(buffer: put.body))
            XCTAssertEqual(try F.json(put)["submission"]?["task_count"]?.number, 6)
            let got = try await client.execute(
                uri: "/v1/organisations/county-council/task-list", method: .get,
                headers: F.headers(f.county))
            XCTAssertEqual(try F.json(got)["tasks"]?.array?.count, 6)
            XCTAssertEqual(try F.json(got)["submissions"]?.array?.first?["file_name"]?.string, "cc.geojson")
            let exported = try await client.execute(
                uri: "/v1/organisations/county-council/task-list/geojson",
                method: .get,
                headers: F.headers(f.county))
            XCTAssertEqual(exported.headers[.contentType], "application/geo+json")
            XCTAssertEqual(try F.json(exported)["features"]?.array?.count, 6)
            // The export goes back in unchanged: same tasks, a second submission.
            let again = try await client.execute(
                uri: "/v1/organisations/county-council/task-list", method: .put,
                headers: F.headers(f.county), body: exported.body)
            XCTAssertEqual(again.status, .ok, String(buffer: again.body))
        }
        XCTAssertEqual(try f.store.submissions(organisation: "county-council").count, 2)
        let audit = try f.store.auditTrail(organisation: "county-council")
        XCTAssertEqual(audit.filter { $0.action == "task-list.submit" }.count, 2)
        XCTAssertEqual(
            Set(audit.compactMap(\.submission)),
            Set(try f.store.submissions(organisation: "county-council").map(\.id)))
        XCTAssertTrue(audit.allSatisfy { $0.actor.hasPrefix("srt_") })
    }

    func testCrossPartnerCallsAre403AndTheStoreIsUnchanged() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            let own = try await client.execute(
                uri: "/v1/organisations/county-council/task-list", method: .put,
                headers: F.headers(f.county), body: try F.list("county-council"))
            XCTAssertEqual(own.status, .ok)
            let before = try f.store.tasks()
            let forged = try await client.execute(
                uri: "/v1/organisations/county-council/task-list", method: .put,
                headers: F.headers(f.town), body: try F.list("county-council"))
            XCTAssertEqual(forged.status, .forbidden)
            XCTAssertEqual(forged.headers[.contentType], "application/problem+json")
            XCTAssertTrue(try F.json(forged)["detail"]?.string?.contains("county-council") == true)
            for path in ["", "/task-list", "/task-list/geojson", "/overlaps", "/map.svg"] {
                let read = try await client.execute(
                    uri: "/v1/organisations/county-council\(path)", method: .get,
                    headers: F.headers(f.town))
                XCTAssertEqual(read.status, .forbidden, path)
            }
            let validate = try await client.execute(
                uri: "/v1/organisations/county-council/task-list/validation",
                method: .post,
                headers: F.headers(f.town), body: try F.list("county-council"))
            XCTAssertEqual(validate.status, .forbidden)
            for path in ["/v1/overlaps", "/v1/audit?organisation=county-council"] {
                let refused = try await client.execute(uri: path, method: .get, headers: F.headers(f.town))
                XCTAssertEqual(refused.status, .forbidden, path)
            }
            XCTAssertEqual(try f.store.tasks(), before)
        }
        XCTAssertEqual(try f.store.submissions().count, 1)
    }

    func testTheCoordinatorSeesEveryOrganisationAndAPartnerOnlyItself() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            for org in ["county-council", "town-council"] {
                let token = org == "county-council" ? f.county : f.town
                let put = try await client.execute(
                    uri: "/v1/organisations/\(org)/task-list", method: .put,
                    headers: F.headers(token), body: try F.list(org))
                XCTAssertEqual(put.status, .ok, String(buffer: put.body))
            }
            let all = try await client.execute(
                uri: "/v1/organisations",
                method: .get, headers: F.headers(f.coordinator))
            XCTAssertEqual(try F.json(all)["organisations"]?.array?.count, 5)
            let mine = try await client.execute(uri: "/v1/organisations", method: .get, headers: F.headers(f.town))
            XCTAssertEqual(try F.json(mine)["organisations"]?.array?.compactMap { $0["id"]?.string }, ["town-council"])
            let overlaps = try await client.execute(
                uri: "/v1/overlaps?week=2026-W24",
                method: .get, headers: F.headers(f.coordinator))
            XCTAssertEqual(overlaps.status, .ok)
            let findings = try F.json(overlaps)["findings"]?.array ?? []
            let townOnly = try await client.execute(
                uri: "/v1/organisations/town-council/overlaps?week=2026-W24",
                method: .get,
                headers: F.headers(f.town))
            let involving = try F.json(townOnly)["findings"]?.array ?? []
            XCTAssertFalse(involving.isEmpty, "the county and the town share streets in the sample")
            XCTAssertTrue(
                involving.allSatisfy {
                    $0["organisations"]?.array?.contains(.string("town-council")) == true
                })
            XCTAssertLessThanOrEqual(involving.count, findings.count)
            let read = try await client.execute(
                uri: "/v1/organisations/town-council/task-list", method: .get,
                headers: F.headers(f.coordinator))
            XCTAssertEqual(read.status, .ok)
            let audit = try await client.execute(uri: "/v1/audit", method: .get, headers: F.headers(f.town))
            let actors = try F.json(audit)["entries"]?.array?.compactMap { $0["organisation"]?.string } ?? []
            XCTAssertEqual(Set(actors), ["town-council"])
            for query in [
                "limit=abc", "limit=0", "limit=-1", "limit=1001", "limit=99999999999999999999", "organisation=nobody"
            ] {
                let bad = try await client.execute(
                    uri: "/v1/audit?\(query)", method: .get, headers: F.headers(f.coordinator))
                XCTAssertEqual(bad.status, .badRequest, query)
            }
            let one = try await client.execute(
                uri: "/v1/audit?limit=1", method: .get, headers: F.headers(f.coordinator))
            XCTAssertEqual(try F.json(one)["entries"]?.array?.count, 1)
            // The scheme's name in any case (RFC 9110).
            let lower = try await client.execute(
                uri: "/v1/me", method: .get, headers: [.authorization: "bearer \(f.town)"])
            XCTAssertEqual(lower.status, .ok)
        }
    }

    func testWithoutAValidTokenEveryV1RouteIs401() async throws {
        let f = try F(directory: directory)
        let revoked = try f.store.issueToken(organisation: "county-council")
        try f.store.revokeToken(prefix: revoked.token.prefix)
        let routes = f.service.build().routes.filter { $0.path.hasPrefix("/v1") }
        try await f.application.test(.router) { client in
            for route in routes {
                let uri = route.path.replacingOccurrences(of: "{org}", with: "county-council")
                    .replacingOccurrences(of: "{id}", with: "1")
                for token in [nil, "srt_0000000000_" + String(repeating: "0", count: 40), revoked.secret, "garbage"] {
                    let response = try await client.execute(
                        uri: uri, method: HTTPRequest.Method(route.method)!,
                        headers: F.headers(token),
                        body: try F.list("county-council"))
                    XCTAssertEqual(response.status, .unauthorized, "\(route) with \(token ?? "no token")")
                    XCTAssertEqual(response.headers[.contentType], "application/problem+json")
                }
            }
            for open in ["/", "/openapi.json", "/health"] {
                let response = try await client.execute(uri: open, method: .get)
                XCTAssertEqual(response.status, .ok, open)
            }
        }
        XCTAssertTrue(try f.store.submissions().isEmpty)
    }

    func testAListWithProblemsIs422WithEveryProblemAndStoresNothing() async throws {
        let f = try F(directory: directory)
        let json = try JSONParser.parse(Data(contentsOf: F.root("data/sample-town/tasks/county-council.geojson")))
        guard case .object(var top) = json, var features = top["features"]?.array,
            case .object(var first) = features[0], case .object(var properties) = first["properties"] ?? .null
        else {
            return XCTFail("the sample list is not a FeatureCollection")
        }
        properties["activity"] = "sweepin"
        properties["frequency"] = "sometimes"
        first["properties"] = .object(properties)
        features[0] = .object(first)
        top["features"] = .array(features)
        let text = JSON.object(top).serialized()
        try await f.application.test(.router) { client in
            for (method, path) in [(HTTPRequest.Method.post, "/task-list/validation"), (.put, "/task-list")] {
                let response = try await client.execute(
                    uri: "/v1/organisations/county-council\(path)", method: method,
                    headers: F.headers(f.county), body: ByteBuffer(string: text))
                XCTAssertEqual(response.status, .unprocessableContent)
                XCTAssertEqual(response.headers[.contentType], "application/problem+json")
                let problems = try F.json(response)["problems"]?.array ?? []
                XCTAssertEqual(problems.compactMap { $0["property"]?.string }.sorted(), ["activity", "frequency"])
                XCTAssertEqual(Set(problems.compactMap { $0["feature_index"]?.number }), [0])
                XCTAssertTrue(
                    problems.contains {
                        $0["message"]?.string?.contains("did you mean \"sweeping\"") == true
                    })
            }
        }
        XCTAssertTrue(try f.store.submissions().isEmpty)
        XCTAssertTrue(try f.store.tasks().isEmpty)
    }

    func testOversizedMalformedAndMistypedBodiesAreRefused() async throws {
        var limits = F.testing
        limits.maxBodyBytes = 2048
        let f = try F(directory: directory, configuration: limits)
        try await f.application.test(.router) { client in
            let uri = "/v1/organisations/county-council/task-list"
            let big = try await client.execute(
                uri: uri,
                method: .put,
                headers: F.headers(f.county), body: try F.list("county-council"))
            XCTAssertEqual(big.status, .contentTooLarge)
            XCTAssertEqual(big.headers[.contentType], "application/problem+json")
            for text in ["{not json", "[]", "{\"type\": \"FeatureCollection\"}", ""] {
                let bad = try await client.execute(
                    uri: uri,
                    method: .put,
                    headers: F.headers(f.county), body: ByteBuffer(string: text))
                XCTAssertEqual(bad.status, .unprocessableContent, text)
                XCTAssertFalse(try F.json(bad)["problems"]?.array?.isEmpty ?? true, text)
            }
            for type in [
                "text/csv", "application/geo+jsonx", "application/json-seq", "application/json; charset=utf-16"
            ] {
                let typed = try await client.execute(
                    uri: uri, method: .put, headers: F.headers(f.county, type: type), body: ByteBuffer(string: "{}"))
                XCTAssertEqual(typed.status, .unsupportedMediaType, type)
            }
            // A file name that would pass for another line of the audit trail, or hide its direction.
            for name in [
                "a%0A2026-12-05%20cli%20forged", "a%00b", "%E2%80%AEfdp.geojson", String(repeating: "n", count: 201),
                "a%2Fb"
            ] {
                let named = try await client.execute(
                    uri: uri + "?file_name=" + name, method: .put, headers: F.headers(f.county),
                    body: ByteBuffer(string: "{}"))
                XCTAssertEqual(named.status, .badRequest, name)
            }
            let week = try await client.execute(
                uri: "/v1/organisations/county-council/overlaps?week=48", method: .get,
                headers: F.headers(f.county))
            XCTAssertEqual(week.status, .badRequest)
            XCTAssertTrue(try F.json(week)["detail"]?.string?.contains("2026-W48") == true)
        }
        XCTAssertTrue(try f.store.submissions().isEmpty)
    }

    func testAnUnknownPathIs404AndAnUnknownMethod405WithAllow() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            let missing = try await client.execute(uri: "/v1/nothing", method: .get, headers: F.headers(f.county))
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertEqual(missing.headers[.contentType], "application/problem+json")
            let wrong = try await client.execute(
                uri: "/v1/organisations/county-council/task-list", method: .delete,
                headers: F.headers(f.county))
            XCTAssertEqual(wrong.status, .methodNotAllowed)
            XCTAssertEqual(wrong.headers[.allow], "GET, PUT")
            let page = try await client.execute(uri: "/openapi.json", method: .post)
            XCTAssertEqual(page.headers[.allow], "GET")
            let anonymous = try await client.execute(uri: "/v1/organisations", method: .delete)
            XCTAssertEqual(anonymous.status, .unauthorized, "no token: 401 before anything else under /v1")
        }
        XCTAssertTrue(try f.store.submissions().isEmpty)
    }

    func testATokenOverItsRateGets429WithRetryAfter() async throws {
        var limits = F.testing
        limits.rateBurst = 3
        limits.ratePerSecond = 0.01
        let f = try F(directory: directory, configuration: limits)
        try await f.application.test(.router) { client in
            for _ in 0..<3 {
                let ok = try await client.execute(uri: "/v1/me", method: .get, headers: F.headers(f.county))
                XCTAssertEqual(ok.status, .ok)
            }
            let refused = try await client.execute(uri: "/v1/me", method: .get, headers: F.headers(f.county))
            XCTAssertEqual(refused.status, .tooManyRequests)
            XCTAssertNotNil(refused.headers[.retryAfter].flatMap { Int($0) })
            let other = try await client.execute(uri: "/v1/me", method: .get, headers: F.headers(f.town))
            XCTAssertEqual(other.status, .ok, "each token has its own budget")
        }
    }

    func testTheOpenAPIDocumentListsExactlyTheRegisteredRoutes() async throws {
        let f = try F(directory: directory)
        let registered = Set(f.service.build().routes.map(\.description))
        try await f.application.test(.router) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            let document = try F.json(response)
            XCTAssertEqual(document["openapi"]?.string, "3.1.0")
            var described: Set<String> = []
            for (path, item) in document["paths"]?.object ?? [:] {
                for method in ["get", "put", "post", "delete", "patch"] where item[method] != nil {
                    described.insert("\(method.uppercased()) \(path)")
                }
            }
            XCTAssertEqual(described, registered)
        }
    }

    func testThePageAndTheMapComeFromTheServiceAlone() async throws {
        let f = try F(directory: directory)
        try await f.application.test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/", method: .get).body)
            XCTAssertTrue(page.contains("<textarea id=\"list\""))
            XCTAssertFalse(
                page.contains("http://") || page.contains("https://"),
                "the page fetches nothing from elsewhere")
            _ = try await client.execute(
                uri: "/v1/organisations/town-council/task-list", method: .put,
                headers: F.headers(f.town), body: try F.list("town-council"))
            let map = try await client.execute(
                uri: "/v1/organisations/town-council/map.svg?week=2026-W24",
                method: .get,
                headers: F.headers(f.town))
            XCTAssertEqual(map.headers[.contentType], "image/svg+xml")
            let svg = String(buffer: map.body)
            XCTAssertTrue(svg.hasPrefix("<svg"))
            XCTAssertTrue(svg.contains("class=\"own\"><path"), "the town's tasks are drawn")
        }
    }
}
