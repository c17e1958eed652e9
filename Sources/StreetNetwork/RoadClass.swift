import Foundation

/// Road classes: which ones vehicles use, and the default travel speed of
/// each when a street has no usable speed limit.
///
/// OpenStreetMap `highway` values are kept as they are; Ordnance Survey
/// Open Roads classes ("A Road", "Unclassified", ...) map onto the same table.
public enum RoadClass {
    /// OSM `highway` values a maintenance vehicle drives on (the ones the
    /// shared data README counts as vehicular): motorway to residential,
    /// service, living_street, the *_link roads and road.
    public static let vehicular: Set<String> = [
        "motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
        "motorway_link", "trunk_link", "primary_link", "secondary_link", "tertiary_link",
        "service", "living_street", "road"
    ]

    /// Whether vehicles use a road of OSM class `highway`.
    public static func isVehicular(_ highway: String) -> Bool {
        vehicular.contains(highway)
    }

    /// Default speed in km/h when there is no usable speed limit. Chosen as
    /// typical free-flow speeds of a works vehicle on English roads, below the
    /// national limits: 60 mph single carriageway = 96 km/h, 30 mph urban =
    /// 48 km/h.
    public static func defaultSpeedKmh(_ roadClass: String) -> Double {
        switch roadClass {
        case "motorway", "Motorway": return 100
        case "trunk", "A Road": return 80
        case "primary": return 70
        case "secondary", "B Road": return 60
        case "tertiary", "Classified Unnumbered": return 50
        case "motorway_link", "trunk_link", "primary_link": return 50
        case "secondary_link", "tertiary_link": return 40
        case "unclassified", "Unclassified", "road", "Unknown": return 40
        case "residential", "Not Classified": return 30
        case "living_street": return 15
        case "service": return 15
        default: return 30
        }
    }

    /// The speeds a `maxspeed` may give, in km/h: below, or above, it is no speed a works vehicle drives at
    /// (a typing slip such as "0.0001" or "1e308"), and the road class's default is used instead.
    public static let plausibleSpeedKmh: ClosedRange<Double> = 1...200

    /// Reads an OSM `maxspeed` value as km/h: "30 mph", "50", "50 km/h", "GB:nsl_single", "national"
    /// (the first of a list such as "30;50"); nil when it is missing, not understood (a number followed by
    /// anything but a unit, an exponent, a sign) or outside `plausibleSpeedKmh`.
    public static func parseMaxSpeed(_ text: String?) -> Double? {
        guard let whole = text?.lowercased(), let first = whole.split(separator: ";").first else { return nil }
        let raw = first.trimmingCharacters(in: .whitespaces)
        switch raw {
        case "national", "gb:nsl_single", "uk:nsl_single": return 96.56
        case "gb:nsl_dual", "uk:nsl_dual", "gb:motorway", "uk:motorway": return 112.65
        case "walk": return 6
        default: break
        }
        let digits = raw.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let units: [String: Double] = ["": 1, "km/h": 1, "kmh": 1, "kph": 1, "mph": 1.609344, "knots": 1.852]
        guard let factor = units[raw.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)],
            digits.first?.isNumber == true, let value = Double(digits)
        else { return nil }
        let speed = value * factor
        return plausibleSpeedKmh.contains(speed) ? speed : nil
    }
}
