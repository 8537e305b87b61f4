/// Character-level rules of XML 1.0 the scanner applies: character
/// references, which code points are characters, UTF-8 encoding, the
/// pseudo-attributes of the XML declaration, and the bytes that end a name.
enum XMLCharacters {
    static func characterReference(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        var rest = digits
        var radix: UInt32 = 10
        if rest.first == UInt8(ascii: "x") {
            radix = 16
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var value: UInt32 = 0
        for c in rest {
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            value = value * radix + digit
            if value > 0x10FFFF { return nil }
        }
        return value
    }

    static func isXMLChar(_ c: UInt32) -> Bool {
        c == 0x09 || c == 0x0A || c == 0x0D || (0x20...0xD7FF).contains(c) || (0xE000...0xFFFD).contains(c)
            || (0x10000...0x10FFFF).contains(c)
    }

    static func encodeUTF8(_ c: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch c {
        case 0..<0x80:
            out[0] = UInt8(c)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | (c >> 6))
            out[1] = UInt8(0x80 | (c & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | (c >> 12))
            out[1] = UInt8(0x80 | ((c >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (c & 0x3F))
            return 3
        default:
            out[0] = UInt8(0xF0 | (c >> 18))
            out[1] = UInt8(0x80 | ((c >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((c >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (c & 0x3F))
            return 4
        }
    }

    /// The value of `name="…"` in an XML declaration.
    static func pseudoAttribute(_ name: String, in declaration: String) -> String? {
        let text = Array(declaration.utf8)
        let key = Array(name.utf8)
        let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard text.count >= key.count,
              let found = (0...(text.count - key.count)).first(where: { Array(text[$0..<$0 + key.count]) == key }) else {
            return nil
        }
        var i = found + key.count
        while i < text.count && blanks.contains(text[i]) { i += 1 }
        guard i < text.count, text[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < text.count && blanks.contains(text[i]) { i += 1 }
        guard i < text.count, text[i] == UInt8(ascii: "\"") || text[i] == UInt8(ascii: "'") else { return nil }
        let quote = text[i]
        let value = text[(i + 1)...].prefix { $0 != quote }
        return String(decoding: value, as: UTF8.self)
    }

    /// Whether `c` may start a name part without a colon (NCName, Namespaces
    /// in XML 1.0, 3): an ASCII letter, `_`, or any byte of a non-ASCII character.
    @inline(__always)
    static func startsNCName(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c >= 0x80
    }

    /// 1 for the bytes that end a name: blanks and controls, `>`, `/`, `=`,
    /// quotes and `<`.
    nonisolated(unsafe) static let nameEnds: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for c in 0..<256 {
            let ends = c <= 0x20 || "<>/=\"'".utf8.contains(UInt8(c))
            table[c] = ends ? 1 : 0
        }
        return UnsafePointer(table)
    }()
}
