import Foundation
import Planning
import Works

/// One round's printed page in report.html: its facts, its map and the
/// streets in order with the turns between them. Cost: O(path of the round).
struct RouteSheet {
    let round: Round
    /// The round's stable key (`RoundText.keys`), used as the page anchor.
    let key: String
    let week: ISOWeek
    let drawing: RoundDrawing
    let map: MapSVG
    let colours: [String: String]

    func html() -> String {
        let r = round
        let when =
            r.day.map { "\($0.fullName.capitalized) \(LondonTime.dateText(week, $0))" }
            ?? "Gritting stand-by (when called out)"
        var h =
            "<section class=\"sheet\" id=\"\(key)\"><h2>\(HTMLText.escape(RoundText.title(r, drawing: drawing)))</h2>\n"
        h +=
            "<ul class=\"facts\"><li>\(when)</li><li>crew \(HTMLText.escape(r.crewLabel)) "
            + "(\(HTMLText.escape(r.organisation)))</li>"
        h += "<li>depot: \(HTMLText.escape(drawing.depot(of: r)?.name ?? r.depot))</li>"
        h += "<li>\(clock(0)) to \(clock(r.seconds))</li><li>\(r.stops.count) stops</li>"
        h +=
            "<li>\(NumberText.fixed(r.metres / 1000, 1)) km driven, "
            + "\(NumberText.fixed((r.metres - r.deadheadMetres) / 1000, 1)) km served</li>"
        if r.load > 0 { h += "<li>load \(NumberText.fixed(r.load, r.load < 10 ? 3 : 0))</li>" }
        h += "</ul>\n"
        h += map.map(
            [r], colours: colours, designWidth: 480, labelled: 8,
            caption: "Round \(r.id). \(drawing.attribution.attribution)")
        h += directions()
        return h + "</section>\n"
    }

    /// "HH:MM" on a day's round ("HH:MM next day" past midnight); "+H:MM"
    /// from the call-out on a stand-by one.
    func clock(_ seconds: Int) -> String {
        if round.day != nil { return WallClock.label(seconds, startMinutes: round.startMinutes) }
        return String(format: "+%d:%02d", seconds / 3600, seconds / 60 % 60)
    }

    /// The legs in order: time, the turn onto the street, serve or drive.
    func directions() -> String {
        var h =
            "<div class=\"scroll\"><table class=\"directions\"><tr><th>#</th><th>time</th><th class=\"text\">street"
            + "</th>"
        h += "<th class=\"text\">what</th><th>m</th></tr>\n"
        h +=
            "<tr><td></td><td>\(clock(0))</td><td class=\"text\">leave \(HTMLText.escape(depotName))</td><td></td><td>"
            + "</td></tr>\n"
        for (k, leg) in drawing.legs(round).enumerated() {
            let turn = leg.turn == .start ? "start on" : "\(leg.turn.rawValue) onto"
            let what = leg.serving ? RoundText.activities(leg.activities) : "drive"
            h += "<tr\(leg.serving ? " class=\"serve\"" : "")><td>\(k + 1)</td><td>\(clock(leg.startSeconds))</td>"
            h +=
                "<td class=\"text\">\(turn) \(HTMLText.escape(leg.street))</td><td "
                + "class=\"text\">\(HTMLText.escape(what))</td>"
            h += "<td>\(Int(leg.metres.rounded()))</td></tr>\n"
        }
        h +=
            "<tr><td></td><td>\(clock(round.seconds))</td><td class=\"text\">back at \(HTMLText.escape(depotName))</td>"
            + "<td></td><td></td></tr>\n"
        return h + "</table></div>\n"
    }

    var depotName: String { drawing.depot(of: round)?.name ?? "depot \(round.depot)" }
}
