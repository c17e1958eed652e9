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
    /// (a one-way link) and `LIMITE_RUTA : N` (the route limit).
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
        var nodeCount: Int?
        var capacity: Int?
        var depot: Int?
        var fleet: Int?
        var routeLimit: Int?
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
                links.append(try Self.link(line, required: section == "REQ") { fail(number, $0) })
                continue
            }
            let (key, value) = try Self.header(line) { fail(number, $0) }
            switch key {
            case "VERTICES": nodeCount = value
            case "CAPACIDAD": capacity = value
            case "VEHICULOS": fleet = value
            case "DEPOSITO": depot = value.map { $0 - 1 }
            case "LIMITE_RUTA":
                guard let value, value > 0 else { throw fail(number, "LIMITE_RUTA needs a positive route limit") }
                routeLimit = value
            case "LISTA_ARISTAS_REQ": section = "REQ"
            case "LISTA_ARISTAS_NOREQ": section = "NOREQ"
            default: break
            }
        }
        guard let nodeCount else { throw ArcRoutingError(.malformedInstance, "\(name): no VERTICES line") }
        // Every vertex but the depot ends a link in a connected instance: a count beyond that is a typo or
        // an attack, refused before anything is sized by it.
        guard nodeCount >= 1, nodeCount <= min(Self.maxNodes, 2 * links.count + 1) else {
            throw ArcRoutingError(
                .malformedInstance,
                "\(name): VERTICES \(nodeCount) is not a vertex count for "
                    + "\(links.count) links (1 to \(min(Self.maxNodes, 2 * links.count + 1)))")
        }
        guard let capacity else { throw ArcRoutingError(.malformedInstance, "\(name): no CAPACIDAD line") }
        guard let depot else { throw ArcRoutingError(.malformedInstance, "\(name): no DEPOSITO line") }
        guard (0..<nodeCount).contains(depot) else {
            throw ArcRoutingError(
                .malformedInstance, "\(name): DEPOSITO \(depot + 1) is not a vertex (1 to \(nodeCount))")
        }
        guard links.contains(where: \.isRequired) else {
            throw ArcRoutingError(.malformedInstance, "\(name): no required edges (LISTA_ARISTAS_REQ)")
        }
        _ = fleet  // a guide in these files; most papers leave the fleet free
        self.init(
            name: name, nodeCount: nodeCount, depot: depot, links: links, capacity: capacity,
            maxRouteCost: routeLimit)
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
        if ["VERTICES", "CAPACIDAD", "VEHICULOS", "DEPOSITO", "LIMITE_RUTA"].contains(key), value == nil {
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
        func value(_ key: String) -> Int? {
            guard let i = words.firstIndex(where: { $0.lowercased() == key }), i + 1 < words.count else { return nil }
            return integer(words[i + 1])
        }
        guard ends.count == 2, let cost = value("coste") else {
            throw fail("expected ( u, v) coste C [demanda D], found \"\(line)\"")
        }
        let demand = value("demanda")
        let service = words.contains { $0.lowercased() == "servicio" } ? value("servicio") : cost
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
