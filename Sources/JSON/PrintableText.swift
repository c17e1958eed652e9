/// Free text read from a file (a street's name, a depot's), made fit to show in every output and on a
/// terminal: each control character (NUL, C0 and C1, and line ends unless kept) becomes a space, and text
/// over `limit` characters is cut with an ellipsis. SQLite would cut a text at a NUL; XML and calendars
/// forbid most of the others; a terminal obeys them.
public enum PrintableText {
    public static func of(_ text: String, keepingLineBreaks: Bool = false, limit: Int = 200) -> String {
        let kept: Set<Unicode.Scalar> = keepingLineBreaks ? ["\n", "\t"] : []
        let clean = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { c in
                    kept.contains(c) || !isControl(c) ? c : " "
                }))
        return clean.count > max(1, limit) ? String(clean.prefix(max(1, limit) - 1)) + "…" : clean
    }

    /// "U+000B".
    public static func code(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The first control character of `text` (line breaks and tabs aside when `allowingLineBreaks`), or nil.
    public static func firstControl(in text: String, allowingLineBreaks: Bool = true) -> Unicode.Scalar? {
        text.unicodeScalars.first { c in
            let allowed = allowingLineBreaks && (c == "\n" || c == "\r" || c == "\t")
            return !allowed && isControl(c)
        }
    }

    /// C0 (NUL to U+001F), DEL and C1 (U+0080 to U+009F).
    static func isControl(_ c: Unicode.Scalar) -> Bool { c.value < 0x20 || (0x7F...0x9F).contains(c.value) }
}
