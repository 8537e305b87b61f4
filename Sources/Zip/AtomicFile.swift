#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written beside its target under a temporary name and renamed into
/// place only when complete: a crash or an error never leaves half a file
/// at the target, and an existing target stays as it was until then.
public final class AtomicFile {
    public let path: String
    public let temporaryPath: String
    /// The descriptor to write to.
    public private(set) var descriptor: Int32
    private var done = false

    /// Creates the temporary file in the target's folder.
    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder).\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw WriteFailure.io("file: cannot create it: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp makes the file 0600; a finished output gets what open(2)
        // would give a new file: 0666 less the user's umask.
        fchmod(fd, 0o666 & ~FileCreationMask.current)
    }

    deinit { cancel() }

    /// Writes all of `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try writeAll(descriptor, bytes)
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes to disk and renames the file into place.
    public func commit() throws {
        guard !done else { return }
        done = true
        defer { descriptor = -1 }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw WriteFailure.io("file: \(reason)")
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw WriteFailure.io("file: cannot put it in place: \(reason)")
        }
    }

    /// Removes the temporary file; the target is untouched.
    public func cancel() {
        guard !done else { return }
        done = true
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// An I/O failure while writing, with the path and the system's reason.
public enum WriteFailure: Error, Sendable, CustomStringConvertible {
    case io(String)

    public var description: String {
        switch self {
        case .io(let what): return what
        }
    }
}
