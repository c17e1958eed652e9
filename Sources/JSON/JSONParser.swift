import Foundation

/// A strict JSON parser (RFC 8259) over UTF-8 bytes that reports the line,
/// column and byte offset of the first error, as a partner fixing a file by
/// hand needs.
///
/// Strict where a lenient parser would guess: invalid UTF-8, a lone UTF-16
/// surrogate escape, a duplicate member name, a number too large for a
/// double (1e400) and nesting deeper than 512 levels are errors. A UTF-8
/// byte order mark at the start is skipped.
///
/// - Complexity: O(n) in the size of the input; recursion depth at most 512.
public struct JSONParser {
    /// Nesting deeper than this is refused (a parser that recursed without a
    /// bound would overflow its stack on "[[[[...").
    public static let maxDepth = 512

    /// Parses a whole document.
    /// - Throws: `JSONError` naming line, column, byte offset and what was
    ///   expected.
    public static func parse(_ data: Data) throws -> JSON {
        // A byte-order mark of UTF-16 (as Notepad's "Unicode"): said so, rather than "found '\u{FFFD}{'".
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw JSONError.malformed("the text is UTF-16; JSON here is UTF-8: save the file again as UTF-8")
        }
        return try data.withUnsafeBytes { raw in
            var parser = TextParser(bytes: raw.bindMemory(to: UInt8.self))
            if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            if parser.index < parser.bytes.count {
                throw parser.failure("unexpected text after the JSON value")
            }
            return value
        }
    }

    public static func parse(_ text: String) throws -> JSON {
        try parse(Data(text.utf8))
    }
}

private struct TextParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    static let maxDepth = JSONParser.maxDepth

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func failure(at position: Int, _ what: String) -> JSONError {
        var moved = self
        moved.index = position
        return moved.failure(what)
    }

    func failure(_ what: String) -> JSONError {
        var line = 1
        var column = 1
        var i = 0
        while i < min(index, bytes.count) {
            if bytes[i] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        let found: String
        if index >= bytes.count {
            found = "the end of the file"
        } else {
            let end = min(bytes.count, index + 12)
            let snippet = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
            found = "'\(snippet.split(separator: "\n").first ?? "")'"
        }
        return .malformed("malformed JSON at line \(line), column \(column) (byte \(index)): \(what), found \(found)")
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws -> JSON {
        guard depth < TextParser.maxDepth else { throw failure("nesting deeper than \(TextParser.maxDepth) levels") }
        guard index < bytes.count else { throw failure("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("expected a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func expectWord(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard index + n <= bytes.count else { throw failure("expected \(word)") }
        for k in 0..<n where bytes[index + k] != word.utf8Start[k] {
            throw failure("expected \(word)")
        }
        index += n
    }

    mutating func parseObject(depth: Int) throws -> JSON {
        index += 1
        var members: [String: JSON] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a member name in double quotes")
            }
            let keyStart = index
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after member name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            guard members.updateValue(value, forKey: key) == nil else {
                throw failure(at: keyStart, "duplicate member name \"\(key)\"; each name may appear once in an object")
            }
            skipWhitespace()
            guard index < bytes.count else { throw failure("expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw failure("expected ',' or '}'")
        }
    }

    mutating func parseArray(depth: Int) throws -> JSON {
        index += 1
        var elements: [JSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw failure("expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            throw failure("expected ',' or ']'")
        }
    }

    mutating func parseString() throws -> String {
        let open = index
        index += 1
        var scalars: [UInt8] = []
        var start = index
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            if c < 0x20 { throw failure("control character inside a string (escape it)") }
            if c >= 0x80 {
                try skipUTF8Sequence()
                continue
            }
            if c != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            scalars.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            try appendEscape(to: &scalars)
            start = index
        }
        index = open
        throw failure("string never closed")
    }

    /// Steps over one well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most
    /// U+10FFFF).
    mutating func skipUTF8Sequence() throws {
        let lead = bytes[index]
        let length: Int
        let low: UInt8
        let high: UInt8
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: throw failure("invalid UTF-8 byte 0x\(hex(lead)); save the file as UTF-8")
        }
        guard index + length <= bytes.count else { throw failure("a UTF-8 sequence cut short; save the file as UTF-8") }
        for k in 1..<length {
            let b = bytes[index + k]
            let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard b >= lo, b <= hi else {
                throw failure("invalid UTF-8 sequence starting 0x\(hex(lead)); save the file as UTF-8")
            }
        }
        index += length
    }

    func hex(_ byte: UInt8) -> String { String(byte, radix: 16, uppercase: true) }

    /// Reads one backslash escape (index at the backslash) and appends its UTF-8.
    mutating func appendEscape(to scalars: inout [UInt8]) throws {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw failure("string never closed") }
        let e = bytes[index]
        index += 1
        switch e {
        case UInt8(ascii: "\""): scalars.append(0x22)
        case UInt8(ascii: "\\"): scalars.append(0x5C)
        case UInt8(ascii: "/"): scalars.append(0x2F)
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "u"):
            var code = try parseHex4()
            let escaped = "\\u" + String(code, radix: 16)
            if (0xDC00..<0xE000).contains(code) {
                throw failure(at: escapeStart, "a lone UTF-16 low surrogate \(escaped); it must follow a high one")
            }
            if (0xD800..<0xDC00).contains(code) {
                let backslash = UInt8(ascii: "\\")
                let u = UInt8(ascii: "u")
                let next = index + 1 < bytes.count && bytes[index] == backslash && bytes[index + 1] == u
                guard next else {
                    throw failure(at: escapeStart, "a lone UTF-16 high surrogate \(escaped); a low one must follow")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw failure(at: escapeStart, "a UTF-16 high surrogate \(escaped) not followed by a low surrogate")
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw failure(at: escapeStart, "an escape that is not a character")
            }
            scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            index -= 1
            throw failure("unknown escape \\\(Character(Unicode.Scalar(e)))")
        }
    }

    mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("expected 4 hex digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw failure("expected 4 hex digits after \\u")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    mutating func parseNumber() throws -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let s = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index - s
        }
        guard digits() > 0 else { throw failure("expected digits in a number") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("expected digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw failure("expected digits in the exponent") }
        }
        // strtod needs a terminated buffer; numbers are short, so it lives on the stack.
        let count = index - start
        guard count <= 400 else {
            throw failure(at: start, "a number of \(count) characters; numbers have at most 400")
        }
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for k in 0..<count { buffer[k] = CChar(bitPattern: bytes[start + k]) }
            buffer[count] = 0
            return buffer.baseAddress.map { strtod($0, nil) } ?? .nan
        }
        guard value.isFinite else {
            throw failure(at: start, "a number too large to represent (beyond ±1.8e308)")
        }
        return value
    }
}
