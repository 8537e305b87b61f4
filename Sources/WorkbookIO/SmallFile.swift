import Zip

/// Reads a whole small file that a workbook refers to (a catalogue's map),
/// refusing it above a limit before copying a byte.
public enum SmallFile {
    /// The file's bytes; `WorkbookError` says why not (missing, not a regular file, too large).
    public static func read(path: String, limit: Int) throws -> [UInt8] {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            throw WorkbookError(location: path, reason: "\(error)")
        }
        guard file.bytes.count <= limit else {
            throw WorkbookError(location: path, reason: "the file has \(file.bytes.count) bytes, more than the \(limit) allowed")
        }
        return Array(file.bytes)
    }
}
