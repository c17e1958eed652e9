import Foundation
import TestSupport
import Works

/// A task list with the given features (JSON text of each feature).
func taskList(organisation: String? = "town-council", _ features: [String]) -> Data {
    let org = organisation.map { "\"organisation\": \"\($0)\", " } ?? ""
    return Data("{\"type\": \"FeatureCollection\", \(org)\"features\": [\(features.joined(separator: ",\n"))]}".utf8)
}

/// A feature on the sample town's High Street with these properties.
func feature(
    _ properties: String,
    geometry: String = #"{"type": "LineString", "coordinates": [[-2.808, 52.531], [-2.808, 52.532]]}"#
) -> String {
    "{\"type\": \"Feature\", \"geometry\": \(geometry), \"properties\": {\(properties)}}"
}
