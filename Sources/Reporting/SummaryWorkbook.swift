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
            try MapSheet.write(report, writer)
            for field in report.fields { try fieldSheet(report, field, writer) }
            try goals(report, writer)
            try quality(report, writer)
            try method(report, writer)
            try IndicatorSheets.write(report, writer)
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
        // Markers (`.`, `–`, `x`) stand where the number would, as in official tables.
        s.horizontal = .right
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
        // Wide enough for the longest word of a field's name ("Personalmanagement"), which LibreOffice would break.
        for (n, _) in r.fields.enumerated() { layout.columnWidths[2 + n] = 21 }
        layout.frozenRows = 4
        let last = 4 + r.catalogue.districts.count
        if !r.fields.isEmpty {
            layout.conditionalFormats = [ConditionalFormat(
                range: CellRange(first: CellReference(row: 4, column: 2), last: CellReference(row: last - 1, column: 1 + r.fields.count)),
                rule: .colorScale(low: RGBColor(hex: 0xFFFFFF), middle: RGBColor(hex: 0xFFD966), high: RGBColor(hex: 0xE06666)))]
        }
        layout.tabColor = RGBColor(hex: 0x2E75B6)
        layout.printTitleRows = 3...3
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Integrationsmonitoring \(r.year): Auffälligkeiten nach Stadtteil und Handlungsfeld",
                                                                                     "Integration monitoring \(r.year): districts standing out, by field of action")), style: title)]))
        // Two short lines: a long one would widen the printed page and shrink the table.
        try w.write(OutputRow(index: 1, cells: [OutputCell(column: 0, value: .string(l(
            "Anzahl der Quoten des Handlungsfelds mit ● (95-%-Intervall ganz auf der ungünstigen Seite des Stadtwerts, mindestens der relevante Abstand),",
            "Number of the field's rates with ● (95 % interval entirely on the unfavourable side of the city value, at least the relevant distance),")), style: note)]))
        try w.write(OutputRow(index: 2, cells: [OutputCell(column: 0, value: .string(l(
            "genau die ● der Blätter der Handlungsfelder. „–“ = nicht bewertet (zu wenige Einwohner oder keine bewertbare Quote).",
            "exactly the ● of the field sheets. “–” = not assessed (too few inhabitants or no rate to assess).")), style: note)]))
        try w.write(OutputRow(index: 3, values: [.string(l("Nr.", "No.")), .string(l("Stadtteil", "District"))]
                              + r.fields.map { .string("\($0.code). " + $0.name) }, style: .header))
        for (n, d) in r.catalogue.districts.enumerated() {
            var cells = [OutputCell(column: 0, value: .string(d.number), style: boxed), OutputCell(column: 1, value: .string(d.name), style: boxed)]
            for (k, f) in r.fields.enumerated() {
                let marks = r.marks(d.number, field: f.code)
                cells.append(OutputCell(column: 2 + k, value: marks.map { .number(Double($0)) } ?? .string("–"), style: numberStyle(0)))
            }
            try w.write(OutputRow(index: 4 + n, cells: cells))
        }
        // The colour scale's legend, in the free row below the table.
        try w.write(OutputRow(index: last, cells: [OutputCell(column: 1, value: .string(l(
            "Farben: weiß = 0 ●, gelb = mittlere, rot = höchste Zahl von ● auf diesem Blatt; „–“ = nicht bewertet.",
            "Colours: white = 0 ●, yellow = middle, red = highest number of ● on this sheet; “–” = not assessed.")), style: note)]))
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
        try w.endSheet()
    }

    /// Status and dynamics per district and field with MSS's classes, and
    /// the districts needing attention.
    private static func statusSheet(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        let l = r.language
        let settings = r.catalogue.assessment
        var layout = SheetLayout(name: l("Status und Dynamik", "Status and dynamics"))
        layout.printLandscape = true
        layout.columnWidths = [0: 6, 1: 22]
        // Fields without an index (no rate to assess) get no columns, only a line below: they would be empty.
        let allGroups = r.fields.map { ($0.code, "\($0.code). " + $0.name) } + [(StatusDynamics.allFields, l("Alle Handlungsfelder", "All fields"))]
        let groups = allGroups.filter { g in r.statusDynamics.contains { $0.field == g.0 } }
        let without = r.fields.filter { f in !groups.contains { $0.0 == f.code } }.map { String($0.code) }
        for k in groups.indices { layout.columnWidths[2 + 4 * k] = 8; layout.columnWidths[3 + 4 * k] = 10; layout.columnWidths[4 + 4 * k] = 9; layout.columnWidths[5 + 4 * k] = 9 }
        layout.frozenRows = 5
        layout.frozenColumns = 2
        // Each field's name spans its four columns; in one narrow column its words were broken.
        layout.mergedRanges = groups.indices.map { k in
            CellRange(first: CellReference(row: 3, column: 2 + 4 * k), last: CellReference(row: 3, column: 5 + 4 * k))
        }
        layout.printTitleRows = 3...4
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Status- und Dynamikindex \(r.year)", "Status and dynamics index \(r.year)")), style: title)]))
        try w.write(OutputRow(index: 1, cells: [OutputCell(column: 0, value: .string(l(
            "Status: Mittel der richtungsbereinigten z-Werte der Quoten des Handlungsfelds, erneut standardisiert (positiv = günstig). Dynamik: dasselbe für die Veränderung über \(settings.dynamicsYears) Jahre. Nur Stadtteile ab \(ReportTexts.number(settings.minimumPopulation, decimals: 0, language: l)) Einwohnern.",
            "Status: mean of the direction-adjusted z-scores of the field's rates, standardised again (positive = favourable). Dynamics: the same for the change over \(settings.dynamicsYears) years. Only districts with at least \(ReportTexts.number(settings.minimumPopulation, decimals: 0, language: l)) inhabitants.")), style: note)]))
        let classes = StatusDynamics.StatusClass.allCases.map { ReportTexts.statusClass($0, l) }.joined(separator: ", ")
        let dynamics = (StatusDynamics.DynamicsClass.allCases.map { ReportTexts.dynamicsClass($0, l) } + ["– " + ReportTexts.dynamicsClass(nil, l)]).joined(separator: ", ")
        try w.write(OutputRow(index: 2, cells: [OutputCell(column: 0, value: .string(l("Statusklasse: ", "Status class: ") + classes + l(". Dynamikklasse: ", ". Dynamics class: ") + dynamics + "."), style: note)]))
        var header: [OutputCell] = [OutputCell(column: 0, value: .string(l("Nr.", "No.")), style: .header), OutputCell(column: 1, value: .string(l("Stadtteil", "District")), style: .header)]
        var sub: [OutputCell] = []
        for (k, g) in groups.enumerated() {
            header.append(OutputCell(column: 2 + 4 * k, value: .string(g.1), style: .header))
            for (j, t) in [l("Status", "Status"), l("Dynamik", "Dynamics"), l("S-Klasse", "S class"), l("D-Klasse", "D class")].enumerated() {
                sub.append(OutputCell(column: 2 + 4 * k + j, value: .string(t), style: .header))
            }
        }
        try w.write(OutputRow(index: 3, cells: header))
        try w.write(OutputRow(index: 4, cells: sub))
        for (n, d) in r.catalogue.districts.enumerated() {
            var cells = [OutputCell(column: 0, value: .string(d.number), style: boxed), OutputCell(column: 1, value: .string(d.name), style: boxed)]
            for (k, g) in groups.enumerated() {
                guard let s = r.statusDynamics(d.number, field: g.0) else {
                    cells.append(OutputCell(column: 2 + 4 * k, value: .string("–"), style: boxed))
                    continue
                }
                var statusStyle = boxed, dynamicsStyle = boxed
                if s.statusClass >= .low { statusStyle.fill = RGBColor(hex: s.statusClass == .veryLow ? 0xF4CCCC : 0xFFF2CC) }
                if s.dynamicsClass == .negative { dynamicsStyle.fill = RGBColor(hex: 0xF4CCCC) }
                cells.append(OutputCell(column: 2 + 4 * k, value: .number(s.status), style: numberStyle(2)))
                cells.append(OutputCell(column: 3 + 4 * k, value: s.dynamics.map(CellValue.number) ?? .string("–"), style: numberStyle(2)))
                // Classes as numbers 1 … 4 and 1 … 3, so that the sheet prints on a page; the note gives their names.
                cells.append(OutputCell(column: 4 + 4 * k, value: .number(Double(s.statusClass.rawValue)), style: statusStyle))
                cells.append(OutputCell(column: 5 + 4 * k, value: s.dynamicsClass.map { .number(Double($0.rawValue)) } ?? .string("–"), style: dynamicsStyle))
            }
            try w.write(OutputRow(index: 5 + n, cells: cells))
        }
        var row = 5 + r.catalogue.districts.count
        try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(l(
            "„–“ = nimmt nicht teil (unter der Mindesteinwohnerzahl oder zu wenige bewertbare Quoten). Ohne Index, weil keine Quote bewertet wird: Handlungsfeld ",
            "“–” = does not take part (below the minimum population or too few rates assessed). No index, as no rate is assessed: field ")
            + (without.isEmpty ? l("keines", "none") : without.joined(separator: ", ")) + "."), style: note)]))
        row += 2
        try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(l("Stadtteile mit Handlungsbedarf (Status 3 oder 4 und Dynamik 3)",
                                                                                       "Districts needing attention (status 3 or 4 and dynamics 3)")), style: subtitle)]))
        for g in allGroups {
            row += 1
            let names = r.needingAttention(field: g.0).map(r.districtName)
            let assessed = r.statusDynamics.contains { $0.field == g.0 }
            let text = !assessed ? l("nicht bewertet (keine bewertbaren Quoten)", "not assessed (no rates to assess)")
                : names.isEmpty ? l("keine", "none") : names.joined(separator: ", ")
            try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(g.1 + ": " + text))]))
        }
        try w.endSheet()
    }

    private static func fieldSheet(_ r: SituationReport, _ field: FieldOfAction, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: String("HF \(field.code) \(field.name)".prefix(31)).replacingForbidden())
        layout.printLandscape = true
        // Wide enough for the longest word of a header ("(Prozentpunkte)"): LibreOffice breaks words that do not fit.
        layout.columnWidths = [0: 6, 1: 24, 2: 15, 3: 15, 4: 15, 5: 16, 6: 16, 7: 12, 8: 12, 9: 22]
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string("\(field.code). \(field.name)"), style: title)]))
        var row = 2
        // City-level indicators (no district table) share a page two by two.
        var cityBlocksOnPage = 0
        for indicator in r.catalogue.indicators where indicator.field == field.code {
            guard let byCategory = r.analyses[indicator.code] else { continue }
            let key = r.keyCategory(indicator)
            guard let a = byCategory[key] else { continue }
            // Each indicator's table starts a page, so that it stays with its charts beside it.
            if indicator.level == .districts {
                if row > 2 { w.breakPage(before: row) }
                cityBlocksOnPage = -1
            } else {
                if row > 2 && (cityBlocksOnPage < 0 || cityBlocksOnPage == 2) {
                    w.breakPage(before: row)
                    cityBlocksOnPage = 0
                }
                cityBlocksOnPage += 1
            }
            let decimals = ReportTexts.decimals(indicator)
            try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string("\(indicator.code) – \(indicator.name) (\(ReportTexts.unit(indicator, l)))"), style: subtitle)]))
            row += 1
            let city = ReportTexts.figure(r.figure(indicator.code, PublicationStructure.cityRow, key), decimals: decimals, language: l)
            let change = ReportTexts.figure(r.change(indicator.code, PublicationStructure.cityRow, key), decimals: decimals, language: l)
            let span = "\(r.years.first.map(String.init) ?? "")–\(r.year)"
            try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(l(
                "Stadt (\(key)): \(city) · Veränderung zum Vorjahr: \(change)\(ReportTexts.changeUnit(indicator, l)) · Trend \(span): \(ReportTexts.trend(a.trend, l)) · Quelle: \(indicator.source)",
                "City (\(key)): \(city) · change on previous year: \(change)\(ReportTexts.changeUnit(indicator, l)) · trend \(span): \(ReportTexts.trend(a.trend, l)) · source: \(indicator.source)")), style: note)]))
            row += 1
            guard indicator.level == .districts else {
                // The city's years as a small table with its line chart below: a page of one line each was all there was.
                row += 1
                let (yearRow, valueRow) = try cityYears(r, indicator, key, decimals: decimals, at: row, w)
                if r.years.count >= 2 {
                    w.addChart(cityChart(r, indicator, key, yearRow: yearRow, valueRow: valueRow,
                                         anchor: CellRange(first: CellReference(row: valueRow + 2, column: 1),
                                                           last: CellReference(row: valueRow + 12, column: 5))))
                }
                row = valueRow + 14
                continue
            }
            let assessment = a.assessment
            var header = [l("Nr.", "No."), l("Stadtteil", "District")] + indicator.categories
            if indicator.unit.isRate { header.append(l("Index (Stadt = 100)", "Index (city = 100)")) }
            // The unit of a change of a rate is points (issue 23, item 4): "Veränderung (Prozentpunkte)".
            let points = ReportTexts.changeUnit(indicator, l)
            header.append(l("Veränderung", "Change") + (indicator.unit.isRate ? " (" + String(points.dropFirst()) + ")" : ""))
            let gap = assessment?.rule.reference != nil
            if let assessment {
                let label = assessment.rule.label
                header += (gap ? [l("Abstand \(label)", "Gap \(label)")] : []) + [l("95 %: von", "95 %: from"), l("bis", "to"), l("Bewertung (\(label))", "Assessment (\(label))")]
            }
            try w.write(OutputRow(index: row, values: header.map(CellValue.string), style: .header))
            row += 1
            let figures = Dictionary(a.districts.map { ($0.district, $0) }, uniquingKeysWith: { x, _ in x })
            let first = row
            for d in r.catalogue.districts {
                var cells = [OutputCell(column: 0, value: .string(d.number), style: boxed), OutputCell(column: 1, value: .string(d.name), style: boxed)]
                for (k, category) in indicator.categories.enumerated() {
                    cells.append(OutputCell(column: 2 + k, value: ReportTexts.cell(r.figure(indicator.code, d.number, category)), style: numberStyle(decimals)))
                }
                let f = figures[d.number]
                let own = r.figure(indicator.code, d.number, key)
                var column = 2 + indicator.categories.count
                if indicator.unit.isRate {
                    let index: CellValue = own.number == nil ? ReportTexts.cell(own) : f?.index.map { .number($0) } ?? .string("–")
                    cells.append(OutputCell(column: column, value: index, style: numberStyle(0)))
                    column += 1
                }
                cells.append(OutputCell(column: column, value: ReportTexts.cell(r.change(indicator.code, d.number, key)), style: numberStyle(decimals)))
                column += 1
                if let assessment {
                    let c = assessment.comparison(d.number)
                    if gap {
                        cells.append(OutputCell(column: column, value: c?.interval != nil ? c?.value.map(CellValue.number) ?? .string("–") : .string("–"), style: numberStyle(decimals)))
                        column += 1
                    }
                    cells.append(OutputCell(column: column, value: c?.interval.map { .number($0.lower) } ?? .string("–"), style: numberStyle(decimals)))
                    cells.append(OutputCell(column: column + 1, value: c?.interval.map { .number($0.upper) } ?? .string("–"), style: numberStyle(decimals)))
                    var mark = boxed
                    if c?.isMarked == true { mark.fill = RGBColor(hex: 0xF4CCCC) }
                    if c?.verdict == .uncertain { mark.fontColor = RGBColor(hex: 0x595959); mark.italic = true }
                    cells.append(OutputCell(column: column + 2, value: .string(c.map { ReportTexts.verdict($0.verdict, l) } ?? ""), style: mark))
                }
                try w.write(OutputRow(index: row, cells: cells))
                row += 1
            }
            let (yearRow, valueRow) = try cityYears(r, indicator, key, decimals: decimals, at: row, w)
            let keyColumn = 2 + (indicator.categories.firstIndex(of: key) ?? 0)
            let chartColumn = 2 + indicator.categories.count + (indicator.unit.isRate ? 2 : 1) + (assessment != nil ? 3 : 0) + (gap ? 1 : 0) + 1
            let districtsEnd = first + r.catalogue.districts.count - 1
            w.addChart(ChartSpec(kind: .bar, title: "\(indicator.code) \(key): " + l("Stadtteile \(r.year)", "districts \(r.year)"),
                                 categories: CellRange(first: CellReference(row: first, column: 1), last: CellReference(row: districtsEnd, column: 1)),
                                 values: CellRange(first: CellReference(row: first, column: keyColumn), last: CellReference(row: districtsEnd, column: keyColumn)),
                                 seriesName: key,
                                 anchor: CellRange(first: CellReference(row: first - 1, column: chartColumn),
                                                   last: CellReference(row: first + 26, column: chartColumn + 8))))
            if r.years.count >= 2 {
                w.addChart(cityChart(r, indicator, key, yearRow: yearRow, valueRow: valueRow,
                                     anchor: CellRange(first: CellReference(row: first + 27, column: chartColumn),
                                                       last: CellReference(row: first + 42, column: chartColumn + 8))))
            }
            row = valueRow + 2
        }
        // One short line each: a long line would widen the printed page and shrink the tables.
        let footnotes = [
            l("„.“ = zum Schutz von Personen nicht veröffentlicht (siehe Methodik), „–“ = keine Angabe, „x“ = nicht sinnvoll.",
              "“.” = not published to protect persons (see Method), “–” = no data, “x” = not meaningful."),
            l("● = das 95-%-Intervall liegt ganz auf der ungünstigen Seite des Stadtwerts und der Abstand erreicht den relevanten Abstand.",
              "● = the 95 % interval lies entirely on the unfavourable side of the city value and the difference reaches the relevant distance."),
            l("„statistisch unsicher“ = ebenso weit entfernt, aber das Intervall schließt den Stadtwert ein (kein Befund).",
              "“statistically uncertain” = as far away, but the interval contains the city value (no finding)."),
            l("„n. b.“ = nicht bewertet: unter der Mindesteinwohnerzahl (Einwohner), Nenner zu klein (Nenner), ohne Wert oder gesperrt.",
              "“n. a.” = not assessed: below the minimum population, denominator too small, no value or suppressed."),
            l("Anzahlen hängen von der Größe des Stadtteils ab und werden nicht verglichen.", "Counts depend on the district's size and are not compared."),
        ]
        for (k, text) in footnotes.enumerated() {
            try w.write(OutputRow(index: row + k, cells: [OutputCell(column: 0, value: .string(text), style: note)]))
        }
        try w.endSheet()
    }

    /// The city value year by year, two rows from `row`, for the trend chart.
    private static func cityYears(_ r: SituationReport, _ indicator: Indicator, _ key: String, decimals: Int, at row: Int,
                                  _ w: any WorkbookWriter) throws -> (yearRow: Int, valueRow: Int) {
        let l = r.language
        let values = r.years.map { y -> CellValue in
            let f = r.figure(indicator.code, PublicationStructure.cityRow, key, y)
            return f.number.map(CellValue.number) ?? (f.isSuppressed ? .string(".") : .empty)
        }
        try w.write(OutputRow(index: row, cells: [OutputCell(column: 1, value: .string(l("Jahr", "Year")), style: boxed)]
                              + r.years.enumerated().map { OutputCell(column: 2 + $0.offset, value: .string(String($0.element)), style: .header) }))
        try w.write(OutputRow(index: row + 1, cells: [OutputCell(column: 1, value: .string(l("Stadt, \(key)", "City, \(key)")), style: boxed)]
                              + values.enumerated().map { OutputCell(column: 2 + $0.offset, value: $0.element, style: numberStyle(decimals)) }))
        return (row, row + 1)
    }

    /// The line chart of the city's years written by `cityYears`.
    private static func cityChart(_ r: SituationReport, _ indicator: Indicator, _ key: String, yearRow: Int, valueRow: Int,
                                  anchor: CellRange) -> ChartSpec {
        let l = r.language
        return ChartSpec(kind: .line, title: "\(indicator.code) \(key): " + l("Stadt im Zeitverlauf", "city over time"),
                         categories: CellRange(first: CellReference(row: yearRow, column: 2), last: CellReference(row: yearRow, column: 1 + r.years.count)),
                         values: CellRange(first: CellReference(row: valueRow, column: 2), last: CellReference(row: valueRow, column: 1 + r.years.count)),
                         seriesName: l("Stadt", "City"), anchor: anchor)
    }

    private static func goals(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        let l = r.language
        var layout = SheetLayout(name: l("Ziele", "Goals"))
        layout.printLandscape = true
        layout.columnWidths = [0: 6, 1: 50, 2: 10, 3: 14, 4: 10, 5: 10, 6: 10, 7: 10, 8: 11, 9: 9, 10: 12, 11: 18, 12: 16]
        layout.frozenRows = 2
        try w.beginSheet(layout)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("Prioritäre Ziele \(r.year)", "Priority goals \(r.year)")), style: title)]))
        try w.write(OutputRow(index: 1, values: [l("Prio.", "Prio."), l("Ziel", "Goal"), l("Indikator", "Indicator"), l("Kategorie", "Category"),
                                                 l("Basisjahr", "Baseline year"), l("Basiswert", "Baseline"), l("Stand", "Current"), l("Zielwert", "Target"),
                                                 l("Fortschritt", "Progress"), l("im Plan", "on track"), l("Projektion Zieljahr", "Projected, target year"),
                                                 l("90-%-Intervall", "90 % interval"), l("Trend", "Trend")].map(CellValue.string), style: .header))
        var wrap = boxed
        wrap.wrapText = true
        var notes: [String] = []
        for (n, g) in r.goals.enumerated() {
            let indicator = r.catalogue.indicator(g.goal.indicator)
            let d = indicator.map(ReportTexts.decimals) ?? 1
            let interval = g.projectedInterval.map { ReportTexts.number($0.lower, decimals: d, language: l) + " – " + ReportTexts.number($0.upper, decimals: d, language: l) } ?? "–"
            try w.write(OutputRow(index: 2 + n, height: Double(max(1, (g.goal.statement.count + 44) / 45)) * 15, cells: [
                OutputCell(column: 0, value: .number(Double(g.goal.priority)), style: boxed),
                OutputCell(column: 1, value: .string(g.goal.statement), style: wrap),
                OutputCell(column: 2, value: .string(g.goal.indicator), style: boxed),
                OutputCell(column: 3, value: .string(g.goal.category), style: boxed),
                OutputCell(column: 4, value: .number(Double(g.goal.baselineYear)), style: boxed),
                OutputCell(column: 5, value: .number(g.baseline), style: numberStyle(d)),
                OutputCell(column: 6, value: g.current.map(CellValue.number) ?? .string("–"), style: numberStyle(d)),
                OutputCell(column: 7, value: .number(g.goal.targetValue), style: numberStyle(d)),
                OutputCell(column: 8, value: g.progress.map { .number($0 / 100) } ?? .string("–"), style: CellStyle.plain.with(.percent(decimals: 0))),
                OutputCell(column: 9, value: .string(g.onTrack.map { $0 ? l("ja", "yes") : l("nein", "no") } ?? "–"), style: boxed),
                OutputCell(column: 10, value: g.projected.map(CellValue.number) ?? .string("–"), style: numberStyle(d)),
                OutputCell(column: 11, value: .string(interval), style: boxed),
                OutputCell(column: 12, value: .string(ReportTexts.trend(g.trend, l)), style: boxed),
            ]))
            if g.baselineDiffers {
                notes.append(l("Ziel \(g.goal.priority): Der Katalog nennt als Basiswert \(ReportTexts.number(g.goal.baselineValue, decimals: d, language: l)), beobachtet wurden \(g.goal.baselineYear) \(ReportTexts.number(g.baseline, decimals: d, language: l)); gemessen wird vom beobachteten Wert aus.",
                               "Goal \(g.goal.priority): the catalogue gives the baseline as \(ReportTexts.number(g.goal.baselineValue, decimals: d, language: l)), observed in \(g.goal.baselineYear) was \(ReportTexts.number(g.baseline, decimals: d, language: l)); progress is measured from the observed value."))
            } else if !g.baselineObserved {
                notes.append(l("Ziel \(g.goal.priority): Für \(g.goal.baselineYear) liegen keine Daten vor; Basiswert aus dem Katalog.",
                               "Goal \(g.goal.priority): no data for \(g.goal.baselineYear); baseline from the catalogue."))
            }
        }
        notes.append(l("Basiswert: der beobachtete Stadtwert des Basisjahrs (sonst der des Katalogs). Fortschritt: Anteil des Weges vom Basiswert zum Zielwert, positiv = Verbesserung. Projektion: Wert der Trendgeraden im Zieljahr, erst ab \(TrendEstimate.minimumYears) Jahren.",
                       "Baseline: the observed city value of the baseline year (else the catalogue's). Progress: share of the way from baseline to target, positive = better. Projection: the trend line's value in the target year, from \(TrendEstimate.minimumYears) years on."))
        for (k, text) in notes.enumerated() {
            try w.write(OutputRow(index: 3 + r.goals.count + k, cells: [OutputCell(column: 0, value: .string(text), style: note)]))
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
        // Narrow enough for a portrait page; the row heights assume about 75 characters a line.
        layout.columnWidths = [0: 70]
        try w.beginSheet(layout)
        var wrap = CellStyle()
        wrap.wrapText = true
        wrap.vertical = .top
        let lines = MethodText.paragraphs(l, r.catalogue.assessment)
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string(l("So werden die Zahlen berechnet", "How the figures are computed")), style: title)]))
        for (n, text) in lines.enumerated() {
            try w.write(OutputRow(index: 2 + n, height: Double(max(1, (text.count + 74) / 75)) * 15 + 4, cells: [OutputCell(column: 0, value: .string(text), style: wrap)]))
        }
        try w.endSheet()
    }
}

