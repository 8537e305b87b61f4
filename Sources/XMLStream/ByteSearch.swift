#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches for the byte that ends a token, sixteen bytes at a time.
///
/// The tokens of a spreadsheet part (names, attribute values, cell text)
/// are mostly shorter than sixteen bytes, so one vector compare usually
/// finds the end where a byte loop would take a branch per byte and miss
/// the prediction of the last one. Each search returns the same index the
/// byte loop beside it gives; near the end of the bytes it is that loop.
enum ByteSearch {
    typealias Lanes = SIMD16<UInt8>

    /// The first byte at or after `start` that ends a name (a blank or
    /// control, `<`, `>`, `/`, `=` or a quote, as `XMLCharacters.nameEnds`),
    /// or `count`.
    @inline(__always)
    static func nameEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var j = start
        while count - j >= 16 {
            let v = load(base + j)
            let stops = (v .<= all(0x20)) .| ((v &- all(0x3C)) .<= all(2)) .| (v .== all(0x22)) .| (v .== all(0x27))
                .| (v .== all(0x2F))
            if let k = first(stops) { return j + k }
            j += 16
        }
        let table = XMLCharacters.nameEnds
        while j < count && table[Int(base[j])] == 0 { j += 1 }
        return j
    }

    /// The first byte at or after `start` that plain text cannot skip:
    /// `<`, `&` or a control character; or `count`.
    @inline(__always)
    static func textStop(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        var j = start
        while count - j >= 16 {
            let v = load(base + j)
            let stops = (v .< all(0x20)) .| (v .== all(0x26)) .| (v .== all(0x3C))
            if let k = first(stops) { return j + k }
            j += 16
        }
        while j < count {
            let c = base[j]
            if c < 0x20 || c == 0x26 || c == 0x3C { break }
            j += 1
        }
        return j
    }

    /// The first byte at or after `start` that ends or complicates an
    /// attribute value in `quote`: the quote, `<`, `&` or a control
    /// character; or `count`.
    @inline(__always)
    static func valueStop(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, quote: UInt8) -> Int {
        var j = start
        while count - j >= 16 {
            let v = load(base + j)
            let stops = (v .< all(0x20)) .| (v .== all(0x26)) .| (v .== all(0x3C)) .| (v .== all(quote))
            if let k = first(stops) { return j + k }
            j += 16
        }
        while j < count {
            let c = base[j]
            if c < 0x20 || c == 0x26 || c == 0x3C || c == quote { break }
            j += 1
        }
        return j
    }

    /// The first `byte` at or after `start`, or nil: one vector compare
    /// for a near byte, `memchr` beyond.
    @inline(__always)
    static func first(_ byte: UInt8, in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int? {
        if count - start >= 16, let k = first(load(base + start) .== all(byte)) { return start + k }
        guard count > start, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The first of the bytes `a`, `b` and `c` at or after `start`, or nil.
    @inline(__always)
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from start: Int,
                      count: Int) -> Int? {
        var j = start
        let (va, vb, vc) = (all(a), all(b), all(c))
        while count - j >= 16 {
            let v = load(base + j)
            if let k = first((v .== va) .| (v .== vb) .| (v .== vc)) { return j + k }
            j += 16
        }
        while j < count {
            let x = base[j]
            if x == a || x == b || x == c { return j }
            j += 1
        }
        return nil
    }

    /// Comparisons take a whole vector on each side: with a scalar on one,
    /// they compile to a loop over the lanes.
    @inline(__always)
    private static func all(_ byte: UInt8) -> Lanes { Lanes(repeating: byte) }

    @inline(__always)
    private static func load(_ p: UnsafePointer<UInt8>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// The lane of the first true in `mask`, or nil.
    @inline(__always)
    private static func first(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        if halves[0] != 0 { return halves[0].trailingZeroBitCount >> 3 }
        if halves[1] != 0 { return 8 + halves[1].trailingZeroBitCount >> 3 }
        return nil
    }
}
