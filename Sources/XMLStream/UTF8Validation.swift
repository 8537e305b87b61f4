/// Checks that the bytes of a document are UTF-8, chunk by chunk, as they
/// arrive: well-formed sequences only (Unicode 15, 3.9, Table 3-7: no
/// overlong forms, no surrogates, nothing beyond U+10FFFF), a sequence cut
/// by the end of a chunk completed by the next.
///
/// Parts are mostly ASCII (markup, numbers, references): 32 bytes are
/// tested at once for a byte of 0x80 or more, the first such byte is found
/// eight bytes at a time, and only its sequence is decoded.
struct UTF8Validation {
    /// Bytes checked so far: the offset in the document of the next chunk.
    var offset = 0
    /// The start of a sequence the last chunk cut.
    private var carried: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    private var carriedCount = 0

    /// Where the first byte that begins no character lies in the document, once found.
    private(set) var invalidOffset: Int?

    /// The error for the byte at `invalidOffset`.
    var error: XMLError { .invalidUTF8(offset: invalidOffset ?? offset) }

    /// Checks the next bytes of the document; returns how many of them come
    /// before the first byte that begins no character (all of them when
    /// none does; a sequence the chunk cut counts as good until the next
    /// chunk tells). After a bad byte, `error` says where.
    mutating func check(_ chunk: UnsafeRawBufferPointer) -> Int {
        do {
            try scan(chunk)
            return chunk.count
        } catch {
            return max(0, (invalidOffset ?? offset) - offset)
        }
    }

    private mutating func scan(_ chunk: UnsafeRawBufferPointer) throws {
        guard let raw = chunk.baseAddress, chunk.count > 0 else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let n = chunk.count
        var i = 0
        if carriedCount > 0 {
            i = try completeCarried(base, n)
            if carriedCount > 0 {
                offset += n
                return
            }
        }
        let ascii: UInt64 = 0x8080_8080_8080_8080
        while i < n {
            while i &+ 32 <= n {
                let p = UnsafeRawPointer(base + i)
                let any = p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & ascii != 0 { break }
                i &+= 32
            }
            // The first byte of 0x80 or more, eight bytes at a time: its
            // place is the lowest set bit's byte (loads are little-endian).
            var high = false
            while i &+ 8 <= n {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) & ascii
                if word != 0 {
                    i &+= word.trailingZeroBitCount >> 3
                    high = true
                    break
                }
                i &+= 8
            }
            if !high {
                while i < n && base[i] < 0x80 { i &+= 1 }
                if i == n { break }
            }
            let length = UTF8Validation.sequence(base + i, available: n - i)
            if length > 0 {
                i &+= length
            } else if length < 0 {
                carry(base + i, count: n - i)
                break
            } else {
                invalidOffset = offset + i
                throw error
            }
        }
        offset += n
    }

    /// Ends the document: a sequence still waiting for its bytes is cut.
    mutating func finish() throws {
        if carriedCount > 0 {
            invalidOffset = offset - carriedCount
            throw error
        }
    }

    /// The length of the well-formed sequence at `p`, 0 when the bytes
    /// there begin none, or -1 when the `available` bytes are a valid start
    /// of one that goes on past them.
    @inline(__always)
    static func sequence(_ p: UnsafePointer<UInt8>, available: Int) -> Int {
        let lead = p[0]
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xED: length = 3; high = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; low = 0x90
        case 0xF4: length = 4; high = 0x8F
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard available > 1 else { return -1 }
        guard p[1] >= low && p[1] <= high else { return 0 }
        for k in 2..<length {
            guard k < available else { return -1 }
            guard p[k] & 0xC0 == 0x80 else { return 0 }
        }
        return length
    }

    private mutating func carry(_ p: UnsafePointer<UInt8>, count: Int) {
        carriedCount = count
        withUnsafeMutableBytes(of: &carried) { for k in 0..<count { $0[k] = p[k] } }
    }

    /// Completes the carried sequence with the first bytes of this chunk;
    /// returns where the chunk's own characters begin.
    private mutating func completeCarried(_ base: UnsafePointer<UInt8>, _ n: Int) throws -> Int {
        let had = carriedCount
        let taken = min(4 - had, n)
        let length = withUnsafeMutableBytes(of: &carried) { bytes -> Int in
            for k in 0..<taken { bytes[had + k] = base[k] }
            return UTF8Validation.sequence(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), available: had + taken)
        }
        if length == 0 {
            invalidOffset = offset - had
            throw error
        }
        if length < 0 {
            carriedCount = had + taken
            return n
        }
        carriedCount = 0
        return length - had
    }
}
