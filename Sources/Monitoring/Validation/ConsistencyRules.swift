import Spreadsheet

/// Whether the numbers of a submission fit together: no part above its
/// total, parts adding up to the total, districts adding up to the city
/// (where cells are confidential: the known ones not above it),
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
                    if !parts.isEmpty, parts.allSatisfy({ $0.number.map { $0 <= totalValue + tolerance } ?? true }) {
                        let sum = numbers.reduce(0, +)
                        if numbers.count == parts.count, abs(sum - totalValue) > tolerance {
                            findings.append(ValidationFinding(.error, .partsDoNotAddUp(parts: Array(categories.dropFirst()), sum: sum, total: total, totalValue: totalValue), sheet: table.sheet, cell: totalCell.reference.description,
                                value: NumberText.shortest(totalValue)))
                        } else if numbers.count < parts.count, indicator.unit == .count, sum > totalValue + tolerance {
                            // A confidential part: the known ones can only add up to at most the total.
                            let known = categories.dropFirst().filter { cells[$0]?.number != nil }
                            findings.append(ValidationFinding(.error, .partsExceedTotal(parts: Array(known), sum: sum, total: total, totalValue: totalValue),
                                sheet: table.sheet, cell: totalCell.reference.description, value: NumberText.shortest(totalValue)))
                        }
                    }
                }
            }
            // Districts against the city total, for counts. With every
            // district's number (or `-`) at hand they must add up exactly.
            // A confidential or unknown `.` (or any other open cell, or a
            // district without a row) stands for a value that exists but is
            // not shown; counts are never negative, so the known districts
            // can then only add up to at most the city value, and the
            // difference is what the open cells hold together (issue 26:
            // the city's own tables publish such rows).
            if indicator.level == .districts, indicator.unit == .count, let city = table.rows[SubmissionValues.cityTotalKey] {
                let absent = catalogue.districts.filter { table.rows[$0.number] == nil }.count
                for category in categories {
                    guard let cityCell = city[category], let cityValue = cityCell.number, cityValue >= 0 else { continue }
                    let districtCells = table.rows.filter { $0.key != SubmissionValues.cityTotalKey }.compactMap { $0.value[category] }
                    // A negative count is its own finding; sums with it say nothing more.
                    if districtCells.contains(where: { ($0.number ?? 0) < 0 }) { continue }
                    let sum = districtCells.compactMap(\.number).reduce(0, +)
                    let open = absent + max(0, catalogue.districts.count - absent - districtCells.count)
                        + districtCells.filter { $0.number == nil && !isNothingMarker($0.value) }.count
                    if open == 0 {
                        if abs(sum - cityValue) > tolerance {
                            findings.append(ValidationFinding(.error, .cityTotalMismatch(sum: sum, city: cityValue), sheet: table.sheet, cell: cityCell.reference.description,
                                value: NumberText.shortest(cityValue)))
                        }
                    } else if sum > cityValue + tolerance {
                        findings.append(ValidationFinding(.error, .cityTotalExceeded(sum: sum, city: cityValue, open: open), sheet: table.sheet,
                            cell: cityCell.reference.description, value: NumberText.shortest(cityValue)))
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
