import Foundation
import Planning
import Works

/// The savings as an SVG bar chart: per measure, each partner alone against
/// shared, both bars as a share of the larger, with the figures written on.
enum SavingsChart {
    struct Row {
        var name: String
        var alone: Double
        var shared: Double
        var digits: Int
    }

    static func rows(_ s: Savings) -> [Row] {
        let b = s.baseline
        let t = s.shared
        return [
            Row(name: "km driven", alone: b.km, shared: t.km, digits: 1),
            Row(name: "of which deadhead km", alone: b.deadheadKm, shared: t.deadheadKm, digits: 1),
            Row(name: "crew hours", alone: b.crewHours, shared: t.crewHours, digits: 1),
            Row(name: "cost (£)", alone: b.money, shared: t.money, digits: 0),
            Row(name: "CO2e (kg)", alone: b.co2eKg, shared: t.co2eKg, digits: 1),
            Row(name: "street visits", alone: Double(b.streetVisits), shared: Double(t.streetVisits), digits: 0)
        ]
    }

    static func svg(_ s: Savings) -> String {
        let rows = rows(s)
        let width = 600.0
        let labelWidth = 150.0
        let rowHeight = 44.0
        let height = Double(rows.count) * rowHeight + 30
        var out =
            "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) "
            + "\(Int(height))\" "
        out +=
            "role=\"img\" aria-label=\"What sharing saves, each partner alone against shared\" "
            + "font-family=\"system-ui,sans-serif\" "
        out += "font-size=\"13\">"
        for (k, row) in rows.enumerated() {
            let y = Double(k) * rowHeight + 4
            let top = max(row.alone, row.shared, 1e-9)
            let span = width - labelWidth - 70
            out += "<text x=\"0\" y=\"\(y + 22)\">\(HTMLText.escape(row.name))</text>"
            for (n, value) in [row.alone, row.shared].enumerated() {
                let w = max(1, span * value / top)
                let by = y + Double(n) * 18
                out += "<rect x=\"\(labelWidth)\" y=\"\(by)\" width=\"\(NumberText.fixed(w, 1))\" height=\"15\" "
                out += "fill=\"\(n == 0 ? "#a0aec0" : "#2b6cb0")\"/>"
                out +=
                    "<text x=\"\(NumberText.fixed(labelWidth + w + 4, 1))\" "
                    + "y=\"\(by + 12)\">\(NumberText.fixed(value, row.digits))</text>"
            }
        }
        let ly = height - 12
        out += "<rect x=\"\(labelWidth)\" y=\"\(ly - 10)\" width=\"12\" height=\"12\" fill=\"#a0aec0\"/>"
        out += "<text x=\"\(labelWidth + 16)\" y=\"\(ly)\">each partner alone</text>"
        out += "<rect x=\"\(labelWidth + 170)\" y=\"\(ly - 10)\" width=\"12\" height=\"12\" fill=\"#2b6cb0\"/>"
        out += "<text x=\"\(labelWidth + 186)\" y=\"\(ly)\">shared</text></svg>"
        return out + "<figcaption>Each measure's bars are drawn against the larger of the two.</figcaption></figure>\n"
    }
}
