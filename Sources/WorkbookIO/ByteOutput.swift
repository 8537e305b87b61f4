#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink on a file descriptor: text is appended as UTF-8
/// bytes and written in large blocks.
public final class ByteOutput {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let capacity = 1 << 16

    /// Standard output.
    public static func standardOutput() -> ByteOutput { ByteOutput(fd: 1) }

    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(capacity + 4096)
    }

    deinit { try? flush() }

    @inline(__always) public func write(_ text: String) throws {
        var copy = text
        copy.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    @inline(__always) public func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    public func write(bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Writes out everything buffered.
    public func flush() throws {
        var offset = 0
        try buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WorkbookError(location: "output", reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
