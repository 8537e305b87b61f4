import Spreadsheet

/// An annotated copy rebuilt from the source's cell values, for formats
/// that have no editor of their own yet (ODS): the first sheet, then each
/// sheet's values with its marks as filled, commented cells. The
/// department's widths, fonts and own additions are not carried over.
enum RebuiltAnnotatedCopy {
    static func write(_ workbook: Workbook, _ annotations: WorkbookAnnotations, to path: String,
                      dates: NumberFormatStyle, dateTimes: NumberFormatStyle) throws {
        let writer = try WorkbookFile.writer(for: path)
        writer.properties = DocumentProperties(title: annotations.firstSheet.name + " – " + (path.split(separator: "/").last.map(String.init) ?? path))
        do {
            try writer.beginSheet(annotations.firstSheet)
            for row in annotations.firstSheetRows { try writer.write(row) }
            try writer.endSheet()
            for sheet in workbook.sheets {
                var layout = SheetLayout(name: sheet.name)
                layout.visibility = sheet.info.visibility
                layout.mergedRanges = sheet.mergedRanges.filter { $0.rowCount > 1 || $0.columnCount > 1 }
                layout.columnWidths = [0: 8, 1: 26]
                if let last = sheet.usedRange?.last.column, last >= 2 { for c in 2...last { layout.columnWidths[c] = 14 } }
                layout.showComments = false
                try writer.beginSheet(layout)
                var rows: [Int: [OutputCell]] = [:]
                for row in sheet.rows {
                    rows[row.index] = row.cells.map { OutputCell(column: $0.column, value: $0.value, style: style($0.value, dates, dateTimes)) }
                }
                for mark in annotations.marks where mark.sheet == sheet.name {
                    var cells = rows[mark.cell.row] ?? []
                    var style = CellStyle()
                    style.fill = mark.fill
                    style.border = .thin
                    if let i = cells.firstIndex(where: { $0.column == mark.cell.column }) {
                        style.numberFormat = cells[i].style?.numberFormat ?? .general
                        cells[i].style = style
                        cells[i].comment = mark.comment
                    } else {
                        cells.append(OutputCell(column: mark.cell.column, value: .empty, style: style, comment: mark.comment))
                        cells.sort { $0.column < $1.column }
                    }
                    rows[mark.cell.row] = cells
                }
                for index in rows.keys.sorted() { try writer.write(OutputRow(index: index, cells: rows[index] ?? [])) }
                try writer.endSheet()
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    private static func style(_ value: CellValue, _ dates: NumberFormatStyle, _ dateTimes: NumberFormatStyle) -> CellStyle? {
        switch value {
        case .date: CellStyle.plain.with(dates)
        case .dateTime: CellStyle.plain.with(dateTimes)
        default: nil
        }
    }
}
