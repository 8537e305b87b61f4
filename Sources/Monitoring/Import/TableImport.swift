import Spreadsheet
import WorkbookIO

/// A statistics-office file read through the catalogue's mapping: per
/// reporting year a submission of the mapped department (with the file's
/// cells as provenance) and its findings, validated like a department's
/// workbook (values, parts and totals, districts and city).
public struct ImportedTable: Sendable {
    public var file: String
    /// The table id of the mapping that recognised the file.
    public var table: String?
    /// Findings about the whole file; with an error among them no year is imported.
    public var fileFindings: [ValidationFinding]
    public var years: [ImportedYear]

    /// One report per year, each carrying the file's own findings; one report for a file refused as a whole.
    public var reports: [FileReport] {
        if years.isEmpty || fileFindings.contains(where: { $0.severity == .error }) {
            return [FileReport(file: file, department: nil, year: nil, findings: fileFindings + years.flatMap(\.report.findings))]
        }
        return years.map(\.report)
    }
}

/// One year of an imported table.
public struct ImportedYear: Sendable {
    public var year: Int
    public var report: FileReport
    public var submission: Submission
}

/// Turns statistics-office tables into submissions by the catalogue's
/// source mappings (sheet `Quellen`).
public struct TableImport: Sendable {
    public var catalogue: Catalogue
    /// Only these years, when given.
    public var years: Set<Int>?
    public var reading = WorkbookFile.Options()

    public init(catalogue: Catalogue, years: Set<Int>? = nil) {
        self.catalogue = catalogue
        self.years = years
    }

    /// Reads and converts one file; an unreadable file is a finding, not an exception.
    public func read(file: String) -> ImportedTable {
        do {
            return read(try WorkbookFile.read(file, options: reading), file: file)
        } catch {
            let e = WorkbookError(error)
            return ImportedTable(file: file, table: nil, fileFindings: [ValidationFinding(.error, .unreadable(location: e.location, reason: e.reason))],
                                 years: [])
        }
    }

    /// Converts a workbook already read.
    public func read(_ workbook: Workbook, file: String) -> ImportedTable {
        let match: SourceRecognition.Match
        switch SourceRecognition.recognise(workbook, sources: catalogue.sources) {
        case .success(let m): match = m
        case .failure(let unrecognised):
            return ImportedTable(file: file, table: nil, fileFindings: [ValidationFinding(.error, .sourceNotMapped(found: unrecognised.found),
                                                                                          sheet: workbook.sheets.first?.name, cell: "A1")], years: [])
        }
        let mapping = match.mapping, sheet = match.sheet
        var fileFindings = layoutFindings(match)
        var rows: [Int: YearRows] = [:]
        for row in sheet.rows where row.index > match.header.index && !row.cells.allSatisfy({ $0.value == .empty }) {
            func value(_ column: Int) -> CellValue { row.cells.first { $0.column == column }?.value ?? .empty }
            func at(_ column: Int) -> String { CellReference(row: row.index, column: column).description }
            if let idColumn = match.idColumn {
                let id = CellText.plain(value(idColumn)).trimmed
                if id != mapping.table {
                    fileFindings.append(ValidationFinding(.error, .sourceOtherTable(expected: mapping.table, found: id), sheet: sheet.name,
                                                          cell: at(idColumn), value: id))
                    continue
                }
            }
            guard let year = Self.year(value(mapping.yearColumn)) else {
                let text = CellText.plain(value(mapping.yearColumn))
                fileFindings.append(ValidationFinding(.error, .yearInvalid(found: text), sheet: sheet.name, cell: at(mapping.yearColumn), value: text))
                continue
            }
            if let years, !years.contains(year) { continue }
            var entry = rows[year] ?? YearRows()
            let number = CellText.plain(value(mapping.districtColumn)).trimmed
            guard let key = districtKey(number, mapping) else {
                entry.findings.append(ValidationFinding(.error, .sourceUnknownDistrict(number: number, row: row.index + 1), sheet: sheet.name,
                                                        cell: at(mapping.districtColumn), value: number))
                rows[year] = entry
                continue
            }
            if let first = entry.rowOf[key] {
                entry.findings.append(ValidationFinding(.error, .sourceDuplicateRow(district: number, year: year, firstRow: first + 1), sheet: sheet.name,
                                                        cell: at(mapping.districtColumn), value: number))
                rows[year] = entry
                continue
            }
            entry.rowOf[key] = row.index
            for column in mapping.columns {
                guard let indicator = catalogue.indicator(column.indicator) else { continue }
                if entry.tables[indicator.code] == nil { entry.tables[indicator.code] = IndicatorTable(indicator: indicator, sheet: sheet.name) }
                entry.tables[indicator.code]?.rows[key, default: [:]][column.category] = SubmittedCell(
                    reference: CellReference(row: row.index, column: column.column), value: Self.value(value(column.column), mapping), number: nil)
                entry.tables[indicator.code]?.rowIndex[key] = row.index
            }
            rows[year] = entry
        }
        if rows.isEmpty {
            fileFindings.append(ValidationFinding(.error, .sourceNoRows(years: years.map { $0.sorted() } ?? []), sheet: sheet.name))
        }
        let importedYears = rows.keys.sorted().map { year in
            self.year(year, rows[year] ?? YearRows(), mapping: mapping, sheet: sheet, file: file, fileFindings: fileFindings)
        }
        return ImportedTable(file: file, table: mapping.table, fileFindings: fileFindings, years: importedYears)
    }

