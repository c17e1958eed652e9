import Geometry
import StreetNetwork

extension OSMPlaceNodes {
    /// A data block's coordinate scale: nanodegrees = offset + granularity x value.
    private struct Scale {
        var granularity: Int64 = 100
        var latOffset: Int64 = 0
        var lonOffset: Int64 = 0

        func location(lat: Int64, lon: Int64) -> LonLat {
            LonLat(
                lon: Double(lonOffset &+ granularity &* lon) * 1e-9, lat: Double(latOffset &+ granularity &* lat) * 1e-9
            )
        }
    }

    /// The block's string table, with the indices of the two keys that matter.
    private struct Tags {
        var strings: [String]
        var place: UInt64
        var name: UInt64

        /// The place node these tags make, if they make one.
        func node(keys: [UInt64], values: [UInt64], at location: LonLat) -> Node? {
            var kind: String?
            var title: String?
            for (key, value) in zip(keys, values) where value < UInt64(strings.count) {
                if key == place { kind = strings[Int(value)] } else if key == name { title = strings[Int(value)] }
            }
            guard let kind, Place.settlementKinds.contains(kind), let title, !title.isEmpty else { return nil }
            return Node(name: title, kind: kind, location: location)
        }
    }

    /// The place nodes of one inflated data block (a PrimitiveBlock).
    static func placeNodes(inBlock bytes: [UInt8]) throws -> [Node] {
        var reader = ProtobufReader(bytes[...])
        var strings: [String] = []
        var groups: [ArraySlice<UInt8>] = []
        var scale = Scale()
        while let field = try reader.nextField() {
            switch field.number {
            case 1: strings = try stringTable(try reader.lengthDelimited())
            case 2: groups.append(try reader.lengthDelimited())
            case 17: scale.granularity = Int64(truncatingIfNeeded: try reader.varint())
            case 19: scale.latOffset = Int64(bitPattern: try reader.varint())
            case 20: scale.lonOffset = Int64(bitPattern: try reader.varint())
            default: try reader.skip(field)
            }
        }
        guard let place = strings.firstIndex(of: "place"), let name = strings.firstIndex(of: "name") else { return [] }
        let tags = Tags(strings: strings, place: UInt64(place), name: UInt64(name))
        var nodes: [Node] = []
        for group in groups {
            var members = ProtobufReader(group)
            while let field = try members.nextField() {
                switch field.number {
                case 1: if let node = try plainNode(try members.lengthDelimited(), tags, scale) { nodes.append(node) }
                case 2: nodes += try denseNodes(try members.lengthDelimited(), tags, scale)
                default: try members.skip(field)
                }
            }
        }
        return nodes
    }

    private static func stringTable(_ bytes: ArraySlice<UInt8>) throws -> [String] {
        var reader = ProtobufReader(bytes)
        var strings: [String] = []
        while let field = try reader.nextField() {
            if field.number == 1 {
                strings.append(String(decoding: try reader.lengthDelimited(), as: UTF8.self))
            } else {
                try reader.skip(field)
            }
        }
        return strings
    }

    private static func plainNode(_ bytes: ArraySlice<UInt8>, _ tags: Tags, _ scale: Scale) throws -> Node? {
        var reader = ProtobufReader(bytes)
        var keys: [UInt64] = []
        var values: [UInt64] = []
        var lat: Int64 = 0
        var lon: Int64 = 0
        while let field = try reader.nextField() {
            switch field.number {
            case 2: keys = try ProtobufReader.packedVarints(try reader.lengthDelimited())
            case 3: values = try ProtobufReader.packedVarints(try reader.lengthDelimited())
            case 8: lat = try reader.signedVarint()
            case 9: lon = try reader.signedVarint()
            default: try reader.skip(field)
            }
        }
        return tags.node(keys: keys, values: values, at: scale.location(lat: lat, lon: lon))
    }

    /// Dense nodes: coordinates delta-coded; tags as one run of
    /// key, value, ..., 0 per node.
    private static func denseNodes(_ bytes: ArraySlice<UInt8>, _ tags: Tags, _ scale: Scale) throws -> [Node] {
        var reader = ProtobufReader(bytes)
        var lats: [Int64] = []
        var lons: [Int64] = []
        var keysValues: [UInt64] = []
        while let field = try reader.nextField() {
            switch field.number {
            case 8: lats = try ProtobufReader.packedDeltas(try reader.lengthDelimited())
            case 9: lons = try ProtobufReader.packedDeltas(try reader.lengthDelimited())
            case 10: keysValues = try ProtobufReader.packedVarints(try reader.lengthDelimited())
            default: try reader.skip(field)
            }
        }
        guard lats.count == lons.count else {
            throw ProtobufReader.Malformed(
                message: "dense nodes with \(lats.count) latitudes and \(lons.count) longitudes")
        }
        var nodes: [Node] = []
        var k = 0
        for i in lats.indices where k < keysValues.count {
            var keys: [UInt64] = []
            var values: [UInt64] = []
            while k < keysValues.count, keysValues[k] != 0 {
                guard k + 1 < keysValues.count else {
                    throw ProtobufReader.Malformed(message: "a tag key with no value")
                }
                keys.append(keysValues[k])
                values.append(keysValues[k + 1])
                k += 2
            }
            k += 1  // the 0 that ends this node's tags
            if !keys.isEmpty,
                let node = tags.node(keys: keys, values: values, at: scale.location(lat: lats[i], lon: lons[i]))
            {
                nodes.append(node)
            }
        }
        return nodes
    }
}
