import Spreadsheet
import WorkbookIO

/// Reads a department's workbook against the catalogue: finds `Angaben`,
/// recognises indicator sheets by name or by their title, the header with
/// the breakdown columns, and the district and city rows. Whatever does not
/// fit the template becomes a finding.
struct SubmissionReader {
    let catalogue: Catalogue
    let language: Language
    /// The year the coordinator expects, when given.
    let expectedYear: Int?

    func read(_ workbook: Workbook) -> (Submission, [ValidationFinding]) {
        var findings: [ValidationFinding] = []
        var submission = Submission(workbook: workbook)
        let l = language

        // Angaben: department, year, template id.
        let detailsNames = ["Angaben", "Details"]
        guard let details = workbook.sheets.first(where: { s in detailsNames.contains { SheetMatch.same($0, s.name) } }) else {
            findings.append(ValidationFinding(.error, "details-missing", message: l(
                "Das Blatt „Angaben“ fehlt. Bitte die Vorlage verwenden, die Sie vom Sozial- und Wohnungsamt erhalten haben.",
                "The sheet “Details” is missing. Please use the template you received.")))
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
                findings.append(ValidationFinding(.error, "unknown-department", sheet: details.name, cell: cell.description, value: text,
                    message: l("Das Amt „\(text)“ ist im Katalog nicht bekannt. Bitte das Kürzel aus der Vorlage nicht ändern.",
                               "The department “\(text)” is not in the catalogue. Please keep the code from the template.")))
            }
        } else {
            findings.append(ValidationFinding(.error, "department-missing", sheet: details.name, message: l(
                "Auf dem Blatt „Angaben“ fehlt das Amt.", "The department is missing on the sheet “Details”.")))
        }
        if let (value, cell) = detail("Berichtsjahr", "Reporting year") {
            if case .number(let n) = value, n == n.rounded(), (1990...2100).contains(n) {
                submission.year = Int(n)
            } else if case .string(let s) = value, let n = Int(s.trimmed), (1990...2100).contains(n) {
                submission.year = n
            } else {
                findings.append(ValidationFinding(.error, "year-invalid", sheet: details.name, cell: cell.description, value: CellText.plain(value),
                    message: l("Das Berichtsjahr ist keine Jahreszahl.", "The reporting year is not a year.")))
            }
        } else {
            findings.append(ValidationFinding(.error, "year-missing", sheet: details.name, message: l(
                "Auf dem Blatt „Angaben“ fehlt das Berichtsjahr.", "The reporting year is missing on the sheet “Details”.")))
        }
        if let id {
            let cell = detail("Vorlagen-ID", "Template id")?.1.description
            if submission.department == nil, catalogue.department(id.department) != nil { submission.department = id.department }
            if let department = submission.department, department != id.department {
                findings.append(ValidationFinding(.error, "template-mismatch", sheet: details.name, cell: cell, value: id.description,
                    message: l("Die Vorlagen-ID gehört zu Amt \(id.department), eingetragen ist Amt \(department). Bitte die Vorlage des eigenen Amtes verwenden.",
                               "The template id belongs to department \(id.department), but department \(department) is entered.")))
            }
            if let year = submission.year, year != id.year {
                let yearCell = detail("Berichtsjahr", "Reporting year")?.1.description
                findings.append(ValidationFinding(.error, "template-mismatch", sheet: details.name, cell: yearCell, value: String(year),
                    message: l("Das Berichtsjahr \(year) passt nicht zur Vorlage für \(id.year). Bitte das Jahr prüfen oder die Vorlage für \(year) verwenden.",
                               "The reporting year \(year) does not match the template for \(id.year).")))
            }
            if let department = submission.department,
               id.fingerprint != TemplateID(department: department, year: id.year, catalogue: catalogue).fingerprint {
                findings.append(ValidationFinding(.warning, "template-outdated", sheet: details.name, cell: cell, value: id.description,
                    message: l("Die Vorlage wurde mit einem anderen Indikatorenkatalog erstellt; Blätter oder Stadtteile können abweichen.",
                               "The template was made from another catalogue; sheets or districts may differ.")))
            }
        }
        if let expectedYear, let year = submission.year, year != expectedYear {
            findings.append(ValidationFinding(.error, "year-unexpected", sheet: details.name, value: String(year),
                message: l("Erwartet wird das Berichtsjahr \(expectedYear), die Datei ist für \(year).",
                           "Reporting year \(expectedYear) is expected; the file is for \(year).")))
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
                    findings.append(ValidationFinding(.warning, "sheet-renamed", sheet: sheet.name, cell: "A1", value: sheet.name,
                        message: l("Das Blatt heißt „\(sheet.name)“, enthält aber den Indikator \(match.code). Es wurde erkannt; bitte Blattnamen nicht ändern.",
                                   "The sheet is named “\(sheet.name)” but holds indicator \(match.code); it was recognised. Please keep sheet names.")))
                }
            }
            guard let indicator, !claimed.contains(indicator.code) else {
                findings.append(ValidationFinding(.warning, "unknown-sheet", sheet: sheet.name,
                    message: l("Das Blatt „\(sheet.name)“ gehört nicht zur Vorlage und wird nicht übernommen.",
                               "The sheet “\(sheet.name)” is not part of the template and is ignored.")))
                continue
            }
            claimed.insert(indicator.code)
            let (table, tableFindings) = readTable(sheet, indicator)
            findings += tableFindings
            if let table { submission.tables[indicator.code] = table }
        }
        for indicator in expected where !claimed.contains(indicator.code) {
            findings.append(ValidationFinding(.error, "sheet-missing", sheet: indicator.code,
                message: l("Das Blatt für den Indikator \(indicator.code) („\(indicator.name)“) fehlt.",
                           "The sheet for indicator \(indicator.code) (“\(indicator.name)”) is missing.")))
        }
        return (submission, findings)
    }

    private func readTable(_ sheet: Sheet, _ indicator: Indicator) -> (IndicatorTable?, [ValidationFinding]) {
        var findings: [ValidationFinding] = []
        let l = language
        let districtHeaders = ["Stadtteil", "District", "Sozialraum"]
        guard let header = sheet.rows.first(where: { row in
            row.cells.contains { c in districtHeaders.contains { SheetMatch.same($0, CellText.plain(c.value)) } }
        }) else {
            findings.append(ValidationFinding(.error, "header-missing", sheet: sheet.name,
                message: l("Die Kopfzeile mit „Stadtteil“ und den Spalten \(indicator.categories.joined(separator: ", ")) fehlt.",
                           "The header row with “District” and the columns \(indicator.categories.joined(separator: ", ")) is missing.")))
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
                findings.append(ValidationFinding(.error, "column-missing", sheet: sheet.name,
                    cell: CellReference(row: header.index, column: nameColumn).description,
                    message: l("Die Spalte „\(category)“ fehlt in der Kopfzeile.", "The column “\(category)” is missing in the header.")))
            }
            for extra in matching.dropFirst() {
                ambiguous = true
                findings.append(ValidationFinding(.error, "column-duplicate", sheet: sheet.name,
                    cell: CellReference(row: header.index, column: extra.column).description, value: CellText.plain(extra.value),
                    message: l("Die Spalte „\(category)“ steht mehrmals in der Kopfzeile; es ist nicht klar, welche gilt. Die Werte dieses Blattes werden nicht übernommen.",
                               "The column “\(category)” appears more than once in the header; it is unclear which one holds. The values of this sheet are not taken.")))
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
            findings.append(ValidationFinding(.warning, "district-names-only", sheet: sheet.name,
                cell: numberColumn.map { CellReference(row: header.index, column: $0).description },
                message: l("Die Zeilen haben keine Stadtteil-Nummern; sie wurden über die Namen zugeordnet. Bitte die Nummern der Vorlage stehen lassen.",
                           "The rows carry no district numbers; they were matched by name. Please keep the template's numbers.")))
        case .own:
            let example = lines.first { $0.byName != nil && $0.byName != $0.byNumber }
            let exampleText = example.flatMap { e in e.byName.map { d in l(
                " (z. B. \(e.number) „\(e.name)“, im Katalog hat „\(d.name)“ die Nummer \(d.number))",
                " (e.g. \(e.number) “\(e.name)”; in the catalogue “\(d.name)” is number \(d.number))") } } ?? ""
            findings.append(ValidationFinding(.warning, "district-own-numbering", sheet: sheet.name,
                cell: example.map { numberCell($0.row) }, value: example.map { "\($0.number) \($0.name)" },
                message: l("Die Spalte „Nr.“ folgt einer eigenen Nummerierung, nicht der des Katalogs\(exampleText). Die Zeilen wurden über die Stadtteilnamen zugeordnet; bitte die Nummern der Vorlage verwenden.",
                           "The column “No.” follows a numbering of its own, not the catalogue's\(exampleText). The rows were matched by district name; please use the template's numbers.")))
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
                let forNumber = districts.district(number: line.number)
                let saysNumber = forNumber.map { l("Nr. \(line.number) ist im Katalog „\($0.name)“", "number \(line.number) is “\($0.name)” in the catalogue") }
                    ?? l("die Nr. \(line.number) gibt es im Katalog nicht", "the catalogue has no number \(line.number)")
                let saysName = line.name.isEmpty ? l("der Name fehlt", "the name is missing")
                    : line.byName.map { l("„\(line.name)“ hat dort die Nr. \($0.number)", "“\(line.name)” is number \($0.number) there") }
                    ?? l("„\(line.name)“ ist kein Stadtteil des Katalogs", "“\(line.name)” is not a district of the catalogue")
                findings.append(ValidationFinding(.error, "district-mismatch", sheet: sheet.name,
                    cell: CellReference(row: line.row, column: nameColumn).description, value: "\(line.number) \(line.name)",
                    message: l("Nummer und Name passen nicht zusammen: \(saysNumber), \(saysName). Die Werte dieses Blattes werden nicht übernommen. Wurden nur einige Spalten sortiert? Bitte Nummer, Name und Werte jeder Zeile zusammen lassen.",
                               "Number and name disagree: \(saysNumber), \(saysName). The values of this sheet are not taken. Were only some columns sorted? Please keep each row's number, name and values together.")))
            case .unknown:
                findings.append(ValidationFinding(.warning, "unknown-district", sheet: sheet.name,
                    cell: CellReference(row: line.row, column: nameColumn).description, value: [line.number, line.name].filter { !$0.isEmpty }.joined(separator: " "),
                    message: l("Der Stadtteil „\(line.name)“ ist im Katalog nicht bekannt; die Zeile wird nicht übernommen.",
                               "The district “\(line.name)” is not in the catalogue; the row is ignored.")))
            }
        }
        // A sheet with rows that contradict themselves is not read at all:
        // which of its rows are right cannot be told, and missing or
        // doubled rows would only repeat the same cause.
        if rejected { return (nil, findings) }
        let rowsByIndex = Dictionary(sheet.rows.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        for (rowIndex, key, name) in taken.sorted(by: { $0.row < $1.row }) {
            if table.rows[key] != nil {
                findings.append(ValidationFinding(.error, "district-duplicate", sheet: sheet.name,
                    cell: CellReference(row: rowIndex, column: nameColumn).description, value: name,
                    message: l("Die Zeile für „\(name)“ steht doppelt im Blatt. Bitte eine davon löschen.",
                               "The row for “\(name)” appears twice. Please remove one.")))
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
            let label = key == SubmissionValues.cityTotalKey ? l("Stadt insgesamt", "City total")
                : catalogue.districts.first { $0.number == key }.map { "\($0.number) \($0.name)" } ?? key
            findings.append(ValidationFinding(.error, "district-missing", sheet: sheet.name,
                cell: CellReference(row: next, column: nameColumn).description, value: label,
                message: l("Die Zeile für „\(label)“ fehlt. Bitte Zeilen der Vorlage nicht löschen.",
                           "The row for “\(label)” is missing. Please do not delete rows of the template.")))
        }
        return (table, findings)
    }
}
