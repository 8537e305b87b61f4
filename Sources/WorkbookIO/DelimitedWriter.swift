import Spreadsheet

/// Writes one sheet as CSV (RFC 4180: comma, fields quoted when needed,
/// CRLF-free `\n` line ends) or TSV (tab, no quoting; tabs and line breaks
/// inside values become spaces).
public struct DelimitedWriter {
    public enum Style: Sendable { case csv, tsv }

    private let out: ByteOutput
    private let style: Style
    private var rowsWritten = 0

    public init(_ out: ByteOutput, style: Style) {
        self.out = out
        self.style = style
    }

    /// Writes one row; rows must come in ascending order. Empty rows in
    /// between become empty lines, so line numbers match row numbers.
    public mutating func write(_ row: Row) throws {
        guard !row.cells.isEmpty else { return }
        while rowsWritten < row.index {
            try out.write(byte: 0x0A)
            rowsWritten += 1
        }
        var column = 0
        let separator: UInt8 = style == .csv ? UInt8(ascii: ",") : 0x09
        for cell in row.cells {
            while column < cell.column {
                if column > 0 { try out.write(byte: separator) }
                column += 1
            }
            if column > 0 { try out.write(byte: separator) }
            try writeField(CellText.plain(cell.value))
            column += 1
        }
        try out.write(byte: 0x0A)
        rowsWritten = row.index + 1
    }

    public func finish() throws { try out.flush() }

    private func writeField(_ text: String) throws {
        switch style {
        case .tsv:
            if text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                try out.write(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }))
            } else {
                try out.write(text)
            }
        case .csv:
            if text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                var quoted = "\""
                for ch in text { quoted += ch == "\"" ? "\"\"" : String(ch) }
                try out.write(quoted + "\"")
            } else {
                try out.write(text)
            }
        }
    }
}
