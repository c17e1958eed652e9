import Foundation
import Geometry
import Outputs
import StreetNetwork

/// A small SVG map for the partners' page, drawn from the store's network
/// (nothing fetched): the streets around the partner's tasks in grey, its
/// tasks in blue, the week's overlaps in red. Coordinates are the
/// network's projected metres, y flipped.
struct TaskMapSVG {
    let network: StreetNetwork
    /// Width of the drawing in SVG user units.
    var width = 800.0
    /// At most this many background streets, so a county stays light.
    var maxBackground = 20_000

    /// - Complexity: O(segments) to choose, O(points drawn) to write.
    func draw(own: Set<Int>, overlaps: Set<Int>) -> String {
        let focus = own.union(overlaps).filter { network.segments.indices.contains($0) }
        var box =
            BoundingBox(around: focus.flatMap { network.segments[$0].points })
            ?? BoundingBox(around: network.segments.flatMap(\.points))
            ?? BoundingBox(minX: 0, minY: 0, maxX: 1, maxY: 1)
        box = box.expanded(by: max(50, 0.05 * max(box.width, box.height)))
        let scale = width / max(box.width, 1)
        let height = max(1, box.height * scale)
        func path(_ id: Int) -> String {
            network.segments[id].points.enumerated().map { k, p in
                (k == 0 ? "M" : "L") + String(format: "%.1f %.1f", (p.x - box.minX) * scale, (box.maxY - p.y) * scale)
            }.joined(separator: " ")
        }
        var background: [Int] = []
        for s in network.segments where background.count < maxBackground && !focus.contains(s.id) {
            if s.points.contains(where: box.contains) { background.append(s.id) }
        }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" "
            + "role=\"img\" aria-label=\"Tasks and overlaps\">\n"
        out +=
            "<g fill=\"none\" stroke=\"#c8c8c8\" stroke-width=\"1\">"
            + background.map { "<path d=\"\(path($0))\"/>" }.joined() + "</g>\n"
        func layer(_ ids: Set<Int>) -> String {
            ids.sorted().filter(network.segments.indices.contains).map { segment($0, path($0)) }.joined()
        }
        out += "<g fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"3\" class=\"own\">" + layer(own) + "</g>\n"
        out += "<g fill=\"none\" stroke=\"#d0302f\" stroke-width=\"4\" class=\"overlap\">" + layer(overlaps) + "</g>\n"
        return out + "</svg>\n"
    }

    private func segment(_ id: Int, _ d: String) -> String {
        "<path d=\"\(d)\"><title>\(Self.escape(network.segments[id].displayName)) (segment \(id))</title></path>"
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
