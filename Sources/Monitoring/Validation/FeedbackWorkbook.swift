import Spreadsheet
import WorkbookIO

/// The copy a department gets back: a first sheet `Prüfprotokoll` listing
/// every finding with a link to its cell, then the department's own sheets
/// with each finding's cell highlighted (red for errors, yellow for
/// warnings) and commented on hover. Written into the submission's own
/// file, which keeps everything else as the department made it.
public enum FeedbackWorkbook {
    /// Writes the feedback copy of the submission read from `source` (its
    /// values are `workbook`) to `path`, in the submission's own format.
    public static func write(_ workbook: Workbook, report: FileReport, language: Language, source: String, to path: String) throws {
        try WorkbookFile.writeAnnotatedCopy(of: source, annotations(workbook, report: report, language: language), to: path)
    }

    /// What the copy adds to the department's file: the protocol sheet and
    /// a mark per finding's cell.
    public static func annotations(_ workbook: Workbook, report: FileReport, language: Language) -> WorkbookAnnotations {
        let l = language
        var logName = l("Prüfprotokoll", "Check report")
        while workbook.sheets.contains(where: { $0.name.lowercased() == logName.lowercased() }) { logName += " 1" }
        var log = SheetLayout(name: logName)
        log.columnWidths = [0: 5, 1: 10, 2: 14, 3: 9, 4: 16, 5: 90]
        log.frozenRows = 3
        log.tabColor = RGBColor(hex: report.errors > 0 ? 0xC00000 : 0x70AD47)
        log.printLandscape = true
        var rows: [OutputRow] = []
        var title = CellStyle()
        title.bold = true
        title.fontSize = 13
        let summary = l("\(report.errors) Fehler, \(report.warnings) Warnungen", "\(report.errors) errors, \(report.warnings) warnings")
        rows.append(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(
            l("Prüfprotokoll", "Check report") + " – " + (report.department.map { l("Amt ", "department ") + $0 } ?? "")
            + (report.year.map { ", \($0)" } ?? "") + ": " + summary), style: title)]))
        rows.append(OutputRow(index: 2, values: [l("Nr.", "No."), l("Schwere", "Severity"), l("Blatt", "Sheet"), l("Zelle", "Cell"),
                                                 l("Wert", "Value"), l("Was ist zu tun?", "What to do")].map(CellValue.string), style: .header))
        var wrap = CellStyle()
        wrap.wrapText = true
        wrap.vertical = .top
        let sheetNames = Set(workbook.sheets.map(\.name))
        for (n, f) in report.findings.enumerated() {
            var severity = wrap
            severity.fill = RGBColor(hex: f.severity == .error ? 0xFFC7CE : 0xFFEB9C)
            let target = f.cell.flatMap { CellReference(String($0.split(separator: ":")[0])) }
            let link = f.sheet.flatMap { sheet in sheetNames.contains(sheet) ? target.map { (sheet: sheet, cell: $0) } ?? (sheet: sheet, cell: CellReference(row: 0, column: 0)) : nil }
            // Wrapped messages need their height stored (TextFit); the value column wraps too.
            let height = TextFit.rowHeight([(f.message(l), log.columnWidths[5] ?? 90, 11), (f.value ?? "", log.columnWidths[4] ?? 16, 11)])
            rows.append(OutputRow(index: 3 + n, height: height, cells: [
                OutputCell(column: 0, value: .number(Double(n + 1)), style: wrap),
                OutputCell(column: 1, value: .string(f.severity == .error ? l("Fehler", "error") : l("Warnung", "warning")), style: severity),
                OutputCell(column: 2, value: f.sheet.map(CellValue.string) ?? .empty, style: wrap),
                OutputCell(column: 3, value: f.cell.map(CellValue.string) ?? .empty, style: wrap, link: link),
                OutputCell(column: 4, value: f.value.map(CellValue.string) ?? .empty, style: wrap),
                OutputCell(column: 5, value: .string(f.message(l)), style: wrap),
            ]))
        }
        var marks: [CellMark] = []
        for sheet in workbook.sheets {
            var byCell: [CellReference: [ValidationFinding]] = [:]
            var order: [CellReference] = []
            for f in report.findings where f.sheet == sheet.name {
                guard let cell = f.cell.flatMap({ CellReference(String($0.split(separator: ":")[0])) }) else { continue }
                if byCell[cell] == nil { order.append(cell) }
                byCell[cell, default: []].append(f)
            }
            let merged = sheet.mergedRanges.filter { $0.rowCount > 1 || $0.columnCount > 1 }
            // A cell a merge covers is not shown; its finding is marked nowhere but listed in the protocol.
            for cell in order where !merged.contains(where: { $0.contains(cell) && $0.first != cell }) {
                let found = byCell[cell] ?? []
                marks.append(CellMark(sheet: sheet.name, cell: cell,
                                      fill: RGBColor(hex: found.contains { $0.severity == .error } ? 0xFFC7CE : 0xFFEB9C),
                                      comment: found.map { $0.message(l) }.joined(separator: "\n")))
            }
        }
        return WorkbookAnnotations(firstSheet: log, firstSheetRows: rows, marks: marks)
    }
}
