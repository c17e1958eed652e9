import XCTest

@testable import Planning
@testable import Works

/// The order of able crew classes: nearest first, the specialist on ties,
/// a class that cannot reach the street last.
final class CrewPoolTests: XCTestCase {
    /// At one depot, sweeping goes first to the sweepers, though the caged van that can also pick
    /// litter is cheaper: the van keeps its room for the work only it can do.
    func testOnATieTheSpecialistClassComesFirst() throws {
        let town = try LineTown()
        let sweepers = try town.organisation("sweepers", depotAt: 0, costPerHour: 45)
        let van = try town.organisation(
            "van", depotAt: 0, skills: ["sweeping", "litter_picking"], costPerHour: 30)
        let crews = try town.pool([sweepers, van])
        let segment = town.network.segments[town.segment(at: 300)]
        XCTAssertEqual(crews.ranked(for: ["sweeping"], segment: segment).map(\.organisation), ["sweepers", "van"])
        XCTAssertEqual(crews.preferredClass(for: "sweeping", segments: [segment])?.organisation, "sweepers")
        XCTAssertEqual(crews.ranked(for: ["litter_picking"], segment: segment).map(\.organisation), ["van"])
    }

    /// A class whose depot is on a street no road joins comes last, even when the stop's tasks vote for it.
    func testAClassThatCannotReachTheStreetIsRankedLastWhateverTheVotes() throws {
        let town = try LineTown()
        let island = try town.organisation("island", depotAt: 1_450)
        let far = try town.organisation("far", depotAt: 1_000)
        let crews = try town.pool([island, far])
        let segment = town.network.segments[town.segment(at: 0)]
        let islandClass = try XCTUnwrap(crews.classes.first { $0.organisation == "island" })
        XCTAssertFalse(crews.reaches(islandClass, segment))
        let votes = [islandClass.key: 5]
        XCTAssertEqual(
            crews.ranked(for: ["sweeping"], segment: segment, votes: votes).map(\.organisation), ["far", "island"])
    }
}

extension CrewPoolTests {
    /// Crews of one depot, vehicle and skills but of 50 and 5,000 kg are two classes; a visit of 2,301 kg
    /// goes to the one that can carry it, and between the two, to the larger.
    func testAVisitGoesToAClassThatCanCarryIt() throws {
        let town = try LineTown()
        var org = try town.organisation("o", depotAt: 500, crews: 2)
        org.crews[0].capacity = 50
        org.crews[1].capacity = 5_000
        let crews = try town.pool([org])
        XCTAssertEqual(crews.classes.count, 2, "apart by capacity")
        let street = town.network.segments[town.segment(at: 100)]
        XCTAssertEqual(crews.bestClass(for: ["sweeping"], segment: street, demand: 2_301)?.capacity, 5_000)
        XCTAssertEqual(crews.bestClass(for: ["sweeping"], segment: street, demand: 10)?.capacity, 5_000)
        XCTAssertEqual(crews.ranked(for: ["sweeping"], segment: street, demand: 10).map(\.capacity), [5_000, 50])
    }
}
