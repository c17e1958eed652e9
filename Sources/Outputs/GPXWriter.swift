import Foundation
import Geometry
import Planning
import Works

/// A GPX 1.1 file per round (for in-cab satnav): the route as a track, the
/// stops as waypoints.
public enum GPXWriter {
    public static func text(_ r: Round, drawing: RoundDrawing) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func coordinate(_ p: LonLat) -> String { String(format: "lat=\"%.7f\" lon=\"%.7f\"", p.lat, p.lon) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gpx version=\"1.1\" creator=\"StreetRounds\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
        out += "  <metadata><name>\(escape(r.id))</name><desc>\(escape("\(r.crewLabel), depot \(r.depot), \(r.stops.count) stops"))</desc></metadata>\n"
        for (k, stop) in r.stops.enumerated() {
            guard let p = drawing.stopLocation(stop) else { continue }
            let street = drawing.network.segments[stop.visit.segment].displayName
            out += "  <wpt \(coordinate(p))><name>\(k + 1) \(escape(street))</name><desc>\(escape(stop.visit.activities.joined(separator: ", ")))</desc></wpt>\n"
        }
        out += "  <trk><name>\(escape(r.id))</name><trkseg>\n"
        for p in drawing.lonLats(r) { out += "    <trkpt \(coordinate(p))/>\n" }
        out += "  </trkseg></trk>\n</gpx>\n"
        return out
    }
}
