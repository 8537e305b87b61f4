import Spreadsheet

/// An aligned view of a sheet for a terminal: column letters on top, row
/// numbers on the left, long values cut with `…`.
public struct TextTableWriter {
    public var maxColumnWidth = 30

    public init() {}

    /// Renders the sheet's used area as lines of text.
    public func render(_ sheet: Sheet) -> [String] {
        guard let used = sheet.usedRange else { return ["(empty sheet)"] }
        let columns = 0...used.last.column
        var widths = columns.map { CellReference.columnName($0).count }
        var grid: [(Int, [String])] = []
        for row in sheet.rows {
            var texts = Array(repeating: "", count: columns.count)
            for cell in row.cells {
                var text = CellText.plain(cell.value).map { $0 == "\n" || $0 == "\t" || $0 == "\r" ? " " : $0 }
                if text.count > maxColumnWidth { text = Array(text.prefix(maxColumnWidth - 1)) + ["…"] }
                texts[cell.column] = String(text)
                widths[cell.column] = max(widths[cell.column], text.count)
            }
            grid.append((row.index, texts))
        }
        let numberWidth = String(used.last.row + 1).count
        func line(_ label: String, _ cells: [String], rightAlign: [Bool]) -> String {
            var parts = [pad(label, numberWidth, right: true)]
            for (i, text) in cells.enumerated() { parts.append(pad(text, widths[i], right: rightAlign[i])) }
            var joined = parts.joined(separator: " │ ")
            while joined.last == " " { joined.removeLast() }
            return joined
        }
        var lines = [line("", columns.map(CellReference.columnName), rightAlign: columns.map { _ in false })]
        lines.append(String(repeating: "─", count: lines[0].count))
        var previous = -1
        for (index, texts) in grid {
            if index > previous + 1 && previous >= 0 { lines.append(pad("⋮", numberWidth, right: true)) }
            let numeric = columns.map { column -> Bool in
                let value = sheet.value(at: CellReference(row: index, column: column))
                if case .number = value { return true }
                return false
            }
            lines.append(line(String(index + 1), texts, rightAlign: numeric))
            previous = index
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
