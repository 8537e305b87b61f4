import CZlib

/// Writes a zip package to a file as entries are produced: each entry is
/// deflated as its bytes arrive and followed by a data descriptor, so an
/// entry of any size passes through in bounded memory (APPNOTE 4.3.9).
///
/// The output is deterministic: entries in the order written, every
/// timestamp 1980-01-01 00:00, no extra fields.
public final class ZipStreamWriter {
    public enum Compression: Sendable, Equatable {
        case stored
        /// zlib level 1 (fastest) to 9 (smallest).
        case deflate(level: Int32)
    }

    private struct Written {
        var name: [UInt8]
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressed: UInt64
        var uncompressed: UInt64
        var offset: UInt64
    }

    private let file: AtomicFile
    private var offset: UInt64 = 0
    private var entries: [Written] = []
    private var current: Written?
    private var level: Int32 = 1
    /// The deflate stream of the open entry since its start or its last
    /// appended segment; what came before is summed up in `current`.
    private var deflater: DeflateStream?

    /// Writes into `file` (not committed until `finish`).
    public init(file: AtomicFile) {
        self.file = file
    }

    /// Starts an entry. `stored` entries need their bytes in one `write`
    /// (the `mimetype` of ODF must come first and stored, ODF 1.2 Part 3, 3.3).
    /// Deflated entries are compressed on a second thread once they are large
    /// (`DeflateStream`).
    public func beginEntry(_ name: String, compression: Compression) throws {
        precondition(current == nil, "an entry is still open")
        let nameBytes = Array(name.utf8)
        let method: UInt16
        var flags: UInt16 = 0x0800 // names are UTF-8
        switch compression {
        case .stored:
            method = 0
        case .deflate(let level):
            method = 8
            flags |= 0x0008 // sizes follow in a data descriptor
            self.level = level
        }
        current = Written(name: nameBytes, method: method, flags: flags, crc: 0, compressed: 0, uncompressed: 0, offset: offset)
        if method == 8 {
            try writeLocalHeader()
            deflater = try makeDeflater()
        }
    }

    private func makeDeflater() throws -> DeflateStream {
        let file = self.file
        return try DeflateStream(level: level) { try file.write($0) }
    }

    /// Appends uncompressed bytes to the open entry.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var entry = current else { return }
        if let deflater {
            try deflater.write(bytes)
            return
        }
        // A stored entry is written whole: header with sizes, then the bytes.
        entry.uncompressed += UInt64(bytes.count)
        entry.crc = bytes.withMemoryRebound(to: Bytef.self) { UInt32(truncatingIfNeeded: crc32(0, $0.baseAddress, uInt($0.count))) }
        entry.compressed = entry.uncompressed
        current = entry
        try writeLocalHeader()
        try file.write(bytes)
        offset += UInt64(bytes.count)
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Appends to the open deflated entry a segment deflated elsewhere: raw
    /// deflate data that ends on a byte boundary without a final block and
    /// refers to nothing before it (as `DeflateStream.endSegment` leaves
    /// it), of `uncompressedSize` bytes with CRC-32 `crc`. `replay` hands
    /// its compressed bytes, `compressedSize` of them, to the function it gets.
    public func appendDeflated(crc: UInt32, uncompressedSize: UInt64, compressedSize: UInt64,
                               _ replay: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard current != nil, let deflater else { preconditionFailure("no deflated entry is open") }
        try deflater.endSegment()
        add(deflater)
        var copied: UInt64 = 0
        try replay { bytes in
            try file.write(bytes)
            copied += UInt64(bytes.count)
        }
        guard copied == compressedSize else {
            throw WriteFailure.io("a deflated segment of \(compressedSize) bytes gave \(copied)")
        }
        current!.crc = UInt32(truncatingIfNeeded: crc32_combine(uLong(current!.crc), uLong(crc), off_t(uncompressedSize)))
        current!.uncompressed += uncompressedSize
        current!.compressed += compressedSize
        self.deflater = try makeDeflater()
    }

    /// Sums up a finished stretch of the open entry.
    private func add(_ stream: DeflateStream) {
        guard var entry = current else { return }
        entry.crc = UInt32(truncatingIfNeeded: crc32_combine(uLong(entry.crc), uLong(stream.crc), off_t(stream.inputCount)))
        entry.uncompressed += stream.inputCount
        entry.compressed += stream.outputCount
        current = entry
    }

