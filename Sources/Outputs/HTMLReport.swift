import Foundation
import Geometry
import Planning
import StreetNetwork
import Works

/// report.html: one self-contained page (no script, nothing fetched) a
/// depot manager prints and a partner reads on a phone: the savings with a
/// chart, an overview map of the week's rounds coloured by crew, then a
/// route sheet per round (a map, the streets in order with the turns
/// between them, start and end times), one round per printed page, and the
/// street data's credit. Cost: O(streets + points of the rounds).
public enum HTMLReport {
    public static func text(
        shared: WeeklyPlan, baseline: WeeklyPlan, savings: Savings, week: ISOWeek, drawing: RoundDrawing,
        assumptions: [String], stableWeek: StableWeekReport? = nil
    ) -> String {
        let map = MapSVG(drawing: drawing)
        let colours = RoundText.crewColours(shared)
        var h = head(week) + map.background()
        h += "<header><h1>Shared street rounds, week \(week)</h1><p>\(LondonTime.dateText(week, .monday)) to "
        h +=
            "\(LondonTime.dateText(week, .sunday)): \(shared.rounds.count) rounds, \(shared.gritting.count) gritting "
            + "stand-by rounds. "
        h += "Times are Europe/London.</p></header>\n"
        h += stableWeekSection(stableWeek)
        h +=
            savingsSection(savings) + "<h3>Assumptions</h3>\n<ul>\n"
            + assumptions.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
        h += "<h2>The week's rounds</h2>\n"
        h += map.map(
            shared.rounds, colours: colours, designWidth: 900, labelled: 14,
            caption: "All weekday rounds of \(week), coloured by crew. \(drawing.attribution.attribution)")
        h += weekTable(shared, week: week)
        let keys = RoundText.keys(shared.rounds, week: week) + RoundText.keys(shared.gritting, week: week)
        for (r, key) in zip(shared.rounds + shared.gritting, keys) {
            h += RouteSheet(round: r, key: key, week: week, drawing: drawing, map: map, colours: colours).html()
        }
        h += unplacedSection(shared, drawing: drawing) + orderConflictsSection(shared)
        h +=
            "<footer><p>\(HTMLText.escape(drawing.attribution.attribution)) Made by StreetRounds.</p></footer>\n</body>"
            + "</html>\n"
        return h
    }

