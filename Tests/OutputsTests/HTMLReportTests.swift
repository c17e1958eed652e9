import Foundation
import JSON
import Outputs
import Planning
import TestSupport
import Works
import XCTest

/// report.html: self-contained, a legend on every map, a route sheet per
/// round, print pages, the data's credit; and laid out by a real browser
/// (headless Chromium) at phone width without horizontal overflow.
final class HTMLReportTests: XCTestCase {
    func report(_ s: PlannedSample) -> String {
        HTMLReport.text(
            shared: s.shared, baseline: s.baseline, savings: s.savings, week: s.week, drawing: s.drawing,
            assumptions: ["An assumption."])
    }

    func testEveryMapHasALegendAndEveryRoundASheet() throws {
        let s = try PlannedSample.make("2026-W48")
        let html = report(s)
        let rounds = s.shared.rounds.count + s.shared.gritting.count
        let maps = html.components(separatedBy: "<figure class=\"map\">").dropFirst()
        XCTAssertEqual(maps.count, rounds + 1, "the week's overview and a map per round")
        for map in maps {
            let figure = map.components(separatedBy: "</figure>")[0]
            XCTAssertTrue(figure.contains("<ul class=\"legend\">"), "a map without a legend")
            XCTAssertTrue(figure.contains("class=\"scalebar\""), "a map without a scale bar")
        }
        XCTAssertEqual(html.components(separatedBy: "<section class=\"sheet\"").count - 1, rounds)
        XCTAssertTrue(html.contains("@media print") && html.contains("break-before:page"), "one round per printed page")
        XCTAssertTrue(html.contains("Synthetic street data"))
        XCTAssertTrue(html.contains("turn left onto") || html.contains("turn right onto"), "directions name the turns")
        XCTAssertFalse(
            html.contains("<script") || html.contains("src=\"http") || html.contains("href=\"http"), "nothing fetched")
    }

    func testARoundPastMidnightEndsTheNextDay() throws {
        var s = try PlannedSample.make("2026-W48")
        XCTAssertFalse(report(s).contains("next day"))
        let k = try XCTUnwrap(s.shared.rounds.firstIndex { $0.day != nil && $0.seconds > 1200 })
        s.shared.rounds[k].startMinutes = 23 * 60 + 50
        XCTAssertTrue(report(s).contains("next day"), "its end in the week's table and times on its sheet")
    }

    func testSavingsOfUnequalWorkSaySo() throws {
        var s = try PlannedSample.make("2026-W48")
        s.savings.undone = Savings.UndoneVisits(shared: 1, baseline: 1)
        XCTAssertFalse(report(s).contains("Not like for like"))
        s.savings.undone = Savings.UndoneVisits(shared: 2, baseline: 13)
        XCTAssertTrue(
            report(s).contains("<strong>Not like for like:</strong> the shared plan does 11 task visits more"))
    }

    func testOrderRulesBrokenWithinADayAreListedWithTheirStreetAndDay() throws {
        var s = try PlannedSample.make("2026-W48")
        XCTAssertFalse(report(s).contains("Out of order within a day"), "no table when every rule is kept")
        s.shared.orderConflicts = [
            OrderConflict(
                day: .wednesday, segment: 0, street: "Mill & Church Lane", first: "grass_cutting", then: "sweeping",
                reason: "round wed-2 keeps its hours and cannot start later", rounds: ["wed-1", "wed-2"],
                organisations: ["county-council", "<town>"])
        ]
        let html = report(s)
        let table = try XCTUnwrap(html.components(separatedBy: "Out of order within a day").dropFirst().first)
        XCTAssertTrue(table.contains("<td>Mill &amp; Church Lane</td><td>wed</td><td>sweeping</td>"), table)
        XCTAssertTrue(table.contains("keeps its hours"))
        XCTAssertTrue(table.contains("<td class=\"text\">wed-1, wed-2</td>"), table)
        XCTAssertTrue(table.contains("county-council, &lt;town&gt;</td>"), table)
    }

    /// Headless Chromium lays the page out at 390 px (a phone): the page
    /// must not scroll sideways and every map's legend must be there with
    /// entries. Headless windows are at least 500 px wide, so the report is
    /// laid out in a 390 px frame (srcdoc, same origin) that a script in the
    /// outer page measures. Skips when Chromium is absent (make test-tools
    /// installs it).
    func testPhoneWidthLayoutInARealBrowser() throws {
        guard let chromium = installedTool("chromium") ?? installedTool("chromium-browser") else {
            throw XCTSkip(
                "chromium is not installed (make test-tools installs Debian's chromium); the layout check is skipped")
        }
        let s = try PlannedSample.make("2026-W48")
        let folder = scratchFolder()
        let page = folder.appendingPathComponent("phone.html")
        try Self.phoneFrame(report(s)).write(to: page, atomically: true, encoding: .utf8)
        let result = try runProcess(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                "--window-size=600,900", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString
            ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(
            result.stdout.components(separatedBy: "<pre id=\"probe\">").dropFirst().first?
                .components(separatedBy: "</pre>").first, "the probe ran: \(result.stderr.suffix(500))")
        let probed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(probed["width"] as? Int, 390, "laid out at phone width")
        XCTAssertLessThanOrEqual(probed["scroll"] as? Int ?? .max, 390, "no horizontal overflow: \(probed)")
        XCTAssertEqual(probed["maps"] as? Int, s.shared.rounds.count + s.shared.gritting.count + 1)
        XCTAssertEqual(probed["bare"] as? Int, 0, "every map has a legend")
        XCTAssertEqual((probed["wide"] as? [String])?.count, 0, "elements wider than the phone: \(probed)")
    }

    /// An outer page holding `html` in a 390 px frame, with a script that
    /// writes the frame's layout figures into `<pre id="probe">`.
    static func phoneFrame(_ html: String) -> String {
        let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        return """
            <!DOCTYPE html><html><body style="margin:0">
            <iframe id="phone" style="border:0" width="390" height="844" srcdoc="\(escaped)"></iframe>
            <script>document.getElementById('phone').addEventListener('load', () => {
              const w = document.getElementById('phone').contentWindow, d = w.document;
              const maps = [...d.querySelectorAll('figure.map')];
              const bare = maps.filter(f => !f.querySelector('.legend li')
                || f.querySelector('.legend').getBoundingClientRect().height < 5);
              const wide = [...d.body.querySelectorAll('*')].filter(e => !e.closest('.scroll') && !e.closest('svg')
                && e.getBoundingClientRect().right > w.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className).slice(0, 5);
              const out = document.createElement('pre'); out.id = 'probe';
              out.textContent = JSON.stringify({width: w.innerWidth, scroll: d.documentElement.scrollWidth,
                                                maps: maps.length,
                                                bare: bare.length, wide: wide});
              document.body.appendChild(out);
            });</script></body></html>
            """
    }
}
