#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing of numbers as XML stores them (XML Schema `double`: `12`, `-1.5`,
/// `1.2E-3`, `INF`, `NaN`), from bytes without making a String.
public enum NumberText {
    /// The number in `bytes`, surrounding whitespace allowed; nil unless the
    /// whole text is a number.
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var start = 0, end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        let n = end - start
        guard n > 0 else { return nil }
        // Fast path: a decimal with at most one point whose digits, leading
        // zeros left out, make an integer of at most 2^53, and at most 22
        // digits after the point. The integer and the power of ten are both
        // exact as doubles, so their quotient is the correctly rounded value
        // strtod gives (Clinger).
        if n <= 32 {
            var i = start
            var negative = false
            if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var value: UInt64 = 0
            var digits = 0, significant = 0, fractionDigits = 0
            var sawPoint = false, plain = true
            // Counts stay below 33: wrapping arithmetic leaves out the overflow checks.
            while i < end {
                let d = bytes[i] &- 0x30
                if d <= 9 {
                    digits &+= 1
                    if value != 0 || d != 0 { significant &+= 1 }
                    if significant > 19 { plain = false; break }
                    value = value &* 10 &+ UInt64(d)
                    if sawPoint { fractionDigits &+= 1 }
                } else if bytes[i] == UInt8(ascii: ".") && !sawPoint {
                    sawPoint = true
                } else {
                    plain = false
                    break
                }
                i &+= 1
            }
            if plain && digits > 0 && value <= 1 << 53 && fractionDigits <= 22 {
                let magnitude = Double(value) / NumberText.powersOfTen[fractionDigits]
                return negative ? -magnitude : magnitude
            }
        }
        guard n < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double? in
            for k in 0..<n {
                let b = bytes[start + k]
                // strtod also takes hex floats and `infinity`; XML Schema does not.
                if b == UInt8(ascii: "x") || b == UInt8(ascii: "X") { return nil }
                buffer[k] = CChar(bitPattern: b)
            }
            buffer[n] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &endPointer)
            guard let endPointer, endPointer - buffer.baseAddress! == n else { return nil }
            return value
        }
    }

    /// The same for a String.
    public static func parse(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    /// A non-negative decimal integer in `bytes`, or nil.
    public static func parseInt(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for b in bytes {
            let d = b &- 0x30
            guard d <= 9 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }

    /// The shortest text that reads back to the same double; integral
    /// values without `.0` (`12`, `0.1`, `1e-05`, `1.5e+20`).
    public static func shortest(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 9_007_199_254_740_992 { return String(Int(n)) }
        return n.description
    }

    /// 10^0 … 10^22, each exact as a double.
    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
