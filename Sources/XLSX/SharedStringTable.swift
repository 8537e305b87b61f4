#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XMLStream

/// The shared strings of a workbook being written, with a bound: repeated
/// texts are stored once, but once the table holds `maxBytes` of text, new
/// texts are written inline instead, so memory never grows without limit.
///
/// Measured on the 1M-cell benchmark (mostly unique texts) inline strings
/// were 1 % smaller and lighter on memory; on repeated names the table was
/// 5 % smaller at the same speed. The table stays because LibreOffice
/// decodes `_xHHHH_` escapes only in shared strings (README, "What is written").
struct SharedStringTable {
    private(set) var strings: [String] = []
    private var bytes = 0
    let maxBytes: Int
    /// References from cells, for `sst@count`.
    private(set) var references = 0
    /// Open addressing over the texts' UTF-8 bytes: each slot holds the
    /// upper half of the hash and the id + 1 (0: empty). Swift's own
    /// dictionary hashed every cell's text with SipHash and took a fifth of
    /// the time of writing the 1M-cell benchmark.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)
    private var hashes: [UInt64] = []
    /// Probes after which a text goes inline: crafted collisions cost a
    /// bounded amount and change only where the text is written.
    private let maxProbes = 128

    init(maxBytes: Int = 64 << 20) {
        self.maxBytes = maxBytes
    }

    /// The index of `text`, or nil when it must go inline (the table is full).
    mutating func id(for text: String) -> Int? {
        var text = text
        return text.withUTF8 { utf8 in
            let hash = SharedStringTable.hash(utf8)
            let mask = slots.count - 1
            let tag = hash >> 32
            var i = Int(truncatingIfNeeded: hash) & mask
            var probes = 0
            while slots[i] != 0 {
                if slots[i] >> 32 == tag {
                    let id = Int(slots[i] & 0xFFFF_FFFF) - 1
                    if SharedStringTable.equal(strings[id], utf8) {
                        references += 1
                        return id
                    }
                }
                probes += 1
                if probes == maxProbes { return nil }
                i = (i + probes) & mask // triangular steps visit every slot
            }
            guard bytes < maxBytes else { return nil }
            let id = strings.count
            strings.append(String(decoding: utf8, as: UTF8.self))
            hashes.append(hash)
            slots[i] = tag << 32 | UInt64(id + 1)
            bytes += utf8.count + 48
            references += 1
            if strings.count * 2 > slots.count { grow() }
            return id
        }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: hash) & mask
            var probes = 0
            while slots[i] != 0 {
                probes += 1
                i = (i + probes) & mask
            }
            slots[i] = (hash >> 32) << 32 | UInt64(id + 1)
        }
    }

    private static func equal(_ known: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var known = known
        return known.withUTF8 { k in
            k.count == utf8.count && (k.count == 0 || memcmp(k.baseAddress!, utf8.baseAddress!, k.count) == 0)
        }
    }

    /// A fast hash of the bytes, eight at a time (fixed seed: the output
    /// does not depend on the run).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h = UInt64(bytes.count) &* k
        guard let base = bytes.baseAddress.map(UnsafeRawPointer.init) else { return h ^ (h >> 31) }
        var i = 0
        while i + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let mixed = (h ^ word) &* k
            h = mixed << 27 | mixed >> 37
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* k
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 29
        return h
    }

    /// Writes the shared strings part in pieces through `emit`.
    func write(_ emit: ([UInt8]) throws -> Void) throws {
        var out = XMLBuffer()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
        out.int(references); out.raw("\" uniqueCount=\""); out.int(strings.count); out.raw("\">")
        for text in strings {
            out.raw("<si>")
            OOXMLText.appendT(text, to: &out)
            out.raw("</si>")
            if out.count > 1 << 16 {
                try emit(out.bytes)
                out.clear()
            }
        }
        out.raw("</sst>")
        try emit(out.bytes)
    }
}
