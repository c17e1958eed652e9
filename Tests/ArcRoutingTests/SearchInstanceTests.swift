import XCTest

@testable import ArcRouting

/// The search instance refuses, at once and naming the link, a task that no
/// route can serve: one whose trip alone, from the depot and back, is over
/// the route limit (found by a hostile tester: it searched the whole time
/// limit, then said to give more time); its unchecked reads agree with its
/// arrays; on near costs its detour bounds never exceed the deadheads.
final class SearchInstanceTests: XCTestCase {
    private func problem(limit: Int) -> CARPProblem {
        CARPProblem(
            name: "alone", nodeCount: 3, depot: 0,
            links: [
                .init(from: 0, to: 1, deadheadCost: 2, serviceCost: 3, demand: 1),
                .init(from: 1, to: 2, twoWay: false, deadheadCost: 4, serviceCost: 5, demand: 1),
                .init(from: 2, to: 0, twoWay: false, deadheadCost: 1)
            ], capacity: 5, maxRouteCost: limit)
    }

    func testATaskOverTheRouteLimitAloneIsRefusedAtOnce() throws {
        // Link 1 alone: 0 -> 1 (2), serve 1 -> 2 (5), 2 -> 0 (1) = 8; link 0 alone: 0 + 3 + 2 = 5.
        XCTAssertNoThrow(try SearchInstance(problem(limit: 8)))
        XCTAssertThrowsError(try SearchInstance(problem(limit: 7))) { error in
            XCTAssertEqual((error as? ArcRoutingError)?.kind, .infeasibleInstance)
            XCTAssertTrue("\(error)".contains("required link 1 (1, 2) costs 8 alone"), "\(error)")
            XCTAssertTrue("\(error)".contains("over the route limit 7: no route can serve it"), "\(error)")
        }
    }

    /// Read from a file, the same problem's message counts from 1, as the
    /// file's lines do.
    func testAFilesLinkIsNamedAsTheFileNumbersIt() throws {
        let text =
            " NOMBRE : alone\n VERTICES : 3\n CAPACIDAD : 5\n LIMITE_RUTA : 7\n LISTA_ARISTAS_REQ :\n"
            + " ( 1, 2)  coste 2 servicio 3 demanda 1\n ( 2, 3)  coste 4 servicio 5 demanda 1 arco\n"
            + " LISTA_ARISTAS_NOREQ :\n ( 3, 1)  coste 1 arco\n DEPOSITO : 1\n"
        let p = try CARPProblem(carpText: text, name: "alone")
        XCTAssertThrowsError(try SearchInstance(p)) { error in
            XCTAssertTrue("\(error)".contains("required link 2 (2, 3) costs 8 alone"), "\(error)")
        }
    }

    /// On near costs, the hubs' lower bounds on a detour through a td are
    /// never above the deadheads the search reads (one-way and two-way
    /// links, the depot at either end), and above 0 for most far pairs;
    /// a dense table gives none.
    func testTheDetourBoundsAreNeverAboveTheDeadheads() throws {
        var positive = 0
        var pairs = 0
        for seed in UInt64(1)...4 {
            var p = RandomProblems.mixed(seed: seed, nodes: 40, required: 30, extra: 60, capacity: 50)
            if seed % 2 == 0 {
                for k in p.links.indices { p.links[k].twoWay = true }
            }
            XCTAssertNil(try SearchInstance(p).deadheadBounds(of: 0), "seed \(seed): dense")
            let instance = try SearchInstance(
                p, denseLimit: 1, nearLimits: NearDistances.Limits(nearCount: 6, hubCount: 3))
            let tds = Array(-1..<(2 * instance.taskCount))
            for td in tds where td >= 0 {
                let bounds = try XCTUnwrap(instance.deadheadBounds(of: td))
                for a in tds {
                    for b in tds {
                        let bound = instance.detourBound(bounds, from: a, to: b)
                        XCTAssertLessThanOrEqual(
                            bound, instance.dh(a, td) + instance.dh(td, b), "seed \(seed): \(a) -> \(td) -> \(b)")
                        pairs += 1
                        if bound > 0 { positive += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(positive, pairs / 2)
    }

    /// `dh`, `svc`, `dem` and `canFlip` read copies of the instance's
    /// arrays without bounds checks: they agree with the arrays and the
    /// distance table for every task-direction, on an instance and on a
    /// sub-problem of some of its tasks in another order.
    func testTheUncheckedReadsAgreeWithTheArrays() throws {
        let parent = try SearchInstance(
            RandomProblems.mixed(seed: 7, nodes: 30, required: 40, extra: 20, capacity: 12))
        let sub = SearchInstance(
            restrictedTo: [31, 2, 17, 5, 0, 39, 24], of: parent, fleetSize: nil)
        for instance in [parent, sub] {
            let tds = Array(-1..<(2 * instance.taskCount))
            for td in tds where td >= 0 {
                XCTAssertEqual(instance.svc(td), instance.service[td >> 1])
                XCTAssertEqual(instance.dem(td), instance.demand[td >> 1])
                XCTAssertEqual(instance.canFlip(td), instance.twoWay[td >> 1])
            }
            for a in tds {
                for b in tds {
                    let from = a < 0 ? instance.depotTerminal : instance.endTerminal[a]
                    let to = b < 0 ? instance.depotTerminal : instance.startTerminal[b]
                    XCTAssertEqual(instance.dh(a, b), instance.table.between(from, to), "\(a) -> \(b)")
                }
            }
        }
    }
}
