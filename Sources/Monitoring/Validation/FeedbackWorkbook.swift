import Spreadsheet
import WorkbookIO

/// The copy a department gets back: a first sheet `Prüfprotokoll` listing
/// every finding with a link to its cell, then the department's own sheets
/// with each finding's cell highlighted (red for errors, yellow for
/// warnings) and commented. Written in the submission's own format.
public enum FeedbackWorkbook {
    public static func write(_ workbook: Workbook, report: FileReport, language: Language, to path: String) throws {
        let l = language
        let writer = try WorkbookFile.writer(for: path)
        writer.properties = DocumentProperties(title: l("Prüfprotokoll", "Check report") + " – " + (path.split(separator: "/").last.map(String.init) ?? path))
        do {
            var logName = l("Prüfprotokoll", "Check report")
            while workbook.sheets.contains(where: { $0.name.lowercased() == logName.lowercased() }) { logName += " 1" }
            var log = SheetLayout(name: logName)
            log.columnWidths = [0: 5, 1: 10, 2: 14, 3: 9, 4: 16, 5: 90]
            log.frozenRows = 3
            log.tabColor = RGBColor(hex: report.errors > 0 ? 0xC00000 : 0x70AD47)
            log.printLandscape = true
            try writer.beginSheet(log)
            var title = CellStyle()
            title.bold = true
            title.fontSize = 13
            let summary = l("\(report.errors) Fehler, \(report.warnings) Warnungen", "\(report.errors) errors, \(report.warnings) warnings")
            try writer.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(
                l("Prüfprotokoll", "Check report") + " – " + (report.department.map { l("Amt ", "department ") + $0 } ?? "")
                + (report.year.map { ", \($0)" } ?? "") + ": " + summary), style: title)]))
            try writer.write(OutputRow(index: 2, values: [l("Nr.", "No."), l("Schwere", "Severity"), l("Blatt", "Sheet"), l("Zelle", "Cell"),
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
                try writer.write(OutputRow(index: 3 + n, height: height, cells: [
                    OutputCell(column: 0, value: .number(Double(n + 1)), style: wrap),
                    OutputCell(column: 1, value: .string(f.severity == .error ? l("Fehler", "error") : l("Warnung", "warning")), style: severity),
                    OutputCell(column: 2, value: f.sheet.map(CellValue.string) ?? .empty, style: wrap),
                    OutputCell(column: 3, value: f.cell.map(CellValue.string) ?? .empty, style: wrap, link: link),
                    OutputCell(column: 4, value: f.value.map(CellValue.string) ?? .empty, style: wrap),
                    OutputCell(column: 5, value: .string(f.message(l)), style: wrap),
                ]))
            }
            try writer.endSheet()

            for sheet in workbook.sheets {
                var byCell: [CellReference: [ValidationFinding]] = [:]
                for f in report.findings where f.sheet == sheet.name {
                    guard let cell = f.cell.flatMap({ CellReference(String($0.split(separator: ":")[0])) }) else { continue }
                    byCell[cell, default: []].append(f)
                }
                var layout = SheetLayout(name: sheet.name)
                layout.visibility = sheet.info.visibility
                layout.mergedRanges = sheet.mergedRanges.filter { $0.rowCount > 1 || $0.columnCount > 1 }
                layout.columnWidths = [0: 8, 1: 26]
                if let last = sheet.usedRange?.last.column, last >= 2 { for c in 2...last { layout.columnWidths[c] = 14 } }
                // Comments show on hovering: always shown, they covered the neighbouring values on screen and on paper.
                layout.showComments = false
                try writer.beginSheet(layout)
                var rows: [Int: [OutputCell]] = [:]
                for row in sheet.rows {
                    rows[row.index] = row.cells.map { OutputCell(column: $0.column, value: $0.value, style: dateStyle($0.value, l)) }
                }
                for (cell, found) in byCell where !layout.mergedRanges.contains(where: { $0.contains(cell) && $0.first != cell }) {
                    var cells = rows[cell.row] ?? []
                    var style = CellStyle()
                    style.fill = RGBColor(hex: found.contains { $0.severity == .error } ? 0xFFC7CE : 0xFFEB9C)
                    style.border = .thin
                    let comment = found.map { $0.message(l) }.joined(separator: "\n")
                    if let i = cells.firstIndex(where: { $0.column == cell.column }) {
                        style.numberFormat = cells[i].style?.numberFormat ?? .general
                        cells[i].style = style
                        cells[i].comment = comment
                    } else {
                        cells.append(OutputCell(column: cell.column, value: .empty, style: style, comment: comment))
                        cells.sort { $0.column < $1.column }
                    }
                    rows[cell.row] = cells
                }
                for index in rows.keys.sorted() {
                    try writer.write(OutputRow(index: index, cells: rows[index] ?? []))
                }
                try writer.endSheet()
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    /// Dates keep the department's reading: 31.12.2007 in a German copy, not the writer's ISO default.
    static func dateStyle(_ value: CellValue, _ l: Language) -> CellStyle? {
        switch value {
        case .date: CellStyle.plain.with(l == .de ? .germanDate : .isoDate)
        case .dateTime: CellStyle.plain.with(l == .de ? .germanDateTime : .isoDateTime)
        default: nil
        }
    }
}
