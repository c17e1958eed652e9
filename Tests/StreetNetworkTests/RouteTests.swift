import Geometry
import StreetNetwork
import TestSupport
import XCTest

final class RouteTests: XCTestCase {
    // A one-way street "bc" forces the trip from c back to b around the block.
    let picture = """
        a  b  c

           e  f
        """

    func testRouteGoesAroundAOneWayStreet() throws {
        let network = try drawnNetwork(
            picture, [("ab", false), ("bc", true), ("cf", false), ("fe", false), ("eb", false)])
        let graph = StreetGraph(network)
        let bc = network.segments.first { $0.name == "bc" }!
        // From 10 m along bc to 5 m along it: against the one-way, so round the block.
        let route = try network.route(
            from: NetworkLocation(segment: bc.id, along: 10),
            to: NetworkLocation(segment: bc.id, along: 5), graph: graph)
        XCTAssertEqual(route.metres, 20 + 20 + 30 + 20 + 5, accuracy: 1e-9)
        XCTAssertEqual(route.streets(in: network), ["bc", "cf", "fe", "eb", "bc"])
        XCTAssertEqual(route.seconds, route.metres / 10, accuracy: 0.01)  // 36 km/h = 10 m/s
        // Forward along the one-way is direct.
        let direct = try network.route(
            from: NetworkLocation(segment: bc.id, along: 5),
            to: NetworkLocation(segment: bc.id, along: 10), graph: graph)
        XCTAssertEqual(direct.metres, 5, accuracy: 1e-9)
    }

    func testRoutePointsFollowTheStreets() throws {
        let network = try drawnNetwork(picture, [("abc", false), ("cf", false)])
        let graph = StreetGraph(network)
        let abc = network.segments.first { $0.name == "abc" }!
        let cf = network.segments.first { $0.name == "cf" }!
        let route = try network.route(
            from: NetworkLocation(segment: abc.id, along: 10),
            to: NetworkLocation(segment: cf.id, along: 10), graph: graph)
        XCTAssertEqual(
            route.points(in: network),
            [Point(x: 10, y: 0), Point(x: 30, y: 0), Point(x: 60, y: 0), Point(x: 60, y: -10)])
    }

    func testUnreachableIsAnError() throws {
        let network = try drawnNetwork(picture, [("ab", false), ("ef", false)])
        XCTAssertThrowsError(
            try network.route(
                from: NetworkLocation(segment: 0, along: 1),
                to: NetworkLocation(segment: 1, along: 1), graph: StreetGraph(network))
        ) { error in
            XCTAssertEqual((error as? StreetNetworkError)?.kind, .noRoute)
        }
    }
}
