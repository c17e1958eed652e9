import Foundation
import Geometry
import JSON
import Outputs
import Planning
import TestSupport
import Works
import XCTest

/// rounds.geojson: an id per feature, dates and times, a colour per crew.
final class RoundsGeoJSONTests: XCTestCase {
    func testFeaturesHaveIdsDatesTimesAndACrewColour() throws {
        let s = try PlannedSample.make("2026-W27")
        let json = try JSONParser.parse(
            Data(RoundsGeoJSON.json(s.shared, week: s.week, drawing: s.drawing).serialized().utf8))
        let features = try XCTUnwrap(json["features"]?.array)
        XCTAssertEqual(features.count, s.shared.rounds.count + s.shared.gritting.count)
        let ids = features.compactMap { $0["id"]?.string }
        XCTAssertEqual(Set(ids).count, features.count, "a unique id per feature")
        var colourOfCrew: [String: String] = [:]
        for f in features {
            let p = try XCTUnwrap(f["properties"])
            let crewLabel = p["crew"]?.string?.replacingOccurrences(of: " (extra shift)", with: "") ?? ""
            let crew = "\(p["organisation"]?.string ?? "")/\(crewLabel)"
            let colour = try XCTUnwrap(p["stroke"]?.string)
            XCTAssertNotNil(p["distance_km"]?.number)
            XCTAssertNotNil(p["duration_h"]?.number)
            guard p["kind"]?.string == "weekday" else { continue }
            // Weekday crews are drawn together: one colour each, none shared.
            XCTAssertEqual(colourOfCrew[crew, default: colour], colour, "one colour per crew")
            colourOfCrew[crew] = colour
            XCTAssertTrue(p["date"]?.string?.hasPrefix("2026-0") ?? false)
            XCTAssertNotNil(p["start_time_europe_london"]?.string)
            // Summer: 07:00 in London is 06:00 UTC.
            if p["start_time_europe_london"]?.string == "07:00" {
                XCTAssertTrue(p["start_utc"]?.string?.hasSuffix("T06:00:00Z") ?? false)
            }
        }
        XCTAssertEqual(Set(colourOfCrew.values).count, colourOfCrew.count, "different crews, different colours")
    }

    /// A round from 23:50: its end falls on the next date, which `end_date` says (and `end_utc` agrees).
    func testARoundPastMidnightEndsOnTheNextDate() throws {
        var s = try PlannedSample.make("2026-W48")
        let k = try XCTUnwrap(s.shared.rounds.firstIndex { $0.day == .monday && $0.seconds > 1200 })
        s.shared.rounds[k].startMinutes = 23 * 60 + 50
        let json = try JSONParser.parse(
            Data(RoundsGeoJSON.json(s.shared, week: s.week, drawing: s.drawing).serialized().utf8))
        let night = try XCTUnwrap(
            json["features"]?.array?.first { $0["properties"]?["round"]?.string == s.shared.rounds[k].id })
        let p = try XCTUnwrap(night["properties"])
        XCTAssertEqual(p["date"]?.string, "2026-11-23")
        XCTAssertEqual(p["start_date"]?.string, "2026-11-23")
        XCTAssertEqual(p["end_date"]?.string, "2026-11-24")
        XCTAssertTrue(p["end_utc"]?.string?.hasPrefix("2026-11-24T") ?? false, "winter: London is UTC")
    }
}
