import Monitoring
import MonitoringStore

/// Reads and validates files in parallel, then merges them one by one
/// through the store's single writer: `imon merge` and the portal's uploads.
public struct MergeOperation: Sendable {
    public var catalogue: Catalogue
    public var validator: Validator

    public init(catalogue: Catalogue, validator: Validator) {
        self.catalogue = catalogue
        self.validator = validator
    }

    /// Reads, hashes and validates every file, in parallel, in their order.
    public func prepare(_ paths: [String], progress: ProgressHandler? = nil) -> [PreparedSubmission] {
        ParallelFiles.map(paths.count, progress: progress) { i in PreparedSubmission.prepare(file: paths[i], validator: validator) }
    }

    /// Merges prepared files into `store`, calling `committed` as each file's
    /// transaction is on disk (so a merge stopped later has told what it stored).
    public func merge(_ items: [PreparedSubmission], into store: any SubmissionStore, prefer: ConflictPreference?, user: String,
                      committed: (MergeResult, Int) -> Void = { _, _ in }) throws -> [MergeResult] {
        try store.merge(items, catalogue: catalogue, prefer: prefer, user: user, committed: committed)
    }
}
