import Foundation

/// The street file formats StreetRounds reads, told apart by content, not
/// by file name.
public enum StreetFileFormat: String, Sendable {
    case geoJSON = "GeoJSON"
    case geoPackage = "GeoPackage"

    /// Detects the format from the first bytes.
    /// - Throws: `StreetImportError` when the file is missing, empty or
    ///   neither format.
    public static func detect(_ url: URL) throws -> StreetFileFormat {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw StreetImportError(
                .unreadableFile, "\(url.path): cannot open the file; check the path and its permissions")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64)) ?? Data()
        if head.starts(with: Array("SQLite format 3\0".utf8)) { return .geoPackage }
        let first = head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if first == UInt8(ascii: "{") { return .geoJSON }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw StreetImportError(
                .unsupportedFormat,
                "\(url.path): the file is UTF-16 text; GeoJSON is UTF-8: save it again as UTF-8 "
                    + "(in QGIS, Export > Save Features As, encoding UTF-8)")
        }
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw StreetImportError(.unreadableFile, "\(url.path) is a folder; give a GeoJSON or GeoPackage file")
        }
        if head.isEmpty {
            throw StreetImportError(
                .unsupportedFormat,
                "\(url.path): the file is empty; give a GeoJSON (.geojson) or GeoPackage (.gpkg) street file")
        }
        let shown = String(decoding: head.prefix(16), as: UTF8.self).filter { $0.isASCII && !$0.isNewline }
        throw StreetImportError(
            .unsupportedFormat,
            "\(url.path): neither GeoJSON nor GeoPackage (it starts with \"\(shown)\"); "
                + "StreetRounds reads GeoJSON FeatureCollections (.geojson) and GeoPackages (.gpkg)")
    }
}
