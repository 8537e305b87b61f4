import GRDB
import Monitoring

/// A current observation with its provenance, as exports list it.
public struct StoredObservation: Sendable {
    public var indicator: String
    public var district: String
    public var year: Int
    public var category: String
    public var value: Double?
    public var marker: String?
    public var department: String
    public var file: String
    public var sheet: String
    public var cell: String
    public var importedAt: String
}

/// One line of the merge history.
public struct HistoryEntry: Sendable {
    public var at: String
    public var user: String
    public var file: String
    public var department: String?
    public var year: Int?
    public var outcome: String
    public var detail: String
}

extension MonitoringStore {
    /// Current observations, of the given years (all when empty), ordered for reading.
    public func currentObservations(years: [Int] = []) throws -> [StoredObservation] {
        try read { db in
            var sql = """
                SELECT o.indicator, o.district, o.year, o.category, o.value, o.marker, o.sheet, o.cell,
                       s.department, s.fileName, s.importedAt
                FROM observation o JOIN submission s ON s.id = o.submissionID WHERE o.current = 1
                """
            var arguments: StatementArguments = []
            if !years.isEmpty {
                sql += " AND o.year IN (\(years.map { _ in "?" }.joined(separator: ",")))"
                arguments = StatementArguments(years)
            }
            sql += " ORDER BY o.indicator, o.year, o.district, o.id"
            return try db.all(sql, arguments) { r in
                StoredObservation(indicator: try r["indicator"], district: try r["district"], year: try r["year"],
                                  category: try r["category"], value: try r["value"], marker: try r["marker"],
                                  department: try r["department"], file: try r["fileName"], sheet: try r["sheet"],
                                  cell: try r["cell"], importedAt: try r["importedAt"])
            }
        }
    }

    /// What was merged, superseded, rejected or in conflict, oldest first.
    public func history(department: String? = nil, year: Int? = nil) throws -> [HistoryEntry] {
        try read { db in
            var sql = "SELECT at, byUser, fileName, department, year, outcome, detail FROM event WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let department { sql += " AND department = ?"; arguments += [department] }
            if let year { sql += " AND year = ?"; arguments += [year] }
            sql += " ORDER BY id"
            return try db.all(sql, arguments) { r in
                HistoryEntry(at: try r["at"], user: try r["byUser"], file: try r["fileName"], department: try r["department"],
                             year: try r["year"], outcome: try r["outcome"], detail: try r["detail"])
            }
        }
    }
}

extension MonitoringStore {
    /// Every current observation as the analysis reads them.
    public func observationTable() throws -> ObservationTable {
        var table = ObservationTable()
        try read { db in
            try db.each("SELECT indicator, district, year, category, value FROM observation WHERE current = 1") { row in
                if let value = try row["value"] as Double? {
                    table.add(indicator: try row["indicator"], year: try row["year"], row: try row["district"],
                              category: try row["category"], value: value)
                } else {
                    table.addMarker(indicator: try row["indicator"], year: try row["year"])
                }
            }
        }
        return table
    }
}

extension MonitoringStore {
    /// Files of a year whose last merge ended in a conflict that nobody has
    /// decided yet (no later import of the same file).
    public func openConflicts(year: Int) throws -> [String] {
        try read { db in
            try db.all("""
                SELECT DISTINCT e.fileName FROM event e
                WHERE e.outcome = 'conflict' AND e.year = ?
                  AND NOT EXISTS (SELECT 1 FROM event later WHERE later.sha256 = e.sha256 AND later.id > e.id
                                  AND later.outcome IN ('imported', 'superseded', 'unchanged'))
                ORDER BY e.fileName
                """, [year]) { try $0["fileName"] as String }
        }
    }
}
