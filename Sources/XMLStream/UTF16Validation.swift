/// Checks that the bytes of a UTF-16 document are UTF-16, chunk by chunk,
/// before libxml2 reads them: every surrogate in a pair, high then low
/// (Unicode 15, 3.9, D91), and a whole number of units. libxml2 reports a
/// lone high surrogate as the document ending early and lets an odd last
/// byte pass; this says what and where.
struct UTF16Validation {
    let bigEndian: Bool
    /// Bytes checked so far: the offset in the document of the next chunk.
    var offset = 0
    /// The first byte of a unit the last chunk cut.
    private var oddByte: UInt8?
    /// The offset of a high surrogate still waiting for its low one.
    private var highSurrogate: Int?
    /// Where the first unit that is not a character lies, once found.
    private(set) var invalidOffset: Int?

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// The error for the unit at `invalidOffset`.
    var error: XMLError { .invalidUTF16(offset: invalidOffset ?? offset) }

    /// The encoding of a document that begins with `bytes`, when it is
    /// UTF-16: by its byte-order mark, or by `<?` in either order
    /// (XML 1.0, Appendix F.1). Nil for anything else (UTF-32 included).
    static func detect(_ bytes: UnsafeRawBufferPointer) -> UTF16Validation? {
        guard bytes.count >= 4 else { return nil }
        let (a, b, c, d) = (bytes[0], bytes[1], bytes[2], bytes[3])
        if a == 0xFE && b == 0xFF && !(c == 0 && d == 0) { return UTF16Validation(bigEndian: true) }
        if a == 0xFF && b == 0xFE && !(c == 0 && d == 0) { return UTF16Validation(bigEndian: false) }
        if a == 0 && b == 0x3C && c == 0 && d == 0x3F { return UTF16Validation(bigEndian: true) }
        if a == 0x3C && b == 0 && c == 0x3F && d == 0 { return UTF16Validation(bigEndian: false) }
        return nil
    }

    /// Checks the next bytes; returns how many come before the first unit
    /// that is not a character (all of them when none is).
    mutating func check(_ chunk: UnsafeRawBufferPointer) -> Int {
        var i = 0
        let n = chunk.count
        while i < n {
            let unitStart = oddByte == nil ? offset + i : offset + i - 1
            let first: UInt8
            if let odd = oddByte {
                first = odd
                oddByte = nil
            } else {
                guard i + 1 < n else {
                    oddByte = chunk[i]
                    break
                }
                first = chunk[i]
                i += 1
            }
            let second = chunk[i]
            i += 1
            let high = bigEndian ? first : second
            if high & 0xF8 != 0xD8 {
                if let pending = highSurrogate { return fail(at: pending) }
                continue
            }
            if high < 0xDC {
                if let pending = highSurrogate { return fail(at: pending) }
                highSurrogate = unitStart
            } else if highSurrogate != nil {
                highSurrogate = nil
            } else {
                return fail(at: unitStart)
            }
        }
        offset += n
        return n

        func fail(at badOffset: Int) -> Int {
            invalidOffset = badOffset
            return max(0, badOffset - offset)
        }
    }

    /// Ends the document: a cut unit or a high surrogate without its low one.
    mutating func finish() throws {
        if let pending = highSurrogate {
            invalidOffset = pending
            throw error
        }
        if oddByte != nil {
            invalidOffset = offset - 1
            throw error
        }
    }
}
