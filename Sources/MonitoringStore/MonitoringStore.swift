import GRDB
import Monitoring
import Spreadsheet
import Zip
#if canImport(Glibc)
import Glibc
#endif

/// The monitoring store: one SQLite file with submissions, observations,
/// their provenance (file, hash, sheet, cell) and the history of every
/// merge. A resubmission supersedes, never deletes; every file is merged
/// in one transaction, all of it or nothing of it. Opened for reading, the
/// file is never written; opened for merging, it is written only when it
/// is an imon store (`StoreIdentity`) or a new one.
public final class MonitoringStore: Sendable {
    public let path: String
    /// How long a merge waits for another merge on the same store to finish.
    public let lockTimeout: Double
    /// Opened with `init(readingAt:)`: SQLite refuses every write on this connection.
    public let isReadOnly: Bool
    let queue: DatabaseQueue

    /// Opens the store at `path` for merging, creating it when missing (and
    /// `create`). A file that is not an imon store is refused before anything
    /// is written to it; a new or older store is brought up to date under
    /// the merge lock, so that two first merges at once make it only once.
    public init(path: String, create: Bool = true, lockTimeout: Double = 60) throws {
        self.path = path
        self.lockTimeout = lockTimeout
        isReadOnly = false
        if !create && access(path, F_OK) != 0 { throw StoreError.notFound(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let queue = try Self.inStore(path) { try DatabaseQueue(path: path, configuration: configuration) }
        self.queue = queue
        guard try Self.refuseForeign(try Self.inStore(path) { try queue.read(StoreIdentity.read) }, path) != .imon(version: StoreSchema.version)
        else { return }
        let lock = try StoreLock(storePath: path, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        try Self.inStore(path) {
            // Again under the lock: another merge may have made or upgraded it meanwhile.
            guard try Self.refuseForeign(try queue.read(StoreIdentity.read), path) != .imon(version: StoreSchema.version) else { return }
            // WAL: a transaction is on disk when it commits, a killed process
            // never leaves half of one, and commits need no fsync of the main
            // file each time (200 files merged in 2.5 s instead of 4.5 s).
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try StoreSchema.migrator.migrate(queue)
        }
    }

    /// Opens the store at `path` for reading only (SQLite's read-only mode):
    /// no file is created, nothing is migrated or switched, the file's bytes
    /// stay as they are, and a store the user may only read can be read.
    /// Refuses what is not an imon store, or one that needs an upgrade, and
    /// checks the file (`quick_check`) before anything is read from it.
    public init(readingAt path: String) throws {
        self.path = path
        lockTimeout = 0
        isReadOnly = true
        guard access(path, F_OK) == 0 else { throw StoreError.notFound(path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError
                    where [.SQLITE_CANTOPEN, .SQLITE_READONLY_DIRECTORY, .SQLITE_READONLY_CANTINIT].contains(error.extendedResultCode)
                    || error.resultCode == .SQLITE_CANTOPEN {
            // A store in WAL mode whose folder the user may not write, and
            // without its -shm file: SQLite can neither make nor share the
            // WAL index. No process has the store open then (an open WAL
            // store has its -shm), so it is read as immutable
            // (https://www.sqlite.org/wal.html#readonly, "immutable" URI parameter).
            queue = try Self.inStore(path) { try DatabaseQueue(path: Self.uri(path, "immutable=1"), configuration: configuration) }
        } catch {
            throw StoreError.from(error, path: path)
        }
        let identity = try Self.refuseForeign(try Self.inStore(path) { try queue.read(StoreIdentity.read) }, path)
        switch identity {
        case .empty:
            throw StoreError.empty(path)
        case .unmarked, .imon:
            let done = Set(try read { db in try db.all("SELECT identifier FROM grdb_migrations") { try $0["identifier"] as String } })
            let pending = StoreSchema.identifiers.filter { !done.contains($0) }
            if !pending.isEmpty { throw StoreError.needsUpgrade(path, pending: pending) }
        case .foreign:
            break
        }
        try checkIntact()
    }

    /// Throws for a file that is not (and cannot become) this version's store; returns the identity otherwise.
    private static func refuseForeign(_ identity: StoreIdentity, _ path: String) throws -> StoreIdentity {
        switch identity {
        case .foreign(let id, let tables): throw StoreError.foreign(path, applicationID: id, tables: tables)
        case .imon(let version) where version > StoreSchema.version:
            throw StoreError.newerVersion(path, userVersion: version, known: StoreSchema.version)
        default: return identity
        }
    }

    /// An SQLite URI for `path` with `parameters` (https://www.sqlite.org/uri.html).
    private static func uri(_ path: String, _ parameters: String) -> String {
        var escaped = ""
        for c in path.unicodeScalars {
            switch c {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "file:" + escaped + "?" + parameters
    }

    /// Runs `body`, its SQLite errors turned into `StoreError`s that name the store.
    static func inStore<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw StoreError.from(error, path: path) }
    }

    /// Runs `body` in a read transaction: one consistent state of the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.inStore(path) { try queue.read(body) }
    }

    /// Runs `body` in a write transaction (BEGIN IMMEDIATE): all of it is
    /// stored, or none of it when it throws.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.inStore(path) {
            try queue.inDatabase { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.sqlite(resultCode: 1, extendedResultCode: 1, message: "transaction ended without a result", sql: nil) }
                return result
            }
        }
    }

    /// SQLite's own check of the file: `ok` when it is intact.
    public func integrityCheck() throws -> String {
        try read { db in try db.all("PRAGMA integrity_check") { try $0["integrity_check"] as String }.joined(separator: "\n") }
    }

    /// SQLite's `quick_check` (https://www.sqlite.org/pragma.html#pragma_quick_check):
    /// throws `StoreError.damaged` with what it found unless the file is intact.
    public func checkIntact() throws {
        let problems = try read { db in try db.all("PRAGMA quick_check") { try $0["quick_check"] as String } }
        guard problems == ["ok"] else { throw StoreError.damaged(path, problems: problems) }
    }

    /// The number of current observations (optionally of one year).
    public func currentObservationCount(year: Int? = nil) throws -> Int {
        try read { db in
            if let year {
                return try db.single("SELECT COUNT(*) FROM observation WHERE current = 1 AND year = ?", [year])
            }
            return try db.single("SELECT COUNT(*) FROM observation WHERE current = 1")
        }
    }

    /// Merges validated submissions, one transaction each, in the order given,
    /// and calls `committed` with each file's result (and how many are done)
    /// as soon as that file's transaction is on disk. The whole merge holds
    /// the store's lock and starts with SQLite's `quick_check`.
    public func merge(_ items: [PreparedSubmission], catalogue: Catalogue, prefer: ConflictPreference?, user: String,
                      committed: (MergeResult, Int) -> Void = { _, _ in }) throws -> [MergeResult] {
        let lock = try StoreLock(storePath: path, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        try checkIntact()
        let versionID = try catalogueVersion(catalogue)
        var results: [MergeResult] = []
        for (n, item) in items.enumerated() {
            let result = try merge(item, versionID: versionID, prefer: prefer, user: user)
            results.append(result)
            committed(result, n + 1)
        }
        return results
    }

    private func catalogueVersion(_ catalogue: Catalogue) throws -> Int64 {
        try write { db in
            if let id = try db.first("SELECT id FROM catalogueVersion WHERE fingerprint = ?", [catalogue.fingerprint], { try $0["id"] as Int64 }) {
                return id
            }
            try db.execute(sql: "INSERT INTO catalogueVersion (fingerprint, indicators, districts, firstUsedAt) VALUES (?, ?, ?, ?)",
                           arguments: [catalogue.fingerprint, catalogue.indicators.count, catalogue.districts.count, Clock.now()])
            return db.lastInsertedRowID
        }
    }

    /// Other departments' current values of one indicator and year: the
    /// conflicts of a new file. Searches the index of current values
    /// (observation_current), so its cost does not grow with the history.
    static let standingSQL = """
        SELECT o.id, o.district, o.category, o.value, o.marker, s.fileName, s.department
        FROM observation o JOIN submission s ON s.id = o.submissionID
        WHERE o.current = 1 AND o.indicator = ? AND o.year = ? AND s.department <> ?
        """
    /// The current submission with the same file hash: the same file again.
    static let knownFileSQL = "SELECT id FROM submission WHERE sha256 = ? AND status = 'current'"
    /// The current version of a department's year, which a new one supersedes.
    static let previousVersionSQL = "SELECT id, fileName FROM submission WHERE department = ? AND year = ? AND status = 'current'"
    /// The superseded version's observations are no longer current.
    static let supersedeSQL = "UPDATE observation SET current = 0 WHERE submissionID = ?"
    /// The look-ups made for every merged file, for the test that they use indexes.
    static var lookUps: [String] { [standingSQL, knownFileSQL, previousVersionSQL, supersedeSQL] }

    /// Another department's current value for a cell the new file fills.
    private struct Standing {
        var id: Int64
        var value: Double?
        var marker: String?
        var file: String
        var department: String
    }

    private func merge(_ item: PreparedSubmission, versionID: Int64, prefer: ConflictPreference?, user: String) throws -> MergeResult {
        let report = item.report
        var result = MergeResult(file: item.file, department: report.department, year: report.year, outcome: .rejected(errors: report.errors))
        let now = Clock.now()
        guard report.errors == 0, let submission = item.submission, let department = submission.department, let year = submission.year else {
            try write { db in
                try db.execute(sql: """
                    INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, 'rejected', ?)
                    """, arguments: [now, user, item.file, item.sha256, report.department, report.year,
                                     "\(max(report.errors, 1)) validation error\(report.errors == 1 ? "" : "s")"])
            }
            result.outcome = .rejected(errors: max(report.errors, 1))
            return result
        }
        result = try write { db in
            var result = result
            let known = try db.first(Self.knownFileSQL, [item.sha256]) { try $0["id"] as Int64 }
            if known != nil {
                try db.execute(sql: """
                    INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, 'unchanged', '')
                    """, arguments: [now, user, item.file, item.sha256, department, year])
                result.outcome = .unchanged
                return result
            }
            var observations = submission.observations
            // Conflicts: other departments' current values for the same cells.
            var others: [String: Standing] = [:]
            for indicator in Set(observations.map(\.indicator)).sorted() {
                try db.each(Self.standingSQL, [indicator, year, department]) { row in
                    let key = "\(indicator)\u{1}\(try row["district"] as String)\u{1}\(try row["category"] as String)"
                    others[key] = Standing(id: try row["id"], value: try row["value"], marker: try row["marker"],
                                           file: try row["fileName"], department: try row["department"])
                }
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
                try db.execute(sql: """
                    INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, 'conflict', ?)
                    """, arguments: [now, user, item.file, item.sha256, department, year,
                                     "\(conflicts.count) value\(conflicts.count == 1 ? "" : "s") differ from \(Set(conflicts.map(\.existingFile)).sorted().joined(separator: ", "))"])
                result.outcome = .conflict(conflicts)
                return result
            }
            // One current value per cell: where another department's value stands,
            // the new file's replaces it (--prefer new) or is left out (equal, or --prefer old).
            if prefer == .new {
                for o in observations {
                    if let other = others["\(o.indicator)\u{1}\(o.district)\u{1}\(o.category)"] {
                        try db.execute(sql: "UPDATE observation SET current = 0 WHERE id = ?", arguments: [other.id])
                    }
                }
            } else {
                observations.removeAll { others["\($0.indicator)\u{1}\($0.district)\u{1}\($0.category)"] != nil }
            }
            if let prefer, !conflicts.isEmpty {
                result.decidedConflicts = ConflictDecision(count: conflicts.count, preferred: prefer, user: user)
                result.decision = "\(conflicts.count) conflicting value\(conflicts.count == 1 ? "" : "s"): kept the \(prefer == .new ? "new file's" : "store's") (decided by \(user))"
            }
            // The same department and year again: the earlier version is superseded.
            let previous = try db.first(Self.previousVersionSQL, [department, year]) { (id: try $0["id"] as Int64, file: try $0["fileName"] as String) }
            if let previous {
                try db.execute(sql: Self.supersedeSQL, arguments: [previous.id])
            }
            try db.execute(sql: """
                INSERT INTO submission (fileName, sha256, department, year, templateID, catalogueVersionID, importedAt, importedBy, status, observationCount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'current', ?)
                """, arguments: [item.file, item.sha256, department, year, submission.templateID, versionID, now, user, observations.count])
            let id = db.lastInsertedRowID
            let insert = try db.cachedStatement(sql: """
                INSERT INTO observation (submissionID, indicator, district, year, category, value, marker, sheet, cell)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for o in observations {
                try insert.execute(arguments: [id, o.indicator, o.district, year, o.category, o.value, o.marker, o.sheet, o.cell])
            }
            if let previous {
                try db.execute(sql: "UPDATE submission SET status = 'superseded', supersededBy = ? WHERE id = ?", arguments: [id, previous.id])
                result.outcome = .superseded(previous: previous.file, observations: observations.count)
            } else {
                result.outcome = .imported(observations: observations.count)
            }
            if let decision = result.decision {
                try db.execute(sql: "INSERT INTO decision (at, byUser, preferred, submissionID, detail) VALUES (?, ?, ?, ?, ?)",
                               arguments: [now, user, prefer?.rawValue ?? "new", id, decision])
            }
            var outcome = "imported"
            if case .superseded = result.outcome { outcome = "superseded" }
            var detail = "\(observations.count) observation\(observations.count == 1 ? "" : "s")"
            if case .superseded(let file, _) = result.outcome { detail += "; replaces \(file)" }
            if let decision = result.decision { detail += "; " + decision }
            try db.execute(sql: """
                INSERT INTO event (at, byUser, fileName, sha256, department, year, outcome, detail, submissionID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [now, user, item.file, item.sha256, department, year, outcome, detail, id])
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
