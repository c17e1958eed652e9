import Foundation

extension CARPProblem {
    /// Reads the classic CARP benchmark format (CARPLIB layout with Spanish
    /// keywords: NOMBRE, VERTICES, CAPACIDAD, LISTA_ARISTAS_REQ,
    /// LISTA_ARISTAS_NOREQ, DEPOSITO). Nodes are renumbered from 0. The
    /// instance is named after the file (egl-e2-A names itself "egl-e2-7"),
    /// COSTE_TOTAL_REQ is ignored (wrong in every val file), and the depot is
    /// read from DEPOSITO, never assumed to be node 1. The extensions
    /// StreetRounds writes for street problems (`CARPProblem+Writing`) are
    /// read back: `servicio S` (a service cost apart from `coste`), `arco`
    /// (a one-way link) and `LIMITE_RUTA : N` (the route limit). A number
    /// given twice, a link before either list, a list whose length is not
    /// the ARISTAS_REQ or ARISTAS_NOREQ the header states, or one of these
    /// two that is not a whole number, is refused.
    /// - Throws: `ArcRoutingError.malformedInstance` with the line number.
    public init(contentsOf url: URL) throws {
        let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        guard size <= Self.maxFileBytes else {
            throw ArcRoutingError(
                .malformedInstance,
                "\(url.path) is \(size / 1_048_576) MiB, over the limit of "
                    + "\(Self.maxFileBytes / 1_048_576) MiB for a CARP instance")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ArcRoutingError(
                .malformedInstance,
                "\(url.path): cannot read the file as UTF-8 text (\(error.localizedDescription))")
        }
        try self.init(carpText: text, name: url.deletingPathExtension().lastPathComponent)
    }

    /// Files over this size are refused before they are read (the largest benchmark, egl-g, is 60 KiB).
    public static let maxFileBytes = 64 * 1_048_576
    /// The largest vertex count read; a larger one fails before anything is allocated for it.
    public static let maxNodes = 10_000_000
    /// The largest cost, demand or capacity read: sums over a million links stay far from overflow.
    public static let maxValue = 1_000_000_000

    public init(carpText text: String, name: String) throws {
        var header = CARPHeader()
        var links: [Link] = []
        var section = ""
        func fail(_ line: Int, _ what: String) -> ArcRoutingError {
            ArcRoutingError(.malformedInstance, "\(name) line \(line): \(what)")
        }
        // Any line break: "\r\n" is one Character, which a split on "\n" would not cut.
        for (k, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = k + 1
            if line.isEmpty { continue }
            if line.hasPrefix("(") {
                guard !section.isEmpty else {
                    throw fail(
                        number,
                        "a link before LISTA_ARISTAS_REQ or LISTA_ARISTAS_NOREQ, found \"\(line)\"; "
                            + "put it under \"LISTA_ARISTAS_REQ :\" (to serve) or \"LISTA_ARISTAS_NOREQ :\"")
                }
                links.append(try Self.link(line, required: section == "REQ") { fail(number, $0) })
                header.listed[section, default: 0] += 1
                continue
            }
            let (key, value) = try Self.header(line) { fail(number, $0) }
            switch key {
            case "LISTA_ARISTAS_REQ": section = "REQ"
            case "LISTA_ARISTAS_NOREQ": section = "NOREQ"
            default:
                guard let value, CARPHeader.numberKeys.contains(key) else { continue }
                try header.record(key, value, line: number) { fail(number, $0) }
            }
        }
        try header.check(name: name, linkCount: links.count)
        self.init(
            name: name, nodeCount: header["VERTICES"]!, depot: header["DEPOSITO"]! - 1, links: links,
            capacity: header["CAPACIDAD"]!, maxRouteCost: header["LIMITE_RUTA"])
        firstNumber = 1
        try validate()
    }

    /// The key of a header line "KEY : N" and its value when a whole number;
    /// a key that needs a number and has none readable is refused.
    private static func header(_ line: String, fail: (String) -> ArcRoutingError) throws -> (String, Int?) {
        let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let key = parts.first?.uppercased() ?? ""
        let word = parts.count > 1 ? parts[1].split(whereSeparator: \.isWhitespace).first : nil
        let value = word.flatMap(integer)
        if CARPHeader.numberKeys.contains(key), value == nil {
            throw fail("\(key) needs a whole number of at most \(maxValue), found \"\(word ?? "")\"")
        }
        return (key, value)
    }

