import Monitoring
import Spreadsheet
import WorkbookIO

/// The summary workbook for the steering group: `Übersicht` (districts ×
/// fields of action, colour-coded, and the goals), one sheet per field of
/// action, `Ziele`, `Datenqualität` and `Methodik`. Finished tables: titles,
/// units, sources, German number formats, frozen headers, landscape pages
/// fitted to the width.
public enum SummaryWorkbook {
    public static func write(_ report: SituationReport, to path: String) throws {
        let writer = try WorkbookFile.writer(for: path)
        let l = report.language
        writer.properties = DocumentProperties(title: l("Integrationsmonitoring \(report.year) – Lagebericht", "Integration monitoring \(report.year) – situation report"),
                                               author: report.catalogue.department("50")?.name ?? "imon")
        do {
            try overview(report, writer)
            try statusSheet(report, writer)
            for field in report.fields { try fieldSheet(report, field, writer) }
            try goals(report, writer)
            try quality(report, writer)
            try method(report, writer)
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    static var title: CellStyle {
        var s = CellStyle()
        s.bold = true
        s.fontSize = 14
        return s
    }

    static var subtitle: CellStyle {
        var s = CellStyle()
        s.bold = true
        s.fontSize = 12
        return s
    }

    static var note: CellStyle {
        var s = CellStyle()
        s.italic = true
        s.fontColor = RGBColor(hex: 0x595959)
        return s
    }

    static func numberStyle(_ decimals: Int) -> CellStyle {
        var s = CellStyle()
        s.numberFormat = .number(decimals: decimals, grouping: true)
        s.border = .thin
        return s
    }

    static var boxed: CellStyle {
        var s = CellStyle()
        s.border = .thin
        return s
    }

    private static func overview(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: l("Übersicht", "Overview"))
        layout.printLandscape = true
        layout.columnWidths = [0: 6, 1: 24]
        for (n, _) in r.fields.enumerated() { layout.columnWidths[2 + n] = 16 }
        layout.frozenRows = 4
        let last = 4 + r.catalogue.districts.count
        if !r.fields.isEmpty {
            layout.conditionalFormats = [ConditionalFormat(
                range: CellRange(first: CellReference(row: 4, column: 2), last: CellReference(row: last - 1, column: 1 + r.fields.count)),
                rule: .colorScale(low: RGBColor(hex: 0xFFFFFF), middle: RGBColor(hex: 0xFFD966), high: RGBColor(hex: 0xE06666)))]
        }
        layout.tabColor = RGBColor(hex: 0x2E75B6)
        // The map starts a page of its own below the goals.
        let mapRow = last + 4 + r.goals.count
        let map = ReportMaps.overview(r)
        if map != nil { layout.pageBreaksBefore = [mapRow] }
        layout.printTitleRows = 3...3
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Integrationsmonitoring \(r.year): Auffälligkeiten nach Stadtteil und Handlungsfeld",
                                                                                     "Integration monitoring \(r.year): districts standing out, by field of action")), style: title)]))
        try w.write(OutputRow(index: 1, cells: [OutputCell(column: 0, value: .string(l(
            "Anzahl der Indikatoren, bei denen der Stadtteil mindestens eine Standardabweichung in ungünstiger Richtung vom Mittel der Stadtteile abweicht.",
            "Number of indicators on which the district lies at least one standard deviation on the unfavourable side of the districts' mean.")), style: note)]))
        try w.write(OutputRow(index: 3, values: [.string(l("Nr.", "No.")), .string(l("Stadtteil", "District"))]
                              + r.fields.map { .string("\($0.code). " + String($0.name.prefix(28))) }, style: .header))
        var counts: [String: [Int: StatusDynamics]] = [:]
        for s in r.statusDynamics { counts[s.district, default: [:]][s.field] = s }
        for (n, d) in r.catalogue.districts.enumerated() {
            var cells = [OutputCell(column: 0, value: .string(d.number), style: boxed), OutputCell(column: 1, value: .string(d.name), style: boxed)]
            for (k, f) in r.fields.enumerated() {
                let flags = counts[d.number]?[f.code]?.flags
                cells.append(OutputCell(column: 2 + k, value: flags.map { .number(Double($0)) } ?? .string("–"), style: numberStyle(0)))
            }
            try w.write(OutputRow(index: 4 + n, cells: cells))
        }
        var row = last + 1
        try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(l("Ziele", "Goals")), style: subtitle)]))
        row += 1
        try w.write(OutputRow(index: row, values: [l("Prio.", "Prio."), l("Ziel", "Goal"), l("Stand", "Current"), l("Ziel", "Target"), l("Fortschritt", "Progress"), l("im Plan", "on track")].map(CellValue.string), style: .header))
        for g in r.goals {
            row += 1
            let decimals = r.catalogue.indicator(g.goal.indicator).map(ReportTexts.decimals) ?? 1
            try w.write(OutputRow(index: row, cells: [
                OutputCell(column: 0, value: .number(Double(g.goal.priority)), style: boxed),
                OutputCell(column: 1, value: .string(g.goal.statement), style: boxed),
                OutputCell(column: 2, value: g.current.map(CellValue.number) ?? .string("–"), style: numberStyle(decimals)),
                OutputCell(column: 3, value: .number(g.goal.targetValue), style: numberStyle(decimals)),
                OutputCell(column: 4, value: g.progress.map { .number($0 / 100) } ?? .string("–"), style: CellStyle.plain.with(.percent(decimals: 0))),
                OutputCell(column: 5, value: .string(g.onTrack.map { $0 ? l("ja", "yes") : l("nein", "no") } ?? "–"), style: boxed),
            ]))
        }
        if let map, let drawing = MapDrawing.drawing(map, name: l("Karte", "Map"), anchor: CellReference(row: mapRow + 1, column: 0)) {
            try w.write(OutputRow(index: mapRow, cells: [OutputCell(column: 0, value: .string(map.title), style: subtitle)]))
            w.addDrawing(drawing)
        }
        try w.endSheet()
    }

    /// Status and dynamics per district and field, with the four classes.
    private static func statusSheet(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: l("Status und Dynamik", "Status and dynamics"))
        layout.printLandscape = true
        layout.columnWidths = [0: 6, 1: 22]
        for (k, _) in r.fields.enumerated() { layout.columnWidths[2 + 3 * k] = 8; layout.columnWidths[3 + 3 * k] = 8; layout.columnWidths[4 + 3 * k] = 24 }
        layout.frozenRows = 4
        layout.frozenColumns = 2
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Status- und Dynamikindex \(r.year)", "Status and dynamics index \(r.year)")), style: title)]))
        try w.write(OutputRow(index: 1, cells: [OutputCell(column: 0, value: .string(l(
            "Status: Mittel der richtungsbereinigten z-Werte der Niveaus (positiv = günstig). Dynamik: dasselbe für die Veränderungen zum Vorjahr.",
            "Status: mean of the direction-adjusted z-scores of levels (positive = favourable). Dynamics: the same for the changes on the previous year.")), style: note)]))
        var header: [OutputCell] = [OutputCell(column: 0, value: .string(l("Nr.", "No.")), style: .header), OutputCell(column: 1, value: .string(l("Stadtteil", "District")), style: .header)]
        var sub: [OutputCell] = []
        for (k, f) in r.fields.enumerated() {
            header.append(OutputCell(column: 2 + 3 * k, value: .string("\(f.code). " + String(f.name.prefix(30))), style: .header))
            for (j, t) in [l("Status", "Status"), l("Dynamik", "Dynamics"), l("Klasse", "Class")].enumerated() {
                sub.append(OutputCell(column: 2 + 3 * k + j, value: .string(t), style: .header))
            }
        }
        try w.write(OutputRow(index: 2, cells: header))
        try w.write(OutputRow(index: 3, cells: sub))
        var byDistrict: [String: [Int: StatusDynamics]] = [:]
        for s in r.statusDynamics { byDistrict[s.district, default: [:]][s.field] = s }
        for (n, d) in r.catalogue.districts.enumerated() {
            var cells = [OutputCell(column: 0, value: .string(d.number), style: boxed), OutputCell(column: 1, value: .string(d.name), style: boxed)]
            for (k, f) in r.fields.enumerated() {
                guard let s = byDistrict[d.number]?[f.code] else { continue }
                var cls = boxed
                switch s.category {
                case .poorDeclining: cls.fill = RGBColor(hex: 0xF4CCCC)
                case .poorImproving: cls.fill = RGBColor(hex: 0xFFF2CC)
                case .goodDeclining: cls.fill = RGBColor(hex: 0xDDEBF7)
                case .stableGood: break
                }
                cells.append(OutputCell(column: 2 + 3 * k, value: .number(s.status), style: numberStyle(2)))
                cells.append(OutputCell(column: 3 + 3 * k, value: s.dynamics.map(CellValue.number) ?? .string("–"), style: numberStyle(2)))
                cells.append(OutputCell(column: 4 + 3 * k, value: .string(s.category.rawValue), style: cls))
            }
            try w.write(OutputRow(index: 4 + n, cells: cells))
        }
        try w.endSheet()
    }

    private static func fieldSheet(_ r: SituationReport, _ field: FieldOfAction, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: String("HF \(field.code) \(field.name)".prefix(31)).replacingForbidden())
        layout.printLandscape = true
        layout.columnWidths = [0: 6, 1: 24, 2: 13, 3: 13, 4: 13, 5: 10, 6: 12, 7: 10]
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string("\(field.code). \(field.name)"), style: title)]))
        var row = 2
        for indicator in r.catalogue.indicators where indicator.field == field.code {
            guard let byCategory = r.analyses[indicator.code] else { continue }
            let key = r.keyCategory(indicator)
            guard let a = byCategory[key] else { continue }
            let decimals = ReportTexts.decimals(indicator)
            try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string("\(indicator.code) – \(indicator.name) (\(ReportTexts.unit(indicator, l)))"), style: subtitle)]))
            row += 1
            let city = a.cityValue.map { ReportTexts.number($0, decimals: decimals, language: l) } ?? "–"
            let change = a.cityChange.map { ReportTexts.number($0, decimals: decimals, language: l) } ?? "–"
            try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(l(
                "Stadt (\(key)): \(city) · Veränderung zum Vorjahr: \(change)\(indicator.unit.isRate ? " Prozentpunkte" : "") · Trend \(r.years.first.map(String.init) ?? "")–\(r.year): \(ReportTexts.trend(a.trend, l)) · Quelle: \(indicator.source)",
                "City (\(key)): \(city) · change on previous year: \(change)\(indicator.unit.isRate ? " points" : "") · trend: \(ReportTexts.trend(a.trend, l)) · source: \(indicator.source)")), style: note)]))
            row += 1
            guard indicator.level == .districts else { row += 1; continue }
            let header = [l("Nr.", "No."), l("Stadtteil", "District")] + indicator.categories
                + [l("Index (Stadt = 100)", "Index (city = 100)"), l("Veränderung", "Change"), l("auffällig", "stands out")]
            try w.write(OutputRow(index: row, values: header.map(CellValue.string), style: .header))
            row += 1
            let figures = Dictionary(a.districts.map { ($0.district, $0) }, uniquingKeysWith: { x, _ in x })
            let first = row
            for d in r.catalogue.districts {
                var cells = [OutputCell(column: 0, value: .string(d.number), style: boxed), OutputCell(column: 1, value: .string(d.name), style: boxed)]
                for (k, category) in indicator.categories.enumerated() {
                    let value: CellValue
                    if r.isSuppressed(indicator.code, d.number, category) {
                        value = .string(".")
                    } else {
                        value = byCategory[category]?.districts.first { $0.district == d.number }.map { .number($0.value) } ?? .string("–")
                    }
                    cells.append(OutputCell(column: 2 + k, value: value, style: numberStyle(decimals)))
                }
                let f = figures[d.number]
                let hidden = r.isSuppressed(indicator.code, d.number, key)
                let base = 2 + indicator.categories.count
                cells.append(OutputCell(column: base, value: hidden ? .string(".") : f?.index.map { .number($0) } ?? .string("–"), style: numberStyle(0)))
                cells.append(OutputCell(column: base + 1, value: hidden ? .string(".") : f?.change.map { .number($0) } ?? .string("–"), style: numberStyle(decimals)))
                var flag = boxed
                if f?.flagged == true { flag.fill = RGBColor(hex: 0xF4CCCC) }
                cells.append(OutputCell(column: base + 2, value: .string(f?.flagged == true ? "●" : ""), style: flag))
                try w.write(OutputRow(index: row, cells: cells))
                row += 1
            }
            // The city value year by year, for the trend chart.
            let values = r.years.map { y -> CellValue in r.analysesByYear(indicator, key, y).map(CellValue.number) ?? .empty }
            let yearRow = row, valueRow = row + 1
            try w.write(OutputRow(index: yearRow, cells: [OutputCell(column: 1, value: .string(l("Jahr", "Year")), style: boxed)]
                                  + r.years.enumerated().map { OutputCell(column: 2 + $0.offset, value: .string(String($0.element)), style: .header) }))
            try w.write(OutputRow(index: valueRow, cells: [OutputCell(column: 1, value: .string(l("Stadt, \(key)", "City, \(key)")), style: boxed)]
                                  + values.enumerated().map { OutputCell(column: 2 + $0.offset, value: $0.element, style: numberStyle(decimals)) }))
            let keyColumn = 2 + (indicator.categories.firstIndex(of: key) ?? 0)
            let chartColumn = 2 + indicator.categories.count + 4
            let districtsEnd = first + r.catalogue.districts.count - 1
            w.addChart(ChartSpec(kind: .bar, title: "\(indicator.code) \(key): " + l("Stadtteile \(r.year)", "districts \(r.year)"),
                                 categories: CellRange(first: CellReference(row: first, column: 1), last: CellReference(row: districtsEnd, column: 1)),
                                 values: CellRange(first: CellReference(row: first, column: keyColumn), last: CellReference(row: districtsEnd, column: keyColumn)),
                                 seriesName: key,
                                 anchor: CellRange(first: CellReference(row: first - 1, column: chartColumn),
                                                   last: CellReference(row: first + 26, column: chartColumn + 8))))
            if r.years.count >= 2 {
                w.addChart(ChartSpec(kind: .line, title: "\(indicator.code) \(key): " + l("Stadt im Zeitverlauf", "city over time"),
                                     categories: CellRange(first: CellReference(row: yearRow, column: 2), last: CellReference(row: yearRow, column: 1 + r.years.count)),
                                     values: CellRange(first: CellReference(row: valueRow, column: 2), last: CellReference(row: valueRow, column: 1 + r.years.count)),
                                     seriesName: l("Stadt", "City"),
                                     anchor: CellRange(first: CellReference(row: first + 27, column: chartColumn),
                                                       last: CellReference(row: first + 42, column: chartColumn + 8))))
            }
            row = valueRow + 2
        }
        try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(l(
            "„.“ = aus Gründen des Datenschutzes nicht veröffentlicht (Fallzahl unter der Mindestfallzahl), „–“ = keine Angabe. ● = mindestens eine Standardabweichung in ungünstiger Richtung.",
            "“.” = not published for confidentiality (below the minimum case number), “–” = no data. ● = at least one standard deviation on the unfavourable side.")), style: note)]))
        try w.endSheet()
    }

    private static func goals(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: l("Ziele", "Goals"))
        layout.printLandscape = true
        layout.columnWidths = [0: 6, 1: 60, 2: 10, 3: 14, 4: 10, 5: 10, 6: 10, 7: 10, 8: 11, 9: 9]
        layout.frozenRows = 2
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Prioritäre Ziele \(r.year)", "Priority goals \(r.year)")), style: title)]))
        try w.write(OutputRow(index: 1, values: [l("Prio.", "Prio."), l("Ziel", "Goal"), l("Indikator", "Indicator"), l("Kategorie", "Category"),
                                                 l("Basisjahr", "Baseline year"), l("Basiswert", "Baseline"), l("Stand", "Current"), l("Zielwert", "Target"),
                                                 l("Fortschritt", "Progress"), l("im Plan", "on track")].map(CellValue.string), style: .header))
        var wrap = boxed
        wrap.wrapText = true
        for (n, g) in r.goals.enumerated() {
            let d = r.catalogue.indicator(g.goal.indicator).map(ReportTexts.decimals) ?? 1
            try w.write(OutputRow(index: 2 + n, cells: [
                OutputCell(column: 0, value: .number(Double(g.goal.priority)), style: boxed),
                OutputCell(column: 1, value: .string(g.goal.statement), style: wrap),
                OutputCell(column: 2, value: .string(g.goal.indicator), style: boxed),
                OutputCell(column: 3, value: .string(g.goal.category), style: boxed),
                OutputCell(column: 4, value: .number(Double(g.goal.baselineYear)), style: boxed),
                OutputCell(column: 5, value: .number(g.goal.baselineValue), style: numberStyle(d)),
                OutputCell(column: 6, value: g.current.map(CellValue.number) ?? .string("–"), style: numberStyle(d)),
                OutputCell(column: 7, value: .number(g.goal.targetValue), style: numberStyle(d)),
                OutputCell(column: 8, value: g.progress.map { .number($0 / 100) } ?? .string("–"), style: CellStyle.plain.with(.percent(decimals: 0))),
                OutputCell(column: 9, value: .string(g.onTrack.map { $0 ? l("ja", "yes") : l("nein", "no") } ?? "–"), style: boxed),
            ]))
        }
        try w.endSheet()
    }

    private static func quality(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: l("Datenqualität", "Data quality"))
        layout.printLandscape = true
        layout.columnWidths = [0: 8, 1: 11, 2: 46, 3: 12, 4: 12, 5: 10, 6: 40]
        layout.frozenRows = 2
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Datenqualität \(r.year)", "Data quality \(r.year)")), style: title)]))
        try w.write(OutputRow(index: 1, values: [l("Amt", "Dept."), l("Indikator", "Indicator"), l("Bezeichnung", "Name"), l("erwartet", "expected"),
                                                 l("geliefert", "delivered"), l("Zeichen", "markers"), l("Stadtteile ohne Angabe", "districts without data")]
                              .map(CellValue.string), style: .header))
        for (n, q) in r.quality.enumerated() {
            var coverage = numberStyle(0)
            if q.coverage < 1 { coverage.fill = RGBColor(hex: q.coverage < 0.5 ? 0xF4CCCC : 0xFFF2CC) }
            try w.write(OutputRow(index: 2 + n, cells: [
                OutputCell(column: 0, value: .string(q.department), style: boxed),
                OutputCell(column: 1, value: .string(q.indicator), style: boxed),
                OutputCell(column: 2, value: .string(r.catalogue.indicator(q.indicator)?.name ?? ""), style: boxed),
                OutputCell(column: 3, value: .number(Double(q.expected)), style: numberStyle(0)),
                OutputCell(column: 4, value: .number(Double(q.filled)), style: coverage),
                OutputCell(column: 5, value: .number(Double(q.markers)), style: numberStyle(0)),
                OutputCell(column: 6, value: .string(q.districtsWithoutData.count == r.catalogue.districts.count ? l("alle", "all")
                                                     : q.districtsWithoutData.joined(separator: ", ")), style: boxed),
            ]))
        }
        let after = 3 + r.quality.count
        try w.write(OutputRow(index: after, cells: [OutputCell(column: 0, value: .string(l("Offene Konflikte im Datenbestand", "Open conflicts in the store")), style: subtitle)]))
        let lines = r.openConflicts.isEmpty ? [l("keine", "none")] : r.openConflicts
        for (n, file) in lines.enumerated() {
            try w.write(OutputRow(index: after + 1 + n, cells: [OutputCell(column: 0, value: .string(file))]))
        }
        try w.endSheet()
    }

    private static func method(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: l("Methodik", "Method"))
        layout.columnWidths = [0: 110]
        try w.beginSheet(layout)
        var wrap = CellStyle()
        wrap.wrapText = true
        wrap.vertical = .top
        let lines = MethodText.paragraphs(l)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("So werden die Zahlen berechnet", "How the figures are computed")), style: title)]))
        for (n, text) in lines.enumerated() {
            try w.write(OutputRow(index: 2 + n, height: Double(max(1, (text.count + 104) / 105)) * 15, cells: [OutputCell(column: 0, value: .string(text), style: wrap)]))
        }
        try w.endSheet()
    }
}