    static func head(_ week: ISOWeek) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>StreetRounds plan \(week)</title>
        <style>
        *{box-sizing:border-box}
        body{font-family:system-ui,sans-serif;margin:0 auto;padding:0.8em;color:#222;max-width:72em;line-height:1.35;
        overflow-wrap:break-word}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;margin:0.4em 0 1em;overflow-wrap:normal}
        td,th{border:1px solid #ccc;padding:0.2em 0.5em;text-align:right;vertical-align:top}
        th:first-child,td:first-child,td.text,th.text{text-align:left}
        svg{display:block;max-width:100%;height:auto}svg.defs{position:absolute;width:0;height:0}
        figure{margin:0.5em 0}figure.chart{max-width:40em}
        figure.map svg{width:100%;border:1px solid #ccc;background:#fbfbf8}
        figcaption{font-size:0.85em;color:#555}
        .legend{list-style:none;padding:0;margin:0.3em 0;display:flex;flex-wrap:wrap;gap:0.3em 1em;font-size:0.85em}
        .swatch{display:inline-block;width:1.6em;height:0.5em;margin-right:0.35em;vertical-align:middle}
        .swatch.thick{height:0.6em;background:#555}.swatch.dashed{height:0;border-top:2px dashed #555}
        .swatch.grey{height:2px;background:#c8c8c8}
        .dot{display:inline-block;width:0.8em;height:0.8em;border:2px solid #222;border-radius:50%;margin-right:0.35em;
        vertical-align:middle}
        .sheet{border-top:3px solid #222;margin-top:2em}.sheet h2{margin-bottom:0.2em}
        .serve{font-weight:600}.facts{display:flex;flex-wrap:wrap;gap:0.2em 1.5em;padding:0;list-style:none}
        @media print{body{max-width:none;padding:0}
        .sheet{break-before:page;page-break-before:always;border:none;margin:0}
        .scroll{overflow:visible}figure.map svg{max-height:55vh}a{color:inherit}}
        </style></head><body>

        """
    }

    static func savingsSection(_ savings: Savings) -> String {
        func f(_ x: Double, _ d: Int = 1) -> String { NumberText.fixed(x, d) }
        let b = savings.baseline
        let s = savings.shared
        var h = "<h2>What sharing saves</h2>\n" + SavingsChart.svg(savings)
        h +=
            "<div class=\"scroll\"><table><tr><th></th><th>each partner alone</th><th>shared</th><th>saving</th></tr>\n"
        for row in SavingsChart.rows(savings) {
            h += "<tr><td>\(row.name)</td><td>\(f(row.alone, row.digits))</td><td>\(f(row.shared, row.digits))</td>"
            h += "<td>\(f(row.alone - row.shared, row.digits))</td></tr>\n"
        }
        h += "<tr><td>rounds</td><td>\(b.rounds)</td><td>\(s.rounds)</td><td>\(b.rounds - s.rounds)</td></tr>\n"
        h += "</table></div>\n"
        if let unequal = savings.unequalWork {
            h += "<p><strong>Not like for like:</strong> \(HTMLText.escape(unequal)).</p>\n"
        }
        h +=
            "<h3>Split between partners</h3>\n<div class=\"scroll\"><table><tr><th>partner</th>"
            + "<th>cost alone (£)</th>"
        h += "<th>share</th><th>saving (£)</th><th>crew hours</th><th>km</th><th>CO2e (kg)</th></tr>\n"
        for p in savings.shares {
            h +=
                "<tr><td>\(HTMLText.escape(p.organisation))</td><td>\(f(p.baselineMoney, 0))</td>"
                + "<td>\(f(p.fraction * 100, 1))%</td>"
            h += "<td>\(f(p.money, 0))</td><td>\(f(p.crewHours))</td><td>\(f(p.km))</td><td>\(f(p.co2eKg))</td></tr>\n"
        }
        return h + "</table></div>\n" + fairSharesSection(savings)
    }

    /// The week at a glance: a row per round, linked to its route sheet.
    static func weekTable(_ plan: WeeklyPlan, week: ISOWeek) -> String {
        var h =
            "<div class=\"scroll\"><table><tr><th>day</th><th class=\"text\">round</th><th>start</th><th>back</th>"
            + "<th>stops</th>"
        h += "<th>km</th></tr>\n"
        let keys = RoundText.keys(plan.rounds, week: week)
        for (r, key) in zip(plan.rounds, keys) {
            let day = r.day.map { "\($0.code) \(LondonTime.dateText(week, $0))" } ?? "stand-by"
            h += "<tr><td>\(day)</td><td class=\"text\"><a href=\"#\(key)\">\(HTMLText.escape(r.crewLabel))</a> "
            h += "\(HTMLText.escape(r.organisation))</td><td>\(WallClock.label(0, startMinutes: r.startMinutes))</td>"
            h += "<td>\(WallClock.label(r.seconds, startMinutes: r.startMinutes))</td><td>\(r.stops.count)</td>"
            h += "<td>\(NumberText.fixed(r.metres / 1000, 1))</td></tr>\n"
        }
        return h + "</table></div>\n"
    }

    static func unplacedSection(_ plan: WeeklyPlan, drawing: RoundDrawing) -> String {
        guard !plan.unplaced.isEmpty else { return "" }
        var h =
            "<section class=\"sheet\"><h2>Not placed</h2>\n<div class=\"scroll\"><table><tr><th>street</th><th>day</th>"
            + "<th>tasks</th>"
        h += "<th class=\"text\">why</th></tr>\n"
        for u in plan.unplaced {
            h +=
                "<tr><td>\(HTMLText.escape(drawing.network.segments[u.visit.segment].displayName))</td>"
                + "<td>\(u.visit.day.code)</td>"
            h += "<td>\(HTMLText.escape(u.visit.parts.map(\.taskID).joined(separator: ", ")))</td>"
            h += "<td class=\"text\">\(HTMLText.escape(u.reason))</td></tr>\n"
        }
        return h + "</table></div></section>\n"
    }
}
