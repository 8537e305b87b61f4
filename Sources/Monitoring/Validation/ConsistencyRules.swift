import Spreadsheet

/// Whether the numbers of a submission fit together: no part above its
/// total, parts adding up to the total, districts adding up to the city,
/// and no numerator above its denominator across the submission's
/// indicators.
struct ConsistencyRules {
    let catalogue: Catalogue

    func check(_ tables: [String: IndicatorTable]) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        for code in tables.keys.sorted() {
            guard let table = tables[code] else { continue }
            let indicator = table.indicator
            let categories = indicator.categories
            // Counts must add up exactly; other units within rounding.
            let tolerance = indicator.unit == .count ? 1e-9 : 0.5
            // Within each row: parts and their total.
            if indicator.hasTotal, let total = categories.first {
                for key in table.rows.keys.sorted(by: { (table.rowIndex[$0] ?? 0) < (table.rowIndex[$1] ?? 0) }) {
                    guard let cells = table.rows[key], let totalCell = cells[total], let totalValue = totalCell.number else { continue }
                    let parts = categories.dropFirst().compactMap { cells[$0] }
                    // A negative count is its own finding; sums with it say nothing more.
                    if totalValue < 0 || parts.contains(where: { ($0.number ?? 0) < 0 }) { continue }
                    for part in parts {
                        guard let value = part.number, value > totalValue + tolerance else { continue }
                        let name = categories.first { cells[$0]?.reference == part.reference } ?? ""
                        findings.append(ValidationFinding(.error, .partExceedsTotal(part: name, value: value, total: total, totalValue: totalValue), sheet: table.sheet, cell: part.reference.description,
                            value: NumberText.shortest(value)))
                    }
                    let numbers = parts.compactMap(\.number)
                    if numbers.count == parts.count, !parts.isEmpty, parts.allSatisfy({ $0.number.map { $0 <= totalValue + tolerance } ?? true }) {
                        let sum = numbers.reduce(0, +)
                        if abs(sum - totalValue) > tolerance {
                            findings.append(ValidationFinding(.error, .partsDoNotAddUp(parts: Array(categories.dropFirst()), sum: sum, total: total, totalValue: totalValue), sheet: table.sheet, cell: totalCell.reference.description,
                                value: NumberText.shortest(totalValue)))
                        }
                    }
                }
            }
            // Districts against the city total, for counts; a missing district
            // row is its own finding and leaves the sum incomplete.
            let complete = catalogue.districts.allSatisfy { table.rows[$0.number] != nil }
            if indicator.level == .districts, indicator.unit == .count, complete, let city = table.rows[SubmissionValues.cityTotalKey] {
                for category in categories {
                    guard let cityCell = city[category], let cityValue = cityCell.number else { continue }
                    let districtCells = table.rows.filter { $0.key != SubmissionValues.cityTotalKey }.compactMap { $0.value[category] }
                    // Markers (unknown, confidential) make the sum incomplete: no finding then.
                    guard districtCells.allSatisfy({ $0.number != nil || isNothingMarker($0.value) }) else { continue }
                    let sum = districtCells.compactMap(\.number).reduce(0, +)
                    if abs(sum - cityValue) > tolerance {
                        findings.append(ValidationFinding(.error, .cityTotalMismatch(sum: sum, city: cityValue), sheet: table.sheet, cell: cityCell.reference.description,
                            value: NumberText.shortest(cityValue)))
                    }
                }
            }
        }
        findings += numeratorFindings(tables)
        return findings
    }

    private func isNothingMarker(_ value: CellValue) -> Bool {
        if case .string(let s) = value { return s.trimmed == StatisticalMarker.nothing.rawValue }
        return false
    }

    /// For percentage rates built from two indicators of this submission:
    /// the numerator cannot exceed the denominator.
    private func numeratorFindings(_ tables: [String: IndicatorTable]) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        for rate in catalogue.indicators where rate.unit == .percent {
            guard let n = rate.numerator, let d = rate.denominator, n != d,
                  let top = tables[n], let bottom = tables[d] else { continue }
            for key in top.rows.keys.sorted(by: { (top.rowIndex[$0] ?? 0) < (top.rowIndex[$1] ?? 0) }) {
                for category in rate.categories {
                    let denominatorCategory = rate.denominatorCategory ?? category
                    guard let a = top.rows[key]?[category], let av = a.number,
                          let b = bottom.rows[key]?[denominatorCategory], let bv = b.number, bv >= 0, av > bv else { continue }
                    findings.append(ValidationFinding(.error, .numeratorExceedsDenominator(numerator: top.indicator.name, value: av, denominator: bottom.indicator.name, denominatorValue: bv, denominatorSheet: bottom.sheet, denominatorCell: b.reference.description), sheet: top.sheet, cell: a.reference.description,
                        value: NumberText.shortest(av)))
                }
            }
        }
        return findings
    }
}
