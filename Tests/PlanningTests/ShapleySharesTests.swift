import Planning
import Works
import XCTest

/// Fair shares: the arithmetic on a hand-computed game, efficiency when
/// sampled, and one small plan end to end.
final class ShapleySharesTests: XCTestCase {
    /// Three partners, costs by hand: alone A 100, B 80, C 60; AB 150, AC
    /// 140, BC 120; all three 190. Savings v: AB 30, AC 20, BC 20, ABC 50.
    /// phi(A) = 1/6 (30) + 1/6 (20) + 1/3 (50 - 20) = 55/3; phi(B) = 1/6 (30)
    /// + 1/6 (20) + 1/3 (50 - 20) = 55/3; phi(C) = 1/6 (20) + 1/6 (20) + 1/3
    /// (50 - 30) = 40/3. They add up to 50.
    private static let handCosts: [String: Double] = [
        "A": 100, "B": 80, "C": 60, "A+B": 150, "A+C": 140, "B+C": 120, "A+B+C": 190
    ]

    func testThreePartnersMatchTheHandComputedShares() throws {
        var asked: [String] = []
        let shapley = try ShapleyShares(partners: ["A", "B", "C"]) { members in
            let key = members.joined(separator: "+")
            asked.append(key)
            return try XCTUnwrap(Self.handCosts[key], key)
        }
        XCTAssertEqual(shapley.shares.map(\.organisation), ["A", "B", "C"])
        XCTAssertEqual(shapley.shares[0].saving, 55.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(shapley.shares[1].saving, 55.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(shapley.shares[2].saving, 40.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(shapley.shares.map(\.aloneCost), [100, 80, 60])
        XCTAssertEqual(shapley.totalSaving, 50, accuracy: 1e-9)
        XCTAssertNil(shapley.samples)
        XCTAssertEqual(Set(asked).count, 7)
        XCTAssertEqual(asked.count, 7, "each coalition's cost is asked once")
    }

    func testSampledSharesAddUpToTheTotalSaving() throws {
        // Ten partners; a coalition saves 3 per pair of members it holds.
        let partners = (0..<10).map { "P\($0)" }
        func cost(_ members: [String]) -> Double {
            let n = Double(members.count)
            return 20 * n - 3 * n * (n - 1) / 2
        }
        let shapley = try ShapleyShares(partners: partners, samples: 40, seed: 5, cost: cost)
        XCTAssertEqual(shapley.samples, 40)
        XCTAssertEqual(shapley.totalSaving, 3 * 45, accuracy: 1e-9)
        XCTAssertEqual(shapley.shares.reduce(0) { $0 + $1.saving }, shapley.totalSaving, accuracy: 1e-9)
        // A symmetric game: the exact value is 13.5 each; 40 orders estimate it
        // (a marginal saving runs from 0 to 27, standard error about 1.4).
        for share in shapley.shares { XCTAssertEqual(share.saving, 13.5, accuracy: 3) }
        XCTAssertLessThanOrEqual(shapley.coalitionsCosted, 40 * 10)
    }

    func testACostThatFailsIsPassedOn() {
        struct Broken: Error {}
        XCTAssertThrowsError(try ShapleyShares(partners: ["A", "B"]) { _ in throw Broken() }) { error in
            XCTAssertTrue(error is Broken)
        }
    }

    func testSharesOfAPlanAddUpToItsSaving() throws {
        let town = try StableWeekFixture()
        let tasks = town.tasks()
        let options = StableWeekFixture.options()
        let shared = try town.planner.plan(tasks, options: options, mode: .shared)
        let baseline = try town.planner.plan(tasks, options: options, mode: .baseline)
        let budget = CoalitionBudget(
            partners: 3, samples: ShapleyShares.defaultSamples, totalSeconds: 3,
            iterations: options.iterations)
        XCTAssertEqual(budget.plans, 3)
        XCTAssertEqual(budget.iterationsPerJob, 5)
        let shapley = try town.planner.shapley(
            tasks, options: options, shared: shared, baseline: baseline,
            budget: budget)
        let saving = baseline.totals.money - shared.totals.money
        XCTAssertEqual(shapley.totalSaving, saving, accuracy: 1e-6)
        XCTAssertEqual(shapley.shares.reduce(0) { $0 + $1.saving }, saving, accuracy: 1e-6)
        XCTAssertEqual(shapley.budget?.plans, 3, "the three pairs planned; singles and all read from the plans")
        for share in shapley.shares {
            XCTAssertEqual(
                share.aloneCost, baseline.totalsByOrganisation[share.organisation]?.money ?? 0,
                accuracy: 1e-9)
        }
        print(
            "fair shares: " + shapley.shares.map { "\($0.organisation) £\($0.saving)" }.joined(separator: ", ")
                + "; total £\(saving)")
    }
}
