import Monitoring
import Spreadsheet

/// The maps a situation report shows: the overview (marks per district),
/// each field's status and dynamics classes, and each assessed indicator.
/// Every map names its classification and the suppressed and not-assessed
/// districts in its legend.
public enum ReportMaps {
    /// Marks (indicators on which a district stands out unfavourably) over all fields.
    public static func overview(_ r: SituationReport) -> DistrictMap? {
        guard let geometry = r.catalogue.geometry else { return nil }
        let l = r.language
        var marks: [String: Int] = [:]
        for s in r.statusDynamics { marks[s.district, default: 0] += s.flags }
        let colours: [UInt32] = [0xFFF5EB, 0xFDBE85, 0xFD8D3C, 0xD94701]
        let labels = [l("keine Auffälligkeit", "no mark"), l("1 Auffälligkeit", "1 mark"), l("2 Auffälligkeiten", "2 marks"),
                      l("3 und mehr Auffälligkeiten", "3 marks or more")]
        let legend = zip(colours, labels).map { DistrictMap.LegendEntry(fill: .colour(RGBColor(hex: $0.0)), label: $0.1) }
        return DistrictMap.categorical(
            title: l("Auffälligkeiten je Stadtteil \(r.year)", "Marks per district \(r.year)"), catalogue: r.catalogue, geometry: geometry,
            legend: legend,
            classification: l("Zahl der Indikatoren aller Handlungsfelder, bei denen der Stadtteil ungünstig auffällt",
                              "Number of indicators of all fields on which the district stands out unfavourably"),
            language: l) { district in
                guard let n = marks[district.number] else { return nil }
                return (min(n, 3), String(n))
            }
    }

    /// Status and dynamics classes of one field of action.
    public static func status(_ r: SituationReport, field: FieldOfAction) -> DistrictMap? {
        guard let geometry = r.catalogue.geometry else { return nil }
        let l = r.language
        let classes: [(StatusDynamics.Class, UInt32, String)] = [
            (.stableGood, 0x1A9641, l("günstig, stabil oder besser", "favourable, stable or improving")),
            (.goodDeclining, 0xA6D96A, l("günstig, verschlechternd", "favourable, getting worse")),
            (.poorImproving, 0xFDAE61, l("ungünstig, verbessernd", "unfavourable, improving")),
            (.poorDeclining, 0xD7191C, l("ungünstig, verschlechternd", "unfavourable, getting worse")),
        ]
        let byDistrict = Dictionary(r.statusDynamics.filter { $0.field == field.code }.map { ($0.district, $0) }) { a, _ in a }
        return DistrictMap.categorical(
            title: l("Status und Dynamik: \(field.code). \(field.name)", "Status and dynamics: \(field.code). \(field.name)"),
            catalogue: r.catalogue, geometry: geometry,
            legend: classes.map { DistrictMap.LegendEntry(fill: .colour(RGBColor(hex: $0.1)), label: $0.2) },
            classification: l("Status: Mittel der richtungsbereinigten z-Werte; Dynamik: ihrer Veränderung zum Vorjahr",
                              "Status: mean of the direction-adjusted z-scores; dynamics: of their change on the previous year"),
            language: l) { district in
                guard let s = byDistrict[district.number], let k = classes.firstIndex(where: { $0.0 == s.category }) else { return nil }
                return (k, classes[k].2)
            }
    }

    /// One indicator's key category: quintile classes of the districts'
    /// values; suppressed districts hatched, districts without a figure grey.
    public static func indicator(_ r: SituationReport, _ indicator: Indicator) -> DistrictMap? {
        guard let geometry = r.catalogue.geometry, indicator.level == .districts else { return nil }
        let l = r.language
        let key = r.keyCategory(indicator)
        guard let a = r.analyses[indicator.code]?[key] else { return nil }
        let values = Dictionary(a.districts.filter { !r.isSuppressed(indicator.code, $0.district, key) }.map { ($0.district, $0.value) }) { x, _ in x }
        guard let lo = values.values.min(), let hi = values.values.max() else { return nil }
        let decimals = ReportTexts.decimals(indicator)
        let classes = MapClassification(values: Array(values.values), decimals: decimals)
        let unit = unitSuffix(indicator, l)
        var legend = classes.legend(min: lo, max: hi, unit: unit, language: l)
        let suppressedLabel = l("gesperrt (Geheimhaltung)", "suppressed (confidentiality)")
        let anySuppressed = r.catalogue.districts.contains { r.isSuppressed(indicator.code, $0.number, key) }
        if anySuppressed { legend.append(DistrictMap.LegendEntry(fill: .suppressed, label: suppressedLabel)) }
        let suppressedIndex = legend.count - 1
        return DistrictMap.categorical(
            title: "\(indicator.code) – \(indicator.name) (\(key)), \(r.year)", catalogue: r.catalogue, geometry: geometry,
            legend: legend,
            classification: l("\(classes.classCount) Klassen gleicher Besetzung (Quantile der Stadtteilwerte)",
                              "\(classes.classCount) classes of equal size (quantiles of the district values)"),
            language: l) { district in
                if r.isSuppressed(indicator.code, district.number, key) { return (suppressedIndex, suppressedLabel) }
                guard let v = values[district.number] else { return nil }
                return (classes.classIndex(v), ReportTexts.number(v, decimals: decimals, language: l) + (unit.isEmpty ? "" : " " + unit))
            }
    }

    /// The unit written after a value: none for counts and indices (a count
    /// is a number of whatever the indicator's name says; "921 Anzahl" reads wrong).
    static func unitSuffix(_ indicator: Indicator, _ l: Language) -> String {
        switch indicator.unit {
        case .count, .index: ""
        case .percent: "%"
        case .perThousand: l("je 1 000", "per 1,000")
        case .euro: "€"
        }
    }
}
