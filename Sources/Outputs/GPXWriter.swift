import Foundation
import Geometry
import Planning
import Works

/// A GPX 1.1 file per round, for in-cab satnav: a route (`rte`) from the
/// depot through a named point per stop (street names, in order) and back,
/// which a satnav can follow, and the planned line as a timed track (`trk`,
/// UTC times from the Europe/London plan; stand-by gritting rounds have no
/// day, so their track has no times). Valid against the GPX 1.1 schema
/// (checked in the tests with xmllint). Cost: O(points of the round).
public enum GPXWriter {
    public static func text(_ r: Round, week: ISOWeek, drawing: RoundDrawing) -> String {
        let title = RoundText.title(r, drawing: drawing)
        let depot = drawing.depot(of: r)
        func time(_ seconds: Double) -> String? {
            r.day.map {
                LondonTime.utcText(
                    LondonTime.instant(week, $0, minutes: r.startMinutes).addingTimeInterval(seconds.rounded()))
            }
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gpx version=\"1.1\" creator=\"StreetRounds\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
        out += "  <metadata><name>\(escape(title))</name>"
        out +=
            "<desc>\(escape("\(r.crewLabel), \(depot?.name ?? r.depot), \(r.stops.count) stops, week \(week)"))</desc>"
        out += time(0).map { "<time>\($0)</time>" } ?? ""
        out += "</metadata>\n"
        out += "  <rte><name>\(escape(title))</name>\n"
        if let depot { out += "    " + point("rtept", depot.location, name: "Depot: \(depot.name)", time: nil) }
        for (k, stop) in r.stops.enumerated() {
            guard let p = drawing.stopLocation(stop) else { continue }
            let street = drawing.network.segments[stop.visit.segment].displayName
            out +=
                "    "
                + point(
                    "rtept", p, name: "\(k + 1) \(street)", time: time(Double(stop.arrival)),
                    desc: RoundText.activities(stop.visit.activities))
        }
        if let depot { out += "    " + point("rtept", depot.location, name: "Back to depot: \(depot.name)", time: nil) }
        out += "  </rte>\n  <trk><name>\(escape(title))</name><trkseg>\n"
        for tp in drawing.timedPoints(r) {
            guard let p = drawing.projection.unproject(tp.point) else { continue }
            out += "    " + point("trkpt", p, name: nil, time: time(tp.seconds))
        }
        out += "  </trkseg></trk>\n</gpx>\n"
        return out
    }

    /// A `wptType` element: children in the schema's order (time, name, desc).
    static func point(_ tag: String, _ p: LonLat, name: String?, time: String?, desc: String? = nil) -> String {
        var out = String(format: "<\(tag) lat=\"%.7f\" lon=\"%.7f\">", p.lat, p.lon)
        if let time { out += "<time>\(time)</time>" }
        if let name { out += "<name>\(escape(name))</name>" }
        if let desc { out += "<desc>\(escape(desc))</desc>" }
        return out + "</\(tag)>\n"
    }

    /// Text for XML 1.0 (`XMLText`).
    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
