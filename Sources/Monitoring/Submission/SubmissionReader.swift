import Spreadsheet
import WorkbookIO

/// Reads a department's workbook against the catalogue: finds `Angaben`,
/// recognises indicator sheets by name or by their title, the header with
/// the breakdown columns, and the district and city rows. Whatever does not
/// fit the template becomes a finding.
struct SubmissionReader {
    let catalogue: Catalogue
    /// The year the coordinator expects, when given.
    let expectedYear: Int?

    func read(_ workbook: Workbook) -> (Submission, [ValidationFinding]) {
        var findings: [ValidationFinding] = []
        var submission = Submission(workbook: workbook)

        // Angaben: department, year, template id.
        let detailsNames = ["Angaben", "Details"]
        guard let details = workbook.sheets.first(where: { s in detailsNames.contains { SheetMatch.same($0, s.name) } }) else {
            findings.append(ValidationFinding(.error, .detailsMissing))
            return (submission, findings)
        }
        var labels: [String: (CellValue, CellReference)] = [:]
        for row in details.rows {
            guard let label = row.cells.first, case .string(let text) = label.value,
                  let value = row.cells.first(where: { $0.column > label.column }) else { continue }
            labels[NameMatching.key(text)] = (value.value, CellReference(row: row.index, column: value.column))
        }
        func detail(_ names: String...) -> (CellValue, CellReference)? {
            for n in names { if let v = labels[NameMatching.key(n)] { return v } }
            return nil
        }
        let id = detail("Vorlagen-ID", "Template id").flatMap { v -> TemplateID? in
            if case .string(let s) = v.0 { return TemplateID(s.trimmed) }
            return nil
        }
        submission.templateID = id?.description
        if let (value, cell) = detail("Amt", "Department") {
            let text = CellText.plain(value).trimmed
            let code = String(text.split(separator: " ").first ?? "")
            if catalogue.department(code) != nil {
                submission.department = code
            } else {
                findings.append(ValidationFinding(.error, .unknownDepartment(found: text), sheet: details.name, cell: cell.description, value: text))
            }
        } else {
            findings.append(ValidationFinding(.error, .departmentMissing, sheet: details.name))
        }
        if let (value, cell) = detail("Berichtsjahr", "Reporting year") {
            if case .number(let n) = value, n == n.rounded(), (1990...2100).contains(n) {
                submission.year = Int(n)
            } else if case .string(let s) = value, let n = Int(s.trimmed), (1990...2100).contains(n) {
                submission.year = n
            } else {
                findings.append(ValidationFinding(.error, .yearInvalid(found: CellText.plain(value)), sheet: details.name, cell: cell.description, value: CellText.plain(value)))
            }
        } else {
            findings.append(ValidationFinding(.error, .yearMissing, sheet: details.name))
        }
        if let id {
            let cell = detail("Vorlagen-ID", "Template id")?.1.description
            if submission.department == nil, catalogue.department(id.department) != nil { submission.department = id.department }
            if let department = submission.department, department != id.department {
                findings.append(ValidationFinding(.error, .templateOfOtherDepartment(template: id.department, entered: department), sheet: details.name, cell: cell, value: id.description))
            }
            if let year = submission.year, year != id.year {
                let yearCell = detail("Berichtsjahr", "Reporting year")?.1.description
                findings.append(ValidationFinding(.error, .templateOfOtherYear(template: id.year, entered: year), sheet: details.name, cell: yearCell, value: String(year)))
            }
            if let department = submission.department,
               id.fingerprint != TemplateID(department: department, year: id.year, catalogue: catalogue).fingerprint {
                findings.append(ValidationFinding(.warning, .templateOutdated, sheet: details.name, cell: cell, value: id.description))
            }
        }
        if let expectedYear, let year = submission.year, year != expectedYear {
            findings.append(ValidationFinding(.error, .yearUnexpected(expected: expectedYear, found: year), sheet: details.name, value: String(year)))
        }
        guard let department = submission.department else { return (submission, findings) }

        // Indicator sheets: by name, or by the code in their title.
        let expected = catalogue.submittedIndicators(of: department)
        var claimed: Set<String> = []
        for sheet in workbook.sheets where sheet.name != details.name {
            if ["Hinweise", "Notes"].contains(where: { SheetMatch.same($0, sheet.name) }) { continue }
            var indicator = expected.first { $0.code.lowercased() == sheet.name.trimmed.lowercased() }
            if indicator == nil, case .string(let title)? = sheet.rows.first?.cells.first?.value {
                let code = String(title.split(separator: " ").first ?? "")
                if let match = expected.first(where: { $0.code == code }) {
                    indicator = match
                    findings.append(ValidationFinding(.warning, .sheetRenamed(sheet: sheet.name, indicator: match.code), sheet: sheet.name, cell: "A1", value: sheet.name))
                }
            }
            guard let indicator, !claimed.contains(indicator.code) else {
                findings.append(ValidationFinding(.warning, .unknownSheet(sheet: sheet.name), sheet: sheet.name))
                continue
            }
            claimed.insert(indicator.code)
            let (table, tableFindings) = readTable(sheet, indicator)
            findings += tableFindings
            if let table { submission.tables[indicator.code] = table }
        }
        for indicator in expected where !claimed.contains(indicator.code) {
            findings.append(ValidationFinding(.error, .sheetMissing(indicator: indicator.code, name: indicator.name), sheet: indicator.code))
        }
        return (submission, findings)
    }

