/// Text for XML 1.0 and HTML (GPX, the report, the maps): `&`, `<`, `>` and `"` as entities, and each
/// character XML 1.0 does not allow (control characters but tab and line ends, U+FFFE, U+FFFF) as a
/// space. Scalar by scalar: a special followed by a combining mark ("&\u{301}") is one Character to
/// Swift, and a search for "&" among Characters passes it by. Cost: O(length).
public enum XMLText {
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            default: out.append(allowed(c) ? c : " ")
            }
        }
        return String(out)
    }

    /// XML 1.0's Char production.
    static func allowed(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || v >= 0x10000
    }
}
