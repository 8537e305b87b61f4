import Monitoring
import Spreadsheet

/// The report's appendix: one "Indikatorenblatt" per indicator, as the
/// Länder integration monitoring and Wiesbaden publish them — definition,
/// source, reference date, numerator and denominator, the category
/// assessed, the direction, the minimum numbers and how to read it. Every
/// number on it comes from the catalogue settings the analysis uses.
enum IndicatorSheets {
    static func write(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        for indicator in r.catalogue.indicators where r.analyses[indicator.code] != nil {
            try sheet(r, indicator, w)
        }
    }

    private static func sheet(_ r: SituationReport, _ i: Indicator, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: String(l("IB ", "IS ") + i.code).replacingForbidden())
        layout.columnWidths = [0: 34, 1: 80]
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Indikatorenblatt ", "Indicator sheet ") + "\(i.code) – \(i.name)"),
                                                       style: SummaryWorkbook.title)]))
        var label = CellStyle()
        label.bold = true
        label.vertical = .top
        label.border = .thin
        var text = SummaryWorkbook.boxed
        text.wrapText = true
        text.vertical = .top
        for (n, (key, value)) in rows(r, i).enumerated() {
            try w.write(OutputRow(index: 2 + n, height: Double(max(1, (value.count + 74) / 75)) * 15,
                                  cells: [OutputCell(column: 0, value: .string(key), style: label), OutputCell(column: 1, value: .string(value), style: text)]))
        }
        try w.endSheet()
    }

    /// The lines of the sheet: label and text.
    static func rows(_ r: SituationReport, _ i: Indicator) -> [(String, String)] {
        let l = r.language
        let s = r.catalogue.assessment
        func n(_ v: Double, _ d: Int = 0) -> String { ReportTexts.number(v, decimals: d, language: l) }
        func named(_ code: String?) -> String {
            guard let code else { return "–" }
            return r.catalogue.indicator(code).map { "\($0.code) – \($0.name)" } ?? code
        }
        var out: [(String, String)] = [
            (l("Handlungsfeld", "Field of action"), r.catalogue.field(i.field).map { "\($0.code). \($0.name)" } ?? String(i.field)),
            (l("Definition", "Definition"), i.definition.isEmpty ? "–" : i.definition),
            (l("Quelle", "Source"), i.source.isEmpty ? "–" : i.source),
            (l("Datenlieferung", "Delivered by"), r.catalogue.department(i.department).map { "\($0.code) – \($0.name)" } ?? i.department),
            (l("Stichtag / Zeitraum", "Reference date / period"), referenceDate(i.definition, l)),
            (l("Einheit", "Unit"), ReportTexts.unit(i, l)),
            (l("Aufgliederung", "Breakdown"), i.categories.joined(separator: ", ")),
            (l("Räumliche Ebene", "Spatial level"), i.level == .districts ? l("Stadtteile", "districts") : l("Gesamtstadt", "whole city")),
        ]
        if i.isDerived {
            let year: String
            switch i.denominatorYearOffset {
            case 0: year = ""
            case -1: year = l(" (Stand: Vorjahr)", " (as of the previous year)")
            case let k: year = l(" (Stand: \(-k) Jahre vor dem Berichtsjahr)", " (as of \(-k) years before the reporting year)")
            }
            out.append((l("Zähler", "Numerator"), named(i.numerator)))
            out.append((l("Nenner", "Denominator"), named(i.denominator) + (i.denominatorCategory.map { ", \($0)" } ?? l(", gleiche Kategorie", ", same category")) + year))
        }
        out.append((l("Richtung", "Direction"), ReportTexts.direction(i.direction, l)))
        out.append((l("Mindestfallzahl (Veröffentlichung)", "Minimum case number (publication)"), n(Double(i.minimumCases))))
        if AssessmentSettings.isCompared(i) {
            let rule = s.rule(for: i)
            let points = i.unit == .perThousand ? l("Promillepunkte", "per-mille points") : l("Prozentpunkte", "percentage points")
            out.append((l("Bewertete Kategorie", "Category assessed"), rule.label))
            out.append((l("Mindestnenner", "Minimum denominator"), n(rule.minimumDenominator)))
            out.append((l("Relevanter Abstand", "Relevant distance"), n(rule.relevantDistance, 1) + " " + points))
            out.append((l("Mindesteinwohnerzahl", "Minimum population"), "\(s.populationIndicator) \(s.populationCategory) ≥ \(n(s.minimumPopulation))"))
            out.append((l("Intervall", "Interval"), i.unit == .perThousand ? l("exakt nach Poisson, 95 %", "exact Poisson, 95 %") : l("exakt nach Clopper–Pearson, 95 %", "exact Clopper–Pearson, 95 %")))
            let index = s.indexRates(of: i.field, in: r.catalogue).contains { $0.code == i.code }
            out.append((l("Im Status-/Dynamikindex", "In the status/dynamics index"), index ? l("ja", "yes") : l("nein", "no")))
        }
        out.append((l("So ist er zu lesen", "How to read it"), reading(r, i)))
        let key = r.keyCategory(i)
        let series = r.years.map { y in "\(y): " + ReportTexts.figure(r.figure(i.code, PublicationStructure.cityRow, key, y), decimals: ReportTexts.decimals(i), language: l) }
        out.append((l("Stadtwert (\(key))", "City value (\(key))"), series.joined(separator: " · ")))
        return out
    }

    /// How to read the indicator, from its kind and direction.
    static func reading(_ r: SituationReport, _ i: Indicator) -> String {
        let l = r.language
        if !i.unit.isRate {
            return l("Eine Anzahl: Sie hängt von der Größe des Stadtteils ab und wird deshalb nicht zwischen Stadtteilen verglichen, sondern gezeigt, summiert und im Zeitverlauf betrachtet.",
                     "A count: it depends on the district's size, so it is not compared between districts but shown, summed and followed over time.")
        }
        if !AssessmentSettings.isCompared(i) {
            return i.level == .city
                ? l("Eine Quote für die Gesamtstadt: Sie wird im Zeitverlauf betrachtet.", "A rate for the whole city: it is followed over time.")
                : l("Eine Quote ohne Richtung: Sie beschreibt die Lage und wird nicht bewertet.", "A rate without a direction: it describes the situation and is not assessed.")
        }
        let worse = i.direction == .higherIsWorse ? l("höher", "higher") : l("niedriger", "lower")
        return l("Ein \(worse)er Wert als in der Stadt ist ungünstig. Markiert (●) wird ein Stadtteil erst, wenn sein 95-%-Intervall ganz auf der ungünstigen Seite des Stadtwerts liegt und der Abstand den relevanten Abstand erreicht; sonst „statistisch unsicher“ oder unauffällig. Kleine Stadtteile und kleine Nenner werden nicht bewertet („n. b.“).",
                 "A \(worse) value than the city's is unfavourable. A district is marked (●) only when its 95 % interval lies entirely on the unfavourable side of the city value and the difference reaches the relevant distance; otherwise “statistically uncertain” or unremarkable. Small districts and small denominators are not assessed (“n. a.”).")
    }

    /// The reference date or period as the definition states it ("am 31.12.", "im Jahr", "im Jahresdurchschnitt").
    static func referenceDate(_ definition: String, _ l: Language) -> String {
        let words = definition.split(separator: " ").map(String.init)
        for (k, word) in words.enumerated() where word == "am" && k + 1 < words.count {
            var date = words[k + 1]
            while let last = date.last, last == "," || last == ";" { date.removeLast() }
            guard date.first?.isNumber == true else { continue }
            if !date.hasSuffix(".") { date += "." }
            // "am 31.12. des Vorjahres": keep the year the date belongs to.
            let rest: [String] = Array(words.dropFirst(k + 2).prefix(2))
            var tail: String = rest.first == "des" ? " " + rest.joined(separator: " ") : ""
            while tail.last == "." || tail.last == "," { tail.removeLast() }
            return l("am ", "on ") + date + tail
        }
        if definition.contains("Jahresdurchschnitt") { return l("Jahresdurchschnitt", "annual average") }
        if definition.contains("im Jahr") || definition.contains("Im Jahr") { return l("im Laufe des Jahres", "during the year") }
        if definition.contains("Schuljahr") { return l("Ende des Schuljahres", "end of the school year") }
        if definition.contains("Stichtag") { return l("Stichtag laut Definition", "reference date as defined") }
        return l("siehe Definition", "see definition")
    }
}
