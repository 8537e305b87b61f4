import Monitoring
import Spreadsheet
import Zip

/// The report as one self-contained HTML file: no network, no scripts, no
/// external fonts; charts are inline SVG. Readable on screen and printable.
public enum HTMLReport {
    public static func write(_ r: SituationReport, to path: String) throws {
        let file = try AtomicFile(path: path)
        do {
            try file.write(Array(render(r).utf8))
            try file.commit()
        } catch {
            file.cancel()
            throw error
        }
    }

    static func esc(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func render(_ r: SituationReport) -> String {
        let l = r.language
        var h = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(l("Integrationsmonitoring \(r.year)", "Integration monitoring \(r.year)")))</title>
            <style>
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.4}
            h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:2px solid #2E75B6;padding-bottom:.2em;margin-top:2em}
            h3{margin-bottom:.3em}.note{color:#555;font-size:.9em}table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
            td,th{border:1px solid #bbb;padding:3px 6px;text-align:left}th{background:#DDEBF7}td.n{text-align:right}
            .charts{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}.card{break-inside:avoid;margin-bottom:1.5em}
            figure.mapfig{margin:1em 0;break-inside:avoid}figure.mapfig figcaption{font-weight:bold;margin-bottom:.3em}
            .maps{display:flex;flex-wrap:wrap;gap:0 1.5em}
            svg text{font-family:"DejaVu Sans",Arial,sans-serif}
            @page{size:A4;margin:15mm 12mm}
            @media print{body{margin:0;max-width:none;font-size:10pt}h2{break-before:page;break-after:avoid}h2.first{break-before:auto}
            h3{break-after:avoid}.card,figure,tr{break-inside:avoid}svg{max-width:100%;height:auto}.maps{gap:0 1em}}
            </style></head><body>
            <h1>\(esc(l("Integrationsmonitoring Magdeburg \(r.year)", "Integration monitoring Magdeburg \(r.year)")))</h1>
            <p class="note">\(esc(l("Lagebericht für die Lenkungsgruppe. Handlungsfelder: ", "Situation report for the steering group. Fields of action: ") + r.fields.map { "\($0.code). \($0.name)" }.joined(separator: " · ")))</p>

            """
        h += "<h2 class=\"first\">" + esc(l("Übersicht: Auffälligkeiten nach Stadtteil und Handlungsfeld", "Overview: districts standing out, by field")) + "</h2>\n"
        h += "<p class=\"note\">" + esc(l("Zahl der Quoten des Handlungsfelds, bei denen der Stadtteil signifikant (95 %) und um mindestens den relevanten Abstand ungünstiger liegt als die Stadt (●); „–“ = nicht bewertet.",
                                          "Number of the field's rates on which the district is significantly (95 %) and by at least the relevant distance less favourable than the city (●); “–” = not assessed.")) + "</p>\n"
        h += heatmap(r)
        h += sharedShapes(r) + mapFigure(ReportMaps.overview(r), id: "overview", r)
        h += "<h2>" + esc(l("Ziele", "Goals")) + "</h2>\n" + goals(r)
        h += "<h2>" + esc(l("Status und Dynamik", "Status and dynamics")) + "</h2>\n" + statusTable(r)
        let allFields = l("alle Handlungsfelder", "all fields of action")
        h += "<div class=\"maps\">" + mapFigure(ReportMaps.status(r, field: StatusDynamics.allFields, title: allFields), id: "status-all", r)
            + mapFigure(ReportMaps.dynamics(r, field: StatusDynamics.allFields, title: allFields), id: "dynamics-all", r) + "</div>\n"
        for field in r.fields {
            h += "<h2>" + esc("\(field.code). \(field.name)") + "</h2>\n"
            let title = "\(field.code). \(field.name)"
            h += "<div class=\"maps\">" + mapFigure(ReportMaps.status(r, field: field.code, title: title), id: "status\(field.code)", r)
                + mapFigure(ReportMaps.dynamics(r, field: field.code, title: title), id: "dynamics\(field.code)", r) + "</div>\n"
            for indicator in r.catalogue.indicators where indicator.field == field.code {
                h += indicatorCard(r, indicator)
            }
        }
        h += "<h2>" + esc(l("Datenqualität", "Data quality")) + "</h2>\n" + qualityTable(r)
        h += "<h2>" + esc(l("Methodik", "Method")) + "</h2>\n"
        for p in MethodText.paragraphs(l, r.catalogue.assessment) { h += "<p>" + esc(p) + "</p>\n" }
        h += "<p class=\"note\">" + esc(l("Erstellt mit imon. Synthetische Beispieldaten sind als solche gekennzeichnet.", "Made with imon.")) + "</p>\n</body></html>\n"
        return h
    }

    /// The unit after a value: " %", " je 1 000", none for a count (its name says what is counted).
    static func unitText(_ indicator: Indicator, _ l: Language) -> String {
        let unit = ReportMaps.unitSuffix(indicator, l)
        return unit.isEmpty ? "" : " " + unit
    }

    /// A map with its title; nothing when the catalogue has no outlines.
    static func mapFigure(_ map: DistrictMap?, id: String, _ r: SituationReport) -> String {
        guard let map, let geometry = r.catalogue.geometry, let frame = MapFrame(geometry, width: 360) else { return "" }
        return "<figure class=\"mapfig\"><figcaption>" + esc(map.title) + "</figcaption>"
            + SVGMap.render(map, id: id, shared: (frame, "district")) + "</figure>\n"
    }

    /// The outlines every map of the page refers to.
    static func sharedShapes(_ r: SituationReport) -> String {
        r.catalogue.geometry.map { SVGMap.sharedShapes($0, prefix: "district", mapWidth: 360) + "\n" } ?? ""
    }

    private static func heatmap(_ r: SituationReport) -> String {
        // Column heads wrap at words in their column's width, never cut (the full names are long).
        let cellW = 96.0, cellH = 16.0, left = 170.0
        let heads = r.fields.map { wrapped("\($0.code). \($0.name)", characters: 16) }
        let top = Double(heads.map(\.count).max() ?? 1) * 12 + 10
        let districts = r.catalogue.districts
        let legendTop = top + cellH * Double(districts.count) + 12
        let width = left + cellW * Double(r.fields.count) + 10, height = legendTop + 24
        var s = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for (k, lines) in heads.enumerated() {
            let x = left + cellW * Double(k) + cellW / 2
            for (n, line) in lines.enumerated() {
                s += "<text x=\"\(x)\" y=\"\(top - 6 - Double(lines.count - 1 - n) * 12)\" font-size=\"10\" text-anchor=\"middle\">\(esc(line))</text>"
            }
        }
        for (n, d) in districts.enumerated() {
            let y = top + cellH * Double(n)
            s += "<text x=\"\(left - 6)\" y=\"\(y + 12)\" font-size=\"11\" text-anchor=\"end\">\(esc(d.number + " " + d.name))</text>"
            for (k, f) in r.fields.enumerated() {
                let count = r.marks(d.number, field: f.code)
                let colours = ["#ffffff", "#fde9c4", "#f9c27a", "#ee8a5b", "#d9534f"]
                let fill = count.map { colours[min($0, 4)] } ?? "#eeeeee"
                let x = left + cellW * Double(k)
                s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellW - 2)\" height=\"\(cellH - 2)\" fill=\"\(fill)\" stroke=\"#ccc\"/>"
                s += "<text x=\"\(x + cellW / 2)\" y=\"\(y + 11.5)\" font-size=\"10\" text-anchor=\"middle\">\(count.map(String.init) ?? "–")</text>"
            }
        }
        // The legend: every colour and the dash.
        let l = r.language
        let entries = [("#ffffff", "0"), ("#fde9c4", "1"), ("#f9c27a", "2"), ("#ee8a5b", "3"), ("#d9534f", l("4 und mehr", "4 or more")),
                       ("#eeeeee", l("– nicht bewertet", "– not assessed"))]
        var x = left
        for (fill, label) in entries {
            s += "<rect x=\"\(x)\" y=\"\(legendTop)\" width=\"14\" height=\"10\" fill=\"\(fill)\" stroke=\"#999\"/>"
            s += "<text x=\"\(x + 18)\" y=\"\(legendTop + 9)\" font-size=\"10\">\(esc(label))</text>"
            x += 26 + Double(label.count) * 6
        }
        s += "<text x=\"\(left)\" y=\"\(legendTop + 22)\" font-size=\"9.5\" fill=\"#555\">\(esc(l("Zahl der ● je Handlungsfeld", "Number of ● per field")))</text>"
        return s + "</svg>\n"
    }

    /// Text broken into lines of about `characters` characters at spaces.
    static func wrapped(_ text: String, characters: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > characters {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The districts in the low status classes, per field and over all fields (the full table is in the workbook).
    private static func statusTable(_ r: SituationReport) -> String {
        let l = r.language
        var s = "<p class=\"note\">" + esc(l("Stadtteile mit Status 3 (niedrig) oder 4 (sehr niedrig) je Handlungsfeld; rot: mit Dynamik 3 (negativ), also mit Handlungsbedarf. Status und Dynamik wie im Monitoring Soziale Stadtentwicklung, nur aus Quoten (siehe Methodik).",
                                               "Districts with status 3 (low) or 4 (very low) per field; red: with dynamics 3 (negative), i.e. needing attention. Status and dynamics as in Berlin's social monitoring, from rates only (see Method).")) + "</p>\n<table><tr><th>"
            + esc(l("Handlungsfeld", "Field of action")) + "</th><th>" + esc(l("Handlungsbedarf (Status 3/4, Dynamik 3)", "needing attention (status 3/4, dynamics 3)"))
            + "</th><th>" + esc(l("Status 3/4, Dynamik 1/2 oder keine Angabe", "status 3/4, dynamics 1/2 or no data")) + "</th></tr>\n"
        let groups = r.fields.map { ($0.code, "\($0.code). \($0.name)") } + [(StatusDynamics.allFields, l("Alle Handlungsfelder", "All fields"))]
        for (code, name) in groups {
            let low = r.statusDynamics.filter { $0.field == code && $0.statusClass >= .low }
            let worse = low.filter(\.needsAttention).map { r.districtName($0.district) }
            let other = low.filter { !$0.needsAttention }.map { r.districtName($0.district) }
            s += "<tr><td>\(esc(name))</td><td style=\"background:#f8dede\">\(esc(worse.joined(separator: ", ")))</td><td>\(esc(other.joined(separator: ", ")))</td></tr>\n"
        }
        return s + "</table>\n"
    }

    private static func qualityTable(_ r: SituationReport) -> String {
        let l = r.language
        var s = "<table><tr><th>" + [l("Amt", "Dept."), l("Indikator", "Indicator"), l("geliefert", "delivered"), l("Zeichen", "markers"), l("Stadtteile ohne Angabe", "districts without data")]
            .map(esc).joined(separator: "</th><th>") + "</th></tr>\n"
        for q in r.quality {
            let colour = q.coverage >= 1 ? "" : (q.coverage < 0.5 ? " style=\"background:#f4cccc\"" : " style=\"background:#fff2cc\"")
            s += "<tr><td>\(esc(q.department))</td><td>\(esc(q.indicator))</td><td class=\"n\"\(colour)>\(q.filled) / \(q.expected)</td>"
                + "<td class=\"n\">\(q.markers)</td><td>\(esc(q.districtsWithoutData.count == r.catalogue.districts.count ? l("alle", "all") : q.districtsWithoutData.joined(separator: ", ")))</td></tr>\n"
        }
        s += "</table>\n<p>" + esc(l("Offene Konflikte im Datenbestand: ", "Open conflicts in the store: ") + (r.openConflicts.isEmpty ? l("keine", "none") : r.openConflicts.joined(separator: ", "))) + "</p>\n"
        return s
    }

    private static func goals(_ r: SituationReport) -> String {
        let l = r.language
        var s = "<table><tr><th>" + [l("Prio.", "Prio."), l("Ziel", "Goal"), l("Stand", "Current"), l("Ziel", "Target"), l("Fortschritt", "Progress"), l("im Plan", "on track")]
            .map(esc).joined(separator: "</th><th>") + "</th></tr>\n"
        for g in r.goals {
            let d = r.catalogue.indicator(g.goal.indicator).map(ReportTexts.decimals) ?? 1
            let progress = max(0, min(100, g.progress ?? 0))
            let bar = "<svg width=\"120\" height=\"12\"><rect width=\"120\" height=\"12\" fill=\"#eee\"/><rect width=\"\(Int(progress * 1.2))\" height=\"12\" fill=\"\(g.onTrack == true ? "#70AD47" : "#E06666")\"/></svg>"
            s += "<tr><td class=\"n\">\(g.goal.priority)</td><td>\(esc(g.goal.statement))</td>"
                + "<td class=\"n\">\(ReportTexts.number(g.current, decimals: d, language: l))</td>"
                + "<td class=\"n\">\(ReportTexts.number(g.goal.targetValue, decimals: d, language: l))</td>"
                + "<td>\(bar) \(g.progress.map { ReportTexts.number($0, decimals: 0, language: l) + " %" } ?? "–")</td>"
                + "<td>\(g.onTrack.map { $0 ? l("ja", "yes") : l("nein", "no") } ?? "–")</td></tr>\n"
        }
        return s + "</table>\n"
    }

    private static func indicatorCard(_ r: SituationReport, _ indicator: Indicator) -> String {
        let l = r.language
        let key = r.keyCategory(indicator)
        guard let a = r.analyses[indicator.code]?[key] else { return "" }
        let d = ReportTexts.decimals(indicator)
        var s = "<div class=\"card\"><h3>" + esc("\(indicator.code) – \(indicator.name)") + "</h3>"
        let city = ReportTexts.figure(r.figure(indicator.code, PublicationStructure.cityRow, key), decimals: d, language: l)
        s += "<p class=\"note\">" + esc(l("Stadt (\(key)): \(city)\(unitText(indicator, l)) · Trend: \(ReportTexts.trend(a.trend, l)) · Quelle: \(indicator.source)",
                                          "City (\(key)): \(city)\(unitText(indicator, l)) · trend: \(ReportTexts.trend(a.trend, l)) · source: \(indicator.source)")) + "</p>"
        s += mapFigure(ReportMaps.indicator(r, indicator), id: "ind-\(indicator.code)", r)
        s += "<div class=\"charts\">"
        if indicator.level == .districts { s += bars(r, indicator, a) }
        s += trendLine(r, indicator, key)
        s += "</div></div>\n"
        return s
    }

    /// Horizontal bars of the districts' values, the city value as a line; flagged districts in red.
    private static func bars(_ r: SituationReport, _ indicator: Indicator, _ a: IndicatorAnalysis) -> String {
        let l = r.language
        let figures = a.districts.filter { r.figure(indicator.code, $0.district, a.category).number != nil }.sorted { $0.value > $1.value }
        // Suppressed districts are listed below the bars as suppressed, never silently left out.
        let hidden = r.catalogue.districts.filter { r.figure(indicator.code, $0.number, a.category).isSuppressed }
        guard let maxValue = figures.map(\.value).max(), maxValue > 0 else { return "" }
        let left = 150.0, width = 560.0, barH = 9.0
        let barsHeight = Double(figures.count + hidden.count) * (barH + 2)
        let height = barsHeight + 40
        var s = "<svg width=\"\(Int(left + width + 60))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(left + width + 60)) \(Int(height))\" role=\"img\">"
        for (n, d) in hidden.enumerated() {
            let y = Double(figures.count + n) * (barH + 2) + 4
            s += "<text x=\"\(left - 4)\" y=\"\(y + 8)\" font-size=\"9\" text-anchor=\"end\">\(esc(d.name))</text>"
            s += "<text x=\"\(left + 3)\" y=\"\(y + 8)\" font-size=\"8\" fill=\"#555\">\(esc(l("„.“ gesperrt (zum Schutz von Personen)", "“.” suppressed (protecting persons)")))</text>"
        }
        let legendY = barsHeight + 30
        s += "<rect x=\"\(left)\" y=\"\(legendY - 8)\" width=\"12\" height=\"8\" fill=\"#5B9BD5\"/><text x=\"\(left + 16)\" y=\"\(legendY)\" font-size=\"9\">\(esc(l("Stadtteil", "district")))</text>"
        s += "<rect x=\"\(left + 90)\" y=\"\(legendY - 8)\" width=\"12\" height=\"8\" fill=\"#d9534f\"/><text x=\"\(left + 106)\" y=\"\(legendY)\" font-size=\"9\">\(esc(l("● signifikant und relevant ungünstig", "● significantly and relevantly unfavourable")))</text>"
        for (n, f) in figures.enumerated() {
            let y = Double(n) * (barH + 2) + 4
            let w = f.value / maxValue * width
            s += "<text x=\"\(left - 4)\" y=\"\(y + 8)\" font-size=\"9\" text-anchor=\"end\">\(esc(r.districtName(f.district)))</text>"
            s += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(String(format2(w)))\" height=\"\(barH)\" fill=\"\(f.marked ? "#d9534f" : "#5B9BD5")\"/>"
            s += "<text x=\"\(left + w + 3)\" y=\"\(y + 8)\" font-size=\"8\">\(ReportTexts.number(f.value, decimals: ReportTexts.decimals(indicator), language: r.language))</text>"
        }
        if let city = a.cityValue, indicator.unit.isRate || indicator.unit == .index {
            let x = left + city / maxValue * width
            s += "<line x1=\"\(format2(x))\" y1=\"0\" x2=\"\(format2(x))\" y2=\"\(Int(barsHeight + 4))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
            s += "<text x=\"\(format2(x))\" y=\"\(Int(barsHeight + 16))\" font-size=\"9\" text-anchor=\"middle\">\(esc(r.language("Stadt", "City")))</text>"
        }
        return s + "</svg>"
    }

    /// The city value over the years.
    private static func trendLine(_ r: SituationReport, _ indicator: Indicator, _ category: String) -> String {
        let points = r.years.compactMap { y in r.figure(indicator.code, PublicationStructure.cityRow, category, y).number.map { (y, $0) } }
        guard points.count >= 2, let lo = points.map(\.1).min(), let hi = points.map(\.1).max() else { return "" }
        let w = 300.0, h = 160.0, pad = 34.0
        let span = hi - lo == 0 ? max(abs(hi), 1) : hi - lo
        let minY = lo - span * 0.2, maxY = hi + span * 0.2
        func x(_ i: Int) -> Double { pad + Double(i) / Double(points.count - 1) * (w - 2 * pad) }
        func y(_ v: Double) -> Double { h - pad - (v - minY) / (maxY - minY) * (h - 2 * pad) }
        var s = "<svg width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\"><rect x=\"0\" y=\"0\" width=\"\(Int(w))\" height=\"\(Int(h))\" fill=\"#fafafa\" stroke=\"#ddd\"/>"
        let path = points.enumerated().map { i, p in "\(i == 0 ? "M" : "L")\(format2(x(i))),\(format2(y(p.1)))" }.joined(separator: " ")
        s += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2E75B6\" stroke-width=\"2\"/>"
        for (i, p) in points.enumerated() {
            s += "<circle cx=\"\(format2(x(i)))\" cy=\"\(format2(y(p.1)))\" r=\"3\" fill=\"#2E75B6\"/>"
            s += "<text x=\"\(format2(x(i)))\" y=\"\(Int(h - 12))\" font-size=\"10\" text-anchor=\"middle\">\(p.0)</text>"
            s += "<text x=\"\(format2(x(i)))\" y=\"\(format2(y(p.1) - 7))\" font-size=\"9\" text-anchor=\"middle\">\(ReportTexts.number(p.1, decimals: ReportTexts.decimals(indicator), language: r.language))</text>"
        }
        s += "<text x=\"6\" y=\"14\" font-size=\"10\">\(esc(r.language("Stadt, \(category)", "City, \(category)")))</text>"
        return s + "</svg>"
    }

    static func format2(_ v: Double) -> String { NumberText.shortest((v * 100).rounded() / 100) }
}
