import Foundation

extension CARPProblem {
    /// The problem in the CARPLIB text format that `init(carpText:name:)`
    /// reads (../shared/carp/README.md): NOMBRE, VERTICES, ARISTAS_REQ,
    /// ARISTAS_NOREQ, VEHICULOS, CAPACIDAD, COSTE_TOTAL_REQ, the required
    /// links, the others, DEPOSITO; nodes numbered from 1.
    ///
    /// A problem of two-way links whose service and deadhead costs agree, with
    /// no route limit, is written in the classic format exactly. Three
    /// extensions carry what street problems add, each only when needed:
    /// `servicio S` on a link line when its service cost differs from its
    /// deadhead cost (`coste`), the word `arco` on a line for a one-way link
    /// (served and travelled from the first node to the second only), and a
    /// header line `LIMITE_RUTA : N` for the route limit. VEHICULOS is the
    /// fleet when it is set, else the fewest routes the demand needs (a
    /// guide, as in the classic files). Required links are written first, in
    /// their order, then the others.
    /// - Throws: `ArcRoutingError.infeasibleInstance` when the problem is not
    ///   valid; `.malformedInstance` when its deadhead costs come from the
    ///   caller (`deadheadCosts`), which a file cannot hold: give the graph's
    ///   links as deadhead-only links instead.
    /// - Complexity: O(links).
    public func carpText() throws -> String {
        try validate()
        guard deadheadCosts == nil else {
            throw ArcRoutingError(
                .malformedInstance,
                "\(name): its deadhead costs come from the caller, which a "
                    + "CARPLIB file cannot hold; write the problem with the graph's links as deadhead-only links "
                    + "and no deadheadCosts")
        }
        let required = links.filter(\.isRequired)
        let others = links.filter { !$0.isRequired }
        let guide = (totalDemand + capacity - 1) / capacity
        var lines = [
            " NOMBRE : \(name)",
            " VERTICES : \(nodeCount)",
            " ARISTAS_REQ : \(required.count)",
            " ARISTAS_NOREQ : \(others.count)",
            " VEHICULOS : \(fleetSize ?? max(1, guide))",
            " CAPACIDAD : \(capacity)",
            " TIPO_COSTES_ARISTAS : EXPLICITOS",
            " COSTE_TOTAL_REQ : \(totalServiceCost)"
        ]
        if let maxRouteCost { lines.append(" LIMITE_RUTA : \(maxRouteCost)") }
        lines.append(" LISTA_ARISTAS_REQ :")
        lines += required.map(Self.line)
        lines.append(" LISTA_ARISTAS_NOREQ :")
        lines += others.map(Self.line)
        lines.append(" DEPOSITO :   \(depot + 1)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `carpText()` to `url` in one atomic step.
    /// - Parameter replacing: whether a file already there may be replaced;
    ///   when false (the default) an existing file is left as it is and
    ///   this throws.
    /// - Throws: what `carpText()` throws; `.malformedInstance` naming the
    ///   path when the file exists (and may not be replaced) or cannot be
    ///   written.
    public func write(to url: URL, replacing: Bool = false) throws {
        let text = try carpText()
        if !replacing, FileManager.default.fileExists(atPath: url.path) {
            throw ArcRoutingError(.malformedInstance, "\(url.path) already exists; remove it or write elsewhere")
        }
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            throw ArcRoutingError(
                .malformedInstance,
                "\(url.path): cannot write the instance (\(error.localizedDescription))")
        }
    }

    /// One link line: ( u, v) coste C [servicio S] [demanda D] [arco].
    private static func line(_ link: Link) -> String {
        var text = " ( \(link.from + 1), \(link.to + 1))  coste \(link.deadheadCost)"
        if link.isRequired, link.serviceCost != link.deadheadCost { text += " servicio \(link.serviceCost)" }
        if let demand = link.demand { text += " demanda \(demand)" }
        if !link.twoWay { text += " arco" }
        return text
    }
}
