import Spreadsheet

/// The catalogue as readable text, for `imon catalogue show`.
public enum CatalogueListing {
    public static func text(_ c: Catalogue) -> String {
        var lines: [String] = []
        lines.append("\(c.fields.count) fields of action, \(c.indicators.count) indicators, \(c.districts.count) districts, "
                     + "\(c.departments.count) data providers, \(c.goals.filter(\.active).count) active goals")
        for field in c.fields {
            lines.append("")
            lines.append("\(field.code). \(field.name)")
            for i in c.indicators where i.field == field.code {
                let derived = i.isDerived ? " = \(i.numerator ?? "?") / \(i.denominator ?? "?")\(i.denominatorCategory.map { "[\($0)]" } ?? "")" : ""
                let level = i.level == .city ? ", Gesamtstadt" : ""
                lines.append("   \(i.code.padding(5)) \(i.name) (\(i.unit.rawValue)\(level); Amt \(i.department))\(derived)")
                lines.append("         \(i.categories.joined(separator: " | "))  ·  \(i.direction.rawValue)  ·  Mindestfallzahl \(i.minimumCases)")
                if AssessmentSettings.isCompared(i) {
                    let rule = c.assessment.rule(for: i)
                    lines.append("         bewertet: \(rule.label)  ·  Mindestnenner \(NumberText.shortest(rule.minimumDenominator))"
                                 + "  ·  relevanter Abstand \(NumberText.shortest(rule.relevantDistance))"
                                 + (i.denominatorYearOffset == 0 ? "" : "  ·  Nenner-Jahr \(i.denominatorYearOffset)"))
                }
            }
        }
        lines.append("")
        lines.append("Ziele")
        for g in c.goals.sorted(by: { $0.priority < $1.priority }) {
            lines.append("   \(g.priority). \(g.statement)\(g.active ? "" : " (inaktiv)")")
            lines.append("      \(g.indicator) \(g.category): \(NumberText.shortest(g.baselineValue)) (\(g.baselineYear)) → "
                         + "\(NumberText.shortest(g.targetValue)) (\(g.targetYear))")
        }
        let a = c.assessment
        lines.append("")
        lines.append("Bewertung: \(a.populationIndicator) \(a.populationCategory) ≥ \(NumberText.shortest(a.minimumPopulation))  ·  Statusklassen "
                     + "\(NumberText.shortest(a.statusHigh)) / \(NumberText.shortest(a.statusLow)) / \(NumberText.shortest(a.statusVeryLow))  ·  Dynamik über "
                     + "\(a.dynamicsYears) Jahre, stabil bis ±\(NumberText.shortest(a.stableBand))")
        lines.append("")
        lines.append("Datenlieferanten")
        for d in c.departments {
            let count = c.submittedIndicators(of: d.code).count
            lines.append("   \(d.code.padding(5)) \(d.name)  (\(count) Indikatoren)")
        }
        if !c.sources.isEmpty {
            lines.append("")
            lines.append("Quellen (imon import)")
            for m in c.sources {
                let columns = m.columns.map { "\($0.letter) → \($0.indicator) \($0.category)" }.joined(separator: ", ")
                lines.append("   \(m.table.padding(8)) Amt \(m.department); Jahr \(CellReference.columnName(m.yearColumn)), "
                             + "Stadtteil \(CellReference.columnName(m.districtColumn)), Stadt \(m.cityKey): \(columns)")
            }
        }
        lines.append("")
        lines.append("Stadtteile: " + c.districts.map { "\($0.number) \($0.name)" }.joined(separator: ", "))
        let noted = c.districts.filter { $0.note != nil }
        if !noted.isEmpty {
            lines.append("Hinweise zu den Stadtteilen:")
            for d in noted { lines.append("   \(d.number) \(d.name): \(d.note ?? "")") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
