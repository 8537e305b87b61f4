import Spreadsheet
import XMLStream

/// Writes one worksheet part as rows arrive (ECMA-376 Part 1, 18.3.1.99):
/// the layout before `sheetData`, the rows inside it, and merges,
/// filters, conditional formats, input rules, links and the comment
/// drawing after it, in the order the schema requires.
struct WorksheetWriter {
    var layout: SheetLayout
    let index: Int
    private(set) var comments: [(CellReference, String)] = []
    private(set) var links: [(CellReference, String)] = []
    private var lastRow = -1
    private var columnNames: [[UInt8]] = []

    init(layout: SheetLayout, index: Int) {
        self.layout = layout
        self.index = index
    }

    /// Everything before the first row.
    func head(selected: Bool) -> XMLBuffer {
        var out = XMLBuffer(capacity: 1024)
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
        out.raw("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        if layout.tabColor != nil || layout.fitToPageWidth {
            out.raw("<sheetPr>")
            if let tab = layout.tabColor { out.raw("<tabColor rgb=\"FF\(tab.hex)\"/>") }
            if layout.fitToPageWidth { out.raw("<pageSetUpPr fitToPage=\"1\"/>") }
            out.raw("</sheetPr>")
        }
        out.raw("<sheetViews><sheetView workbookViewId=\"0\"")
        if selected { out.raw(" tabSelected=\"1\"") }
        let rows = layout.frozenRows, columns = layout.frozenColumns
        if rows > 0 || columns > 0 {
            let pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
            out.raw("><pane")
            if columns > 0 { out.raw(" xSplit=\""); out.int(columns); out.raw("\"") }
            if rows > 0 { out.raw(" ySplit=\""); out.int(rows); out.raw("\"") }
            out.raw(" topLeftCell=\"\(CellReference(row: rows, column: columns))\" activePane=\"\(pane)\" state=\"frozen\"/>")
            out.raw("<selection pane=\"\(pane)\"/></sheetView>")
        } else {
            out.raw("/>")
        }
        out.raw("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
        if !layout.columnWidths.isEmpty {
            out.raw("<cols>")
            for (column, width) in layout.columnWidths.sorted(by: { $0.key < $1.key }) {
                out.raw("<col min=\""); out.int(column + 1); out.raw("\" max=\""); out.int(column + 1)
                out.raw("\" width=\""); out.raw(NumberText.shortest(width)); out.raw("\" customWidth=\"1\"/>")
            }
            out.raw("</cols>")
        }
        out.raw("<sheetData>")
        return out
    }

    /// Appends one row's markup to `out`.
    mutating func write(_ row: OutputRow, into out: inout XMLBuffer, styles: inout StyleTable,
                        strings: inout SharedStringTable) throws {
        guard row.index > lastRow else { throw WriteError.rowsOutOfOrder(sheet: layout.name, row: row.index) }
        guard row.index < CellReference.maxRows else {
            throw WriteError.outsideTheSheet(sheet: layout.name, row: row.index, column: row.cells.first?.column ?? 0)
        }
        lastRow = row.index
        let rowNumber = row.index + 1
        out.raw("<row r=\""); out.int(rowNumber); out.raw("\"")
        if let height = row.height ?? TextFit.wrappedHeight(row, layout: layout) {
            out.raw(" ht=\""); out.raw(NumberText.shortest(height)); out.raw("\" customHeight=\"1\"")
        }
        out.raw(">")
        var lastColumn = -1
        for cell in row.cells {
            guard cell.column > lastColumn, cell.column < CellReference.maxColumns else {
                throw WriteError.outsideTheSheet(sheet: layout.name, row: row.index, column: cell.column)
            }
            lastColumn = cell.column
            let ref = CellReference(row: row.index, column: cell.column)
            if let comment = cell.comment { comments.append((ref, comment)) }
            if let link = cell.link {
                links.append((ref, "'\(link.sheet.replacingQuote())'!\(link.cell)"))
            }
            try writeCell(cell, rowNumber: rowNumber, ref: ref, into: &out, styles: &styles, strings: &strings)
        }
        out.raw("</row>")
    }

    private mutating func columnName(_ column: Int) -> [UInt8] {
        while columnNames.count <= column { columnNames.append(Array(CellReference.columnName(columnNames.count).utf8)) }
        return columnNames[column]
    }

    private mutating func writeCell(_ cell: OutputCell, rowNumber: Int, ref: CellReference, into out: inout XMLBuffer,
                                    styles: inout StyleTable, strings: inout SharedStringTable) throws {
        let value = cell.value
        let style = CellStyle.effective(cell.style, for: value)
        out.raw("<c r=\""); out.raw(bytes: columnName(cell.column)); out.int(rowNumber); out.raw("\"")
        if let style {
            let id = styles.id(for: style)
            if id != 0 { out.raw(" s=\""); out.int(id); out.raw("\"") }
        }
        var inline: String?
        switch value {
        case .string(let text):
            guard text.utf16.count <= 32_767 else {
                throw WriteError.stringTooLong(sheet: layout.name, cell: ref, length: text.utf16.count)
            }
            if cell.formula != nil {
                out.raw(" t=\"str\"")
            } else if let id = strings.id(for: text) {
                out.raw(" t=\"s\"><v>"); out.int(id); out.raw("</v></c>")
                return
            } else {
                out.raw(" t=\"inlineStr\"")
                inline = text
            }
        case .bool: out.raw(" t=\"b\"")
        case .error: out.raw(" t=\"e\"")
        default: break
        }
        out.raw(">")
        if let formula = cell.formula {
            out.raw("<f>"); out.text(formula); out.raw("</f>")
        }
        if let inline {
            out.raw("<is>"); OOXMLText.appendT(inline, to: &out); out.raw("</is></c>")
            return
        }
        switch value {
        case .empty:
            break
        case .number(let n):
            guard n.isFinite else { throw WriteError.notANumber(sheet: layout.name, cell: ref) }
            out.raw("<v>"); out.raw(NumberText.shortest(n)); out.raw("</v>")
        case .string(let text):
            out.raw("<v>"); out.text(OOXMLText.needsEscapes(text) ? OOXMLText.escaped(text) : text); out.raw("</v>")
        case .bool(let b):
            out.raw(b ? "<v>1</v>" : "<v>0</v>")
        case .error(let e):
            out.raw("<v>"); out.text(e); out.raw("</v>")
        case .date(let d):
            guard d.year >= 1900, d.year <= 9999 else { throw WriteError.dateOutOfRange(sheet: layout.name, cell: ref) }
            out.raw("<v>"); out.int(DateSerial.serial(of: d, system: .d1900)); out.raw("</v>")
        case .dateTime(let t):
            guard t.date.year >= 1900, t.date.year <= 9999 else { throw WriteError.dateOutOfRange(sheet: layout.name, cell: ref) }
            let serial = Double(DateSerial.serial(of: t.date, system: .d1900)) + Double(t.millisecondOfDay) / 86_400_000
            out.raw("<v>"); out.raw(NumberText.shortest(serial)); out.raw("</v>")
        case .time(let ms):
            out.raw("<v>"); out.raw(NumberText.shortest(Double(ms) / 86_400_000)); out.raw("</v>")
        case .duration(let seconds):
            guard seconds.isFinite else { throw WriteError.notANumber(sheet: layout.name, cell: ref) }
            out.raw("<v>"); out.raw(NumberText.shortest(seconds / 86_400)); out.raw("</v>")
        }
        out.raw("</c>")
    }

    /// Everything after the last row.
    func tail(styles: inout StyleTable, hasComments: Bool, hasDrawing: Bool = false) -> XMLBuffer {
        var out = XMLBuffer(capacity: 1024)
        out.raw("</sheetData>")
        if layout.isProtected {
            out.raw("<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"")
            if layout.autoFilter != nil { out.raw(" autoFilter=\"0\"") }
            out.raw("/>")
        }
        if let filter = layout.autoFilter { out.raw("<autoFilter ref=\"\(filter)\"/>") }
        if !layout.mergedRanges.isEmpty {
            out.raw("<mergeCells count=\"\(layout.mergedRanges.count)\">")
            for range in layout.mergedRanges { out.raw("<mergeCell ref=\"\(range)\"/>") }
            out.raw("</mergeCells>")
        }
        var priority = 1
        for format in layout.conditionalFormats {
            out.raw("<conditionalFormatting sqref=\"\(format.range)\">")
            switch format.rule {
            case .colorScale(let low, let middle, let high):
                out.raw("<cfRule type=\"colorScale\" priority=\"\(priority)\"><colorScale><cfvo type=\"min\"/>")
                if middle != nil { out.raw("<cfvo type=\"percentile\" val=\"50\"/>") }
                out.raw("<cfvo type=\"max\"/><color rgb=\"FF\(low.hex)\"/>")
                if let middle { out.raw("<color rgb=\"FF\(middle.hex)\"/>") }
                out.raw("<color rgb=\"FF\(high.hex)\"/></colorScale></cfRule>")
            case .cellValue(let comparison, let value, let fill, let font):
                let dxf = styles.differentialFormat(fill: fill, font: font)
                out.raw("<cfRule type=\"cellIs\" dxfId=\"\(dxf)\" priority=\"\(priority)\" operator=\"\(comparison.rawValue)\">")
                out.raw("<formula>\(NumberText.shortest(value))</formula></cfRule>")
            }
            out.raw("</conditionalFormatting>")
            priority += 1
        }
        if !layout.validations.isEmpty {
            out.raw("<dataValidations count=\"\(layout.validations.count)\">")
            for validation in layout.validations { writeValidation(validation, into: &out) }
            out.raw("</dataValidations>")
        }
        if !links.isEmpty {
            out.raw("<hyperlinks>")
            for (ref, location) in links {
                out.raw("<hyperlink ref=\"\(ref)\" location=\""); out.attribute(location); out.raw("\" display=\"")
                out.attribute(location); out.raw("\"/>")
            }
            out.raw("</hyperlinks>")
        }
        out.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        out.raw("<pageSetup paperSize=\"9\"")
        if layout.fitToPageWidth { out.raw(" fitToWidth=\"1\" fitToHeight=\"0\"") }
        out.raw(" orientation=\"\(layout.printLandscape ? "landscape" : "portrait")\"/>")
        let breaks = Set(layout.pageBreaksBefore.filter { $0 > 0 }).sorted()
        if !breaks.isEmpty {
            // A break after row N is written with id N (1-based), i.e. before our 0-based row N (ECMA-376 Part 1, 18.3.1.73).
            out.raw("<rowBreaks count=\"\(breaks.count)\" manualBreakCount=\"\(breaks.count)\">")
            for row in breaks { out.raw("<brk id=\"\(row)\" max=\"16383\" man=\"1\"/>") }
            out.raw("</rowBreaks>")
        }
        if hasDrawing { out.raw("<drawing r:id=\"rIdDrawing\"/>") }
        if hasComments { out.raw("<legacyDrawing r:id=\"rIdVml\"/>") }
        out.raw("</worksheet>")
        return out
    }

    private func writeValidation(_ v: DataValidation, into out: inout XMLBuffer) {
        let type: String
        var first = "", second: String?
        switch v.rule {
        case .wholeNumber(let min, let max):
            type = "whole"; first = NumberText.shortest(min); second = NumberText.shortest(max)
        case .decimal(let min, let max):
            type = "decimal"; first = NumberText.shortest(min); second = NumberText.shortest(max)
        case .list(let items):
            type = "list"; first = "\"" + items.joined(separator: ",") + "\""
        case .numberOrText(let min, let max, let whole, let texts):
            // A formula relative to the range's first cell (ECMA-376 Part 1, 18.3.1.32).
            let c = v.range.first.description
            var number = "AND(ISNUMBER(\(c)),\(c)>=\(NumberText.shortest(min)),\(c)<=\(NumberText.shortest(max))"
            if whole { number += ",\(c)=INT(\(c))" }
            number += ")"
            type = "custom"
            first = "OR(" + ([number] + texts.map { "\(c)=\"\($0)\"" }).joined(separator: ",") + ")"
        }
        out.raw("<dataValidation type=\"\(type)\"")
        if second != nil { out.raw(" operator=\"between\"") }
        if v.allowBlank { out.raw(" allowBlank=\"1\"") }
        if v.inputMessage != nil || v.inputTitle != nil { out.raw(" showInputMessage=\"1\"") }
        out.raw(" showErrorMessage=\"1\"")
        if let title = v.errorTitle { out.raw(" errorTitle=\""); out.attribute(String(title.prefix(32))); out.raw("\"") }
        if let message = v.errorMessage { out.raw(" error=\""); out.attribute(String(message.prefix(255))); out.raw("\"") }
        if let title = v.inputTitle { out.raw(" promptTitle=\""); out.attribute(String(title.prefix(32))); out.raw("\"") }
        if let message = v.inputMessage { out.raw(" prompt=\""); out.attribute(String(message.prefix(255))); out.raw("\"") }
        out.raw(" sqref=\"\(v.range)\"><formula1>"); out.text(first); out.raw("</formula1>")
        if let second { out.raw("<formula2>"); out.text(second); out.raw("</formula2>") }
        out.raw("</dataValidation>")
    }
}

extension String {
    func replacingQuote() -> String {
        var out = ""
        for ch in self { out += ch == "'" ? "''" : String(ch) }
        return out
    }
}
