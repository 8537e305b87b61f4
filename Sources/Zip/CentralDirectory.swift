/// Parsing of the end-of-central-directory record and the central directory
/// (APPNOTE 6.3.10, sections 4.3.12–4.3.16, ZIP64 in 4.3.14–4.3.15, 4.5.3).
enum CentralDirectory {
    static func read(_ bytes: UnsafeRawBufferPointer, limits: ZipLimits) throws -> [ZipEntry] {
        if bytes.isEmpty { throw ZipError.emptyFile }
        guard bytes.count >= 22 else { throw ZipError.notAZipFile }
        guard let eocd = findEndRecord(bytes) else {
            throw bytes.le32(0) == 0x0403_4B50 ? ZipError.truncated("no end of central directory") : ZipError.notAZipFile
        }
        var count = UInt64(bytes.le16(eocd + 10))
        var size = UInt64(bytes.le32(eocd + 12))
        var offset = UInt64(bytes.le32(eocd + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, eocd >= 20,
           bytes.le32(eocd - 20) == 0x0706_4B50 {
            let record = bytes.le64(eocd - 20 + 8)
            guard record <= UInt64(bytes.count), UInt64(bytes.count) - record >= 56,
                  bytes.le32(Int(record)) == 0x0606_4B50 else {
                throw ZipError.corruptCentralDirectory("bad ZIP64 end record")
            }
            let r = Int(record)
            count = bytes.le64(r + 32)
            size = bytes.le64(r + 40)
            offset = bytes.le64(r + 48)
        }
        guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else {
            throw ZipError.truncated("the central directory lies past the end of the file")
        }
        guard count <= UInt64(limits.maxEntries) else {
            throw ZipError.tooManyEntries(count: Int(clamping: count), limit: limits.maxEntries)
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(count))
        var p = Int(offset)
        let end = Int(offset + size)
        for index in 0..<Int(count) {
            guard end - p >= 46, bytes.le32(p) == 0x0201_4B50 else {
                throw ZipError.corruptCentralDirectory("entry \(index + 1) of \(count) is not where the directory says")
            }
            let nameLength = bytes.le16(p + 28), extraLength = bytes.le16(p + 30), commentLength = bytes.le16(p + 32)
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= end else { throw ZipError.corruptCentralDirectory("entry \(index + 1) runs past the directory") }
            let rawName = UnsafeRawBufferPointer(rebasing: bytes[(p + 46)..<(p + 46 + nameLength)])
            var entry = ZipEntry(
                name: String(decoding: rawName, as: UTF8.self).replacingBackslashes(),
                method: bytes.le16(p + 10),
                flags: UInt16(bytes.le16(p + 8)),
                crc32: bytes.le32(p + 16),
                compressedSize: UInt64(bytes.le32(p + 20)),
                uncompressedSize: UInt64(bytes.le32(p + 24)),
                localHeaderOffset: UInt64(bytes.le32(p + 42)),
                nameBytes: (p + 46)..<(p + 46 + nameLength))
            applyZip64Extra(UnsafeRawBufferPointer(rebasing: bytes[(p + 46 + nameLength)..<(p + 46 + nameLength + extraLength)]),
                            to: &entry)
            entries.append(entry)
            p = next
        }
        return entries
    }

    /// The end-of-central-directory record: searched backwards, since a
    /// comment of up to 65 535 bytes may follow it.
    private static func findEndRecord(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let last = bytes.count - 22
        let first = max(0, last - 65_535)
        var p = last
        while p >= first {
            if bytes[p] == 0x50 && bytes.le32(p) == 0x0605_4B50 && p + 22 + bytes.le16(p + 20) <= bytes.count {
                return p
            }
            p -= 1
        }
        return nil
    }

    /// ZIP64 extended information (header id 0x0001): the 64-bit values of
    /// the fields that are 0xFFFFFFFF, in a fixed order.
    private static func applyZip64Extra(_ extra: UnsafeRawBufferPointer, to entry: inout ZipEntry) {
        var p = 0
        while extra.count - p >= 4 {
            let id = extra.le16(p), length = extra.le16(p + 2)
            let body = p + 4
            guard body + length <= extra.count else { return }
            if id == 0x0001 {
                var q = body
                if entry.uncompressedSize == 0xFFFF_FFFF, q + 8 <= body + length {
                    entry.uncompressedSize = extra.le64(q); q += 8
                }
                if entry.compressedSize == 0xFFFF_FFFF, q + 8 <= body + length {
                    entry.compressedSize = extra.le64(q); q += 8
                }
                if entry.localHeaderOffset == 0xFFFF_FFFF, q + 8 <= body + length {
                    entry.localHeaderOffset = extra.le64(q)
                }
                return
            }
            p = body + length
        }
    }
}

extension String {
    func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
