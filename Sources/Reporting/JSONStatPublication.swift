import Monitoring
import Spreadsheet
import WorkbookIO
import Zip

/// The publication as a JSON-stat 2.0 collection (https://json-stat.org/full/),
/// the format PxWeb, Eurostat and many statistical offices publish. Each
/// dataset says what it is in `extension.name`: `figures` holds every value
/// and change with `null` and a status where nothing is published (`.`
/// suppressed, `-` no data, `x` not meaningful), and carries in its
/// extension what an auditor needs to rebuild the relations (which
/// category is the total, numerators and denominators, minimum case
/// numbers, decimals). Assessments (`marks`, `status`, `goals`) join the
/// collection as further datasets of the same shape (issue 23).
public enum JSONStatPublication {
    /// The id of the whole city in the `district` dimension.
    public static let cityID = "city"
    /// The name of the figures dataset in its `extension`.
    public static let figuresName = "figures"
    public static let measures = ["value", "change"]

    public static func write(_ report: SituationReport, to path: String) throws {
        let file = try AtomicFile(path: path)
        do {
            try file.write(Array(render(report).utf8))
            try file.commit()
        } catch {
            file.cancel()
            throw error
        }
    }

    static func q(_ s: String) -> String { JSONText.quoted(s) }

    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : NumberText.shortest(v)
    }

    /// The collection with its datasets.
    public static func render(_ report: SituationReport) -> String {
        let l = report.language
        var out = "{\"version\":\"2.0\",\"class\":\"collection\","
        out += "\"label\":" + q(l("Integrationsmonitoring \(report.year)", "Integration monitoring \(report.year)")) + ","
        out += "\"extension\":{\"name\":\"imon-report\",\"reportYear\":\(report.year)},"
        out += "\"link\":{\"item\":[" + datasets(report).joined(separator: ",") + "]}}\n"
        return out
    }

    /// The collection's datasets, each named by `extension.name`. The
    /// assessments (`marks`, `status`, `goals`) are rendered from the report
    /// beside `figures` in the same way; readers find a dataset by its name,
    /// never by its position.
    static func datasets(_ report: SituationReport) -> [String] {
        [figures(report)] + report.assessmentDatasets.map(assessment)
    }

    /// An assessment table (issue 23) as a dataset: its dimensions, dense values, `-` where not assessed.
    static func assessment(_ d: AssessmentDataset) -> String {
        var out = "{\"version\":\"2.0\",\"class\":\"dataset\",\"label\":" + q(d.label) + ","
        out += "\"id\":[" + d.dimensions.map { q($0.id) }.joined(separator: ",") + "],"
        out += "\"size\":[" + d.size.map(String.init).joined(separator: ",") + "],"
        out += "\"dimension\":{" + d.dimensions.map { q($0.id) + ":" + dimension($0.label, $0.categories.map { ($0.id, $0.label) }) }.joined(separator: ",") + "},"
        out += "\"value\":[" + d.values.map { $0.map(number) ?? "null" }.joined(separator: ",") + "],"
        out += "\"status\":{" + d.status.keys.sorted().compactMap { k in d.status[k].map { "\"\(k)\":" + q($0) } }.joined(separator: ",") + "},"
        out += "\"extension\":{\"name\":" + q(d.name) + "}}"
        return out
    }

    /// The `figures` dataset: indicator × district × category × year × measure.
    static func figures(_ r: SituationReport) -> String {
        let p = r.publication
        let s = p.structure
        let l = r.language
        let indicators = s.tables
        let districts = s.districts + [PublicationStructure.cityRow]
        var categories: [String] = []
        for t in indicators { for c in t.categories where !categories.contains(c) { categories.append(c) } }
        let years = s.years
        var out = "{\"version\":\"2.0\",\"class\":\"dataset\",\"label\":" + q(l("Veröffentlichte Zahlen \(r.year)", "Published figures \(r.year)")) + ","
        out += "\"id\":[\"indicator\",\"district\",\"category\",\"year\",\"measure\"],"
        out += "\"size\":[\(indicators.count),\(districts.count),\(categories.count),\(years.count),\(measures.count)],"
        out += "\"role\":{\"time\":[\"year\"],\"metric\":[\"measure\"]},"
        out += "\"dimension\":{"
        out += "\"indicator\":" + dimension(l("Indikator", "Indicator"), indicators.map { t in (t.code, r.catalogue.indicator(t.code)?.name ?? t.code) }) + ","
        out += "\"district\":" + dimension(l("Stadtteil", "District"), districts.map { d in
            (d == PublicationStructure.cityRow ? cityID : d, r.districtName(d)) }) + ","
        out += "\"category\":" + dimension(l("Kategorie", "Category"), categories.map { ($0, $0) }) + ","
        out += "\"year\":" + dimension(l("Jahr", "Year"), years.map { (String($0), String($0)) }) + ","
        out += "\"measure\":" + dimension(l("Maß", "Measure"), [("value", l("Wert", "value")), ("change", l("Veränderung zum Vorjahr", "change on previous year"))])
        out += "},"
        var values: [String] = []
        var status: [String] = []
        values.reserveCapacity(indicators.count * districts.count * categories.count * years.count * 2)
        for t in indicators {
            let rows = Set(t.rows(s))
            for d in districts {
                for c in categories {
                    for y in years {
                        for m in measures {
                            let figure: Figure
                            if !rows.contains(d) || !t.categories.contains(c) { figure = .notApplicable }
                            else if m == "value" { figure = p.value(t.code, d, c, y) }
                            else { figure = p.change(t.code, d, c, y) }
                            if let v = figure.number { values.append(number(v)) } else {
                                values.append("null")
                                status.append("\"\(values.count - 1)\":" + q(figure.marker ?? "-"))
                            }
                        }
                    }
                }
            }
        }
        out += "\"value\":[" + values.joined(separator: ",") + "],"
        out += "\"status\":{" + status.joined(separator: ",") + "},"
        out += "\"note\":[" + q(l("„.“ = zum Schutz von Personen nicht veröffentlicht; „-“ = keine Angabe; „x“ = nicht sinnvoll.",
                                  "\".\" = not published to protect persons; \"-\" = no data; \"x\" = not meaningful.")) + "],"
        out += "\"extension\":{\"name\":\"\(figuresName)\",\"reportYear\":\(s.reportYear),\"zerosPublished\":true,\"tables\":{"
        out += indicators.map { t in
            var fields = ["\"unit\":" + q(t.unit.rawValue), "\"level\":" + q(t.level == .districts ? "districts" : "city"),
                          "\"categories\":[" + t.categories.map(q).joined(separator: ",") + "]",
                          "\"minimumCases\":\(t.minimumCases)", "\"minimumDenominator\":\(t.minimumDenominator)", "\"decimals\":\(t.decimals)"]
            if let total = t.total { fields.append("\"total\":" + q(total)) }
            if let n = t.numerator { fields.append("\"numerator\":" + q(n)) }
            if let d = t.denominator { fields.append("\"denominator\":" + q(d)) }
            if let dc = t.denominatorCategory { fields.append("\"denominatorCategory\":" + q(dc)) }
            if t.denominatorYearOffset != 0 { fields.append("\"denominatorYearOffset\":\(t.denominatorYearOffset)") }
            return q(t.code) + ":{" + fields.joined(separator: ",") + "}"
        }.joined(separator: ",")
        out += "}}}"
        return out
    }

    static func dimension(_ label: String, _ items: [(id: String, label: String)]) -> String {
        "{\"label\":" + q(label) + ",\"category\":{\"index\":[" + items.map { q($0.id) }.joined(separator: ",") + "],\"label\":{"
            + items.map { q($0.id) + ":" + q($0.label) }.joined(separator: ",") + "}}}"
    }
}
