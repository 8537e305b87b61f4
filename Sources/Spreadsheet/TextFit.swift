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
}