    /// Appends an entry of another package as it is stored there: same
    /// name, method, CRC-32 and compressed bytes, so it is not inflated
    /// and deflated again and its content stays byte for byte the same.
    public func copy(_ entry: ZipEntry, storedBytes: UnsafeRawBufferPointer) throws {
        precondition(current == nil, "an entry is still open")
        guard entry.method == 0 || entry.method == 8 else {
            throw WriteFailure.io("\(entry.name): compression method \(entry.method) cannot be copied")
        }
        guard entry.compressedSize <= 0xFFFF_FFFF, entry.uncompressedSize <= 0xFFFF_FFFF,
              UInt64(storedBytes.count) == entry.compressedSize else {
            throw WriteFailure.io("\(entry.name): a part larger than 4 GiB cannot be written")
        }
        // The sizes go into the local header, so no data descriptor follows (APPNOTE 4.4.4, bit 3).
        current = Written(name: Array(entry.name.utf8), method: UInt16(entry.method), flags: (entry.flags & 0x0006) | 0x0800,
                          crc: entry.crc32, compressed: entry.compressedSize, uncompressed: entry.uncompressedSize, offset: offset)
        try writeLocalHeader()
        try file.write(storedBytes)
        offset += UInt64(storedBytes.count)
        entries.append(current!)
        current = nil
    }

    /// Closes the open entry.
    public func endEntry() throws {
        guard current != nil else { return }
        if let deflater {
            try deflater.finish()
            add(deflater)
            self.deflater = nil
            let entry = current!
            offset += entry.compressed
            var descriptor: [UInt8] = []
            descriptor.le32(0x0807_4B50)
            descriptor.le32(entry.crc)
            guard entry.compressed <= 0xFFFF_FFFF, entry.uncompressed <= 0xFFFF_FFFF else {
                throw WriteFailure.io("\(String(decoding: entry.name, as: UTF8.self)): a part larger than 4 GiB cannot be written")
            }
            descriptor.le32(UInt32(entry.compressed))
            descriptor.le32(UInt32(entry.uncompressed))
            try file.write(descriptor)
            offset += UInt64(descriptor.count)
        } else if current!.uncompressed == 0 {
            current!.crc = 0
            try writeLocalHeader()
        }
        entries.append(current!)
        current = nil
    }

    /// Writes the central directory. The caller commits the file.
    public func finish() throws {
        var central: [UInt8] = []
        for entry in entries {
            guard entry.offset <= 0xFFFF_FFFF else { throw WriteFailure.io("a package larger than 4 GiB cannot be written") }
            central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(entry.flags); central.le16(entry.method)
            central.le16(0); central.le16(0x21)
            central.le32(entry.crc); central.le32(UInt32(entry.compressed)); central.le32(UInt32(entry.uncompressed))
            central.le16(UInt16(entry.name.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
            central.le32(0); central.le32(UInt32(entry.offset))
            central += entry.name
        }
        let start = offset
        let size = central.count
        guard start <= 0xFFFF_FFFF, entries.count < 0xFFFF else { throw WriteFailure.io("the package is too large for a zip file") }
        central.le32(0x0605_4B50); central.le16(0); central.le16(0)
        central.le16(UInt16(entries.count)); central.le16(UInt16(entries.count))
        central.le32(UInt32(size)); central.le32(UInt32(start)); central.le16(0)
        try file.write(central)
        offset += UInt64(central.count)
    }

    private func writeLocalHeader() throws {
        guard let entry = current else { return }
        var header: [UInt8] = []
        header.le32(0x0403_4B50); header.le16(20); header.le16(entry.flags); header.le16(entry.method)
        header.le16(0); header.le16(0x21)
        let known = entry.flags & 0x0008 == 0
        header.le32(known ? entry.crc : 0)
        header.le32(known ? UInt32(entry.compressed) : 0)
        header.le32(known ? UInt32(entry.uncompressed) : 0)
        header.le16(UInt16(entry.name.count)); header.le16(0)
        header += entry.name
        try file.write(header)
        offset += UInt64(header.count)
    }
}
