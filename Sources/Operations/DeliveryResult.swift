import Monitoring
import MonitoringStore

/// What became of one uploaded workbook.
public struct DeliveryResult: Sendable {
    /// The merge's outcome; `rejected` when validation found errors.
    public var merge: MergeResult
    /// The findings, with the name the browser sent as the file's name.
    public var report: FileReport
    /// The annotated feedback copy (same format as the upload); nil when the file could not be read as a workbook.
    public var feedback: [UInt8]?
    /// `xlsx` or `ods`: the feedback copy's format.
    public var feedbackExtension: String
    /// The number under which an upload in conflict is kept until it is decided.
    public var heldID: Int64?

    /// `imported`, `unchanged`, `superseded`, `rejected` or `conflict`.
    public var outcome: String {
        switch merge.outcome {
        case .imported: return "imported"
        case .unchanged: return "unchanged"
        case .superseded: return "superseded"
        case .rejected: return "rejected"
        case .conflict: return "conflict"
        }
    }
}

/// Why an upload or a decision was refused before anything was stored.
public enum DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The workbook is another department's (a department delivers only for itself).
    case otherDepartment(workbook: String, account: String)
    /// This role delivers nothing.
    case notAllowed(Role)
    /// No upload in conflict with this number.
    case noSuchHeldUpload(Int64)
    /// The upload could not be put aside for reading.
    case scratch(String)

    public var description: String {
        switch self {
        case .otherDepartment(let workbook, let account):
            return "the workbook is department \(workbook)'s; this account delivers for department \(account) only"
        case .notAllowed(let role): return "a \(role.rawValue)'s account delivers no workbooks"
        case .noSuchHeldUpload(let id): return "no upload in conflict numbered \(id)"
        case .scratch(let why): return "the upload could not be read: \(why)"
        }
    }
}
