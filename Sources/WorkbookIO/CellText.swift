import Spreadsheet

/// Plain-text renderings of cell values, for CSV, TSV and terminal tables.
public enum CellText {
    /// The value as a person reads it in a text export: numbers in the
    /// shortest form that reads back to the same double, dates in ISO 8601,
    /// booleans `TRUE`/`FALSE`, errors as stored.
    public static func plain(_ value: CellValue) -> String {
        switch value {
        case .empty: return ""
        case .number(let n): return number(n)
        case .string(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .date(let d): return d.description
        case .dateTime(let t): return t.description
        case .time(let ms): return TimeOfDay.format(milliseconds: ms)
        case .duration(let seconds): return duration(seconds)
        }
    }

    /// Shortest round-trip text of a double; integral values without `.0`.
    public static func number(_ n: Double) -> String { NumberText.shortest(n) }

    /// `[h]:mm:ss` for an elapsed time.
    public static func duration(_ seconds: Double) -> String {
        let negative = seconds < 0
        let total = Int((abs(seconds) * 1000).rounded())
        var text = "\(total / 3_600_000):" + two(total / 60_000 % 60) + ":" + two(total / 1000 % 60)
        if total % 1000 != 0 { text += "." + String(String(total % 1000 + 1000).dropFirst()) }
        return negative ? "-" + text : text
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
