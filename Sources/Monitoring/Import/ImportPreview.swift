import Spreadsheet

/// What `imon import --dry-run` shows of one year of a table: per
/// indicator and category how many cells would be stored (numbers and
/// markers) and the city's value with the cell it comes from.
public enum ImportPreview {
    /// Indented lines, one per indicator and category.
    public static func lines(_ submission: Submission, language l: Language) -> [String] {
        let observations = submission.observations
        var lines: [String] = []
        var seen: [String] = []
        for o in observations where !seen.contains("\(o.indicator)\u{1}\(o.category)") {
            seen.append("\(o.indicator)\u{1}\(o.category)")
        }
        for key in seen {
            let parts = key.split(separator: "\u{1}").map(String.init)
            let cells = observations.filter { $0.indicator == parts[0] && $0.category == parts[1] }
            let districts = cells.filter { $0.district != SubmissionValues.cityTotalKey }
            let markers = districts.filter { $0.marker != nil }.count
            let city = cells.first { $0.district == SubmissionValues.cityTotalKey }
            let cityText = city.map { l("Stadt", "city") + " \($0.value.map(l.number) ?? $0.marker ?? "") (\($0.sheet)!\($0.cell))" }
                ?? l("keine Zeile für die Stadt", "no city row")
            let marked = markers > 0 ? l(" (\(markers) mit Zeichen)", " (\(markers) marked)") : ""
            lines.append("    \(parts[0]) \(parts[1]): \(districts.count) " + l("Stadtteile", "districts") + "\(marked), \(cityText)")
        }
        return lines
    }
}
