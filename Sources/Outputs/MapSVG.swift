import Foundation
import Geometry
import Planning
import StreetNetwork
import Works

/// SVG maps of rounds for report.html, all in one world frame: x metres east
/// and y metres south of the network's north-west corner. The street
/// network is written once (`background`) and every map shows it with
/// `<use>` under its own viewBox, so a county report does not repeat its
/// streets per map. Strokes do not scale; labels and the scale bar are
/// sized for the map's design width. Cost: O(points drawn).
struct MapSVG {
    let drawing: RoundDrawing
    let origin: Point
    static let backgroundID = "streets"

    init(drawing: RoundDrawing) {
        self.drawing = drawing
        var box: BoundingBox?
        for s in drawing.network.segments {
            if box == nil { box = s.boundingBox } else { box?.include(s.boundingBox) }
        }
        origin = Point(x: box?.minX ?? 0, y: box?.maxY ?? 0)
    }

    /// World coordinates to the metre (finer than any map here draws).
    func xy(_ p: Point) -> String { String(format: "%.0f,%.0f", p.x - origin.x, origin.y - p.y) }

    func polyline(_ points: [Point]) -> String { points.map(xy).joined(separator: " ") }

    /// Every street once, grey, in a hidden SVG the maps refer to.
    func background() -> String {
        var out =
            "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs><g id=\"\(Self.backgroundID)\" "
            + "fill=\"none\" "
        out += "stroke=\"#c8c8c8\" stroke-width=\"1\">"
        for s in drawing.network.segments {
            out += "<polyline id=\"s\(s.id)\" vector-effect=\"non-scaling-stroke\" points=\"\(polyline(s.points))\"/>"
        }
        return out + "</g></defs></svg>\n"
    }

    /// A map of `rounds`, coloured by crew: driven lines dashed, served
    /// streets thick, the depots as dots, the `labelled` longest served
    /// streets named, a scale bar, and an HTML legend beside it.
    func map(
        _ rounds: [Round], colours: [String: String], designWidth: Double, labelled: Int, caption: String
    ) -> String {
        let points = rounds.flatMap(drawing.points)
        guard let fitted = BoundingBox(around: points) else { return "" }
        let box = Self.framed(fitted)
        let unit = box.width / designWidth  // metres per design pixel
        let viewBox = String(
            format: "%.1f %.1f %.1f %.1f", box.minX - origin.x, origin.y - box.maxY, box.width, box.height)
        var out = "<figure class=\"map\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"\(viewBox)\" role=\"img\" "
        out += "aria-label=\"\(HTMLText.escape(caption))\"><use href=\"#\(Self.backgroundID)\"/>"
        // Streets by reference to the background layer: a county report stays a few megabytes.
        for r in rounds {
            let colour = colours[RoundText.crewKey(r)] ?? "#000"
            out += "<g fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\">"
            out += Set(r.path.map(\.segment)).sorted().map { "<use href=\"#s\($0)\"/>" }.joined() + "</g>"
            out += "<g fill=\"none\" stroke=\"\(colour)\" stroke-width=\"4.5\" stroke-linecap=\"round\">"
            out += Set(r.stops.map(\.visit.segment)).sorted().map { "<use href=\"#s\($0)\"/>" }.joined() + "</g>"
        }
        out += labels(rounds, count: labelled, unit: unit) + depots(rounds, unit: unit) + scaleBar(box, unit: unit)
        out += "</svg>" + legend(rounds, colours: colours)
        out += "<figcaption>\(HTMLText.escape(caption))</figcaption></figure>\n"
        return out
    }

    /// The box widened to a readable shape (never thinner than 1:1.6) and at least 300 m across.
    static func framed(_ b: BoundingBox) -> BoundingBox {
        var w = max(b.width, 300)
        var h = max(b.height, 300)
        w = max(w, h / 1.6)
        h = max(h, w / 1.6)
        let cx = (b.minX + b.maxX) / 2
        let cy = (b.minY + b.maxY) / 2
        let margin = max(w, h) * 0.04
        return BoundingBox(
            minX: cx - w / 2 - margin, minY: cy - h / 2 - margin, maxX: cx + w / 2 + margin, maxY: cy + h / 2 + margin)
    }
}
