import Monitoring
import Spreadsheet
import Synchronization
import Zip
#if canImport(Glibc)
import Glibc
#endif

/// The monitoring store: one SQLite file with submissions, observations,
/// their provenance (file, hash, sheet, cell) and the history of every
/// merge. A resubmission supersedes, never deletes; every file is merged
/// in one transaction, all of it or nothing of it.
public final class MonitoringStore: Sendable {
    public let path: String
    /// The connection, used under `lock` by one thread at a time.
    nonisolated(unsafe) private let connection: SQLiteConnection
    private let lock = Mutex<Void>(())
    /// How long a merge waits for another merge on the same store to finish.
    public let lockTimeout: Double

    /// Opens the store at `path`, creating it (and migrating an older one) when asked.
    public init(path: String, create: Bool = true, lockTimeout: Double = 60) throws {
        self.path = path
        self.lockTimeout = lockTimeout
        if !create && access(path, F_OK) != 0 { throw StoreError.notFound(path) }
        connection = try SQLiteConnection(path: path, busyTimeout: 30)
        try connection.execute(script: "PRAGMA foreign_keys = ON")
        // WAL: a transaction is on disk when it commits, a killed process
        // never leaves half of one, and commits need no fsync of the main
        // file each time (200 files merged in 2.5 s instead of 4.5 s).
        try connection.execute(script: "PRAGMA journal_mode = WAL")
        try connection.execute(script: "PRAGMA synchronous = NORMAL")
        try StoreSchema.migrate(connection)
    }

