import Geometry
import StreetNetwork

extension RawFeatures {
    /// Whose data the features are, from their attribute schema (checked on
    /// the first 50 features): OpenStreetMap tags (`highway`, `@id`,
    /// `osm_id`) or the OS Open Roads schema (`formOfWay`, `roadClassification`,
    /// `startNode`). A file that calls itself synthetic (its GeoJSON name or
    /// description) says so first. O(1).
    var detectedDataSource: StreetDataSource.Kind {
        if dataSource == .synthetic { return .synthetic }
        let keys = Set(features.prefix(50).flatMap { $0.properties.keys.map { $0.lowercased() } })
        if !keys.isDisjoint(with: [
            "formofway", "form_of_way", "roadclassification", "road_classification", "startnode", "start_node"
        ]) {
            return .ordnanceSurvey
        }
        if !keys.isDisjoint(with: ["@id", "osm_id", "highway"]) { return .openStreetMap }
        return .other
    }
}
