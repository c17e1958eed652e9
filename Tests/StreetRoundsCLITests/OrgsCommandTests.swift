import Foundation
import TestSupport
import XCTest

/// End-to-end: organisations and API tokens in the store, through the binary.
final class OrgsCommandTests: CLITestCase {
    func testImportListIssueListAndRevokeTokens() throws {
        let db = directory.appendingPathComponent("orgs.sqlite").path
        let imported = try run(["orgs", "import", "data/organisations.json", "--db", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("Imported 5 organisations"), imported.stdout)
        // From another folder, with no catalogue beside the database: the built-in one (it said "no file at
        // data/activities.json").
        let registry = SharedData.projectRoot.appendingPathComponent("data/organisations.json").path
        let elsewhere = try runProcess(
            binary, ["orgs", "import", registry, "--db", directory.appendingPathComponent("b.sqlite").path],
            currentDirectory: directory)
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stderr)
        let listed = try run(["orgs", "list", "--db", db])
        XCTAssertTrue(listed.stdout.contains("county-council  County Council Street Cleansing"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("depot county-depot"), listed.stdout)
        let issued = try run(["orgs", "token", "town-council", "--db", db])
        XCTAssertEqual(issued.status, 0, issued.stderr)
        let secret = String(issued.stdout.split(separator: "\n").last ?? "")
        XCTAssertTrue(secret.hasPrefix("srt_"), issued.stdout)
        let prefix = String(secret.prefix(14))
        let tokens = try run(["orgs", "tokens", "--db", db])
        XCTAssertTrue(tokens.stdout.contains("\(prefix)  partner  town-council"), tokens.stdout)
        XCTAssertFalse(tokens.stdout.contains(secret), "the secret is shown once only")
        XCTAssertEqual(try run(["orgs", "token", "--coordinator", "--db", db]).status, 0)
        let revoked = try run(["orgs", "revoke", secret, "--db", db])
        XCTAssertEqual(revoked.status, 0, "the whole token pasted names its prefix: \(revoked.stderr)")
        let again = try run(["orgs", "revoke", prefix, "--db", db])
        XCTAssertEqual(again.status, 4)
        XCTAssertTrue(again.stderr.contains("was already revoked"), again.stderr)
        let nobody = try run(["orgs", "audit", "--db", db, "--org", "nobody"])
        XCTAssertEqual(nobody.status, 4, nobody.stderr)
        XCTAssertEqual(try run(["orgs", "audit", "--db", db, "--limit", "-1"]).status, 2)
        let afterRevoke = try run(["orgs", "tokens", "--db", db]).stdout
        XCTAssertTrue(afterRevoke.contains("\(prefix)  partner  town-council  created"), afterRevoke)
        XCTAssertTrue(afterRevoke.contains("revoked"), afterRevoke)
        XCTAssertTrue(try run(["orgs", "audit", "--db", db]).stdout.contains("token.revoke"))
    }

    func testBadRegistriesUnknownOrganisationsAndBadArgumentsAreRefused() throws {
        let db = directory.appendingPathComponent("orgs.sqlite").path
        let bad = directory.appendingPathComponent("bad.json")
        try Data(#"{"organisations": [{"id": "x", "depots": []}]}"#.utf8).write(to: bad)
        let refused = try run(["orgs", "import", bad.path, "--db", db])
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(refused.stderr.contains("organisation x: needs at least one depot"), refused.stderr)
        XCTAssertEqual(try run(["orgs", "import", "data/organisations.json", "--db", db]).status, 0)
        let unknown = try run(["orgs", "token", "ghost", "--db", db])
        XCTAssertEqual(unknown.status, 4)
        XCTAssertTrue(unknown.stderr.contains("no organisation \"ghost\""), unknown.stderr)
        XCTAssertEqual(try run(["orgs", "token", "--db", db]).status, 2)
        XCTAssertEqual(try run(["orgs", "token", "town-council", "--coordinator", "--db", db]).status, 2)
        XCTAssertEqual(try run(["orgs", "revoke", "srt_", "--db", db]).status, 4)
        let none = directory.appendingPathComponent("none.sqlite").path
        XCTAssertEqual(try run(["orgs", "list", "--db", none]).status, 3)
    }
}
