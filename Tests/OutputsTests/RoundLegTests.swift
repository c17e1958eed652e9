import Foundation
import Planning
import TestSupport
import Works
import XCTest

@testable import Outputs

/// Route-sheet legs: turns from headings, and legs that add up to the round.
final class RoundLegTests: XCTestCase {
    func testTurnsFromHeadings() {
        let east = 0.0
        let north = Double.pi / 2
        let south = -Double.pi / 2
        let west = Double.pi
        XCTAssertEqual(RoundLeg.Turn.between(east, north), .left)
        XCTAssertEqual(RoundLeg.Turn.between(east, south), .right)
        XCTAssertEqual(RoundLeg.Turn.between(east, east + 0.1), .straightOn)
        XCTAssertEqual(RoundLeg.Turn.between(east, west), .uTurn)
        XCTAssertEqual(RoundLeg.Turn.between(west, -Double.pi / 2 - 0.7), .slightLeft, "across the ±180° seam")
    }

    func testLegsCoverTheRoundInOrder() throws {
        let s = try PlannedSample.make("2026-W48")
        for r in s.shared.rounds {
            let legs = s.drawing.legs(r)
            XCTAssertEqual(legs.reduce(0) { $0 + $1.metres }, r.metres, accuracy: 0.01, r.id)
            XCTAssertEqual(legs.first?.turn, .start)
            XCTAssertEqual(legs.map(\.startSeconds), legs.map(\.startSeconds).sorted(), "legs in time order")
            XCTAssertLessThanOrEqual(legs.last?.endSeconds ?? 0, r.seconds + 1)
            // The served streets in order (a street served again after a short drive elsewhere counts once).
            let served = legs.filter(\.serving).map(\.street).reduce(into: [String]()) {
                if $0.last != $1 { $0.append($1) }
            }
            XCTAssertEqual(served, s.drawing.servedStreets(r), r.id)
        }
    }
}
