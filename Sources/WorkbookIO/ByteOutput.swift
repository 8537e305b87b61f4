import Zip

/// A buffered byte sink on a file descriptor: text is appended as UTF-8
/// bytes and written in large blocks.
public final class ByteOutput {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let capacity = 1 << 16
    /// Applied to every text written with `write(_:)` (not to single bytes
    /// or raw byte runs): the CLI makes cell texts inert with it on a terminal.
    public var textFilter: ((String) -> String)?

    /// Standard output.
    public static func standardOutput() -> ByteOutput { ByteOutput(fd: 1) }

    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(capacity + 4096)
    }

    deinit { try? flush() }

    @inline(__always) public func write(_ text: String) throws {
        var copy = textFilter.map { $0(text) } ?? text
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
        do {
            try buffer.withUnsafeBytes { try writeAll(fd, $0) }
        } catch {
            throw WorkbookError(location: "output", reason: "\(error)".replacingPrefix("file: ", with: ""))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
