import Foundation
import Geometry
import JSON

/// What two different activities on one street mean (data/compatibility.json):
/// combinable by one crew, groupable on one day, or in conflict; and the
/// order rules (grass cutting before sweeping).
public struct Compatibility: Sendable {
    public struct Pair: Sendable, Equatable {
        public var combine: Bool
        public var conflict: Bool
        public var why: String
    }

    public struct OrderRule: Sendable, Equatable {
        public var first: String
        public var then: String
        public var why: String
    }

    private let pairs: [String: Pair]
    public let orderRules: [OrderRule]

    public init(pairs: [(String, String, Pair)], orderRules: [OrderRule]) {
        var table: [String: Pair] = [:]
        for (a, b, pair) in pairs { table[Self.key(a, b)] = pair }
        self.pairs = table
        self.orderRules = orderRules
    }

    static func key(_ a: String, _ b: String) -> String { a < b ? "\(a)+\(b)" : "\(b)+\(a)" }

    /// The entry for two different activities; pairs not listed group on one day.
    public func pair(_ a: String, _ b: String) -> Pair {
        pairs[Self.key(a, b)]
            ?? Pair(combine: false, conflict: false, why: "different jobs on the same street: group them on one day")
    }

    /// - Throws: `WorksError.badCatalogue` naming the entry.
    public init(contentsOf url: URL, catalogue: ActivityCatalogue) throws {
        let data: Data
        do { data = try JSONParser.readFile(url, maxBytes: 16 * 1_048_576) } catch {
            throw WorksError(.badCatalogue, "\(url.path): cannot read the compatibility table (\(error))")
        }
        try self.init(data: data, name: url.path, catalogue: catalogue)
    }

    /// The table from JSON bytes; `name` says where they came from in errors.
    public init(data: Data, name file: String, catalogue: ActivityCatalogue) throws {
        let json: JSON
        do { json = try JSONParser.parse(data) } catch {
            throw WorksError(.badCatalogue, "\(file): cannot read the compatibility table (\(error))")
        }
        func known(_ code: String) throws -> String {
            guard catalogue[code] != nil else {
                throw WorksError(
                    .badCatalogue,
                    "\(file): \"\(code)\" is not in the activity catalogue\(Suggestion.hint(code, catalogue.codes))")
            }
            return code
        }
        var pairs: [(String, String, Pair)] = []
        for (k, entry) in (json["pairs"]?.array ?? []).enumerated() {
            guard let codes = entry["activities"]?.array?.compactMap(\.string), codes.count == 2 else {
                throw WorksError(.badCatalogue, "\(file): pair \(k) needs \"activities\": [\"a\", \"b\"]")
            }
            pairs.append(
                (
                    try known(codes[0]), try known(codes[1]),
                    Pair(
                        combine: entry["combine"]?.bool ?? false, conflict: entry["conflict"]?.bool ?? false,
                        why: entry["why"]?.string ?? "")
                ))
        }
        var rules: [OrderRule] = []
        for entry in json["order_rules"]?.array ?? [] {
            guard let first = entry["first"]?.string, let then = entry["then"]?.string else {
                throw WorksError(.badCatalogue, "\(file): an order rule needs \"first\" and \"then\"")
            }
            rules.append(OrderRule(first: try known(first), then: try known(then), why: entry["why"]?.string ?? ""))
        }
        self.init(pairs: pairs, orderRules: rules)
    }
}
