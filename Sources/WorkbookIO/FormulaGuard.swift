/// Text cells in a CSV or TSV meant for a spreadsheet program, kept from
/// being taken for formulas (OWASP, "CSV Injection").
///
/// Excel and LibreOffice evaluate a field that begins with `=`, `+`, `-` or
/// `@` (and, after a tab or carriage return, what follows), so a file or sheet
/// name `=HYPERLINK("http://x","y")` would become a live link. Such text gets
/// a leading `'`, which the programs show as text, and is always quoted in
/// CSV. Full-width `＝＋－＠` are included: Excel folds them to their ASCII
/// forms on East Asian systems. Only text cells are guarded: a number is
/// written as a number, so `-2` stays a negative number. A lone `-` is left
/// as it is: it is the statistical marker "nothing", which neither program
/// evaluates.
public enum FormulaGuard {
    /// The text as it is, or with a leading `'` when a spreadsheet program
    /// would evaluate it.
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    /// Whether a spreadsheet program would take `text` for a formula.
    public static func needsGuard(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if text == "-" { return false }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return true
        default: return false
        }
    }
}
