import GRDB
import Monitoring

/// The published patterns of the reports (issue 22, item 5): written when a
/// report is made, read when the next one is built on them.
extension MonitoringStore {
    /// Records what the report for `pattern.reportYear` made public,
    /// replacing an earlier record for that year, in one transaction.
    public func recordPublication(_ pattern: PublishedPattern, by user: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM publishedFigure WHERE reportYear = ?", arguments: [pattern.reportYear])
            try db.execute(sql: "DELETE FROM publishedReport WHERE reportYear = ?", arguments: [pattern.reportYear])
            try db.execute(sql: "INSERT INTO publishedReport (reportYear, publishedAt, publishedBy, figures) VALUES (?, ?, ?, ?)",
                           arguments: [pattern.reportYear, Clock.now(), user, pattern.entries.count])
            let insert = try db.makeStatement(sql: """
                INSERT INTO publishedFigure (reportYear, indicator, district, category, year, measure, value, suppression)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for e in pattern.entries {
                let value: Double?, suppression: String?
                switch e.figure {
                case .value(let v): (value, suppression) = (v, nil)
                case .suppressed(let kind): (value, suppression) = (nil, kind.rawValue)
                case .missing, .notApplicable: continue
                }
                try insert.execute(arguments: [pattern.reportYear, e.cell.indicator, e.cell.row, e.cell.category, e.cell.year,
                                               e.measure.rawValue, value, suppression])
            }
        }
    }

    /// The recorded reports for years before `year`, oldest first.
    public func publishedPatterns(before year: Int) throws -> [PublishedPattern] {
        try read { db in
            var entries: [Int: [PublishedPattern.Entry]] = [:]
            let sql = """
                SELECT reportYear, indicator, district, category, year, measure, value, suppression
                FROM publishedFigure WHERE reportYear < ? ORDER BY reportYear, indicator, year, district, category, measure
                """
            try db.each(sql, [year]) { row in
                let measureText: String = try row["measure"]
                guard let measure = PublishedPattern.Entry.Measure(rawValue: measureText) else {
                    throw StoreError.unreadableValue(column: "measure", sql: sql, reason: "\(measureText) is neither value nor change")
                }
                let figure: Figure
                if let v: Double = try row["value"] { figure = .value(v) } else {
                    let text: String? = try row["suppression"]
                    guard let kind = text.flatMap(SuppressionKind.init(rawValue:)) else {
                        throw StoreError.unreadableValue(column: "suppression", sql: sql, reason: "\(text ?? "NULL") is no suppression")
                    }
                    figure = .suppressed(kind)
                }
                let cell = CellKey(try row["indicator"], try row["district"], try row["category"], try row["year"])
                entries[try row["reportYear"], default: []].append(PublishedPattern.Entry(cell: cell, measure: measure, figure: figure))
            }
            return entries.keys.sorted().map { PublishedPattern(reportYear: $0, entries: entries[$0] ?? []) }
        }
    }
}
