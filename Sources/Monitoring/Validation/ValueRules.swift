import Spreadsheet
import WorkbookIO

/// What may stand in an input cell: a number that fits the indicator (whole
/// and not negative for counts, 0–100 for percentages, within the
/// catalogue's range), or one of the markers `-` `.` `x`. Numbers typed as
/// text are understood (German `1.234` and `12,5`) with a warning.
struct ValueRules {
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
                    ? (nil, ValidationFinding(.error, .formulaWithoutValue, sheet: table.sheet, cell: cell.reference.description))
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
        let at = cell.reference.description
        func finding(_ severity: Severity, _ kind: FindingKind) -> ValidationFinding {
            ValidationFinding(severity, kind, sheet: sheet, cell: at, value: CellText.plain(cell.value))
        }
        switch cell.value {
        case .empty:
            return (nil, finding(emptyCellsAreErrors ? .error : .warning, .emptyCell))
        case .number(let n):
            return rangeCheck(n, indicator, finding)
        case .string(let raw):
            let text = raw.trimmed
            if StatisticalMarker(rawValue: text) != nil { return (nil, nil) }
            if let n = Self.germanNumber(text) {
                let (number, problem) = rangeCheck(n, indicator, finding)
                return (number, problem ?? finding(.warning, .numberAsText(text: text, read: n)))
            }
            if ["k.a.", "ka", "n.v.", "nv", "?", "--", "/", "o", "0,0"].contains(text.lowercased()) || text.count <= 4 && !text.contains(where: \.isNumber) {
                return (nil, finding(.error, .unknownMarker(found: text)))
            }
            return (nil, finding(.error, .textInNumberCell(found: text)))
        case .date, .dateTime, .time, .duration:
            return (nil, finding(.error, .dateInNumberCell))
        case .bool:
            return (nil, finding(.error, .truthValueInNumberCell))
        case .error(let e):
            return (nil, finding(.error, .formulaError(error: e)))
        }
    }

    private func rangeCheck(_ n: Double, _ indicator: Indicator,
                            _ finding: (Severity, FindingKind) -> ValidationFinding) -> (Double?, ValidationFinding?) {
        if indicator.unit == .count {
            if n < 0 { return (n, finding(.error, .negativeCount)) }
            if n != n.rounded() { return (n, finding(.error, .fractionalCount(found: n))) }
        }
        if indicator.unit == .percent && (n < 0 || n > 100) { return (n, finding(.error, .percentOutOfRange)) }
        if let min = indicator.minimum, n < min { return (n, finding(.error, .belowMinimum(minimum: min))) }
        if let max = indicator.maximum, n > max { return (n, finding(.error, .aboveMaximum(maximum: max))) }
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
