/// Estimates how many lines wrapped text takes in a column, so that rows
/// can be given a height that fits it: neither Excel nor LibreOffice grows a
/// row with a stored height, and without one LibreOffice prints an XLSX row at
/// one line, the wrapped lines overprinting the next rows.
public enum TextFit {
    /// Lines of `text` wrapped at word boundaries in a column `width`
    /// characters of the default font wide (as `SheetLayout.columnWidths`).
    /// Measured against LibreOffice's PDF output in DejaVu Sans, the widest of
    /// the fonts a reader may have: a line holds about 0.85 × width average
    /// characters; capitals and wide letters count more, narrow ones less.
    public static func lines(_ text: String, width: Double) -> Int {
        let capacity = max(1, width * 0.85)
        var total = 0
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var lines = 1
            var used = 0.0
            for word in paragraph.split(separator: " ") {
                let w = word.reduce(0.0) { $0 + weight($1) }
                let needed = used == 0 ? w : used + weight(" ") + w
                if needed <= capacity {
                    used = needed
                } else if used == 0 {
                    lines += Int((w / capacity).rounded(.up)) - 1
                    used = w.truncatingRemainder(dividingBy: capacity)
                } else {
                    lines += 1
                    used = min(w, capacity)
                    if w > capacity { lines += Int((w / capacity).rounded(.up)) - 1 }
                }
            }
            total += lines
        }
        return max(1, total)
    }

    /// A row height in points for `lines` lines of a `fontSize` font (the line
    /// spacing LibreOffice and Excel use is about 1.3 × the font size) plus padding.
    public static func height(lines: Int, fontSize: Double = 11) -> Double {
        (Double(max(1, lines)) * fontSize * 1.32 + 3).rounded(.up)
    }

    /// The height a row needs for its wrapped cells: each text with its column's width and font size.
    public static func rowHeight(_ cells: [(text: String, width: Double, fontSize: Double)]) -> Double {
        cells.map { height(lines: lines($0.text, width: $0.width), fontSize: $0.fontSize) }.max() ?? height(lines: 1)
    }

    static func weight(_ c: Character) -> Double {
        switch c {
        case "i", "l", "j", "t", "f", "r", ".", ",", ":", ";", "'", "!", "|", " ", "(", ")", "-", "I", "„", "“", "”", "‚", "‘": 0.6
        case "m", "w", "M", "W", "%", "@", "—": 1.5
        case "A"..."Z", "Ä", "Ö", "Ü": 1.2
        default: 1
        }
    }

    /// The height a row of wrapped text needs, when it needs more than one
    /// line and has none of its own: LibreOffice keeps such an XLSX row at
    /// one line and cuts an ODS row's header text, the text overprinting or hidden.
    public static func wrappedHeight(_ row: OutputRow, layout: SheetLayout) -> Double? {
        var cells: [(text: String, width: Double, fontSize: Double)] = []
        for cell in row.cells where cell.style?.wrapText == true {
            guard case .string(let text) = cell.value else { continue }
            var width = layout.columnWidths[cell.column] ?? defaultColumnWidth
            if let merge = layout.mergedRanges.first(where: { $0.first.row == row.index && $0.first.column == cell.column && $0.rowCount == 1 }) {
                width = (merge.first.column...merge.last.column).reduce(0) { $0 + (layout.columnWidths[$1] ?? defaultColumnWidth) }
            }
            cells.append((text, width, cell.style?.fontSize ?? 11))
        }
        guard !cells.isEmpty, cells.contains(where: { lines($0.text, width: $0.width) > 1 }) else { return nil }
        return rowHeight(cells)
    }

    /// Excel's default column width in characters (ECMA-376 Part 1, 18.3.1.81 baseColWidth 8 plus padding).
    public static let defaultColumnWidth = 8.43
}
