/// A growing byte buffer for writing XML fast: raw markup is appended as it
/// is, text and attribute values are escaped (XML 1.0, 2.4 and 3.3.3).
///
/// Writers keep one buffer, append a row's markup, hand the bytes on and
/// clear it, so no allocation happens per cell.
public struct XMLBuffer: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    public mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Markup as it is (no escaping).
    @inlinable public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup as it is (no escaping).
    public mutating func raw(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(bytes more: some Sequence<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// A decimal integer.
    public mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(0x30 + UInt8(value))
            return
        }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = 0x30 + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(d[i]) }
        }
    }

    /// Character data: `&`, `<` and `>` escaped, and a carriage return as
    /// `&#13;`, since XML parsers turn a literal CR LF into LF (XML 1.0, 2.11).
    public mutating func text(_ text: String) {
        var copy = text
        copy.withUTF8 { self.text(utf8: $0) }
    }

    /// As `text(_:)`, for UTF-8 bytes.
    public mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            guard b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == 0x0D else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
            switch b {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case 0x0D: raw("&#13;")
            default: raw("&gt;")
            }
            start = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// An attribute value in double quotes: also `"` and the white space
    /// characters that attribute normalisation would otherwise turn into spaces.
    public mutating func attribute(_ text: String) {
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\""): raw("&quot;")
            case 0x0A: raw("&#10;")
            case 0x0D: raw("&#13;")
            case 0x09: raw("&#9;")
            default: bytes.append(b)
            }
        }
    }

    /// The first character XML 1.0 cannot carry (2.2 `Char`): C0 controls
    /// other than tab, line feed and carriage return, and U+FFFE, U+FFFF.
    public static func firstIllegalScalar(in text: String) -> UInt32? {
        for b in text.utf8 where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return UInt32(b) }
        if text.utf8.contains(0xEF) {
            for scalar in text.unicodeScalars where scalar.value == 0xFFFE || scalar.value == 0xFFFF { return scalar.value }
        }
        return nil
    }
}