    private func readTable(_ sheet: Sheet, _ indicator: Indicator) -> (IndicatorTable?, [ValidationFinding]) {
        var findings: [ValidationFinding] = []
        let districtHeaders = ["Stadtteil", "District", "Sozialraum"]
        guard let header = sheet.rows.first(where: { row in
            row.cells.contains { c in districtHeaders.contains { SheetMatch.same($0, CellText.plain(c.value)) } }
        }) else {
            findings.append(ValidationFinding(.error, .headerMissing(categories: indicator.categories), sheet: sheet.name))
            return (nil, findings)
        }
        let nameColumn = header.cells.first { c in districtHeaders.contains { SheetMatch.same($0, CellText.plain(c.value)) } }?.column ?? 1
        let numberColumn = header.cells.first { ["nr", "no", "nummer"].contains(NameMatching.key(CellText.plain($0.value))) }?.column
        // Category columns by their header only: a column moved or sorted
        // elsewhere is still found, and two columns with one header are
        // ambiguous rather than "the first".
        var columns: [String: Int] = [:]
        var ambiguous = false
        for category in indicator.categories {
            let matching = header.cells.filter { NameMatching.key(CellText.plain($0.value)) == NameMatching.key(category) }
            if let c = matching.first {
                columns[category] = c.column
            } else {
                findings.append(ValidationFinding(.error, .columnMissing(category: category), sheet: sheet.name,
                    cell: CellReference(row: header.index, column: nameColumn).description))
            }
            for extra in matching.dropFirst() {
                ambiguous = true
                findings.append(ValidationFinding(.error, .columnDuplicate(category: category), sheet: sheet.name,
                    cell: CellReference(row: header.index, column: extra.column).description, value: CellText.plain(extra.value)))
            }
        }
        var table = IndicatorTable(indicator: indicator, sheet: sheet.name)
        let cityNames = ["Stadt insgesamt", "City total", "insgesamt", "Gesamtstadt", "Stadt", "Magdeburg", "Summe", "Gesamt"].map(NameMatching.key)
        let districts = DistrictRows(catalogue: catalogue)
        var lines: [DistrictRows.Line] = []
        var cityRows: [(row: Int, name: String)] = []
        for row in sheet.rows where row.index > header.index {
            let name = row.cells.first { $0.column == nameColumn }.map { CellText.plain($0.value).trimmed } ?? ""
            let number = numberColumn.flatMap { c in row.cells.first { $0.column == c } }.map { CellText.plain($0.value) } ?? ""
            if name.isEmpty && number.trimmed.isEmpty { continue }
            if cityNames.contains(NameMatching.key(name)) {
                cityRows.append((row.index, name))
            } else {
                lines.append(districts.line(row: row.index, number: number, name: name))
            }
        }
        let numbering = districts.numbering(lines)
        let numberCell = { (row: Int) in CellReference(row: row, column: numberColumn ?? nameColumn).description }
        switch numbering {
        case .catalogue: break
        case .namesOnly:
            findings.append(ValidationFinding(.warning, .districtNamesOnly, sheet: sheet.name,
                cell: numberColumn.map { CellReference(row: header.index, column: $0).description }))
        case .own:
            let example = lines.first { $0.byName != nil && $0.byName != $0.byNumber }
            findings.append(ValidationFinding(.warning, .districtOwnNumbering(
                number: example?.number, name: example?.name, catalogueNumber: example?.byName?.number), sheet: sheet.name,
                cell: example.map { numberCell($0.row) }, value: example.map { "\($0.number) \($0.name)" }))
        }
        var rejected = ambiguous
        var taken: [(row: Int, key: String, name: String)] = cityRows.map { ($0.row, SubmissionValues.cityTotalKey, $0.name) }
        for line in lines {
            switch districts.match(line, numbering: numbering) {
            case .district(let district):
                if indicator.level == .city { continue }
                taken.append((line.row, district.number, line.name.isEmpty ? district.name : line.name))
            case .mismatch:
                rejected = true
                findings.append(ValidationFinding(.error, .districtMismatch(
                    number: line.number, name: line.name, catalogueNameForNumber: districts.district(number: line.number)?.name,
                    catalogueNumberForName: line.byName?.number), sheet: sheet.name,
                    cell: CellReference(row: line.row, column: nameColumn).description, value: "\(line.number) \(line.name)"))
            case .unknown:
                findings.append(ValidationFinding(.warning, .unknownDistrict(number: line.number, name: line.name), sheet: sheet.name,
                    cell: CellReference(row: line.row, column: nameColumn).description, value: [line.number, line.name].filter { !$0.isEmpty }.joined(separator: " ")))
            }
        }
        // A sheet with rows that contradict themselves is not read at all:
        // which of its rows are right cannot be told, and missing or
        // doubled rows would only repeat the same cause.
        if rejected { return (nil, findings) }
        let rowsByIndex = Dictionary(sheet.rows.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        for (rowIndex, key, name) in taken.sorted(by: { $0.row < $1.row }) {
            if table.rows[key] != nil {
                findings.append(ValidationFinding(.error, .districtDuplicate(name: name), sheet: sheet.name,
                    cell: CellReference(row: rowIndex, column: nameColumn).description, value: name))
                continue
            }
            guard let row = rowsByIndex[rowIndex] else { continue }
            table.rowIndex[key] = row.index
            var cells: [String: SubmittedCell] = [:]
            for (category, column) in columns {
                let value = row.cells.first { $0.column == column }?.value ?? .empty
                cells[category] = SubmittedCell(reference: CellReference(row: row.index, column: column), value: value)
            }
            table.rows[key] = cells
        }
        let expectedRows = (indicator.level == .districts ? catalogue.districts.map(\.number) : []) + [SubmissionValues.cityTotalKey]
        for (position, key) in expectedRows.enumerated() where table.rows[key] == nil {
            // Point at where the row should stand: the next row that is there.
            let next = expectedRows[(position + 1)...].lazy.compactMap { table.rowIndex[$0] }.first ?? header.index + 1 + position
            let district = catalogue.districts.first { $0.number == key }
            let label = district.map { "\($0.number) \($0.name)" } ?? key
            findings.append(ValidationFinding(.error, .districtMissing(number: district?.number, name: district?.name), sheet: sheet.name,
                cell: CellReference(row: next, column: nameColumn).description, value: label))
        }
        return (table, findings)
    }
}