    /// The rows of one year as they are collected.
    private struct YearRows {
        var tables: [String: IndicatorTable] = [:]
        var rowOf: [String: Int] = [:]
        var findings: [ValidationFinding] = []
    }

    private func year(_ year: Int, _ rows: YearRows, mapping: SourceMapping, sheet: Sheet, file: String,
                      fileFindings: [ValidationFinding]) -> ImportedYear {
        var findings = rows.findings
        var tables = rows.tables
        let values = ValueRules(emptyCellsAreErrors: false)
        for code in tables.keys.sorted() {
            guard var table = tables[code] else { continue }
            findings += values.check(&table, uncachedFormulas: sheet.uncachedFormulas)
            tables[code] = table
        }
        findings += ConsistencyRules(catalogue: catalogue).check(tables)
        let perDistrict = tables.values.contains { $0.indicator.level == .districts }
        let absent = catalogue.districts.map(\.number).filter { rows.rowOf[$0] == nil }
        if perDistrict && !absent.isEmpty {
            findings.append(ValidationFinding(.warning, .sourceDistrictsAbsent(numbers: absent, year: year), sheet: sheet.name))
        }
        findings.sort { a, b in
            let ca = a.cell.flatMap { CellReference(String($0.split(separator: ":")[0])) }
            let cb = b.cell.flatMap { CellReference(String($0.split(separator: ":")[0])) }
            if let ca, let cb, ca != cb { return ca < cb }
            if (ca == nil) != (cb == nil) { return cb == nil }
            return a.code < b.code
        }
        let submission = Submission(department: mapping.department, year: year, templateID: nil, tables: tables,
                                    workbook: Workbook(properties: WorkbookProperties(format: .xlsx), sheets: []), source: mapping.table)
        return ImportedYear(year: year, report: FileReport(file: file, department: mapping.department, year: year, findings: fileFindings + findings),
                            submission: submission)
    }

    /// The width and the headers the mapping expects: a table that changed
    /// its layout is not taken, since its columns may mean something else now.
    private func layoutFindings(_ match: SourceRecognition.Match) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        let mapping = match.mapping, header = match.header, sheet = match.sheet.name
        let width = (header.cells.last { $0.value != .empty }?.column ?? -1) + 1
        if let expected = mapping.columnCount, expected != width {
            findings.append(ValidationFinding(.error, .sourceLayoutChanged(table: mapping.table, expected: expected, found: width), sheet: sheet,
                                              cell: CellReference(row: header.index, column: 0).description))
        }
        for column in mapping.columns {
            guard let expected = column.header else { continue }
            let found = CellText.plain(header.cells.first { $0.column == column.column }?.value ?? .empty).trimmed
            if found != expected {
                findings.append(ValidationFinding(.error, .sourceHeaderChanged(expected: expected, found: found), sheet: sheet,
                                                  cell: CellReference(row: header.index, column: column.column).description, value: found))
            }
        }
        return findings
    }

    /// The row key of a district number: the catalogue's number (`1` and
    /// `01` are one), the city's key as the city-total row, nil when unknown.
    private func districtKey(_ number: String, _ mapping: SourceMapping) -> String? {
        if number == mapping.cityKey { return SubmissionValues.cityTotalKey }
        if catalogue.districts.contains(where: { $0.number == number }) { return number }
        guard let n = Int(number) else { return nil }
        return catalogue.districts.first { Int($0.number) == n }?.number
    }

    /// A year as a number (`2021`) or as text (`"2021"`).
    static func year(_ value: CellValue) -> Int? {
        switch value {
        case .number(let n) where n == n.rounded() && n >= 1900 && n <= 2200: return Int(n)
        case .string(let s): return Int(s.trimmed).flatMap { (1900...2200).contains($0) ? $0 : nil }
        default: return nil
        }
    }

    /// A cell as the value rules read it: the table's markers become the
    /// standard ones, and a number the export wrote as plain text (KISS-MD
    /// writes most counts as `"1739"`) becomes the number, without the
    /// warning a person typing text would get. Anything else stays as it is,
    /// for the value rules to judge.
    static func value(_ value: CellValue, _ mapping: SourceMapping) -> CellValue {
        guard case .string(let raw) = value else { return value }
        let text = raw.trimmed
        if let marker = mapping.marker(for: text) { return .string(marker.rawValue) }
        if isPlainNumber(text), let n = NumberText.parse(text) { return .number(n) }
        return value
    }

    /// `1739`, `-3`, `12.5`: digits with an optional sign and decimal point, as a program writes them.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0, points = 0
        for (i, ch) in text.enumerated() {
            if ch.isASCII && ch.isNumber { digits += 1 } else if ch == "." { points += 1 } else if ch == "-" && i == 0 { continue } else { return false }
        }
        return digits > 0 && points <= 1 && text.last != "."
    }
}
