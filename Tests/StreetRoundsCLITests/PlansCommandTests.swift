import Foundation
import GRDB
import JSON
import TestSupport
import XCTest

/// End-to-end stable weeks: `plan` stores what it delivers, the next week
/// starts from it, `plans list` shows them, fair shares add up, and a
/// damaged stored plan is exit 4 with a message.
final class PlansCommandTests: CLITestCase {
    func testTheNextWeekStartsFromTheStoredOneAndFairSharesAddUp() throws {
        let db = try sampleDatabase()
        let out = directory.appendingPathComponent("plan")
        let first = try run(["plan", "--db", db, "--week", "2026-W48", "--out", out.path, "--iterations", "10"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("stored as plans 1, 2"), first.stdout)
        XCTAssertFalse(first.stdout.contains("stable week"), "nothing stored before the first week")
        let second = try run([
            "plan", "--db", db, "--week", "2026-W49", "--out", out.path, "--iterations", "10",
            "--seed", "7", "--compare-fresh", "--shapley"
        ])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("task visits also in 2026-W48 kept crew and day"), second.stdout)
        XCTAssertTrue(second.stdout.contains("against a fresh plan with the same budget"), second.stdout)
        XCTAssertTrue(second.stdout.contains("fair shares (Shapley, exact, 25 coalition plans)"), second.stdout)

        try assertFairSharesAddUp(in: out)

        let listed = try run(["plans", "list", "--db", db])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout.split(separator: "\n").filter { $0.contains("2026-W4") }.count, 4, listed.stdout)
        let fresh = try run([
            "plan", "--db", db, "--week", "2026-W49", "--out", out.path, "--iterations", "10",
            "--fresh"
        ])
        XCTAssertTrue(fresh.stdout.contains("planned fresh (--fresh)"), fresh.stdout)

        // The fresh run was a trial: deleted, the next week starts from the W49 planned before it.
        let unknown = try run(["plans", "delete", "5", "99", "98", "--db", db])
        XCTAssertEqual(unknown.status, 4)
        XCTAssertTrue(unknown.stderr.contains("no stored plans 98, 99"), unknown.stderr)
        XCTAssertEqual(try run(["plans", "delete", "--db", db]).status, 2, "no id")
        let deleted = try run(["plans", "delete", "6", "5", "6", "--db", db])
        XCTAssertEqual(deleted.status, 0, deleted.stderr)
        XCTAssertTrue(deleted.stdout.contains("Deleted plans 5, 6"), deleted.stdout)
        let left = try run(["plans", "list", "--db", db]).stdout
        XCTAssertEqual(left.split(separator: "\n").map { $0.split(separator: " ").first }, ["1", "2", "3", "4"])
        let trail = try DatabaseQueue(path: db).read { db in
            try Row.fetchAll(db, sql: "SELECT action, detail FROM audit WHERE action LIKE 'plan.%' ORDER BY id")
                .map { "\($0["action"] as String): \($0["detail"] as String)" }
        }
        XCTAssertEqual(
            trail,
            [
                "plan.stored: 2026-W48: stored as plans 1, 2", "plan.stored: 2026-W49: stored as plans 3, 4",
                "plan.stored: 2026-W49: stored as plans 5, 6",
                "plan.delete: plan 5 (2026-W49, shared), plan 6 (2026-W49, baseline)"
            ], "who stored and deleted what, in the audit trail")
    }

    /// savings.json's fair shares add up to the saving, under the budget the plans had.
    private func assertFairSharesAddUp(in out: URL) throws {
        let savings = try JSONParser.parse(Data(contentsOf: out.appendingPathComponent("savings.json")))
        let saved = try XCTUnwrap(savings["savings"]?["money_gbp"]?.number)
        let budget = savings["assumptions"]?.array?.first?.string ?? ""
        XCTAssertTrue(budget.contains("10 iterations per routing job"), "the budget used, not --seconds: \(budget)")
        let fair = try XCTUnwrap(savings["fair_shares"]?["shares"]?.array)
        XCTAssertEqual(fair.count, CLITestCase.partners.count)
        XCTAssertEqual(fair.reduce(0) { $0 + ($1["money_gbp"]?.number ?? 0) }, saved, accuracy: 0.05)
        XCTAssertEqual(savings["fair_shares"]?["coalition_plans"]?.number, 25)
        XCTAssertNotNil(savings["fair_shares"]?["iterations_per_job"]?.number, "the budget the plans had")
        XCTAssertNil(savings["fair_shares"]?["seconds_per_plan"], "no seconds under --iterations")
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("Fair shares (Shapley value)"))
        XCTAssertTrue(report.contains("Stable week:"))
    }

    func testADamagedStoredPlanIsExitFourWithAMessage() throws {
        let sqlite = URL(fileURLWithPath: "/usr/bin/sqlite3")
        guard FileManager.default.isExecutableFile(atPath: sqlite.path) else {
            throw XCTSkip("sqlite3 is not installed; it damages the stored plan for this test")
        }
        let db = try sampleDatabase()
        let out = directory.appendingPathComponent("plan")
        let first = try run(["plan", "--db", db, "--week", "2026-W48", "--out", out.path, "--iterations", "5"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let damage = try runProcess(
            sqlite, [db, "UPDATE plan_round SET day = 12 WHERE position = 0"],
            currentDirectory: directory)
        XCTAssertEqual(damage.status, 0, damage.stderr)
        let next = try run(["plan", "--db", db, "--week", "2026-W49", "--out", out.path, "--iterations", "5"])
        XCTAssertEqual(next.status, 4, next.stderr)
        XCTAssertTrue(next.stderr.contains("damaged") && next.stderr.contains("--fresh"), next.stderr)
        let fresh = try run([
            "plan", "--db", db, "--week", "2026-W49", "--out", out.path, "--iterations", "5",
            "--fresh"
        ])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
    }
}
