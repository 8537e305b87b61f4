import Spreadsheet

/// The catalogue workbook's sheet `Bewertung`: the catalogue-wide settings
/// of the comparison (minimum population, class boundaries, dynamics
/// period, the rates of each field's index), one setting per row with an
/// explanation beside it. The per-indicator rules are columns of
/// `Indikatoren`.
enum AssessmentSettingsSheet {
    static let name = "Bewertung"
    static let columns = [("setting", "Einstellung"), ("value", "Wert"), ("meaning", "Bedeutung")]

    /// Setting labels (German, as the coordinator reads them).
    static let populationIndicator = "Einwohnerindikator"
    static let populationCategory = "Einwohnerkategorie"
    static let minimumPopulation = "Mindesteinwohnerzahl"
    static let statusHigh = "Statusklasse 1 (hoch) über"
    static let statusLow = "Statusklasse 2 (mittel) bis"
    static let statusVeryLow = "Statusklasse 3 (niedrig) bis"
    static let dynamicsYears = "Dynamik: Jahre"
    static let stableBand = "Dynamik: stabil bis ±"
    static let baselineTolerance = "Toleranz Basiswert"
    static let indexRatesPrefix = "Indexquoten Handlungsfeld "

    static func rows(_ s: AssessmentSettings) -> [[CellValue]] {
        var rows: [[CellValue]] = [
            [.string(populationIndicator), .string(s.populationIndicator), .string("Indikator, dessen Wert entscheidet, ob ein Stadtteil verglichen wird.")],
            [.string(populationCategory), .string(s.populationCategory), .string("Kategorie dieses Indikators.")],
            [.string(minimumPopulation), .number(s.minimumPopulation), .string("Stadtteile mit weniger Einwohnern werden nicht verglichen (MSS: 300).")],
            [.string(statusHigh), .number(s.statusHigh), .string("In Standardabweichungen des Statusindex.")],
            [.string(statusLow), .number(s.statusLow), .string("Darunter Klasse 3 (niedrig).")],
            [.string(statusVeryLow), .number(s.statusVeryLow), .string("Darunter Klasse 4 (sehr niedrig).")],
            [.string(dynamicsYears), .number(Double(s.dynamicsYears)), .string("Veränderung über so viele Jahre.")],
            [.string(stableBand), .number(s.stableBand), .string("Dynamikindex innerhalb ± dieses Werts: stabil.")],
            [.string(baselineTolerance), .number(s.baselineTolerance), .string("Abweichung des Katalog-Basiswerts vom beobachteten, ab der sie gemeldet wird.")],
        ]
        for (field, codes) in s.indexRates.sorted(by: { $0.key < $1.key }) {
            rows.append([.string(indexRatesPrefix + String(field)), .string(codes.joined(separator: "; ")),
                         .string("Quoten des Status- und Dynamikindex dieses Handlungsfelds (leer: alle Quoten mit Richtung).")])
        }
        return rows
    }

    /// Reads the settings; an unknown label or a value of the wrong kind is a finding at its cell.
    static func read(_ sheet: Sheet, _ findings: inout [CatalogueFinding]) -> AssessmentSettings {
        var s = AssessmentSettings()
        let map = ["setting": 0, "value": 1]
        for row in sheet.rows where row.index > 0 {
            let r = RowReader(sheet: sheet, row: row, map: map)
            guard let label = r.string("setting") else { continue }
            func number() -> Double? { r.double("value", &findings) }
            switch label {
            case _ where SheetMatch.same(label, populationIndicator): s.populationIndicator = r.code("value") ?? s.populationIndicator
            case _ where SheetMatch.same(label, populationCategory): s.populationCategory = r.string("value") ?? s.populationCategory
            case _ where SheetMatch.same(label, minimumPopulation): s.minimumPopulation = number() ?? s.minimumPopulation
            case _ where SheetMatch.same(label, statusHigh): s.statusHigh = number() ?? s.statusHigh
            case _ where SheetMatch.same(label, statusLow): s.statusLow = number() ?? s.statusLow
            case _ where SheetMatch.same(label, statusVeryLow): s.statusVeryLow = number() ?? s.statusVeryLow
            case _ where SheetMatch.same(label, dynamicsYears): s.dynamicsYears = r.int("value", &findings) ?? s.dynamicsYears
            case _ where SheetMatch.same(label, stableBand): s.stableBand = number() ?? s.stableBand
            case _ where SheetMatch.same(label, baselineTolerance): s.baselineTolerance = number() ?? s.baselineTolerance
            case _ where label.hasPrefix(indexRatesPrefix):
                guard let field = Int(String(label.dropFirst(indexRatesPrefix.count)).trimmed) else {
                    findings.append(r.finding("setting", .unknownSetting(label)))
                    continue
                }
                s.indexRates[field] = (r.string("value") ?? "").split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
            default:
                findings.append(r.finding("setting", .unknownSetting(label)))
            }
        }
        return s
    }
}
