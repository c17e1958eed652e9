import Foundation
import Geometry
import StreetNetwork
import Planning
import Works

/// report.html: a self-contained page (no script, nothing fetched) with the
/// savings summary, the split, a table per day and an SVG map per round.
public enum HTMLReport {
    public static func text(shared: WeeklyPlan, baseline: WeeklyPlan, savings: Savings, week: ISOWeek, drawing: RoundDrawing,
                            assumptions: [String]) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func f(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>StreetRounds plan \(week)</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:72em}
        table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}
        th:first-child,td:first-child{text-align:left}.map{border:1px solid #ccc;background:#fafafa;margin:0.3em}
        figure{display:inline-block;margin:0.3em;vertical-align:top}figcaption{font-size:0.85em}
        </style></head><body>
        <h1>Shared street rounds, week \(week)</h1>

        """
        let b = savings.baseline, s = savings.shared
        h += "<h2>What sharing saves</h2>\n<table><tr><th></th><th>each partner alone</th><th>shared</th><th>saving</th></tr>\n"
        let rows: [(String, Double, Double, Int)] = [("rounds", Double(b.rounds), Double(s.rounds), 0), ("km driven", b.km, s.km, 1),
                                                     ("of which deadhead km", b.deadheadKm, s.deadheadKm, 1), ("crew hours", b.crewHours, s.crewHours, 1),
                                                     ("cost (£)", b.money, s.money, 0), ("CO2e (kg)", b.co2eKg, s.co2eKg, 1),
                                                     ("street visits", Double(b.streetVisits), Double(s.streetVisits), 0)]
        for (name, x, y, d) in rows { h += "<tr><td>\(name)</td><td>\(f(x, d))</td><td>\(f(y, d))</td><td>\(f(x - y, d))</td></tr>\n" }
        h += "</table>\n<h3>Split between partners</h3>\n<table><tr><th>partner</th><th>cost alone (£)</th><th>share</th><th>saving (£)</th><th>crew hours</th><th>km</th><th>CO2e (kg)</th></tr>\n"
        for p in savings.shares {
            h += "<tr><td>\(esc(p.organisation))</td><td>\(f(p.baselineMoney, 0))</td><td>\(f(p.fraction * 100, 1))%</td><td>\(f(p.money, 0))</td><td>\(f(p.crewHours))</td><td>\(f(p.km))</td><td>\(f(p.co2eKg))</td></tr>\n"
        }
        h += "</table>\n<h3>Assumptions</h3>\n<ul>\n" + assumptions.map { "<li>\(esc($0))</li>\n" }.joined() + "</ul>\n"
        for day in Weekday.allCases {
            let rounds = shared.rounds.filter { $0.day == day }
            guard !rounds.isEmpty else { continue }
            h += "<h2>\(day.fullName.capitalized)</h2>\n<table><tr><th>round</th><th>crew</th><th>depot</th><th>stops</th><th>km</th><th>deadhead km</th><th>start</th><th>back</th></tr>\n"
            for r in rounds {
                h += "<tr><td>\(esc(r.id))</td><td>\(esc(r.crewLabel))</td><td>\(esc(r.depot))</td><td>\(r.stops.count)</td><td>\(f(r.metres / 1000, 2))</td><td>\(f(r.deadheadMetres / 1000, 2))</td><td>\(_Clock.text(0, startMinutes: r.startMinutes))</td><td>\(_Clock.text(r.seconds, startMinutes: r.startMinutes))</td></tr>\n"
            }
            h += "</table>\n" + rounds.map { svg($0, drawing: drawing) }.joined() + "\n"
        }
        if !shared.gritting.isEmpty {
            h += "<h2>Gritting: stand-by rounds</h2>\n<table><tr><th>round</th><th>crew</th><th>depot</th><th>segments</th><th>km</th><th>duration</th><th>salt</th></tr>\n"
            for r in shared.gritting {
                h += "<tr><td>\(esc(r.id))</td><td>\(esc(r.crewLabel))</td><td>\(esc(r.depot))</td><td>\(r.stops.count)</td><td>\(f(r.metres / 1000, 2))</td><td>\(r.seconds / 60) min</td><td>\(f(r.load, 0))</td></tr>\n"
            }
            h += "</table>\n" + shared.gritting.map { svg($0, drawing: drawing) }.joined() + "\n"
        }
        if !shared.unplaced.isEmpty {
            h += "<h2>Not placed</h2>\n<table><tr><th>street</th><th>day</th><th>tasks</th><th>why</th></tr>\n"
            for u in shared.unplaced {
                h += "<tr><td>\(esc(drawing.network.segments[u.visit.segment].displayName))</td><td>\(u.visit.day.code)</td><td>\(esc(u.visit.parts.map(\.taskID).joined(separator: ", ")))</td><td>\(esc(u.reason))</td></tr>\n"
            }
            h += "</table>\n"
        }
        h += "<p><small>Street data © OpenStreetMap contributors (ODbL) or OS data © Crown copyright, as imported. Made by StreetRounds.</small></p>\n</body></html>\n"
        return h
    }

    /// An SVG map of one round: nearby streets in grey, the route in blue,
    /// the streets served in orange, the depot as a dot.
    static func svg(_ r: Round, drawing: RoundDrawing) -> String {
        let points = drawing.points(r)
        guard var box = BoundingBox(around: points) else { return "" }
        box = box.expanded(by: max(50, max(box.width, box.height) * 0.05))
        let size = 320.0, scale = size / max(box.width, box.height)
        func xy(_ p: Point) -> String { String(format: "%.1f,%.1f", (p.x - box.minX) * scale, (box.maxY - p.y) * scale) }
        var out = "<figure><svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(box.width * scale))\" height=\"\(Int(box.height * scale))\">"
        for s in drawing.network.segments {
            let b = s.boundingBox
            guard b.maxX >= box.minX, b.minX <= box.maxX, b.maxY >= box.minY, b.minY <= box.maxY else { continue }
            out += "<polyline fill=\"none\" stroke=\"#ccc\" stroke-width=\"1\" points=\"\(s.points.map(xy).joined(separator: " "))\"/>"
        }
        out += "<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\" points=\"\(points.map(xy).joined(separator: " "))\"/>"
        for stop in r.stops {
            let pts = drawing.network.segments[stop.visit.segment].points
            out += "<polyline fill=\"none\" stroke=\"#dd6b20\" stroke-width=\"3.5\" points=\"\(pts.map(xy).joined(separator: " "))\"/>"
        }
        if let depot = points.first { out += "<circle cx=\"\(xy(depot).split(separator: ",")[0])\" cy=\"\(xy(depot).split(separator: ",")[1])\" r=\"5\" fill=\"#2f855a\"/>" }
        out += "</svg><figcaption>\(r.id): \(r.stops.count) stops, \(String(format: "%.1f", r.metres / 1000)) km</figcaption></figure>\n"
        return out
    }
}
