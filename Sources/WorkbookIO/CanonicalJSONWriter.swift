import Spreadsheet

/// Writes the canonical workbook dump of shared/conformance/FORMAT.md:
/// `{"sheets":[{"name":…,"rows":[[…],…]}]}`, one row per line.
///
/// Rows are written as they come; empty rows between them become `[]`,
/// empty cells inside a row `null`, and nothing trails a row's last value.
public struct CanonicalJSONWriter {
    private let out: ByteOutput
    private var sheetCount = 0
    private var rowsWritten = 0

    public init(_ out: ByteOutput) {
        self.out = out
    }

    public mutating func begin() throws {
        try out.write("{\"sheets\":[")
    }

    public mutating func beginSheet(name: String, visibility: SheetVisibility? = nil) throws {
        try out.write(sheetCount == 0 ? "\n{\"name\":" : ",\n{\"name\":")
        try writeString(name)
        if let visibility { try out.write(",\"visible\":\"\(visibility.rawValue)\"") }
        try out.write(",\"rows\":[")
        sheetCount += 1
        rowsWritten = 0
    }

    /// Writes one row; rows must come in ascending order.
    public mutating func write(_ row: Row) throws {
        guard !row.cells.isEmpty else { return }
        while rowsWritten < row.index {
            try out.write(rowsWritten == 0 ? "\n[]" : ",\n[]")
            rowsWritten += 1
        }
        try out.write(rowsWritten == 0 ? "\n[" : ",\n[")
        var column = 0
        for cell in row.cells {
            while column < cell.column {
                try out.write(column == 0 ? "null" : ",null")
                column += 1
            }
            if column > 0 { try out.write(byte: UInt8(ascii: ",")) }
            try writeValue(cell.value)
            column += 1
        }
        try out.write(byte: UInt8(ascii: "]"))
        rowsWritten = row.index + 1
    }

    public mutating func endSheet() throws {
        try out.write("]}")
    }

    public mutating func end() throws {
        try out.write("\n]}\n")
        try out.flush()
    }

    /// Writes a whole sheet held in memory.
    public mutating func write(_ sheet: Sheet, withVisibility: Bool = false) throws {
        try beginSheet(name: sheet.name, visibility: withVisibility ? sheet.info.visibility : nil)
        for row in sheet.rows { try write(row) }
        try endSheet()
    }

    private func writeValue(_ value: CellValue) throws {
        switch value {
        case .empty: try out.write("null")
        case .number(let n): try out.write(n.isFinite ? CellText.number(n) : "null")
        case .string(let s): try s.isEmpty ? out.write("null") : writeString(s)
        case .bool(let b): try out.write(b ? "true" : "false")
        case .error(let e):
            try out.write("{\"error\":")
            try writeString(e)
            try out.write(byte: UInt8(ascii: "}"))
        case .date(let d): try out.write("{\"date\":\"\(d)\"}")
        case .dateTime(let t): try out.write("{\"datetime\":\"\(t)\"}")
        case .time(let ms): try out.write("{\"time\":\"\(TimeOfDay.format(milliseconds: ms))\"}")
        case .duration(let s): try out.write("{\"duration\":\(CellText.number(s))}")
        }
    }

    private func writeString(_ s: String) throws {
        try out.write(byte: UInt8(ascii: "\""))
        var needsEscape = false
        // 0x7F, and the lead bytes of C1 controls (0xC2) and bidi marks (0xD8, 0xE2): see JSONText.
        for b in s.utf8 where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 {
            needsEscape = true
            break
        }
        if !needsEscape {
            try out.write(s)
        } else {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(s.utf8.count + 8)
            let hex = Array("0123456789abcdef".utf8)
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": bytes += [0x5C, 0x22]
                case "\\": bytes += [0x5C, 0x5C]
                case "\n": bytes += [0x5C, UInt8(ascii: "n")]
                case "\r": bytes += [0x5C, UInt8(ascii: "r")]
                case "\t": bytes += [0x5C, UInt8(ascii: "t")]
                case _ where scalar.value < 0x20 || JSONText.isInvisibleControl(scalar):
                    let v = Int(scalar.value)
                    bytes += Array("\\u".utf8) + [hex[v >> 12 & 15], hex[v >> 8 & 15], hex[v >> 4 & 15], hex[v & 15]]
                default: UTF8.encode(scalar) { bytes.append($0) }
                }
            }
            try out.write(bytes: bytes)
        }
        try out.write(byte: UInt8(ascii: "\""))
    }
}
