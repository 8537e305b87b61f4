import Spreadsheet
import Zip

/// Reads a CSV or TSV file as a workbook of one sheet (RFC 4180: quoted
/// fields with doubled quotes, line breaks inside quotes, CRLF or LF).
///
/// With inference on, a field becomes a number when it is one in plain
/// notation (`12`, `-3.5`, `1e6`; a leading zero as in `01` keeps it text,
/// since such fields are codes), a date or date-time in ISO 8601, a boolean
/// for `TRUE`/`FALSE`; everything else stays text.
public final class CSVReader: WorkbookReader {
    public let properties = WorkbookProperties(format: .csv)
    public let sheets: [SheetInfo]
    private let file: MappedFile
    private let separator: UInt8
    private let infer: Bool

    public init(file: MappedFile, sheetName: String, separator: UInt8 = UInt8(ascii: ","), infer: Bool = true) {
        self.file = file
        self.sheets = [SheetInfo(name: sheetName)]
        self.separator = separator
        self.infer = infer
    }

    public func readSheet<V: SheetVisitor>(at index: Int, into visitor: inout V) throws {
        let bytes = file.bytes
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        var row = Row(index: 0)
        var field: [UInt8] = []
        var column = 0
        var lineNumber = 1
        func endField() {
            if !field.isEmpty {
                let value = infer ? CSVReader.infer(field) : .string(String(decoding: field, as: UTF8.self))
                row.cells.append(Cell(column: column, value: value))
            }
            field.removeAll(keepingCapacity: true)
            column += 1
        }
        func endRow() throws {
            if !row.cells.isEmpty { try visitor.visit(row) }
            row.cells.removeAll(keepingCapacity: true)
            row.index += 1
            column = 0
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") && field.isEmpty {
                // A quoted field: up to the closing quote, "" inside is one quote.
                i += 1
                var closed = false
                while i < bytes.count {
                    let c = bytes[i]
                    if c == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                            field.append(c)
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if c == 0x0A { lineNumber += 1 }
                    field.append(c)
                    i += 1
                }
                if !closed {
                    throw WorkbookError(location: "line \(lineNumber)", reason: "a quoted field is not closed before the end of the file")
                }
                // Text after the closing quote belongs to the same field.
                continue
            }
            if b == separator {
                endField()
            } else if b == 0x0A || b == 0x0D {
                endField()
                try endRow()
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                lineNumber += 1
            } else {
                field.append(b)
            }
            i += 1
            if column >= CellReference.maxColumns {
                throw WorkbookError(location: "line \(lineNumber)", reason: "more than \(CellReference.maxColumns) fields")
            }
        }
        if !field.isEmpty || column > 0 {
            endField()
            try endRow()
        }
        try visitor.finish(SheetSummary())
    }

    /// The typed value of a field.
    static func infer(_ field: [UInt8]) -> CellValue {
        let text = String(decoding: field, as: UTF8.self)
        if looksNumeric(field), let number = field.withUnsafeBytes({ NumberText.parse($0) }), number.isFinite {
            return .number(number)
        }
        if field.count >= 10, field[4] == UInt8(ascii: "-"), let date = ISO8601.parseDateTime(text) {
            return date
        }
        if text == "TRUE" || text == "true" { return .bool(true) }
        if text == "FALSE" || text == "false" { return .bool(false) }
        return .string(text)
    }

    /// Plain decimal notation without surrounding space, and no leading zero before another digit.
    private static func looksNumeric(_ f: [UInt8]) -> Bool {
        var i = 0
        if i < f.count && (f[i] == UInt8(ascii: "-") || f[i] == UInt8(ascii: "+")) { i += 1 }
        guard i < f.count, f[i] >= 0x30 && f[i] <= 0x39 else { return false }
        if f[i] == 0x30 && i + 1 < f.count && f[i + 1] >= 0x30 && f[i + 1] <= 0x39 { return false }
        for b in f[i...] {
            switch b {
            case 0x30...0x39, UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "-"), UInt8(ascii: "+"): continue
            default: return false
            }
        }
        return true
    }
}
