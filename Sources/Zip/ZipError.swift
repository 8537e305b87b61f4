/// Why a zip package could not be read. Each case says where.
public enum ZipError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAZipFile
    case emptyFile
    case truncated(String)
    case corruptCentralDirectory(String)
    case corruptLocalHeader(entry: String)
    case localNameMismatch(entry: String, localName: String)
    case encryptedEntry(entry: String)
    case unsupportedCompression(entry: String, method: Int)
    case corruptData(entry: String, reason: String)
    case crcMismatch(entry: String)
    case sizeMismatch(entry: String, declared: UInt64, actual: UInt64)
    case limitExceeded(entry: String, limit: ZipLimit, value: UInt64)
    case tooManyEntries(count: Int, limit: Int)
    case entryNotFound(String)
    case io(String)

    public var description: String {
        switch self {
        case .notAZipFile: return "not a zip package (no end of central directory)"
        case .emptyFile: return "the file is empty"
        case .truncated(let what): return "the file is truncated (\(what))"
        case .corruptCentralDirectory(let what): return "corrupt zip central directory: \(what)"
        case .corruptLocalHeader(let entry): return "\(entry): corrupt zip local header"
        case .localNameMismatch(let entry, let localName):
            return "\(entry): the local header names another file, \"\(localName)\" (the package is damaged or forged)"
        case .encryptedEntry(let entry): return "\(entry): the entry is encrypted (password-protected)"
        case .unsupportedCompression(let entry, let method):
            return "\(entry): unsupported zip compression method \(method) (only stored and deflate are used by spreadsheets)"
        case .corruptData(let entry, let reason): return "\(entry): corrupt compressed data (\(reason))"
        case .crcMismatch(let entry): return "\(entry): CRC-32 checksum mismatch (the file is damaged)"
        case .sizeMismatch(let entry, let declared, let actual):
            return "\(entry): uncompressed size \(actual) differs from the declared \(declared) bytes (the file is damaged)"
        case .limitExceeded(let entry, let limit, let value):
            return "\(entry): \(limit.name) \(value) exceeds the limit of \(limit.value) (\(limit.hint))"
        case .tooManyEntries(let count, let limit): return "the package has \(count) entries, more than the limit of \(limit) (--max-entries raises it)"
        case .entryNotFound(let name): return "\(name): missing from the package"
        case .io(let what): return what
        }
    }
}
