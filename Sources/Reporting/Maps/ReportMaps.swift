import Monitoring
import Spreadsheet

/// The maps a situation report shows: the overview (marks per district over
/// all fields), each field's status and dynamics classes (MSS), and each
/// assessed rate. Every map names its classification and shows suppressed
/// and not-assessed districts in its legend.
public enum ReportMaps {
    /// Marks per district: on how many compared rates of all fields the district is marked (●).
    public static func overview(_ r: SituationReport) -> DistrictMap? {
        guard let geometry = r.catalogue.geometry else { return nil }
        let l = r.language
        let colours: [UInt32] = [0xFFF5EB, 0xFDBE85, 0xFD8D3C, 0xD94701]
        let labels = [l("keine Auffälligkeit", "no mark"), l("1 Auffälligkeit", "1 mark"), l("2 Auffälligkeiten", "2 marks"),
                      l("3 und mehr Auffälligkeiten", "3 marks or more")]
        let legend = zip(colours, labels).map { DistrictMap.LegendEntry(fill: .colour(RGBColor(hex: $0.0)), label: $0.1) }
        return DistrictMap.categorical(
            title: l("Auffälligkeiten je Stadtteil \(r.year)", "Marks per district \(r.year)"), catalogue: r.catalogue, geometry: geometry,
            legend: legend,
            classification: l("Zahl der verglichenen Quoten aller Handlungsfelder, auf denen der Stadtteil signifikant und relevant ungünstig liegt (●)",
                              "Number of compared rates of all fields on which the district is significantly and relevantly unfavourable (●)"),
            language: l) { district in
                let perField = r.fields.compactMap { r.marks(district.number, field: $0.code) }
                guard !perField.isEmpty else { return nil }
                let n = perField.reduce(0, +)
                return (min(n, 3), String(n))
            }
    }

    /// MSS status classes of a field (or `StatusDynamics.allFields`), the dynamics class in each tooltip.
    public static func status(_ r: SituationReport, field: Int, title: String) -> DistrictMap? {
        guard let geometry = r.catalogue.geometry, r.statusDynamics.contains(where: { $0.field == field }) else { return nil }
        let l = r.language
        let classes = StatusDynamics.StatusClass.allCases
        let colours: [UInt32] = [0x1A9641, 0xA6D96A, 0xFDAE61, 0xD7191C]
        return DistrictMap.categorical(
            title: l("Status: \(title)", "Status: \(title)"), catalogue: r.catalogue, geometry: geometry,
            legend: zip(classes, colours).map { DistrictMap.LegendEntry(fill: .colour(RGBColor(hex: $0.1)), label: ReportTexts.statusClass($0.0, l)) },
            classification: l("Statusindex (MSS): Mittel der richtungsbereinigten z-Werte der Quoten, erneut standardisiert; Klassengrenzen aus dem Katalog",
                              "Status index (MSS): mean of the direction-adjusted z-scores of the rates, standardised again; class limits from the catalogue"),
            language: l) { district in
                guard let s = r.statusDynamics(district.number, field: field), let k = classes.firstIndex(of: s.statusClass) else { return nil }
                return (k, ReportTexts.statusClass(s.statusClass, l) + l(", Dynamik ", ", dynamics ") + ReportTexts.dynamicsClass(s.dynamicsClass, l))
            }
    }

    /// MSS dynamics classes of a field (or `StatusDynamics.allFields`).
    public static func dynamics(_ r: SituationReport, field: Int, title: String) -> DistrictMap? {
        guard let geometry = r.catalogue.geometry, r.statusDynamics.contains(where: { $0.field == field && $0.dynamicsClass != nil }) else { return nil }
        let l = r.language
        let classes = StatusDynamics.DynamicsClass.allCases
        let colours: [UInt32] = [0x4DAC26, 0xF7F7F7, 0xD01C8B]
        return DistrictMap.categorical(
            title: l("Dynamik: \(title)", "Dynamics: \(title)"), catalogue: r.catalogue, geometry: geometry,
            legend: zip(classes, colours).map { DistrictMap.LegendEntry(fill: .colour(RGBColor(hex: $0.1)), label: ReportTexts.dynamicsClass($0.0, l)) },
            classification: l("Dynamikindex (MSS): dasselbe für die Veränderungen der Quoten; stabil innerhalb des Bands aus dem Katalog",
                              "Dynamics index (MSS): the same for the changes of the rates; stable within the catalogue's band"),
            language: l) { district in
                guard let s = r.statusDynamics(district.number, field: field), let c = s.dynamicsClass,
                      let k = classes.firstIndex(of: c) else { return nil }
                return (k, ReportTexts.dynamicsClass(c, l))
            }
    }

    /// One compared rate: quantile classes of the districts' values;
    /// suppressed districts hatched, districts not assessed grey; the verdict in each tooltip.
    public static func indicator(_ r: SituationReport, _ indicator: Indicator) -> DistrictMap? {
        guard let geometry = r.catalogue.geometry, indicator.level == .districts, let a = r.assessment(indicator) else { return nil }
        let l = r.language
        let key = a.category
        var values: [String: Double] = [:]
        var verdicts: [String: DistrictComparison.Verdict] = [:]
        for c in a.districts {
            verdicts[c.district] = c.verdict
            if c.verdict.isAssessed, let v = c.value { values[c.district] = v }
        }
        guard let lo = values.values.min(), let hi = values.values.max() else { return nil }
        let decimals = ReportTexts.decimals(indicator)
        let classes = MapClassification(values: Array(values.values), decimals: decimals)
        let unit = unitSuffix(indicator, l)
        var legend = classes.legend(min: lo, max: hi, unit: unit, language: l)
        func isSuppressed(_ d: String) -> Bool {
            verdicts[d] == .notAssessed(.suppressed) || r.figure(indicator.code, d, key).isSuppressed
        }
        let suppressedLabel = l("gesperrt (Geheimhaltung)", "suppressed (confidentiality)")
        var suppressedIndex = -1
        if r.catalogue.districts.contains(where: { isSuppressed($0.number) }) {
            legend.append(DistrictMap.LegendEntry(fill: .suppressed, label: suppressedLabel))
            suppressedIndex = legend.count - 1
        }
        var map = DistrictMap.categorical(
            title: "\(indicator.code) – \(indicator.name) (\(key)), \(r.year)", catalogue: r.catalogue, geometry: geometry,
            legend: legend,
            classification: l("\(classes.classCount) Klassen gleicher Besetzung (Quantile der bewerteten Stadtteile)",
                              "\(classes.classCount) classes of equal size (quantiles of the assessed districts)"),
            language: l) { district in
                if isSuppressed(district.number) { return (suppressedIndex, suppressedLabel) }
                guard let v = values[district.number] else { return nil }
                var text = ReportTexts.number(v, decimals: decimals, language: l) + (unit.isEmpty ? "" : " " + unit)
                if let verdict = verdicts[district.number] {
                    let words = ReportTexts.verdict(verdict, l)
                    if !words.isEmpty { text += " " + words }
                }
                return (classes.classIndex(v), text)
            }
        // The ● of the tables, on the map too: visible on paper, where no tooltip is.
        for k in map.areas.indices where verdicts[map.areas[k].number] == .marked && !isSuppressed(map.areas[k].number) {
            map.areas[k].isMarked = true
        }
        if map.areas.contains(where: \.isMarked) {
            map.mark = l("signifikant und relevant ungünstig", "significantly and relevantly unfavourable")
        }
        return map
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
