import Spreadsheet
import WorkbookIO

/// The workbook a department fills in for one reporting year: `Angaben`
/// (who, when, the template id), `Hinweise` (how to fill it in) and one
/// sheet per indicator with a row per district and one for the whole city.
/// Only input cells are unlocked; they accept a number in the indicator's
/// range or one of the statistical markers.
public struct SubmissionTemplate: Sendable {
    public var catalogue: Catalogue
    public var department: Department
    public var year: Int
    public var language: Language

    public init(catalogue: Catalogue, department: Department, year: Int, language: Language = .de) {
        self.catalogue = catalogue
        self.department = department
        self.year = year
        self.language = language
    }

    public var id: TemplateID { TemplateID(department: department.code, year: year, catalogue: catalogue) }
    public var indicators: [Indicator] { catalogue.submittedIndicators(of: department.code) }

    /// Sheet names and fixed texts, in the template's language.
    public var detailsSheet: String { language("Angaben", "Details") }
    public var notesSheet: String { language("Hinweise", "Notes") }
    public var cityTotalLabel: String { language("Stadt insgesamt", "City total") }
    public var remarkHeader: String { language("Bemerkung", "Remark") }

    /// The row (0-based) of the header on every indicator sheet; districts follow.
    public static let headerRow = 4
    /// Columns of an indicator sheet: number, district, one per category, remark.
    public static let firstValueColumn = 2

    /// A file name such as `Vorlage_2005_Amt_50.xlsx`; whatever the catalogue
    /// gives as the department's code, the name stays one name in its folder.
    public func fileName(extension ext: String) -> String {
        SafeFileName.component(language("Vorlage", "Template") + "_\(year)_" + language("Amt", "Dept") + "_\(department.code)") + ".\(ext)"
    }

