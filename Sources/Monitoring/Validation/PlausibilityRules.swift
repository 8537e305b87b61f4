import Spreadsheet

/// Values of earlier years, for plausibility checks: indicator and year →
/// row key → category → number. The store provides them; the domain only
/// asks.
public protocol EarlierValues: Sendable {
    func values(indicator: String, year: Int) -> [String: [String: Double]]
}

/// Warnings for values that are possible but surprising: a large change on
/// the previous year, a district far outside the others, a sheet identical
/// to last year's. They ask for a look, they never reject.
struct PlausibilityRules {
    let earlier: any EarlierValues

    /// A change is surprising when it is more than 30 % of last year's value
    /// and more than what chance makes of a count of that size (three times
    /// its square root, at least 20): small counts move a lot by themselves.
    static func surprisingChange(from previous: Double, to value: Double) -> Bool {
        let change = abs(value - previous)
        return change > 0.3 * max(previous, 1) && change >= max(20, 3 * previous.squareRoot())
    }

    func check(_ tables: [String: IndicatorTable], year: Int) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        for code in tables.keys.sorted() {
            guard let table = tables[code] else { continue }
            let previous = earlier.values(indicator: code, year: year - 1)
            let ordered = table.rows.keys.sorted { (table.rowIndex[$0] ?? 0) < (table.rowIndex[$1] ?? 0) }
            // Identical to last year in every cell: a copied sheet.
            var compared = 0, identical = 0, nonZero = 0
            for key in ordered {
                for category in table.indicator.categories {
                    guard let v = table.rows[key]?[category]?.number, let p = previous[key]?[category] else { continue }
                    compared += 1
                    if v == p { identical += 1 }
                    if v == p && v != 0 { nonZero += 1 }
                }
            }
            if nonZero >= 5 && identical == compared {
                findings.append(ValidationFinding(.warning, .sameAsLastYear(previousYear: year - 1), sheet: table.sheet))
                continue
            }
            // Large changes on the previous year.
            if table.indicator.unit == .count {
                for key in ordered {
                    for category in table.indicator.categories {
                        guard let cell = table.rows[key]?[category], let v = cell.number, let p = previous[key]?[category],
                              PlausibilityRules.surprisingChange(from: p, to: v) else { continue }
                        let percent = Int(((v - p) / max(p, 1) * 100).rounded())
                        findings.append(ValidationFinding(.warning, .largeChange(previousYear: year - 1, previous: p, percent: percent), sheet: table.sheet, cell: cell.reference.description,
                            value: NumberText.shortest(v)))
                    }
                }
            }
            findings += outliers(table, ordered)
        }
        return findings
    }

    /// A part's share of its total far from the other districts' shares:
    /// more than six robust standard deviations (median and median absolute
    /// deviation, so one odd district cannot hide itself).
    private func outliers(_ table: IndicatorTable, _ ordered: [String]) -> [ValidationFinding] {
        guard table.indicator.hasTotal, let total = table.indicator.categories.first else { return [] }
        var findings: [ValidationFinding] = []
        for part in table.indicator.categories.dropFirst() {
            var shares: [(key: String, share: Double, cell: SubmittedCell)] = []
            for key in ordered where key != SubmissionValues.cityTotalKey {
                guard let t = table.rows[key]?[total]?.number, t >= 50, let cell = table.rows[key]?[part], let v = cell.number else { continue }
                shares.append((key, v / t, cell))
            }
            guard shares.count >= 8 else { continue }
            let median = shares.map(\.share).median
            let mad = shares.map { abs($0.share - median) }.median * 1.4826
            guard mad > 0 else { continue }
            for s in shares where abs(s.share - median) / mad > 6 {
                findings.append(ValidationFinding(.warning, .districtOutlier(part: part, sharePercent: Int((s.share * 100).rounded()), typicalPercent: Int((median * 100).rounded())), sheet: table.sheet, cell: s.cell.reference.description,
                    value: NumberText.shortest(s.cell.number ?? 0)))
            }
        }
        return findings
    }
}

extension Array where Element == Double {
    var median: Double {
        guard !isEmpty else { return 0 }
        let s = sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
