import Foundation
import Geometry
import Planning
import Works

extension MapSVG {
    /// Names of the `count` streets with most length served, each once, at
    /// the middle of its longest served segment, with a white halo.
    func labels(_ rounds: [Round], count: Int, unit: Double) -> String {
        var served: [String: (metres: Double, longest: Int)] = [:]
        for stop in rounds.flatMap(\.stops) {
            let s = drawing.network.segments[stop.visit.segment]
            guard let name = s.name, !name.isEmpty else { continue }
            let old = served[name] ?? (0, s.id)
            let longest = drawing.network.segments[old.longest].length >= s.length ? old.longest : s.id
            served[name] = (old.metres + s.length, longest)
        }
        let chosen = served.sorted { ($0.value.metres, $1.key) > ($1.value.metres, $0.key) }.prefix(count)
        var out =
            "<g font-size=\"\(String(format: "%.1f", 11 * unit))\" font-family=\"system-ui,sans-serif\" fill=\"#222\" "
        out +=
            "stroke=\"#fff\" stroke-width=\"\(String(format: "%.1f", 3 * unit))\" paint-order=\"stroke\" "
            + "text-anchor=\"middle\">"
        for (name, value) in chosen {
            let pts = drawing.network.segments[value.longest].points
            let mid =
                Polyline.slice(pts, from: Polyline.length(pts) / 2, to: Polyline.length(pts) / 2).first
                ?? pts[pts.count / 2]
            let at = xy(mid).split(separator: ",")
            out += "<text x=\"\(at[0])\" y=\"\(at[1])\">\(HTMLText.escape(name))</text>"
        }
        return out + "</g>"
    }

    /// The depots of the rounds, as dots with a dark ring.
    func depots(_ rounds: [Round], unit: Double) -> String {
        var seen = Set<String>()
        var out = ""
        for r in rounds where seen.insert("\(r.organisation)/\(r.depot)").inserted {
            guard let first = drawing.points(r).first else { continue }
            let at = xy(first).split(separator: ",")
            out +=
                "<circle cx=\"\(at[0])\" cy=\"\(at[1])\" r=\"\(String(format: "%.1f", 5 * unit))\" fill=\"#fff\" "
                + "stroke=\"#222\" "
            out +=
                "stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"><title>depot "
                + "\(HTMLText.escape(r.depot))</title></circle>"
        }
        return out
    }

    /// A scale bar at the bottom left: a round length (1, 2 or 5 × 10ⁿ m)
    /// near a fifth of the map's width.
    func scaleBar(_ box: BoundingBox, unit: Double) -> String {
        let target = box.width / 5
        let magnitude = pow(10, floor(log10(target)))
        let metres = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let x = box.minX - origin.x + 12 * unit
        let y = origin.y - box.minY - 12 * unit
        let label = metres >= 1000 ? "\(NumberText.trimmed(metres / 1000)) km" : "\(Int(metres)) m"
        var out =
            "<g class=\"scalebar\"><rect x=\"\(f(x - 4 * unit))\" y=\"\(f(y - 18 * unit))\" "
            + "width=\"\(f(metres + 8 * unit))\" "
        out += "height=\"\(f(24 * unit))\" fill=\"#fff\" fill-opacity=\"0.8\"/>"
        out +=
            "<path d=\"M\(f(x)),\(f(y - 5 * unit))V\(f(y))H\(f(x + metres))V\(f(y - 5 * unit))\" fill=\"none\" "
            + "stroke=\"#222\" "
        out += "stroke-width=\"2\" vector-effect=\"non-scaling-stroke\"/>"
        out +=
            "<text x=\"\(f(x + metres / 2))\" y=\"\(f(y - 7 * unit))\" font-size=\"\(f(10 * unit))\" "
            + "text-anchor=\"middle\" "
        out += "font-family=\"system-ui,sans-serif\">\(label)</text></g>"
        return out
    }

    /// The legend under a map: a swatch per crew, then what the line styles mean.
    func legend(_ rounds: [Round], colours: [String: String]) -> String {
        var crews: [String] = []
        for r in rounds where !crews.contains(RoundText.crewKey(r)) { crews.append(RoundText.crewKey(r)) }
        var out = "<ul class=\"legend\">"
        for crew in crews.sorted() {
            out +=
                "<li><span class=\"swatch\" style=\"background:\(colours[crew] ?? "#000")\">"
                + "</span>\(HTMLText.escape(crew))</li>"
        }
        out +=
            "<li><span class=\"swatch thick\"></span>street served</li><li><span class=\"swatch dashed\"></span>driven"
            + "</li>"
        out += "<li><span class=\"swatch grey\"></span>other streets</li><li><span class=\"dot\"></span>depot</li></ul>"
        return out
    }

    private func f(_ x: Double) -> String { String(format: "%.1f", x) }
}

/// HTML text escaping and number formats for the report.
enum HTMLText {
    static func escape(_ s: String) -> String { XMLText.escape(s) }
}

enum NumberText {
    /// "1.5", "2" (no trailing zeros).
    static func trimmed(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)
    }

    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
}
