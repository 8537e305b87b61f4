import Spreadsheet
import Zip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An unnamed temporary file that holds the tables of a spreadsheet being
/// written until the styles they need are known (those come first in
/// `content.xml`). The file is gone as soon as it is closed.
///
/// For a package the tables are spooled deflated, as a segment the zip
/// entry takes over as it stands (`ZipStreamWriter.appendDeflated`): they
/// are compressed once, on a second core, while the rows are produced.
final class SpoolFile {
    private var descriptor: Int32
    /// Compresses what is written, when the spool is deflated.
    private var deflater: DeflateStream?

    /// A spool that keeps the bytes as written, or deflates them at `deflateLevel`.
    init(deflateLevel: Int32? = nil) throws {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(folder)/imon-spool-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError.io("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))") }
        unlink(String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        descriptor = fd
        if let deflateLevel {
            do {
                deflater = try DeflateStream(level: deflateLevel) { [fd] bytes in try writeAll(fd, bytes) }
            } catch {
                close(fd)
                throw error
            }
        }
    }

    deinit {
        deflater = nil // its thread ends before the file closes
        close(descriptor)
    }

    func write(_ bytes: [UInt8]) throws {
        if let deflater { return try deflater.write(bytes) }
        try bytes.withUnsafeBytes { try writeAll(descriptor, $0) }
    }

    /// Ends the deflated spool: what `replay` then gives is a deflate
    /// segment of `uncompressedSize` bytes with CRC-32 `crc`.
    func sealSegment() throws -> (crc: UInt32, uncompressedSize: UInt64, compressedSize: UInt64) {
        guard let deflater else { preconditionFailure("the spool is not deflated") }
        try deflater.endSegment()
        return (deflater.crc, deflater.inputCount, deflater.outputCount)
    }

    /// Reads everything back in chunks.
    func replay(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw WriteError.io("temporary file: cannot rewind") }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 17, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(descriptor, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError.io("temporary file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}
