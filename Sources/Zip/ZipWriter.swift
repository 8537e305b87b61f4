import CZlib

/// Writes a zip package into memory, deterministically: entries in the order
/// added, every timestamp 1980-01-01 00:00, no extra fields.
///
/// ```swift
/// var zip = ZipWriter()
/// try zip.add("mimetype", Array("application/…".utf8), compression: .stored)
/// let bytes = zip.finish()
/// ```
public struct ZipWriter: Sendable {
    /// How an entry is stored.
    public enum Compression: Sendable, Equatable {
        case stored
        /// zlib deflate at a level from 1 (fastest) to 9 (smallest).
        case deflate(level: Int32)
    }

    public private(set) var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    /// Appends one entry with its whole content.
    public mutating func add(_ name: String, _ content: [UInt8], compression: Compression = .deflate(level: 6)) throws {
        let crc = UInt32(truncatingIfNeeded: content.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
        let stored: [UInt8]
        let method: UInt16
        switch compression {
        case .stored:
            stored = content
            method = 0
        case .deflate(let level):
            stored = try ZipWriter.deflate(content, level: level)
            method = 8
        }
        let nameBytes = Array(name.utf8)
        let offset = UInt32(bytes.count)
        var local: [UInt8] = []
        local.le32(0x0403_4B50); local.le16(20); local.le16(0x0800); local.le16(method)
        local.le16(0); local.le16(0x21) // 1980-01-01 00:00
        local.le32(crc); local.le32(UInt32(stored.count)); local.le32(UInt32(content.count))
        local.le16(UInt16(nameBytes.count)); local.le16(0)
        bytes += local + nameBytes + stored
        central.le32(0x0201_4B50); central.le16(20); central.le16(20); central.le16(0x0800); central.le16(method)
        central.le16(0); central.le16(0x21)
        central.le32(crc); central.le32(UInt32(stored.count)); central.le32(UInt32(content.count))
        central.le16(UInt16(nameBytes.count)); central.le16(0); central.le16(0); central.le16(0); central.le16(0)
        central.le32(0); central.le32(offset)
        central += nameBytes
        count += 1
    }

    /// Appends the central directory and returns the finished package.
    public mutating func finish() -> [UInt8] {
        let offset = UInt32(bytes.count)
        bytes += central
        bytes.le32(0x0605_4B50); bytes.le16(0); bytes.le16(0)
        bytes.le16(UInt16(count)); bytes.le16(UInt16(count))
        bytes.le32(UInt32(central.count)); bytes.le32(offset); bytes.le16(0)
        return bytes
    }

    /// Raw deflate (no zlib header) of a whole buffer.
    public static func deflate(_ input: [UInt8], level: Int32) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError.io("zlib deflate init failed")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        let written: Int = input.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<written])
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(s)) & 0xFF)) } }
}
