import Spreadsheet
import WorkbookIO

/// What may stand in an input cell: a number that fits the indicator (whole
/// and not negative for counts, 0–100 for percentages, within the
/// catalogue's range), or one of the markers `-` `.` `x`. Numbers typed as
/// text are understood (German `1.234` and `12,5`) with a warning.
struct ValueRules {
    let language: Language
    /// Empty input cells count as errors instead of warnings.
    let emptyCellsAreErrors: Bool

    /// Checks every cell of a table, filling in the numbers it accepts.
    func check(_ table: inout IndicatorTable, uncachedFormulas: Set<CellReference> = []) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        for key in table.rows.keys.sorted() {
            guard var cells = table.rows[key] else { continue }
            for category in cells.keys.sorted() {
                guard var cell = cells[category] else { continue }
                let (number, finding) = uncachedFormulas.contains(cell.reference)
                    ? (nil, ValidationFinding(.error, "formula-without-value", sheet: table.sheet, cell: cell.reference.description, message: language(
                        "Hier steht eine Formel ohne gespeichertes Ergebnis. Bitte die Datei in Excel oder LibreOffice öffnen, neu berechnen lassen und speichern, oder die Zahl direkt eintragen.",
                        "This cell holds a formula without a stored result. Please open the file in Excel or LibreOffice, let it recalculate and save it, or enter the number.")))
                    : classify(cell, table.indicator, sheet: table.sheet)
                cell.number = number
                if let finding { findings.append(finding) }
                cells[category] = cell
            }
            table.rows[key] = cells
        }
        return findings
    }

    private func classify(_ cell: SubmittedCell, _ indicator: Indicator, sheet: String) -> (Double?, ValidationFinding?) {
        let l = language
        let at = cell.reference.description
        func finding(_ severity: Severity, _ code: String, _ message: String) -> ValidationFinding {
            ValidationFinding(severity, code, sheet: sheet, cell: at, value: CellText.plain(cell.value), message: message)
        }
        switch cell.value {
        case .empty:
            return (nil, finding(emptyCellsAreErrors ? .error : .warning, "empty-cell", l(
                "Das Feld ist leer. Bitte eine Zahl oder eines der Zeichen - . x eintragen.",
                "The cell is empty. Please enter a number or one of the markers - . x.")))
        case .number(let n):
            return rangeCheck(n, indicator, finding)
        case .string(let raw):
            let text = raw.trimmed
            if StatisticalMarker(rawValue: text) != nil { return (nil, nil) }
            if let n = Self.germanNumber(text) {
                let (number, problem) = rangeCheck(n, indicator, finding)
                return (number, problem ?? finding(.warning, "number-as-text", l(
                    "Die Zahl ist als Text gespeichert („\(text)“) und wurde als \(NumberText.shortest(n)) gelesen. Bitte als Zahl eintragen.",
                    "The number is stored as text (“\(text)”) and was read as \(NumberText.shortest(n)). Please enter it as a number.")))
            }
            if ["k.a.", "ka", "n.v.", "nv", "?", "--", "/", "o", "0,0"].contains(text.lowercased()) || text.count <= 4 && !text.contains(where: \.isNumber) {
                return (nil, finding(.error, "unknown-marker", l(
                    "„\(text)“ ist kein gültiges Zeichen. Erlaubt sind - (nichts vorhanden), . (unbekannt oder geheim) und x (entfällt).",
                    "“\(text)” is not a valid marker. Allowed are - (nothing), . (unknown or confidential) and x (not applicable).")))
            }
            return (nil, finding(.error, "text-in-number-cell", l(
                "Hier gehört eine Zahl hin, eingetragen ist „\(text)“. Bitte nur die Zahl eintragen (ohne „ca.“, Einheiten oder Zusätze); Erläuterungen in die Spalte „Bemerkung“.",
                "A number belongs here, but “\(text)” was entered. Please enter the number only; explanations go into the column “Remark”.")))
        case .date, .dateTime, .time, .duration:
            return (nil, finding(.error, "date-in-number-cell", l(
                "Hier steht ein Datum; erwartet wird eine Zahl. Bitte das Zellformat auf „Zahl“ stellen und den Wert neu eintragen.",
                "A date stands here where a number is expected. Please set the cell format to number and enter the value again.")))
        case .bool:
            return (nil, finding(.error, "text-in-number-cell", l("Hier gehört eine Zahl hin, eingetragen ist ein Wahrheitswert.",
                                                                  "A number belongs here, not a true/false value.")))
        case .error(let e):
            return (nil, finding(.error, "formula-error", l(
                "Die Formel in diesem Feld ergibt den Fehler \(e). Bitte die Formel prüfen oder den Wert als Zahl eintragen.",
                "The formula in this cell gives the error \(e). Please check it or enter the value as a number.")))
        }
    }

    private func rangeCheck(_ n: Double, _ indicator: Indicator,
                            _ finding: (Severity, String, String) -> ValidationFinding) -> (Double?, ValidationFinding?) {
        let l = language
        if indicator.unit == .count {
            if n < 0 {
                return (n, finding(.error, "negative-count", l("Eine Anzahl kann nicht negativ sein.", "A count cannot be negative.")))
            }
            if n != n.rounded() {
                return (n, finding(.error, "fractional-count", l(
                    "Eine Anzahl ist eine ganze Zahl; eingetragen ist \(NumberText.shortest(n)).",
                    "A count is a whole number; \(NumberText.shortest(n)) was entered.")))
            }
        }
        if indicator.unit == .percent && (n < 0 || n > 100) {
            return (n, finding(.error, "percent-out-of-range", l("Ein Prozentwert liegt zwischen 0 und 100.", "A percentage lies between 0 and 100.")))
        }
        if let min = indicator.minimum, n < min {
            return (n, finding(.error, "out-of-range", l("Der Wert liegt unter dem zulässigen Minimum \(NumberText.shortest(min)).",
                                                         "The value is below the allowed minimum \(NumberText.shortest(min)).")))
        }
        if let max = indicator.maximum, n > max {
            return (n, finding(.error, "out-of-range", l("Der Wert liegt über dem zulässigen Maximum \(NumberText.shortest(max)).",
                                                         "The value is above the allowed maximum \(NumberText.shortest(max)).")))
        }
        return (n, nil)
    }

    /// `1.234`, `1 234`, `12,5`, `1.234,5`, `42` → a number; anything else nil.
    static func germanNumber(_ text: String) -> Double? {
        var t = text.replacingOccurrences(" ", "").replacingOccurrences("\u{00A0}", "")
        guard !t.isEmpty, t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "-" }), t.contains(where: \.isNumber) else { return nil }
        if t.contains(",") {
            t = t.replacingOccurrences(".", "").replacingOccurrences(",", ".")
        } else if t.contains("."), groupsOfThree(t) {
            t = t.replacingOccurrences(".", "")
        }
        return NumberText.parse(t)
    }

    /// `1.234.567`: every group after a dot has three digits (thousands separators).
    private static func groupsOfThree(_ t: String) -> Bool {
        let groups: [Substring] = t.split(separator: ".", omittingEmptySubsequences: false)
        return groups.count > 1 && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}

extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        guard !a.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: a) {
            out += rest[..<range.lowerBound] + b
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
