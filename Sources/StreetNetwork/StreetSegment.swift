import Geometry

/// A piece of road centre line between two junctions (or a dead end): the
/// unit of service. Geometry in projected metres, always drawn in the
/// direction of travel when the segment is one-way.
public struct StreetSegment: Sendable, Equatable {
    /// Dense id, from 0, stable for one import.
    public var id: Int
    /// Junction ids at either end.
    public var from: Int
    public var to: Int
    public var sourceID: String
    public var name: String?
    public var roadClass: String
    public var ref: String?
    public var usrn: String?
    public var formOfWay: String?
    public var oneWay: Bool
    public var speedKmh: Double
    /// Length in metres along the geometry.
    public var length: Double
    public var points: [Point]
    /// Connected component: 0 is the main (largest) one.
    public var component: Int

    public init(
        id: Int, from: Int, to: Int, sourceID: String, name: String?, roadClass: String, ref: String?,
        usrn: String?, formOfWay: String?, oneWay: Bool, speedKmh: Double, length: Double, points: [Point],
        component: Int
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.sourceID = sourceID
        self.name = name
        self.roadClass = roadClass
        self.ref = ref
        self.usrn = usrn
        self.formOfWay = formOfWay
        self.oneWay = oneWay
        self.speedKmh = speedKmh
        self.length = length
        self.points = points
        self.component = component
    }

    /// Travel time along the whole segment in seconds.
    public var travelSeconds: Double { seconds(along: length) }

    /// Travel time along `metres` of the segment in seconds, at its speed held within
    /// `RoadClass.plausibleSpeedKmh` (a store written before imports checked speeds may hold any).
    public func seconds(along metres: Double) -> Double {
        let plausible = RoadClass.plausibleSpeedKmh
        let speed =
            speedKmh.isNaN ? plausible.lowerBound : min(plausible.upperBound, max(plausible.lowerBound, speedKmh))
        return metres / (speed / 3.6)
    }

    /// A name for people: the street name, else the road number, else the
    /// road class with the source id.
    public var displayName: String {
        if let name, !name.isEmpty { return name }
        if let ref, !ref.isEmpty { return ref }
        return "unnamed \(roadClass) \(sourceID)"
    }

    public var boundingBox: BoundingBox { BoundingBox(around: points)! }
}
