/// JSON string literals (RFC 8259, 7): quotes, backslashes and control
/// characters escaped, everything else as UTF-8.
///
/// Beyond what RFC 8259 requires, DEL, the C1 controls and the bidi
/// formatting characters are escaped too: JSON is printed on terminals, which
/// act on C1 controls (ECMA-48) and reorder text at bidi overrides. The value
/// a reader gets is the same.
public enum JSONText {
    /// Whether `scalar` is escaped although RFC 8259 would allow it raw.
    public static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || isInvisibleControl(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A quoted string, or `null`.
    public static func quoted(_ s: String?) -> String { s.map(quoted) ?? "null" }
}