    /// One link line, "( 1, 2)  coste 13 demanda 1": vertices from 1, costs and demands not negative.
    private static func link(_ line: String, required: Bool, fail: (String) -> ArcRoutingError) throws -> Link {
        let inner = line.dropFirst().split(separator: ")", maxSplits: 1)
        guard inner.count == 2 else { throw fail("expected ( u, v) coste C [demanda D]") }
        let ends = inner[0].split(separator: ",").compactMap { integer($0.trimmingCharacters(in: .whitespaces)) }
        let words = inner[1].split(whereSeparator: \.isWhitespace)
        func value(_ key: String) throws -> Int? {
            guard let i = words.firstIndex(where: { $0.lowercased() == key }), i + 1 < words.count else { return nil }
            guard let number = integer(words[i + 1]) else {
                throw fail("\(key) must be a whole number, found \"\(words[i + 1].prefix(20))\" in \"\(line)\"")
            }
            return number
        }
        guard ends.count == 2, let cost = try value("coste") else {
            throw fail("expected ( u, v) coste C [demanda D], found \"\(line)\"")
        }
        let demand = try value("demanda")
        let service = words.contains { $0.lowercased() == "servicio" } ? try value("servicio") : cost
        if required, demand == nil { throw fail("a required edge needs \"demanda D\"") }
        guard let service else { throw fail("\"servicio\" needs a service cost, in \"\(line)\"") }
        guard cost >= 0, service >= 0, (demand ?? 0) >= 0 else {
            throw fail("a negative cost or demand in \"\(line)\"")
        }
        guard ends.allSatisfy({ $0 >= 1 }) else { throw fail("vertices are numbered from 1, found \"\(line)\"") }
        let oneWay = words.contains { $0.lowercased() == "arco" }
        return Link(
            from: ends[0] - 1, to: ends[1] - 1, twoWay: !oneWay, deadheadCost: cost, serviceCost: service,
            demand: required ? demand : nil)
    }

    /// "13" or "3625." as an integer within ±`maxValue`; nil for anything else (1e19, 1e400, "x").
    private static func integer<S: StringProtocol>(_ text: S) -> Int? {
        guard let value = Double(text), value.isFinite, value == value.rounded(), abs(value) <= Double(maxValue)
        else { return nil }
        return Int(value)
    }
}

/// The numbers of a CARPLIB header, each given at most once, and the links
/// counted in each list, checked against them when the header states
/// ARISTAS_REQ or ARISTAS_NOREQ (a file cut short, or a list run into
/// another, is refused rather than solved as half a problem). Internal.
struct CARPHeader {
    /// The keys whose value is a whole number. VEHICULOS is read but not
    /// used: a guide in these files; most papers leave the fleet free.
    static let numberKeys: Set<String> = [
        "VERTICES", "CAPACIDAD", "VEHICULOS", "DEPOSITO", "LIMITE_RUTA", "ARISTAS_REQ", "ARISTAS_NOREQ"
    ]
    private var values: [String: (value: Int, line: Int)] = [:]
    /// Links read in each list ("REQ", "NOREQ").
    var listed: [String: Int] = [:]

    subscript(key: String) -> Int? { values[key]?.value }

    mutating func record(_ key: String, _ value: Int, line: Int, fail: (String) -> ArcRoutingError) throws {
        if key == "LIMITE_RUTA", value <= 0 { throw fail("LIMITE_RUTA needs a positive route limit") }
        if let first = values[key] {
            throw fail("\(key) given a second time (first on line \(first.line)); keep one")
        }
        values[key] = (value, line)
    }

    /// Refuses a header without a needed line, or whose numbers do not
    /// match the links read: the counts first, since a file cut short
    /// also lacks its last lines (DEPOSITO, in every classic file).
    func check(name: String, linkCount: Int) throws {
        // "name line N: ..." where the number has a line, as the reader's other messages.
        func fail(_ key: String, _ what: String) -> ArcRoutingError {
            ArcRoutingError(.malformedInstance, "\(name)\(values[key].map { " line \($0.line)" } ?? ""): \(what)")
        }
        for (key, list) in [("ARISTAS_REQ", "REQ"), ("ARISTAS_NOREQ", "NOREQ")] {
            guard let stated = values[key], stated.value != listed[list, default: 0] else { continue }
            throw fail(
                key,
                "\(key) says \(stated.value) links, LISTA_\(key) has \(listed[list, default: 0]); "
                    + "is the file cut short? make the two agree")
        }
        guard let nodeCount = self["VERTICES"] else { throw fail("VERTICES", "no VERTICES line") }
        // Every vertex but the depot ends a link in a connected instance: a count beyond that is a typo or
        // an attack, refused before anything is sized by it.
        let most = min(CARPProblem.maxNodes, 2 * linkCount + 1)
        guard nodeCount >= 1, nodeCount <= most else {
            throw fail("VERTICES", "VERTICES \(nodeCount) is not a vertex count for \(linkCount) links (1 to \(most))")
        }
        guard self["CAPACIDAD"] != nil else { throw fail("CAPACIDAD", "no CAPACIDAD line") }
        guard let depot = self["DEPOSITO"] else { throw fail("DEPOSITO", "no DEPOSITO line") }
        guard (1...nodeCount).contains(depot) else {
            throw fail("DEPOSITO", "DEPOSITO \(depot) is not a vertex (1 to \(nodeCount))")
        }
        guard listed["REQ", default: 0] > 0 else {
            throw fail("LISTA_ARISTAS_REQ", "no required edges (LISTA_ARISTAS_REQ)")
        }
    }
}
