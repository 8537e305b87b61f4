import Spreadsheet
import WorkbookIO

/// Checks department submissions against the catalogue: structure, values,
/// consistency. One file's problems never stop the others.
public struct Validator: Sendable {
    public var catalogue: Catalogue
    public var expectedYear: Int?
    public var emptyCellsAreErrors = false
    /// Limits for reading each file.
    public var reading = WorkbookFile.Options()
    /// Earlier years' values; with them the plausibility warnings run.
    public var earlier: (any EarlierValues)?

    public init(catalogue: Catalogue, expectedYear: Int? = nil) {
        self.catalogue = catalogue
        self.expectedYear = expectedYear
    }

    /// Validates one file; an unreadable file is a finding, not an exception.
    public func validate(file: String) -> (FileReport, Submission?) {
        let workbook: Workbook
        do {
            workbook = try WorkbookFile.read(file, options: reading)
        } catch {
            let e = WorkbookError(error)
            return (FileReport(file: file, findings: [ValidationFinding(.error, .unreadable(location: e.location, reason: e.reason))]), nil)
        }
        return validate(workbook, file: file)
    }

    /// Validates a workbook already read.
    public func validate(_ workbook: Workbook, file: String) -> (FileReport, Submission) {
        let reader = SubmissionReader(catalogue: catalogue, expectedYear: expectedYear)
        var (submission, findings) = reader.read(workbook)
        let values = ValueRules(emptyCellsAreErrors: emptyCellsAreErrors)
        for code in submission.tables.keys.sorted() {
            if var table = submission.tables[code] {
                let uncached = workbook.sheet(named: table.sheet)?.uncachedFormulas ?? []
                findings += values.check(&table, uncachedFormulas: uncached)
                submission.tables[code] = table
            }
        }
        findings += ConsistencyRules(catalogue: catalogue).check(submission.tables)
        if let earlier, let year = submission.year {
            findings += PlausibilityRules(earlier: earlier).check(submission.tables, year: year)
        }
        let order = Dictionary(workbook.sheets.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        findings.sort { a, b in
            let sa = a.sheet.flatMap { order[$0] } ?? -1, sb = b.sheet.flatMap { order[$0] } ?? -1
            if sa != sb { return sa < sb }
            let ca = a.cell.flatMap { CellReference(String($0.split(separator: ":")[0])) }
            let cb = b.cell.flatMap { CellReference(String($0.split(separator: ":")[0])) }
            if let ca, let cb, ca != cb { return ca < cb }
            return a.code < b.code
        }
        return (FileReport(file: file, department: submission.department, year: submission.year, findings: findings), submission)
    }
}
