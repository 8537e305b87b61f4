import CZlib
import Synchronization

/// A zip package opened for reading (APPNOTE 6.3.10): the central directory is
/// parsed once; entries are inflated on demand, streaming, with CRC-32 and
/// size checks and the limits of `ZipLimits`.
public final class ZipArchive: Sendable {
    public let file: MappedFile
    public let entries: [ZipEntry]
    public let limits: ZipLimits
    private let byName: [String: Int]
    private let byLowercasedName: [String: Int]
    private let totalRead = Mutex<UInt64>(0)

    /// Opens the package at `path`.
    public convenience init(path: String, limits: ZipLimits = .default) throws {
        try self.init(file: MappedFile(path: path), limits: limits)
    }

    /// Opens a package held in `file`.
    public init(file: MappedFile, limits: ZipLimits = .default) throws {
        self.file = file
        self.limits = limits
        let entries = try CentralDirectory.read(file.bytes, limits: limits)
        self.entries = entries
        var byName: [String: Int] = [:], byLower: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            if byName[entry.name] == nil { byName[entry.name] = i }
            let lower = entry.name.lowercased()
            if byLower[lower] == nil { byLower[lower] = i }
        }
        self.byName = byName
        self.byLowercasedName = byLower
    }

    /// The entry with this path: the exact name first, then ignoring case
    /// (OPC part names are case-insensitive, ECMA-376 Part 2, 9.1.1.1).
    /// A leading `/` is ignored.
    public func entry(named name: String) -> ZipEntry? {
        let key = name.hasPrefix("/") ? String(name.dropFirst()) : name
        if let i = byName[key] { return entries[i] }
        if let i = byLowercasedName[key.lowercased()] { return entries[i] }
        return nil
    }

    /// Streams the uncompressed bytes of `entry` to `body` in chunks of at
    /// most `chunkSize` bytes, checking CRC-32, the declared size and the
    /// limits. Memory use is bounded by `chunkSize` plus zlib's window.
    public func read(_ entry: ZipEntry, chunkSize: Int = 1 << 17,
                     _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if entry.isEncrypted { throw ZipError.encryptedEntry(entry: entry.name) }
        let data = try compressedData(of: entry)
        var crc = crc32(0, nil, 0)
        var produced: UInt64 = 0
        let limits = self.limits
        func deliver(_ chunk: UnsafeRawBufferPointer) throws {
            produced += UInt64(chunk.count)
            if produced > entry.uncompressedSize {
                throw ZipError.sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: produced)
            }
            crc = chunk.withMemoryRebound(to: Bytef.self) { crc32(crc, $0.baseAddress, uInt(chunk.count)) }
            try body(chunk)
        }
        try checkLimits(entry)
        switch entry.method {
        case 0:
            var offset = 0
            while offset < data.count {
                let n = min(chunkSize, data.count - offset)
                try deliver(UnsafeRawBufferPointer(rebasing: data[offset..<offset + n]))
                offset += n
            }
        case 8:
            try Inflater.inflate(data, entry: entry, chunkSize: chunkSize, limits: limits, deliver)
        default:
            throw ZipError.unsupportedCompression(entry: entry.name, method: entry.method)
        }
        if produced != entry.uncompressedSize {
            throw ZipError.sizeMismatch(entry: entry.name, declared: entry.uncompressedSize, actual: produced)
        }
        if UInt32(truncatingIfNeeded: crc) != entry.crc32 { throw ZipError.crcMismatch(entry: entry.name) }
    }

    /// The whole uncompressed entry, for small parts (relationships, styles).
    public func data(of entry: ZipEntry) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 24)))
        try read(entry) { out.append(contentsOf: $0) }
        return out
    }

    /// The whole uncompressed entry named `name`, or nil when there is none.
    public func data(named name: String) throws -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try data(of: entry)
    }

    private func checkLimits(_ entry: ZipEntry) throws {
        if entry.uncompressedSize > limits.maxEntrySize {
            throw ZipError.limitExceeded(entry: entry.name, limit: ZipLimit(
                name: "uncompressed size", value: limits.maxEntrySize, hint: "raise it with --max-part-size, in MiB"), value: entry.uncompressedSize)
        }
        let total = totalRead.withLock { total -> UInt64 in
            total += entry.uncompressedSize
            return total
        }
        if total > limits.maxTotalSize {
            throw ZipError.limitExceeded(entry: entry.name, limit: ZipLimit(
                name: "total uncompressed size", value: limits.maxTotalSize, hint: "raise it with --max-total-size, in MiB"), value: total)
        }
    }

    /// The bytes of `entry` as stored (compressed or not), for copying it
    /// into another package unchanged with `ZipStreamWriter.copy`.
    public func storedBytes(of entry: ZipEntry) throws -> UnsafeRawBufferPointer {
        if entry.isEncrypted { throw ZipError.encryptedEntry(entry: entry.name) }
        return try compressedData(of: entry)
    }

    /// The stored bytes of an entry, located through its local header.
    private func compressedData(of entry: ZipEntry) throws -> UnsafeRawBufferPointer {
        let bytes = file.bytes
        let header = entry.localHeaderOffset
        guard header <= UInt64(bytes.count), UInt64(bytes.count) - header >= 30 else {
            throw ZipError.truncated("local header of \(entry.name) lies past the end")
        }
        let h = Int(header)
        guard bytes.le32(h) == 0x0403_4B50 else { throw ZipError.corruptLocalHeader(entry: entry.name) }
        let nameLength = bytes.le16(h + 26)
        // APPNOTE 4.3.7 and 4.4.17: the local header repeats the central
        // directory's name. A reader that walks local headers (as many
        // streaming unzippers do) would see another file than we read, so a
        // package whose two names differ is refused, not read either way.
        guard nameLength == entry.nameBytes.count, h + 30 + nameLength <= bytes.count,
              bytes.same(h + 30, entry.nameBytes.lowerBound, count: nameLength) else {
            let local = UnsafeRawBufferPointer(rebasing: bytes[(h + 30)..<min(bytes.count, h + 30 + nameLength)])
            throw ZipError.localNameMismatch(entry: entry.name, localName: String(decoding: local, as: UTF8.self))
        }
        let start = UInt64(h) + 30 + UInt64(nameLength) + UInt64(bytes.le16(h + 28))
        guard start <= UInt64(bytes.count), entry.compressedSize <= UInt64(bytes.count) - start else {
            throw ZipError.truncated("data of \(entry.name) runs past the end of the file")
        }
        return UnsafeRawBufferPointer(rebasing: bytes[Int(start)..<Int(start + entry.compressedSize)])
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the `count` bytes at `a` and at `b` are the same.
    @inline(__always) func same(_ a: Int, _ b: Int, count: Int) -> Bool {
        for i in 0..<count where self[a + i] != self[b + i] { return false }
        return true
    }

    @inline(__always) func le16(_ at: Int) -> Int {
        Int(self[at]) | Int(self[at + 1]) << 8
    }

    @inline(__always) func le32(_ at: Int) -> UInt32 {
        UInt32(self[at]) | UInt32(self[at + 1]) << 8 | UInt32(self[at + 2]) << 16 | UInt32(self[at + 3]) << 24
    }

    @inline(__always) func le64(_ at: Int) -> UInt64 {
        UInt64(le32(at)) | UInt64(le32(at + 4)) << 32
    }
}
