import Spreadsheet

/// Writes one sheet as CSV (RFC 4180: comma, fields quoted when needed,
/// CRLF-free `\n` line ends) or TSV (tab, no quoting; tabs and line breaks
/// inside values become spaces). Text a spreadsheet program would evaluate
/// is guarded (`FormulaGuard`); `dialect` chooses separator, decimal mark and
/// byte order mark.
public struct DelimitedWriter {
    public enum Style: Sendable { case csv, tsv }

    private let out: ByteOutput
    private let style: Style
    private let dialect: DelimitedDialect
    private var rowsWritten = 0
    private var started = false

    public init(_ out: ByteOutput, style: Style, dialect: DelimitedDialect = .plain) {
        self.out = out
        self.style = style
        self.dialect = dialect
    }

    /// Writes one row; rows must come in ascending order. Empty rows in
    /// between become empty lines, so line numbers match row numbers.
    public mutating func write(_ row: Row) throws {
        try start()
        guard !row.cells.isEmpty else { return }
        while rowsWritten < row.index {
            try out.write(byte: 0x0A)
            rowsWritten += 1
        }
        var column = 0
        let separator: UInt8 = style == .csv ? dialect.separator : 0x09
        for cell in row.cells {
            while column < cell.column {
                if column > 0 { try out.write(byte: separator) }
                column += 1
            }
            if column > 0 { try out.write(byte: separator) }
            try writeField(cell.value)
            column += 1
        }
        try out.write(byte: 0x0A)
        rowsWritten = row.index + 1
    }

    /// Writes out what is buffered (and the byte order mark of an empty file).
    public mutating func finish() throws {
        try start()
        try out.flush()
    }

    private mutating func start() throws {
        guard !started else { return }
        started = true
        if dialect.byteOrderMark { try out.write(bytes: [0xEF, 0xBB, 0xBF]) }
    }

    private func writeField(_ value: CellValue) throws {
        var text: String
        var mustQuote = false
        switch value {
        case .string(let s):
            text = FormulaGuard.guarded(s)
            mustQuote = text.utf8.count != s.utf8.count
        case .number(let n) where dialect.decimalComma:
            text = String(CellText.number(n).map { $0 == "." ? "," : $0 })
        default:
            text = CellText.plain(value)
        }
        switch style {
        case .tsv:
            if text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                try out.write(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }))
            } else {
                try out.write(text)
            }
        case .csv:
            if mustQuote || text.utf8.contains(where: { $0 == dialect.separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                var quoted = "\""
                for ch in text { quoted += ch == "\"" ? "\"\"" : String(ch) }
                try out.write(quoted + "\"")
            } else {
                try out.write(text)
            }
        }
    }
}
