import Monitoring
import MonitoringStore
import Reporting

/// Makes the situation report of a year from the store: `imon report` and the portal's `downloadReport`.
public struct ReportOperation: Sendable {
    public var catalogue: Catalogue
    public var year: Int
    public var fields: [Int]
    public var language: Language

    public init(catalogue: Catalogue, year: Int, fields: [Int] = [], language: Language) {
        self.catalogue = catalogue
        self.year = year
        self.fields = fields
        self.language = language
    }

    /// Why a report cannot be made.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case noObservations(year: Int, storeYears: [Int])
        /// The protected publication could not be made (its disclosure audit failed).
        case publication(year: Int, reason: String)

        public var description: String {
            switch self {
            case .noObservations(_, let years):
                return "no observations for this year (the store has " + years.map(String.init).joined(separator: ", ") + ")"
            case .publication(_, let reason):
                return "not written: \(reason)"
            }
        }
    }

    /// The report with what it needs from the store: the observations, what
    /// earlier years' reports published, the open conflicts.
    public func prepare(from store: any SubmissionStore) throws -> SituationReport {
        let table = try store.observationTable()
        guard table.years.contains(year) else { throw Failure.noObservations(year: year, storeYears: table.years) }
        let earlier = try store.publishedPatterns(before: year)
        var report: SituationReport
        do {
            report = try SituationReport(catalogue: catalogue, table: table, year: year, fields: fields, language: language, earlier: earlier)
        } catch {
            throw Failure.publication(year: year, reason: "\(error)")
        }
        report.openConflicts = try store.openConflicts(year: year)
        return report
    }

    /// Writes the summary workbook (`.xlsx` or `.ods`, by its extension).
    public static func writeWorkbook(_ report: SituationReport, to path: String) throws {
        try SummaryWorkbook.write(report, to: path)
    }

    /// Writes the report as one self-contained HTML file.
    public static func writeHTML(_ report: SituationReport, to path: String) throws {
        try HTMLReport.write(report, to: path)
    }

    /// Writes the published figures as a JSON-stat 2.0 collection.
    public static func writeJSON(_ report: SituationReport, to path: String) throws {
        try JSONStatPublication.write(report, to: path)
    }

    /// The departments that delivered nothing usable for the year: the report's warning.
    public func missingDepartments(in store: any SubmissionStore) throws -> [DeliveryStatus] {
        let board = DeliveryBoard.make(catalogue: catalogue, history: try store.history(department: nil, year: year), years: [year])
        return DeliveryBoard.missing(board, year: year)
    }
}
