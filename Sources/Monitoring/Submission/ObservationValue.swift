import Spreadsheet

/// One value of a submission in the tidy form the store keeps: indicator ×
/// district × category for the submission's year, a number or a marker,
/// and the cell it came from.
public struct ObservationValue: Hashable, Sendable {
    public var indicator: String
    /// A district number, or `SubmissionValues.cityTotalKey` for the whole city.
    public var district: String
    public var category: String
    public var value: Double?
    /// `-`, `.` or `x` instead of a number.
    public var marker: String?
    public var sheet: String
    public var cell: String

    /// Whether two observations say the same (number or marker).
    public func sameValue(as other: ObservationValue) -> Bool {
        value == other.value && marker == other.marker
    }

    public var displayValue: String { value.map(NumberText.shortest) ?? marker ?? "" }
}

extension Submission {
    /// Every filled-in cell as an observation (empty cells are left out),
    /// once the value rules have accepted the numbers.
    public var observations: [ObservationValue] {
        var out: [ObservationValue] = []
        for code in tables.keys.sorted() {
            guard let table = tables[code] else { continue }
            for key in table.rows.keys.sorted(by: { (table.rowIndex[$0] ?? 0) < (table.rowIndex[$1] ?? 0) }) {
                for category in table.indicator.categories {
                    guard let cell = table.rows[key]?[category] else { continue }
                    var marker: String?
                    if case .string(let s) = cell.value, let m = StatisticalMarker(rawValue: s.trimmed) { marker = m.rawValue }
                    guard cell.number != nil || marker != nil else { continue }
                    out.append(ObservationValue(indicator: code, district: key, category: category, value: cell.number,
                                                marker: marker, sheet: table.sheet, cell: cell.reference.description))
                }
            }
        }
        return out
    }
}
