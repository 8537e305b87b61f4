import Monitoring
import Spreadsheet
import Zip

/// A file read and validated, ready for the single writer.
public struct PreparedSubmission: Sendable {
    public var file: String
    public var sha256: String
    public var report: FileReport
    public var submission: Submission?

    public init(file: String, sha256: String, report: FileReport, submission: Submission?) {
        self.file = file
        self.sha256 = sha256
        self.report = report
        self.submission = submission
    }

    /// Reads, hashes and validates one file; never throws: an unreadable
    /// file comes back rejected with its finding.
    public static func prepare(file: String, validator: Validator) -> PreparedSubmission {
        let (report, validated) = validator.validate(file: file)
        var submission = validated
        var hash = ""
        do {
            let mapped = try MappedFile(path: file)
            hash = withExtendedLifetime(mapped) { SHA256.hex(mapped.bytes) }
        } catch {
            // Its provenance cannot be recorded, so it is not merged: the
            // store rejects a file without a submission.
            submission = nil
        }
        // The cells as read are not needed to merge; keep only the tables.
        submission?.workbook = Workbook(properties: WorkbookProperties(format: .xlsx), sheets: [])
        return PreparedSubmission(file: file, sha256: hash, report: report, submission: submission)
    }
}