    /// Runs `body` in a read transaction: one consistent state of the store.
    func read<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { _ in try connection.transaction(immediate: false) { try body(connection) } }
    }

    /// Runs `body` in a write transaction: all of it is stored, or none of it when it throws.
    func write<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { _ in try connection.transaction(immediate: true) { try body(connection) } }
    }

    /// SQLite's own check of the file: `ok` when it is intact.
    public func integrityCheck() throws -> String {
        try read { db in try db.value("PRAGMA integrity_check") ?? "" }
    }

    /// The number of current observations (optionally of one year).
    public func currentObservationCount(year: Int? = nil) throws -> Int {
        try read { db in
            if let year {
                return try db.value("SELECT COUNT(*) FROM observation WHERE current = 1 AND year = ?", [year]) ?? 0
            }
            return try db.value("SELECT COUNT(*) FROM observation WHERE current = 1") ?? 0
        }
    }

    /// Merges validated submissions, one transaction each, in the order given.
    /// The whole merge holds the store's lock.
    public func merge(_ items: [PreparedSubmission], catalogue: Catalogue, prefer: ConflictPreference?, user: String,
                      progress: (Int) -> Void = { _ in }) throws -> [MergeResult] {
        let lock = try StoreLock(storePath: path, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        let versionID = try catalogueVersion(catalogue)
        var results: [MergeResult] = []
        for (n, item) in items.enumerated() {
            results.append(try merge(item, versionID: versionID, prefer: prefer, user: user))
            progress(n + 1)
        }
        return results
    }

    private func catalogueVersion(_ catalogue: Catalogue) throws -> Int64 {
        try write { db in
            if let id: Int64 = try db.value("SELECT id FROM catalogueVersion WHERE fingerprint = ?", [catalogue.fingerprint]) {
                return id
            }
            try db.execute("INSERT INTO catalogueVersion (fingerprint, indicators, districts, firstUsedAt) VALUES (?, ?, ?, ?)",
                           [catalogue.fingerprint, catalogue.indicators.count, catalogue.districts.count, Clock.now()])
            return db.lastInsertedRowID
        }
    }

    private func merge(_ item: PreparedSubmission, versionID: Int64, prefer: ConflictPreference?, user: String) throws -> MergeResult {
        let report = item.report
        var result = MergeResult(file: item.file, department: report.department, year: report.year, outcome: .rejected(errors: report.errors))
        let now = Clock.now()
        guard report.errors == 0, let submission = item.submission, let department = submission.department, let year = submission.year else {
            try write { db in
                try db.execute("""
                    INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, 'rejected', ?)
                    """, [now, user, item.file, item.sha256, report.department, report.year,
                                     "\(max(report.errors, 1)) validation error\(report.errors == 1 ? "" : "s")"])
            }
            result.outcome = .rejected(errors: max(report.errors, 1))
            return result
        }
        result = try write { db in
            var result = result
            if try db.value("SELECT id FROM submission WHERE sha256 = ? AND status = 'current'", [item.sha256]) as Int64? != nil {
                try db.execute("""
                    INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, 'unchanged', '')
                    """, [now, user, item.file, item.sha256, department, year])
                result.outcome = .unchanged
                return result
            }
            var observations = submission.observations
            // Conflicts: other departments' current values for the same cells.
            let indicators = Set(observations.map(\.indicator))
            var others: [String: (id: Int64, value: Double?, marker: String?, file: String, department: String)] = [:]
            let rows = try db.rows("""
                SELECT o.id, o.indicator, o.district, o.category, o.value, o.marker, s.fileName, s.department
                FROM observation o JOIN submission s ON s.id = o.submissionID
                WHERE o.current = 1 AND o.year = ? AND s.department <> ?
                """, [year, department])
            for row in rows where indicators.contains(row["indicator"]) {
                let key = "\(row["indicator"] as String)\u{1}\(row["district"] as String)\u{1}\(row["category"] as String)"
                others[key] = (row["id"], row["value"], row["marker"], row["fileName"], row["department"])
            }
            var conflicts: [MergeConflict] = []
            for o in observations {
                let key = "\(o.indicator)\u{1}\(o.district)\u{1}\(o.category)"
                guard let other = others[key], other.value != o.value || other.marker != o.marker else { continue }
                conflicts.append(MergeConflict(indicator: o.indicator, district: o.district, year: year, category: o.category,
                                               newValue: o.displayValue, newCell: "\(o.sheet)!\(o.cell)",
                                               existingValue: other.value.map(NumberText.shortest) ?? other.marker ?? "",
                                               existingFile: other.file, existingDepartment: other.department))
            }
            if !conflicts.isEmpty && prefer == nil {
                try db.execute("""
                    INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, 'conflict', ?)
                    """, [now, user, item.file, item.sha256, department, year,
                                     "\(conflicts.count) value\(conflicts.count == 1 ? "" : "s") differ from \(Set(conflicts.map(\.existingFile)).sorted().joined(separator: ", "))"])
                result.outcome = .conflict(conflicts)
                return result
            }
            // One current value per cell: where another department's value stands,
            // the new file's replaces it (--prefer new) or is left out (equal, or --prefer old).
            if prefer == .new {
                for o in observations {
                    if let other = others["\(o.indicator)\u{1}\(o.district)\u{1}\(o.category)"] {
                        try db.execute("UPDATE observation SET current = 0 WHERE id = ?", [other.id])
                    }
                }
            } else {
                observations.removeAll { others["\($0.indicator)\u{1}\($0.district)\u{1}\($0.category)"] != nil }
            }
            if let prefer, !conflicts.isEmpty {
                result.decision = "\(conflicts.count) conflicting value\(conflicts.count == 1 ? "" : "s"): kept the \(prefer == .new ? "new file's" : "store's") (decided by \(user))"
            }
            // The same department and year again: the earlier version is superseded.
            let previous = try db.rows("""
                SELECT id, fileName FROM submission WHERE department = ? AND year = ? AND status = 'current'
                """, [department, year]).first
            if let previous {
                try db.execute("UPDATE observation SET current = 0 WHERE submissionID = ?", [previous["id"] as Int64])
            }
            try db.execute("""
                INSERT INTO submission (fileName, sha256, department, year, templateID, catalogueVersionID, importedAt, importedBy, status, observationCount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'current', ?)
                """, [item.file, item.sha256, department, year, submission.templateID, versionID, now, user, observations.count])
            let id = db.lastInsertedRowID
            for o in observations {
                try db.execute("""
                    INSERT INTO observation (submissionID, indicator, district, year, category, value, marker, sheet, cell)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [id, o.indicator, o.district, year, o.category, o.value, o.marker, o.sheet, o.cell])
            }
            if let previous {
                try db.execute("UPDATE submission SET status = 'superseded', supersededBy = ? WHERE id = ?",
                               [id, previous["id"] as Int64])
                result.outcome = .superseded(previous: previous["fileName"], observations: observations.count)
            } else {
                result.outcome = .imported(observations: observations.count)
            }
            if let decision = result.decision {
                try db.execute("INSERT INTO decision (at, byUser, preferred, submissionID, detail) VALUES (?, ?, ?, ?, ?)",
                               [now, user, prefer?.rawValue ?? "new", id, decision])
            }
            var outcome = "imported"
            if case .superseded = result.outcome { outcome = "superseded" }
            var detail = "\(observations.count) observation\(observations.count == 1 ? "" : "s")"
            if case .superseded(let file, _) = result.outcome { detail += "; replaces \(file)" }
            if let decision = result.decision { detail += "; " + decision }
            try db.execute("""
                INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail, submissionID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [now, user, item.file, item.sha256, department, year, outcome, detail, id])
            return result
        }
        return result
    }
}

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
        let hash = (try? MappedFile(path: file)).map { SHA256.hex($0.bytes) } ?? ""
        let (report, validated) = validator.validate(file: file)
        var submission = validated
        // The cells as read are not needed to merge; keep only the tables.
        submission?.workbook = Workbook(properties: WorkbookProperties(format: .xlsx), sheets: [])
        return PreparedSubmission(file: file, sha256: hash, report: report, submission: submission)
    }
}

/// Timestamps as ISO 8601 in UTC.
enum Clock {
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        let ms = ((Int(parts.tm_hour) * 60 + Int(parts.tm_min)) * 60 + Int(parts.tm_sec)) * 1000
        return "\(date)T\(TimeOfDay.format(milliseconds: ms))Z"
    }
}
