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
    private var stream = z_stream()
    private var deflating = false
    private var output: [UInt8] = []
    private var storedCRC: uLong = 0

    /// Writes into `file` (not committed until `finish`).
    public init(file: AtomicFile) {
        self.file = file
        output = [UInt8](repeating: 0, count: 1 << 16)
    }

    deinit {
        if deflating { deflateEnd(&stream) }
    }

    /// Starts an entry. `stored` entries need their bytes in one `write`
    /// (the `mimetype` of ODF must come first and stored, ODF 1.2 Part 3, 3.3).
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
            stream = z_stream()
            guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw WriteFailure.io("zlib deflate could not start")
            }
            deflating = true
        }
        current = Written(name: nameBytes, method: method, flags: flags, crc: 0, compressed: 0, uncompressed: 0, offset: offset)
        storedCRC = crc32(0, nil, 0)
        if method == 8 { try writeLocalHeader() }
    }

    /// Appends uncompressed bytes to the open entry.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var entry = current else { return }
        storedCRC = bytes.withMemoryRebound(to: Bytef.self) { crc32(storedCRC, $0.baseAddress, uInt($0.count)) }
        entry.uncompressed += UInt64(bytes.count)
        if entry.method == 0 {
            // A stored entry is written whole: header with sizes, then the bytes.
            entry.crc = UInt32(truncatingIfNeeded: storedCRC)
            entry.compressed = entry.uncompressed
            current = entry
            try writeLocalHeader()
            try file.write(bytes)
            offset += UInt64(bytes.count)
            return
        }
        current = entry
        try deflate(bytes, flush: Z_NO_FLUSH)
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Closes the open entry.
    public func endEntry() throws {
        guard var entry = current else { return }
        if entry.method == 8 {
            try deflate(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
            deflateEnd(&stream)
            deflating = false
            entry.crc = UInt32(truncatingIfNeeded: storedCRC)
            entry.compressed = offset - entry.offset - 30 - UInt64(entry.name.count)
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
        } else if entry.uncompressed == 0 {
            entry.crc = 0
            try writeLocalHeader()
        }
        entries.append(entry)
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
        let known = entry.method == 0
        header.le32(known ? entry.crc : 0)
        header.le32(known ? UInt32(entry.compressed) : 0)
        header.le32(known ? UInt32(entry.uncompressed) : 0)
        header.le16(UInt16(entry.name.count)); header.le16(0)
        header += entry.name
        try file.write(header)
        offset += UInt64(header.count)
    }

    private func deflate(_ input: UnsafeRawBufferPointer, flush: Int32) throws {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        let capacity = output.count
        repeat {
            let produced: Int = output.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(capacity)
                _ = CZlib.deflate(&stream, flush)
                return capacity - Int(stream.avail_out)
            }
            if produced > 0 {
                try output.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) }
                offset += UInt64(produced)
            }
        } while stream.avail_out == 0 || (flush == Z_FINISH && stream.avail_in > 0)
    }
}