    /// Writes the template to `path` (`.xlsx`, `.ods` or `.fods`), empty or
    /// filled in with `values`.
    public func write(to path: String, values: SubmissionValues = SubmissionValues()) throws {
        let writer = try WorkbookFile.writer(for: path)
        writer.properties = (DocumentProperties(
            title: language("Integrationsmonitoring \(year) – \(department.name)", "Integration monitoring \(year) – \(department.name)"),
            author: catalogue.department("50")?.name ?? "imon"))
        do {
            try writeDetails(writer, values)
            try writeNotes(writer)
            for indicator in indicators { try writeIndicator(indicator, writer, values) }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    // MARK: Sheets

    private var inputStyle: CellStyle {
        var s = CellStyle()
        s.locked = false
        s.fill = RGBColor(hex: 0xFFFFFF)
        s.border = .thin
        return s
    }

    private var labelStyle: CellStyle {
        var s = CellStyle()
        s.bold = true
        return s
    }

    private func writeDetails(_ w: any WorkbookWriter, _ values: SubmissionValues) throws {
        var layout = SheetLayout(name: detailsSheet)
        layout.columnWidths = [0: 28, 1: 52]
        layout.isProtected = true
        layout.tabColor = RGBColor(hex: 0x2E75B6)
        try w.beginSheet(layout)
        var title = CellStyle()
        title.bold = true
        title.fontSize = 14
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(
            language("Integrationsmonitoring – Datenlieferung \(year)", "Integration monitoring – data delivery \(year)")), style: title)]))
        let rows: [(String, CellValue, Bool)] = [
            (language("Amt", "Department"), .string("\(department.code) – \(department.name)"), false),
            (language("Berichtsjahr", "Reporting year"), .number(Double(values.enteredYear ?? year)), false),
            (language("Stichtag", "Reference date"), .date(CivilDate(year: year, month: 12, day: 31)), false),
            (language("Ansprechperson", "Contact person"), values.contactPerson, true),
            (language("Telefon", "Phone"), values.phone, true),
            (language("E-Mail", "E-mail"), values.email, true),
            (language("Vorlagen-ID", "Template id"), .string(id.description), false),
        ]
        for (n, (label, value, input)) in rows.enumerated() {
            let style = input ? inputStyle : (value.defaultNumberFormat != nil ? CellStyle.plain.with(.germanDate) : nil)
            try w.write(OutputRow(index: n + 2, cells: [OutputCell(column: 0, value: .string(label), style: labelStyle),
                                                         OutputCell(column: 1, value: value, style: style)]))
        }
        var small = CellStyle()
        small.italic = true
        small.fontColor = RGBColor(hex: 0x595959)
        try w.write(OutputRow(index: 10, cells: [OutputCell(column: 0, value: .string(language(
            "Bitte nur die weißen Felder ausfüllen. Die Vorlagen-ID nicht ändern.",
            "Please fill in the white cells only. Do not change the template id.")), style: small)]))
        try w.endSheet()
    }

    private func writeNotes(_ w: any WorkbookWriter) throws {
        var layout = SheetLayout(name: notesSheet)
        layout.columnWidths = [0: 8, 1: 84]
        layout.isProtected = true
        try w.beginSheet(layout)
        var wrap = CellStyle()
        wrap.wrapText = true
        wrap.vertical = .top
        var heading = CellStyle()
        heading.bold = true
        heading.fontSize = 13
        var row = 0
        func line(_ a: CellValue, _ b: CellValue = .empty, style: CellStyle? = nil) throws {
            // Wrapped text needs its height stored: see TextFit.
            let height = TextFit.rowHeight([(CellText.plain(a), layout.columnWidths[0] ?? 12, style?.fontSize ?? 11),
                                            (CellText.plain(b), layout.columnWidths[1] ?? 80, 11)])
            try w.write(OutputRow(index: row, height: height, cells: [OutputCell(column: 0, value: a, style: style ?? wrap),
                                                       OutputCell(column: 1, value: b, style: wrap)].filter { !$0.value.isEmpty }))
            row += 1
        }
        try line(.string(language("So füllen Sie diese Vorlage aus", "How to fill in this template")), style: heading)
        row += 1
        let steps = language(
            "1. Tragen Sie auf dem Blatt „Angaben“ Ansprechperson, Telefon und E-Mail ein.|2. Jedes weitere Blatt ist ein Indikator. Tragen Sie für jeden Stadtteil und jede Spalte die Zahl zum Stichtag ein; in die Zeile „Stadt insgesamt“ den Wert für die ganze Stadt.|3. Zahlen bitte ohne Einheiten und ohne Zusätze wie „ca.“ eintragen. Wo keine Zahl angegeben werden kann, eines der Zeichen unten verwenden.|4. Teile dürfen nicht größer sein als ihre Summe („insgesamt“); die Stadtteile sollen zusammen die Stadtsumme ergeben.|5. Blätter nicht umbenennen, keine Zeilen oder Spalten einfügen oder löschen. Erläuterungen gehören in die Spalte „Bemerkung“.|6. Die Datei unverändert im Format zurücksenden (Excel oder LibreOffice).",
            "1. On the sheet “Details”, enter contact person, phone and e-mail.|2. Every other sheet is one indicator. Enter the number at the reference date for each district and column; in the row “City total” the value for the whole city.|3. Enter plain numbers, without units or words such as “approx.”. Where no number can be given, use one of the markers below.|4. Parts may not exceed their total; the districts together should add up to the city total.|5. Do not rename sheets or insert or delete rows or columns. Explanations go into the column “Remark”.|6. Send the file back in the same format (Excel or LibreOffice).")
        for step in steps.split(separator: "|") {
            try line(.string(String(step.prefix(2)).trimmed), .string(String(step.dropFirst(3))))
        }
        row += 1
        try line(.string(language("Zeichen statt einer Zahl", "Markers instead of a number")), style: heading)
        for marker in StatisticalMarker.allCases {
            try line(.string(marker.rawValue), .string(marker.meaning(language)))
        }
        row += 1
        try line(.string(language("Indikatoren", "Indicators")), style: heading)
        for indicator in indicators {
            try line(.string(indicator.code), .string("\(indicator.name): \(indicator.definition)"))
        }
        try w.endSheet()
    }

    private func writeIndicator(_ indicator: Indicator, _ w: any WorkbookWriter, _ values: SubmissionValues) throws {
        let categories = indicator.categories
        let lastColumn = Self.firstValueColumn + categories.count
        let omitted = values.omittedDistricts[indicator.code] ?? []
        let districts = indicator.level == .districts ? catalogue.districts.filter { !omitted.contains($0.number) } : []
        let header = Self.headerRow
        let firstDataRow = header + 1
        let totalRow = firstDataRow + districts.count
        var layout = SheetLayout(name: values.renamedSheets[indicator.code] ?? indicator.code)
        layout.columnWidths = [0: 6, 1: 24]
        for k in categories.indices { layout.columnWidths[Self.firstValueColumn + k] = 14 }
        layout.columnWidths[lastColumn] = 36
        // Portrait, fitted to the width: the 40 districts and the total stay on one page (landscape took two).
        layout.frozenRows = firstDataRow
        layout.printTitleRows = header...header
        layout.frozenColumns = 2
        layout.isProtected = true
        layout.mergedRanges = [CellRange(first: CellReference(row: 0, column: 0), last: CellReference(row: 0, column: lastColumn)),
                               CellRange(first: CellReference(row: 1, column: 0), last: CellReference(row: 1, column: lastColumn))]
        let inputs = CellRange(first: CellReference(row: firstDataRow, column: Self.firstValueColumn),
                               last: CellReference(row: totalRow, column: lastColumn - 1))
        let whole = indicator.unit == .count
        var rule = DataValidation(range: inputs, rule: .numberOrText(
            min: indicator.minimum ?? 0, max: indicator.maximum ?? 1e12, whole: whole,
            texts: StatisticalMarker.allCases.map(\.rawValue)))
        rule.inputTitle = String(indicator.name.prefix(32))
        rule.inputMessage = String(language(
            "\(whole ? "Ganze Zahl" : "Zahl")\(indicator.maximum.map { " von \(NumberText.shortest(indicator.minimum ?? 0)) bis \(NumberText.shortest($0))" } ?? " ab \(NumberText.shortest(indicator.minimum ?? 0))") oder - . x",
            "\(whole ? "Whole number" : "Number")\(indicator.maximum.map { " from \(NumberText.shortest(indicator.minimum ?? 0)) to \(NumberText.shortest($0))" } ?? " from \(NumberText.shortest(indicator.minimum ?? 0))") or - . x").prefix(255))
        rule.errorTitle = language("Ungültiger Wert", "Invalid value")
        rule.errorMessage = language("Bitte eine Zahl im gültigen Bereich oder eines der Zeichen - . x eingeben (siehe Blatt „Hinweise“).",
                                     "Please enter a number in the valid range or one of the markers - . x (see the sheet “Notes”).")
        layout.validations = [rule]
        try w.beginSheet(layout)

        var title = CellStyle()
        title.bold = true
        title.fontSize = 13
        // Wrapped within the table's width: a long name ran past the printed columns and was cut off in LibreOffice.
        title.wrapText = true
        title.vertical = .top
        let mergedWidth = (0...lastColumn).reduce(0.0) { $0 + (layout.columnWidths[$1] ?? 9) }
        let heading = "\(indicator.code) – \(indicator.name)"
        // TextFit counts characters of the 11-point default font; a bold 13-point one is about 1.3 times as wide.
        let titleHeight = max(20, TextFit.rowHeight([(heading, mergedWidth / 1.3, 13)]))
        try w.write(OutputRow(index: 0, height: titleHeight, cells: [OutputCell(column: 0, value: .string(heading), style: title)]))
        var definition = CellStyle()
        definition.wrapText = true
        definition.vertical = .top
        try w.write(OutputRow(index: 1, height: TextFit.rowHeight([(indicator.definition, mergedWidth, 11)]),
                              cells: [OutputCell(column: 0, value: .string(indicator.definition), style: definition)]))
        var meta = CellStyle()
        meta.italic = true
        meta.fontColor = RGBColor(hex: 0x595959)
        let unit = language == .de ? indicator.unit.rawValue : indicator.unit.english
        try w.write(OutputRow(index: 2, cells: [OutputCell(column: 0, value: .string(
            language("Einheit: \(unit) · Quelle: \(indicator.source) · Stichtag: 31.12.\(year)",
                     "Unit: \(unit) · Source: \(indicator.source) · Reference date: 31.12.\(year)")), style: meta)]))
        let headers = [language("Nr.", "No."), language("Stadtteil", "District")] + categories + [remarkHeader]
        try w.write(OutputRow(index: header, values: headers.map(CellValue.string), style: .header))

        var input = inputStyle
        input.numberFormat = whole ? .number(decimals: 0, grouping: true) : .number(decimals: 2, grouping: true)
        var remark = inputStyle
        remark.wrapText = true
        var districtStyle = CellStyle()
        districtStyle.border = .thin
        func row(_ index: Int, key: String, number: String, name: String, style: CellStyle) -> OutputRow {
            var cells = [OutputCell(column: 0, value: .string(number), style: style), OutputCell(column: 1, value: .string(name), style: style)]
            for (k, category) in categories.enumerated() {
                cells.append(OutputCell(column: Self.firstValueColumn + k, value: values[indicator.code, key, category], style: input))
            }
            let note = values.remarks[indicator.code]?[key].map(CellValue.string) ?? .empty
            cells.append(OutputCell(column: lastColumn, value: note, style: remark))
            return OutputRow(index: index, cells: cells)
        }
        for (n, district) in districts.enumerated() {
            try w.write(row(firstDataRow + n, key: district.number, number: district.number, name: district.name, style: districtStyle))
        }
        var total = CellStyle.header
        total.wrapText = false
        total.numberFormat = input.numberFormat
        try w.write(row(totalRow, key: SubmissionValues.cityTotalKey, number: "", name: cityTotalLabel, style: total))
        try w.endSheet()
    }
}
