import Spreadsheet
import XMLStream

/// One `table:table-cell` with its value, style, formula, comment and link
/// (ODF 1.2 Part 1, 9.1.4 and 19.385–19.389).
enum ODSCellWriter {
    static func write(_ cell: OutputCell, row: Int, sheet: String, validation: String?, span: CellRange?, repeat count: Int = 1,
                      showComments: Bool = false, into out: inout XMLBuffer, styles: inout ODSStyles) throws {
        let ref = CellReference(row: row, column: cell.column)
        let value = cell.value
        out.raw("<table:table-cell")
        if count > 1 { out.raw(" table:number-columns-repeated=\""); out.int(count); out.raw("\"") }
        if let span {
            if span.columnCount > 1 { out.raw(" table:number-columns-spanned=\""); out.int(span.columnCount); out.raw("\"") }
            if span.rowCount > 1 { out.raw(" table:number-rows-spanned=\""); out.int(span.rowCount); out.raw("\"") }
        }
        if let validation { out.raw(" table:content-validation-name=\"\(validation)\"") }
        let isBool: Bool
        if case .bool = value { isBool = true } else { isBool = false }
        if let style = CellStyle.effective(cell.style, for: value) ?? (isBool ? CellStyle.plain : nil) {
            if style != CellStyle.plain || isBool || value.defaultNumberFormat != nil {
                out.raw(" table:style-name=\""); out.raw(styles.cellStyle(style, boolean: isBool)); out.raw("\"")
            }
        }
        if let formula = cell.formula {
            out.raw(" table:formula=\""); out.attribute(FormulaTranslation.openFormula(formula)); out.raw("\"")
        } else if case .error(let e) = value, let formula = errorFormulas[e] {
            // LibreOffice recalculates every formula of a file it did not write and
            // keeps no error without one: a formula that yields the error keeps it.
            out.raw(" table:formula=\""); out.attribute(formula); out.raw("\"")
        }
        var text: String?
        switch value {
        case .empty:
            break
        case .number(let n):
            guard n.isFinite else { throw WriteError.notANumber(sheet: sheet, cell: ref) }
            if case .percent = cell.style?.numberFormat {
                out.raw(" office:value-type=\"percentage\" calcext:value-type=\"percentage\" office:value=\"")
            } else {
                out.raw(" office:value-type=\"float\" calcext:value-type=\"float\" office:value=\"")
            }
            out.raw(NumberText.shortest(n)); out.raw("\"")
        case .string(let s):
            guard s.utf16.count <= 32_767 else { throw WriteError.stringTooLong(sheet: sheet, cell: ref, length: s.utf16.count) }
            if let bad = XMLBuffer.firstIllegalScalar(in: s) {
                throw WriteError.characterNotAllowed(sheet: sheet, cell: ref, scalar: bad, format: "ODS")
            }
            out.raw(" office:value-type=\"string\" calcext:value-type=\"string\"")
            text = s
        case .bool(let b):
            out.raw(b ? " office:value-type=\"boolean\" calcext:value-type=\"boolean\" office:boolean-value=\"true\""
                      : " office:value-type=\"boolean\" calcext:value-type=\"boolean\" office:boolean-value=\"false\"")
            text = b ? "TRUE" : "FALSE"
        case .error(let e):
            if cell.formula != nil || errorFormulas[e] != nil {
                out.raw(" office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"")
            } else {
                out.raw(" office:value-type=\"string\" office:string-value=\"\" calcext:value-type=\"error\"")
            }
            text = e
        case .date(let d):
            out.raw(" office:value-type=\"date\" calcext:value-type=\"date\" office:date-value=\"\(d)\"")
        case .dateTime(let t):
            out.raw(" office:value-type=\"date\" calcext:value-type=\"date\" office:date-value=\"\(t)\"")
        case .time(let ms):
            out.raw(" office:value-type=\"time\" calcext:value-type=\"time\" office:time-value=\"\(duration(Double(ms) / 1000))\"")
        case .duration(let seconds):
            guard seconds.isFinite else { throw WriteError.notANumber(sheet: sheet, cell: ref) }
            out.raw(" office:value-type=\"time\" calcext:value-type=\"time\" office:time-value=\"\(duration(seconds))\"")
        }
        let link = cell.link.map { "#" + ODSAddress.cell($0.cell, sheet: $0.sheet) }
        if cell.comment == nil && text == nil && link == nil {
            out.raw("/>")
            return
        }
        out.raw(">")
        if let comment = cell.comment {
            if let bad = XMLBuffer.firstIllegalScalar(in: comment) {
                throw WriteError.characterNotAllowed(sheet: sheet, cell: ref, scalar: bad, format: "ODS")
            }
            out.raw(showComments ? "<office:annotation office:display=\"true\">" : "<office:annotation>")
            out.raw("<dc:creator>imon</dc:creator>")
            ODSText.appendParagraphs(comment, to: &out)
            out.raw("</office:annotation>")
        }
        if let text {
            ODSText.appendParagraphs(text, link: link, to: &out)
        } else if let link {
            ODSText.appendParagraphs(CellTextForLink.text(value), link: link, to: &out)
        }
        out.raw("</table:table-cell>")
    }

    /// `PT36H00M00S`, `-PT1H30M00.5S`: hours may exceed 24 (ODF uses XML Schema durations).
    static func duration(_ seconds: Double) -> String {
        let negative = seconds < 0
        let totalMs = Int((abs(seconds) * 1000).rounded())
        let h = totalMs / 3_600_000, m = totalMs / 60_000 % 60, s = totalMs / 1000 % 60, ms = totalMs % 1000
        var text = (negative ? "-" : "") + "PT\(h)H\(m < 10 ? "0" : "")\(m)M\(s < 10 ? "0" : "")\(s)"
        if ms > 0 { text += "." + String(String(ms + 1000).dropFirst()) }
        return text + "S"
    }
}

/// Formulas that make LibreOffice show each error (checked by converting
/// them with LibreOffice 7.4 and reading the result).
private let errorFormulas: [String: String] = [
    "#DIV/0!": "of:=1/0",
    "#N/A": "of:=NA()",
    "#VALUE!": "of:=\"x\"+1",
    "#NAME?": "of:=imon_no_such_name",
    "#REF!": "of:=INDIRECT(\"\")",
    "#NUM!": "of:=10^400",
    "Err:502": "of:=SQRT(-1)",
]

/// The visible text of a non-string value that carries a link.
enum CellTextForLink {
    static func text(_ value: CellValue) -> String {
        switch value {
        case .number(let n): return NumberText.shortest(n)
        default: return ""
        }
    }
}
