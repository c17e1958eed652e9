/// Where a street network came from, and the credit its licence asks for
/// on every map and report drawn from it.
public struct StreetDataSource: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// OpenStreetMap (ODbL).
        case openStreetMap = "osm"
        /// Ordnance Survey OpenData, e.g. OS Open Roads (Open Government Licence).
        case ordnanceSurvey = "os"
        /// StreetRounds' synthetic sample town: no real streets.
        case synthetic
        /// Anything else: the credit names the file.
        case other
    }

    public var kind: Kind
    /// The year of the data (OS asks for it in its credit); the import year when the file does not say.
    public var year: Int?
    /// The imported file's name.
    public var sourceFile: String?

    public init(kind: Kind, year: Int? = nil, sourceFile: String? = nil) {
        self.kind = kind
        self.year = year
        self.sourceFile = sourceFile
    }

    /// The credit line to print with every map.
    public var attribution: String {
        switch kind {
        case .openStreetMap: return "Street data © OpenStreetMap contributors, ODbL (openstreetmap.org/copyright)."
        case .ordnanceSurvey:
            return
                "Contains OS data © Crown copyright and database right "
                + "\(year.map(String.init) ?? "(year of the data)"). "
                + "Open Government Licence v3.0."
        case .synthetic: return "Synthetic street data: the StreetRounds sample town, made up; no real streets."
        case .other:
            return "Street data from \(sourceFile ?? "the imported file"); see its licence for the credit it requires."
        }
    }
}
