import GRDB
import Monitoring
import Spreadsheet

extension MonitoringStore {
    /// Merges validated submissions, one transaction each, in the order given,
    /// and calls `committed` with each file's result (and how many are done)
    /// as soon as that file's transaction is on disk. The whole merge holds
    /// the store's lock and starts with SQLite's `quick_check` (the one begun
    /// when the store was opened, for the first merge after opening).
    public func merge(_ items: [PreparedSubmission], catalogue: Catalogue, prefer: ConflictPreference?, user: String,
                      committed: (MergeResult, Int) -> Void = { _, _ in }) throws -> [MergeResult] {
        let lock = try StoreLock(storePath: path, timeout: lockTimeout)
        defer { withExtendedLifetime(lock) {} }
        if try openingCheck?.take() != true { try checkIntact() }
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

    /// Other sources' current values of one indicator and year: the
    /// conflicts of a new file. Another source is another department, or
    /// the same department's own workbook or another of its tables.
    /// Searches the index of current values (observation_current), so its
    /// cost does not grow with the history.
    static let standingSQL = """
        SELECT o.id, o.district, o.category, o.value, o.marker, s.fileName, s.department
        FROM observation o JOIN submission s ON s.id = o.submissionID
        WHERE o.current = 1 AND o.indicator = ? AND o.year = ? AND (s.department <> ? OR s.source IS NOT ?)
        """
    /// The current submission with the same file hash: the same file again.
    static let knownFileSQL = "SELECT id FROM submission WHERE sha256 = ? AND source IS NULL AND status = 'current'"
    /// The current version of an imported table's year that says the same.
    static let sameContentSQL = """
        SELECT id FROM submission WHERE department = ? AND year = ? AND source = ? AND contentHash = ? AND status = 'current'
        """
    /// The current version of a department's year (of one table, for an
    /// import), which a new one supersedes.
    static let previousVersionSQL = """
        SELECT id, fileName FROM submission WHERE department = ? AND year = ? AND source IS ? AND status = 'current'
        """
    /// The superseded version's observations are no longer current.
    static let supersedeSQL = "UPDATE observation SET current = 0 WHERE submissionID = ?"
    /// The look-ups made for every merged file, for the test that they use indexes.
    static var lookUps: [String] { [standingSQL, knownFileSQL, sameContentSQL, previousVersionSQL, supersedeSQL] }

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
            // The same again: for a department's workbook the same file; for a
            // year of an imported table the same values, whatever file brought them.
            let source = submission.source
            let contentHash = source.map { _ in ImportFingerprint.of(submission.observations) }
            let known: Int64?
            if let source {
                known = try db.first(Self.sameContentSQL, [department, year, source, contentHash]) { try $0["id"] as Int64 }
            } else {
                known = try db.first(Self.knownFileSQL, [item.sha256]) { try $0["id"] as Int64 }
            }
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
                try db.each(Self.standingSQL, [indicator, year, department, source]) { row in
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
            let previous = try db.first(Self.previousVersionSQL, [department, year, source]) { (id: try $0["id"] as Int64, file: try $0["fileName"] as String) }
            if let previous {
                try db.execute(sql: Self.supersedeSQL, arguments: [previous.id])
            }
            try db.execute(sql: """
                INSERT INTO submission (fileName, sha256, department, year, templateID, catalogueVersionID, importedAt, importedBy, status,
                                        observationCount, source, contentHash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'current', ?, ?, ?)
                """, arguments: [item.file, item.sha256, department, year, submission.templateID, versionID, now, user, observations.count,
                                 source, contentHash])
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
            if let source { detail += " from table \(source)" }
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
