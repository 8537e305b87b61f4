/// Decoding of the `_xHHHH_` escapes of OOXML strings (ECMA-376 Part 1,
/// 22.9.2.19 `ST_Xstring`): a UTF-16 code unit written as four hex digits.
/// `_x005F_` stands for the underscore itself, so `_x005F_x000D_` is the
/// literal text `_x000D_` (decoded once, never again).
enum StringEscapes {
    /// Appends `bytes` to `out`, decoding escapes. Fast path when there is no `_x`.
    static func decode(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        var i = 0
        let n = bytes.count
        var pendingHigh: UInt32?
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "_"), i + 6 < n, bytes[i + 1] == UInt8(ascii: "x"), bytes[i + 6] == UInt8(ascii: "_"),
               let unit = hex4(bytes, i + 2) {
                i += 7
                if (0xD800...0xDBFF).contains(unit) {
                    if pendingHigh != nil { appendScalar(0xFFFD, &out) }
                    pendingHigh = unit
                    continue
                }
                if (0xDC00...0xDFFF).contains(unit), let high = pendingHigh {
                    appendScalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), &out)
                    pendingHigh = nil
                    continue
                }
                if pendingHigh != nil { appendScalar(0xFFFD, &out); pendingHigh = nil }
                appendScalar((0xD800...0xDFFF).contains(unit) ? 0xFFFD : unit, &out)
                continue
            }
            if pendingHigh != nil { appendScalar(0xFFFD, &out); pendingHigh = nil }
            out.append(b)
            i += 1
        }
        if pendingHigh != nil { appendScalar(0xFFFD, &out) }
    }

    /// Whether the bytes contain `_x` (then `decode` has work to do).
    static func mayContainEscape(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 7 else { return false }
        for i in 0..<(bytes.count - 6) where bytes[i] == UInt8(ascii: "_") && bytes[i + 1] == UInt8(ascii: "x") {
            return true
        }
        return false
    }

    private static func hex4(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = bytes[at + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    private static func appendScalar(_ v: UInt32, _ out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(v) else { return }
        out.append(contentsOf: String(Character(scalar)).utf8)
    }
}
