import Monitoring
import Spreadsheet
import Zip

extension PreparedSubmission {
    /// Reads, hashes and converts one statistics-office file through the
    /// catalogue's mapping: one prepared submission per year, each merged
    /// in its own transaction; a file refused as a whole (no mapping, a
    /// changed layout, unreadable) comes back as one rejected item. Never
    /// throws.
    public static func prepareImport(file: String, importer: TableImport) -> [PreparedSubmission] {
        let imported = importer.read(file: file)
        var hash = ""
        do {
            let mapped = try MappedFile(path: file)
            hash = withExtendedLifetime(mapped) { SHA256.hex(mapped.bytes) }
        } catch {
            // Its provenance cannot be recorded, so nothing of it is merged.
            return imported.reports.map { PreparedSubmission(file: file, sha256: "", report: $0, submission: nil) }
        }
        let refused = imported.years.isEmpty || imported.fileFindings.contains { $0.severity == .error }
        if refused {
            return imported.reports.map { PreparedSubmission(file: file, sha256: hash, report: $0, submission: nil) }
        }
        return imported.years.map { PreparedSubmission(file: file, sha256: hash, report: $0.report, submission: $0.submission) }
    }
}
