/// CSV as RFC 4180 writes it: the one escaping rule of every CSV StreetRounds
/// writes.
enum CSV {
    /// A cell: quoted (inner quotes doubled) when it holds a comma, a quote
    /// or a line break; as it is otherwise.
    /// - Complexity: O(n) in the cell's length.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A row of cells, each escaped, ended by a line break.
    static func row(_ cells: [String]) -> String { cells.map(field).joined(separator: ",") + "\n" }
}
