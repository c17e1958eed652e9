import Geometry

/// One street line as a reader found it, before topology: an OSM way or an
/// OS road link, projected to metres, with the attributes kept.
public struct StreetLine: Sendable {
    /// Position of the feature in its file, from 0 (for messages).
    public var featureIndex: Int
    /// The source's own id (OSM way id, OS identifier).
    public var sourceID: String
    public var name: String?
    /// OSM `highway` value or OS `class`.
    public var roadClass: String
    /// Road number, e.g. A47.
    public var ref: String?
    /// USRN when the source has one.
    public var usrn: String?
    /// OS `formOfWay` ("Single Carriageway", "Slip Road", ...).
    public var formOfWay: String?
    /// OS link-and-node topology, when given.
    public var sourceStartNode: String?
    public var sourceEndNode: String?
    /// True when travel is allowed only from the first point to the last.
    public var oneWay: Bool
    /// Travel speed in km/h (speed limit, else the class default).
    public var speedKmh: Double
    /// The line in projected metres, at least 2 points.
    public var points: [Point]

    /// Whether the source says where the line meets others (start and end
    /// nodes), so that it is never split at a vertex inside it.
    public var hasExplicitTopology: Bool { sourceStartNode != nil && sourceEndNode != nil }

    public init(
        featureIndex: Int, sourceID: String, name: String? = nil, roadClass: String, ref: String? = nil,
        usrn: String? = nil, formOfWay: String? = nil, sourceStartNode: String? = nil, sourceEndNode: String? = nil,
        oneWay: Bool = false, speedKmh: Double? = nil, points: [Point]
    ) {
        self.featureIndex = featureIndex
        self.sourceID = sourceID
        self.name = name
        self.roadClass = roadClass
        self.ref = ref
        self.usrn = usrn
        self.formOfWay = formOfWay
        self.sourceStartNode = sourceStartNode
        self.sourceEndNode = sourceEndNode
        self.oneWay = oneWay
        self.speedKmh = speedKmh ?? RoadClass.defaultSpeedKmh(roadClass)
        self.points = points
    }
}
