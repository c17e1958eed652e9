/// A parsed JSON value (RFC 8259).
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    public subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The number as an integer when it is a whole number within `bounds`; nil otherwise (a fraction,
    /// 1e19, another type). Never traps, unlike `Int(Double)` on a number out of range.
    public func integer(in bounds: ClosedRange<Int>) -> Int? {
        guard case .number(let n) = self, n == n.rounded(),
            n >= Double(bounds.lowerBound), n <= Double(bounds.upperBound)
        else { return nil }
        return Int(n)
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var array: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var object: [String: JSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// A string for a scalar, as a property value is shown to a person:
    /// numbers without a needless ".0".
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return JSON.format(n)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// A short name of the JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
