import Monitoring

/// Checks submission files in parallel, optionally writing each one's
/// annotated feedback copy: `imon validate` and the portal's check of an upload.
public struct ValidateOperation: Sendable {
    public var validator: Validator
    public var language: Language

    public init(validator: Validator, language: Language) {
        self.validator = validator
        self.language = language
    }

    /// The findings of each file in `paths`, in their order. `feedback[i]`,
    /// when given, is where the feedback copy of `paths[i]` is written; a copy
    /// that cannot be written becomes a warning of that file.
    public func run(_ paths: [String], feedback: [String?] = [], progress: ProgressHandler? = nil) -> [FileReport] {
        ParallelFiles.map(paths.count, progress: progress) { i in
            var (report, submission) = validator.validate(file: paths[i])
            if i < feedback.count, let target = feedback[i], let submission {
                do {
                    try FeedbackWorkbook.write(submission.workbook, report: report, language: language, source: paths[i], to: target)
                } catch {
                    report.findings.append(ValidationFinding(.warning, .feedbackNotWritten(reason: "\(error)")))
                }
            }
            return report
        }
    }
}