/// The method, in plain words, shared by the workbook and the HTML report.
/// Every threshold is printed from the constant or catalogue setting the
/// computation uses, so text and code cannot drift apart.
enum MethodText {
    static func paragraphs(_ l: Language, _ s: AssessmentSettings) -> [String] {
        func n(_ v: Double, _ d: Int = 1) -> String { ReportTexts.number(v, decimals: d, language: l) }
        func signed(_ v: Double) -> String { (v > 0 ? "+" : "") + n(v) }
        let level = n(RateInterval.level * 100, 0), trendLevel = n(TrendEstimate.level * 100, 0)
        let minimumPopulation = n(s.minimumPopulation, 0)
        let rules = s.rules.isEmpty ? "" : l(" Abweichend festgelegt: ", " Set otherwise: ")
            + s.rules.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value.label), \(l("Nenner", "denominator")) ≥ \(n($0.value.minimumDenominator, 0)), \(l("Abstand", "distance")) \(n($0.value.relevantDistance)))" }
                .joined(separator: "; ") + "."
        return [
            l("Stadtwert: Bei Anzahlen die Summe der Stadtteile. Bei Quoten das Verhältnis der Summen von Zähler und Nenner über alle Stadtteile – nie der Durchschnitt der Stadtteilquoten.",
              "City value: for counts the sum of the districts; for rates the ratio of the summed numerator and denominator over all districts, never a mean of district rates."),
            l("Verglichen werden nur Quoten (Anteile in %, Raten je 1 000), nie Anzahlen: Anzahlen folgen der Größe des Stadtteils und werden nur gezeigt, summiert und im Zeitverlauf betrachtet. Bewertet wird je Quote eine Kategorie, in diesem Monitor „\(AssessmentSettings.preferredCategory)“, wo die Quote sie hat, sonst die erste; der Katalog kann stattdessen den Abstand zweier Kategorien festlegen (etwa „nichtdeutsch − deutsch“, Intervall nach der MOVER-Methode aus den Intervallen beider Quoten).\(rules)",
              "Only rates (shares in %, rates per 1,000) are compared, never counts: counts follow the district's size and are only shown, summed and followed over time. One category per rate is assessed, in this monitor “\(AssessmentSettings.preferredCategory)” where the rate has it, else the first; the catalogue may set the gap between two categories instead (such as “nichtdeutsch − deutsch”, interval by the MOVER method from both rates' intervals).\(rules)"),
            l("Kleine Zahlen: Ein Stadtteil wird nur bewertet, wenn \(s.populationIndicator) (\(s.populationCategory)) mindestens \(minimumPopulation) beträgt (wie im Monitoring Soziale Stadtentwicklung Berlin). Eine Quote wird nur bewertet, wenn ihr Nenner mindestens \(n(AssessmentSettings.defaultMinimumDenominator, 0)) beträgt, soweit der Katalog nichts anderes festlegt.",
              "Small numbers: a district is assessed only when \(s.populationIndicator) (\(s.populationCategory)) is at least \(minimumPopulation) (as in Berlin's social monitoring). A rate is assessed only when its denominator is at least \(n(AssessmentSettings.defaultMinimumDenominator, 0)), unless the catalogue sets otherwise."),
            l("Unsicherheit: Jede bewertete Quote hat ein \(level)-%-Intervall – für Anteile das exakte Intervall nach Clopper–Pearson, für Raten je 1 000 das exakte Poisson-Intervall der Fallzahl. Ein Stadtteil wird markiert (●), wenn das Intervall ganz auf der ungünstigen Seite des Stadtwerts liegt und der Abstand zum Stadtwert mindestens \(n(AssessmentSettings.defaultRelevantDistance)) Prozent- bzw. Promillepunkte beträgt (relevanter Abstand, je Indikator im Katalog einstellbar). Liegt er so weit entfernt, schließt das Intervall den Stadtwert aber ein, steht „statistisch unsicher“: Das ist kein Befund.",
              "Uncertainty: every assessed rate has a \(level) % interval – the exact Clopper–Pearson interval for shares, the exact Poisson interval of the count for rates per 1,000. A district is marked (●) when the interval lies entirely on the unfavourable side of the city value and the distance to it is at least \(n(AssessmentSettings.defaultRelevantDistance)) percentage or per-mille points (the relevant distance, set per indicator in the catalogue). As far away but with the city value inside the interval reads “statistically uncertain”: that is no finding."),
            l("Index: Wert des Stadtteils geteilt durch den Stadtwert, mal 100 (nur Quoten). z-Wert und Rang: unter den bewerteten Stadtteilen, mit dem ungewichteten Mittel und der Standardabweichung der Stadtteile (jeder Stadtteil zählt einmal, gleich wie groß).",
              "Index: the district's value divided by the city value, times 100 (rates only). z-score and rank: among the districts assessed, with the unweighted mean and standard deviation of the districts (each district counts once, whatever its size)."),
            l("Status- und Dynamikindex je Handlungsfeld (wie im Monitoring Soziale Stadtentwicklung): Mittel der richtungsbereinigten z-Werte der bewerteten Quoten des Handlungsfelds (positiv = günstig), erneut standardisiert; ein Stadtteil braucht mindestens \(n(StatusDynamics.minimumShareOfRates * 100, 0)) % der Quoten des Felds. Statusklassen: 1 hoch über \(signed(s.statusHigh)), 2 mittel bis \(signed(s.statusLow)), 3 niedrig bis \(signed(s.statusVeryLow)), 4 sehr niedrig darunter (in Standardabweichungen). Dynamik: dasselbe für die Veränderung der Quoten über \(s.dynamicsYears) Jahre; 1 positiv über \(signed(s.stableBand)), 2 stabil zwischen \(signed(-s.stableBand)) und \(signed(s.stableBand)), 3 negativ darunter; ohne Vergleichsjahr „keine Angabe“. Handlungsbedarf: Status 3 oder 4 mit Dynamik 3. „Alle Handlungsfelder“ mittelt über alle Indexquoten.",
              "Status and dynamics index per field (as in Berlin's social monitoring): mean of the direction-adjusted z-scores of the field's assessed rates (positive = favourable), standardised again; a district needs at least \(n(StatusDynamics.minimumShareOfRates * 100, 0)) % of the field's rates. Status classes: 1 high above \(signed(s.statusHigh)), 2 medium down to \(signed(s.statusLow)), 3 low down to \(signed(s.statusVeryLow)), 4 very low below (in standard deviations). Dynamics: the same for the change of the rates over \(s.dynamicsYears) years; 1 positive above \(signed(s.stableBand)), 2 stable between \(signed(-s.stableBand)) and \(signed(s.stableBand)), 3 negative below; without the earlier year “no data”. Needing attention: status 3 or 4 with dynamics 3. “All fields” averages over all index rates."),
            l("Veränderung: Differenz zum Vorjahr, bei Anteilen in Prozentpunkten, bei Raten je 1 000 in Promillepunkten. Trend: Steigung der Ausgleichsgeraden (kleinste Quadrate) mit \(trendLevel)-%-Intervall; „steigend“ oder „fallend“ nur, wenn das Intervall 0 ausschließt, sonst „ohne klare Richtung“; unter \(TrendEstimate.minimumYears) Jahren „zu kurze Zeitreihe“. Raten, deren Nenner laut Definition aus dem Vorjahr stammt (z. B. Einbürgerungen je 1 000 nichtdeutsche Einwohner am 31.12. des Vorjahres), verwenden diesen.",
              "Change: the difference to the previous year, in percentage points for shares and per-mille points for rates per 1,000. Trend: least-squares slope with its \(trendLevel) % interval; “rising” or “falling” only when the interval excludes 0, else “no clear direction”; below \(TrendEstimate.minimumYears) years “series too short”. Rates whose definition takes the denominator of the previous year use it."),
            l("Ziele: Basiswert ist der beobachtete Stadtwert des Basisjahrs, der Katalogwert nur, wenn das Jahr fehlt (Abweichungen über \(n(s.baselineTolerance)) werden genannt). Fortschritt = zurückgelegter Anteil des Weges vom Basiswert zum Zielwert, positiv für eine Verbesserung. „Im Plan“, wenn der Stand mindestens so gut ist wie die gerade Linie vom Basiswert zum Zielwert. Projektion: Wert der Trendgeraden im Zieljahr mit \(trendLevel)-%-Intervall.",
              "Goals: the baseline is the observed city value of the baseline year, the catalogue's only when that year is missing (differences above \(n(s.baselineTolerance)) are reported). Progress is the share of the way from baseline to target covered, positive for an improvement. On track when the value is at least as good as the straight line from baseline to target. Projection: the trend line's value in the target year with its \(trendLevel) % interval."),
            l("Datenschutz: Keine Veröffentlichung darf erkennen lassen, wie viele Personen in einer kleinen Gruppe sind. Anzahlen von 1 bis unter der Mindestfallzahl des Indikators werden deshalb nicht gezeigt („.“, primäre Sperrung); Nullen werden gezeigt. Quoten, deren Zähler oder Nenner gesperrt ist oder deren Nenner unter der Mindestzahl liegt, und Veränderungen, bei denen ein Jahr gesperrt ist, werden ebenfalls nicht gezeigt.",
              "Confidentiality: no publication may show how many persons are in a small group. Counts from 1 to below the indicator's minimum case number are not shown (“.”, primary suppression); zeros are shown. Rates with a hidden numerator or denominator or a denominator below the minimum, and changes with a hidden year, are not shown either."),
            l("Weil sich gesperrte Zahlen sonst aus Summen zurückrechnen ließen – aus Teilen und Gesamtzahl, aus den Stadtteilen und der Stadt, aus Quoten mit bekanntem Nenner, aus Veränderungen zum Vorjahr und aus früheren Berichten –, werden weitere Felder gesperrt (sekundäre Sperrung). Diese Felder können beliebig groß sein; das Zeichen „.“ sagt also nicht, dass die Zahl klein ist. Gewählt werden möglichst wenige und möglichst kleine Felder; Felder, die ein früherer Bericht gezeigt hat, bleiben sichtbar, und Felder, die er gesperrt hat, bleiben gesperrt.",
              "Because hidden counts could otherwise be worked out from sums – parts and totals, districts and city, rates with a known denominator, changes, earlier reports – further cells are hidden (secondary suppression). These cells can be of any size: “.” does not mean the number is small. As few and as small cells as possible are chosen; cells an earlier report showed stay shown, cells it hid stay hidden."),
            l("Prüfung: Vor der Veröffentlichung rechnet das Programm wie ein Angreifer, der alle veröffentlichten Zahlen und alle Beziehungen zwischen ihnen kennt. Für jede gesperrte Anzahl bestimmt es mit linearer Optimierung (GLPK) den kleinsten und den größten Wert, den sie haben kann; gesperrte Anzahlen sind dabei mindestens 1, weil Nullen gezeigt werden. Liegen zwischen diesen Grenzen weniger ganze Zahlen als die Mindestfallzahl, gilt die Zahl als aufgedeckt, und der Bericht wird nicht geschrieben. Die lineare Rechnung lässt Bruchzahlen zu und findet deshalb nie ein engeres Intervall als ein Angreifer, der nur ganze Zahlen einsetzt, aber gelegentlich ein weiteres: Bei reinen Summen sind beide gleich, bei gerundeten Quoten kann die Prüfung den Schutz etwas überschätzen – so prüfen auch die statistischen Ämter (tau-argus).",
              "Audit: before publication the program computes as an attacker who knows every published figure and every relation among them. For every hidden count it finds the least and greatest value it can take by linear programming (GLPK), hidden counts being at least 1 because zeros are shown. If fewer whole numbers than the minimum case number lie between these bounds, the count counts as disclosed and the report is not written. The linear computation allows fractions, so its interval is never narrower than that of an attacker using whole numbers, but can be wider: for plain sums both agree, with rounded rates the audit can overstate the protection slightly – the statistical offices' tool tau-argus audits the same way."),
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
