import Dispatch
import Foundation
import Monitoring
import MonitoringStore
import Spreadsheet
import WorkbookIO

/// Takes uploaded workbooks: checks them in parallel, merges them one at a
/// time (the store's single writer), keeps those in conflict until someone
/// decides. The portal's uploads go through here, off the server's event loop.
public final class SubmissionDesk: Sendable {
    public let store: any SubmissionStore
    public let catalogue: Catalogue
    public let validator: Validator
    public let language: Language
    /// Where uploads are put while they are read; names are made here, never taken from the upload.
    public let scratch: String
    /// The single writer: merges and decisions run one after another, in order of arrival.
    private let writer = DispatchQueue(label: "imon.store-writer")
    /// Checks run here, beside the writer, so that a long check does not hold up a merge.
    private let checks = DispatchQueue(label: "imon.checks", attributes: .concurrent)

    public init(store: any SubmissionStore, catalogue: Catalogue, reading: WorkbookFile.Options, language: Language, scratch: String) {
        self.store = store
        self.catalogue = catalogue
        var validator = Validator(catalogue: catalogue)
        validator.reading = reading
        self.validator = validator
        self.language = language
        self.scratch = scratch
    }

    /// Checks and merges one upload for `account`. `fileName` is the name the
    /// browser sent: it is recorded and shown, and never used as a path.
    public func deliver(_ bytes: [UInt8], fileName: String, account: Account) async throws -> DeliveryResult {
        guard account.role != .analyst else { throw DeliveryError.notAllowed(account.role) }
        let name = Self.displayName(fileName)
        let checked = try await run(on: checks) { try self.check(bytes, name: name, account: account) }
        return try await run(on: writer) {
            var result = checked
            let merged = try self.store.merge([checked.prepared], catalogue: self.catalogue, prefer: nil, user: account.name, committed: { _, _ in })
            guard let first = merged.first else { throw DeliveryError.scratch("the merge gave no result") }
            result.delivery.merge = first
            if case .conflict(let conflicts) = first.outcome, let department = first.department, let year = first.year {
                result.delivery.heldID = try self.store.holdUpload(HeldUpload(
                    fileName: name, sha256: checked.prepared.sha256, department: department, year: year, uploadedAt: Clock.now(),
                    uploadedBy: account.name, conflicts: conflicts.count, bytes: bytes))
            }
            return result.delivery
        }
    }

    /// Decides an upload in conflict: `prefer` new (its values replace the other department's) or old.
    public func decide(_ id: Int64, prefer: ConflictPreference, account: Account) async throws -> MergeResult {
        try await run(on: writer) {
            guard let held = try self.store.heldUploads().first(where: { $0.id == id }) else { throw DeliveryError.noSuchHeldUpload(id) }
            let checked = try self.check(held.bytes, name: held.fileName, account: nil)
            let merged = try self.store.merge([checked.prepared], catalogue: self.catalogue, prefer: prefer, user: account.name,
                                              committed: { _, _ in })
            guard let first = merged.first else { throw DeliveryError.scratch("the merge gave no result") }
            if !first.outcome.isProblem { try self.store.releaseUpload(id) }
            return first
        }
    }

    private struct Checked: Sendable {
        var prepared: PreparedSubmission
        var delivery: DeliveryResult
    }

    /// Reads and validates the bytes from a scratch file of the desk's own
    /// naming, writes the feedback copy beside it, and removes both.
    private func check(_ bytes: [UInt8], name: String, account: Account?) throws -> Checked {
        let base = scratch + "/upload-" + UUID().uuidString
        let input = base + ".workbook"
        defer { unlink(input) }
        guard FileManager.default.createFile(atPath: input, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw DeliveryError.scratch("cannot write to \(scratch)")
        }
        var (report, submission) = validator.validate(file: input)
        report.file = name
        if let account, account.role == .department, let found = report.department, found != account.department {
            throw DeliveryError.otherDepartment(workbook: found, account: account.department ?? "")
        }
        var feedback: [UInt8]?
        var ext = "xlsx"
        if let submission {
            ext = submission.workbook.properties.format == .ods ? "ods" : "xlsx"
            let output = base + "." + ext
            defer { unlink(output) }
            do {
                try FeedbackWorkbook.write(submission.workbook, report: report, language: language, source: input, to: output)
                feedback = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
            } catch {
                report.findings.append(ValidationFinding(.warning, .feedbackNotWritten(reason: "\(error)")))
            }
        }
        var kept = submission
        kept?.workbook = Workbook(properties: WorkbookProperties(format: .xlsx), sheets: [])
        let prepared = PreparedSubmission(file: name, sha256: bytes.withUnsafeBytes { SHA256.hex($0) }, report: report, submission: kept)
        let pending = MergeResult(file: name, department: report.department, year: report.year, outcome: .rejected(errors: report.errors))
        return Checked(prepared: prepared,
                       delivery: DeliveryResult(merge: pending, report: report, feedback: feedback, feedbackExtension: ext, heldID: nil))
    }

    /// The browser's file name as a label: its last path component, safe to show, never a path.
    public static func displayName(_ fileName: String) -> String {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let safe = SafeFileName.component(last)
        return safe.isEmpty ? "upload" : safe
    }

    private func run<T: Sendable>(on queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