/// The method, in plain words, shared by the workbook and the HTML report.
enum MethodText {
    static func paragraphs(_ l: Language) -> [String] {
        [
            l("Stadtwert: Bei Anzahlen die Summe der Stadtteile. Bei Quoten das Verhältnis der Summen von Zähler und Nenner über alle Stadtteile – nie der Durchschnitt der Stadtteilquoten.",
              "City value: for counts the sum of the districts; for rates the ratio of the summed numerator and denominator over all districts, never a mean of district rates."),
            l("Index: Wert des Stadtteils geteilt durch den Stadtwert, mal 100. Über 100 heißt: höher als in der Stadt insgesamt.",
              "Index: the district's value divided by the city value, times 100."),
            l("z-Wert: Abstand des Stadtteils vom Mittel aller Stadtteile in Standardabweichungen. Ein Stadtteil gilt als auffällig, wenn er mindestens eine Standardabweichung in ungünstiger Richtung liegt (die Richtung legt der Katalog fest: höher ist besser oder schlechter).",
              "z-score: the district's distance from the mean of all districts in standard deviations. A district stands out when it lies at least one standard deviation on the unfavourable side (the catalogue gives the direction)."),
            l("Veränderung: Differenz zum Vorjahr; bei Quoten in Prozentpunkten. Trend: Steigung der Ausgleichsgeraden (kleinste Quadrate) über alle verfügbaren Jahre; weniger als 1 % des mittleren Niveaus pro Jahr gilt als stabil.",
              "Change: the difference to the previous year, in percentage points for rates. Trend: least-squares slope over all years available; less than 1 % of the mean level per year counts as stable."),
            l("Status- und Dynamikindex je Stadtteil und Handlungsfeld: Mittel der richtungsbereinigten z-Werte der Niveaus (Status) und der Veränderungen (Dynamik). Vier Klassen: günstig/ungünstig × verbessernd/verschlechternd.",
              "Status and dynamics index per district and field: the mean of the direction-adjusted z-scores of levels (status) and of changes (dynamics); four classes."),
            l("Ziele: Fortschritt = zurückgelegter Anteil des Weges vom Basiswert zum Zielwert. „Im Plan“, wenn der Stand mindestens auf der geraden Linie vom Basiswert zum Zielwert liegt.",
              "Goals: progress is the share of the way from baseline to target covered; on track when the value is at least on the straight line from baseline to target."),
            l("Datenschutz: Anzahlen unter der Mindestfallzahl des Indikators werden nicht veröffentlicht („.“). Damit sie sich nicht aus Summen zurückrechnen lassen, wird in jeder Zeile und Spalte mit veröffentlichter Summe mindestens ein weiteres Feld gesperrt (sekundäre Geheimhaltung). Quoten, deren Zähler oder Nenner gesperrt ist, werden ebenfalls gesperrt.",
              "Confidentiality: counts below the indicator's minimum case number are not published (“.”). So that they cannot be recomputed from totals, another cell is hidden in every row and column with a published total (secondary suppression). Rates built on a hidden count are hidden too."),
            l("Datenqualität: Anteil der gelieferten Felder (Zahl oder Zeichen - . x) an den erwarteten, je Amt und Indikator.",
              "Data quality: the share of cells delivered (a number or a marker) among those expected, per department and indicator."),
        ]
    }
}

extension String {
    /// Sheet names may not hold `[ ] : * ? / \`.
    func replacingForbidden() -> String {
        String(map { SheetName.forbidden.contains($0) ? "-" : $0 })
    }
}
