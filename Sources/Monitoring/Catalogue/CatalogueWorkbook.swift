import Spreadsheet
import WorkbookIO

/// The catalogue as the coordinator keeps it: a workbook with the sheets
/// `Handlungsfelder`, `Sozialräume`, `Ämter`, `Indikatoren`, `Ziele`, the
/// optional settings sheet `Bewertung`, the optional sheet `Quellen` (see
/// `SourceSheet.swift`), and German headers. Reading tolerates column order and spelling of headers;
/// every problem is reported with its cell.
public enum CatalogueWorkbook {
    public static let fieldsSheet = "Handlungsfelder"
    public static let districtsSheet = "Sozialräume"
    public static let departmentsSheet = "Ämter"
    public static let indicatorsSheet = "Indikatoren"
    public static let goalsSheet = "Ziele"

    /// Column keys with their German headers, in the order they are written.
    static let fieldColumns = [("code", "Nr."), ("name", "Handlungsfeld")]
    static let districtColumns = [("number", "Nr."), ("name", "Stadtteil"), ("area", "Gebiet"), ("note", "Hinweis")]
    static let departmentColumns = [("code", "Kürzel"), ("name", "Bezeichnung"), ("contact", "Kontakt")]
    static let indicatorColumns = [
        ("code", "Kennziffer"), ("name", "Bezeichnung"), ("field", "Handlungsfeld"), ("department", "Amt"), ("unit", "Einheit"),
        ("categories", "Aufgliederung"), ("minimum", "Minimum"), ("maximum", "Maximum"), ("direction", "Richtung"),
        ("minimumCases", "Mindestfallzahl"), ("level", "Räumliche Ebene"), ("numerator", "Zähler"), ("denominator", "Nenner"),
        ("denominatorCategory", "Nenner-Kategorie"), ("source", "Quelle"), ("definition", "Definition"),
        ("denominatorYearOffset", "Nenner-Jahr"), ("assessedCategory", "Bewertete Kategorie"), ("minimumDenominator", "Mindestnenner"),
        ("relevantDistance", "Relevanter Abstand"),
    ]
    static let goalColumns = [
        ("field", "Handlungsfeld"), ("statement", "Ziel"), ("indicator", "Indikator"), ("category", "Kategorie"),
        ("baselineYear", "Basisjahr"), ("baselineValue", "Basiswert"), ("targetYear", "Zieljahr"), ("targetValue", "Zielwert"),
        ("priority", "Priorität"), ("active", "aktiv"),
    ]

    // MARK: Writing

    /// Writes the catalogue as an editable workbook (`.xlsx`, `.ods`, `.fods`).
    public static func write(_ c: Catalogue, to path: String) throws {
        let writer = try WorkbookFile.writer(for: path)
        do {
            try writeSheet(writer, fieldsSheet, fieldColumns, widths: [6, 90],
                           c.fields.map { [.string(String($0.code)), .string($0.name)] })
            try writeSheet(writer, districtsSheet, districtColumns, widths: [6, 26, 20, 70],
                           c.districts.map { [.string($0.number), .string($0.name), text($0.area), text($0.note)] })
            try writeSheet(writer, departmentsSheet, departmentColumns, widths: [8, 48, 30],
                           c.departments.map { [.string($0.code), .string($0.name), text($0.contact)] })
            try writeSheet(writer, indicatorsSheet, indicatorColumns,
                           widths: [11, 48, 13, 8, 10, 32, 9, 9, 20, 15, 15, 8, 8, 16, 34, 70, 11, 18, 13, 17],
                           c.indicators.map { i in
                               // Only rules set explicitly are written: an empty cell keeps the default.
                               let rule = c.assessment.rules[i.code]
                               return [
                               .string(i.code), .string(i.name), .number(Double(i.field)), .string(i.department), .string(i.unit.rawValue),
                               .string(i.categories.joined(separator: "; ")), number(i.minimum), number(i.maximum),
                               .string(i.direction.rawValue), .number(Double(i.minimumCases)), .string(i.level.rawValue),
                               text(i.numerator), text(i.denominator), text(i.denominatorCategory), .string(i.source), .string(i.definition),
                               i.denominatorYearOffset == 0 ? .empty : .number(Double(i.denominatorYearOffset)),
                               text(rule?.label), number(rule?.minimumDenominator), number(rule?.relevantDistance),
                           ] })
            try writeSheet(writer, goalsSheet, goalColumns, widths: [13, 70, 10, 14, 10, 10, 10, 10, 9, 7],
                           c.goals.map { g in [
                               .number(Double(g.field)), .string(g.statement), .string(g.indicator), .string(g.category),
                               .number(Double(g.baselineYear)), .number(g.baselineValue), .number(Double(g.targetYear)),
                               .number(g.targetValue), .number(Double(g.priority)), .string(g.active ? "ja" : "nein"),
                           ] })
            try writeSheet(writer, AssessmentSettingsSheet.name, AssessmentSettingsSheet.columns, widths: [40, 16, 70],
                           AssessmentSettingsSheet.rows(c.assessment))
            if !c.sources.isEmpty {
                try writeSheet(writer, sourcesSheet, sourceColumns, widths: sourceWidths, sourceRows(c.sources))
            }
            if let geometry = c.geometry {
                try CatalogueMapSheet.write(geometry, writer)
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    private static func text(_ s: String?) -> CellValue { s.map(CellValue.string) ?? .empty }
    private static func number(_ n: Double?) -> CellValue { n.map(CellValue.number) ?? .empty }

    private static func writeSheet(_ writer: any WorkbookWriter, _ name: String, _ columns: [(String, String)], widths: [Double],
                                   _ rows: [[CellValue]]) throws {
        var layout = SheetLayout(name: name)
        layout.frozenRows = 1
        layout.printTitleRows = 0...0
        layout.columnWidths = Dictionary(uniqueKeysWithValues: widths.enumerated().map { ($0.offset, $0.element) })
        if !rows.isEmpty {
            layout.autoFilter = CellRange(first: CellReference(row: 0, column: 0),
                                          last: CellReference(row: rows.count, column: columns.count - 1))
        }
        try writer.beginSheet(layout)
        try writer.write(OutputRow(index: 0, values: columns.map { .string($0.1) }, style: .header))
        var wrap = CellStyle()
        wrap.vertical = .top
        for (n, values) in rows.enumerated() {
            try writer.write(OutputRow(index: n + 1, values: values, style: wrap))
        }
        try writer.endSheet()
    }

    // MARK: Reading

    /// Reads a catalogue workbook. Problems that make a row unusable are
    /// findings (the row is left out); the consistency rules then run on
    /// what was read.
    /// `folder` is where a map file named on the sheet `Karte` is looked for.
    public static func read(_ workbook: Workbook, folder: String? = nil) -> (Catalogue, [CatalogueFinding]) {
        var findings: [CatalogueFinding] = []
        var locations = CatalogueRules.Locations()

        func table(_ name: String, _ columns: [(String, String)]) -> (sheet: Sheet, map: [String: Int])? {
            guard let sheet = workbook.sheet(named: name) ?? workbook.sheets.first(where: { SheetMatch.same($0.name, name) }) else {
                findings.append(CatalogueFinding(.missingSheet(name: name), sheet: name))
                return nil
            }
            var map: [String: Int] = [:]
            let header = sheet.rows.first { $0.index == 0 }
            for (key, title) in columns {
                if let cell = header?.cells.first(where: { SheetMatch.same(CellText.plain($0.value), title) }) {
                    map[key] = cell.column
                }
            }
            return (sheet, map)
        }

        var fields: [FieldOfAction] = []
        if let (sheet, map) = table(fieldsSheet, fieldColumns) {
            for row in sheet.rows where row.index > 0 {
                let r = RowReader(sheet: sheet, row: row, map: map)
                guard let code = r.int("code", &findings), let name = r.string("name") else { continue }
                findings += r.unsafeText("name", .fieldOfAction)
                fields.append(FieldOfAction(code: code, name: name))
            }
        }
        var districts: [District] = []
        if let (sheet, map) = table(districtsSheet, districtColumns) {
            for row in sheet.rows where row.index > 0 {
                let r = RowReader(sheet: sheet, row: row, map: map)
                guard let number = r.code("number"), let name = r.string("name") else { continue }
                findings += r.unsafeText("number", .districtNumber) + r.unsafeText("name", .district) + r.unsafeText("area", .area)
                districts.append(District(number: number, name: name, area: r.string("area"), note: r.string("note")))
                locations.districtRows.append(row.index)
            }
        }
        var departments: [Department] = []
        if let (sheet, map) = table(departmentsSheet, departmentColumns) {
            for row in sheet.rows where row.index > 0 {
                let r = RowReader(sheet: sheet, row: row, map: map)
                guard let code = r.code("code"), let name = r.string("name") else { continue }
                findings += r.unsafeCode("code", .department) + r.unsafeText("name", .department) + r.unsafeText("contact", .contact)
                departments.append(Department(code: code, name: name, contact: r.string("contact")))
                locations.departmentRows.append(row.index)
            }
        }
        var indicators: [Indicator] = []
        var rules: [String: AssessmentSettings.Rule] = [:]
        if let (sheet, map) = table(indicatorsSheet, indicatorColumns) {
            locations.indicatorColumns = map
            for row in sheet.rows where row.index > 0 {
                let r = RowReader(sheet: sheet, row: row, map: map)
                guard let code = r.code("code") else { continue }
                findings += r.unsafeCode("code", .indicator) + r.unsafeText("name", .indicator) + r.unsafeText("categories", .category)
                guard let field = r.int("field", &findings), let department = r.code("department") else {
                    if r.int("field", &findings) == nil {
                        findings.append(r.finding("field", .fieldMissing(indicator: code)))
                    }
                    continue
                }
                guard let unit = r.string("unit").flatMap(IndicatorUnit.init(text:)) else {
                    findings.append(r.finding("unit", .unknownUnit(indicator: code, found: r.string("unit") ?? "", allowed: IndicatorUnit.allCases.map(\.rawValue))))
                    continue
                }
                guard let direction = Direction(text: r.string("direction") ?? "") else {
                    findings.append(r.finding("direction", .unknownDirection(indicator: code, found: r.string("direction") ?? "",
                                                                           allowed: Direction.allCases.map(\.rawValue))))
                    continue
                }
                guard let level = SpatialLevel(text: r.string("level") ?? "") else {
                    findings.append(r.finding("level", .unknownLevel(indicator: code, found: r.string("level") ?? "")))
                    continue
                }
                let categories = (r.string("categories") ?? "").split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
                let indicator = Indicator(
                    code: code, name: r.string("name") ?? code, field: field, department: department, unit: unit, categories: categories,
                    minimum: r.double("minimum", &findings), maximum: r.double("maximum", &findings), direction: direction,
                    minimumCases: r.int("minimumCases", &findings) ?? 0, source: r.string("source") ?? "",
                    definition: r.string("definition") ?? "", numerator: r.code("numerator"), denominator: r.code("denominator"),
                    denominatorCategory: r.string("denominatorCategory"), denominatorYearOffset: r.int("denominatorYearOffset", &findings) ?? 0,
                    level: level)
                indicators.append(indicator)
                let assessedCategory = r.string("assessedCategory")
                let minimumDenominator = r.double("minimumDenominator", &findings), relevantDistance = r.double("relevantDistance", &findings)
                if assessedCategory != nil || minimumDenominator != nil || relevantDistance != nil {
                    let base = AssessmentSettings().rule(for: indicator)
                    let assessed = assessedCategory.map(AssessmentSettings.Rule.parse) ?? (category: base.category, reference: nil)
                    rules[code] = AssessmentSettings.Rule(category: assessed.category, reference: assessed.reference,
                                                          minimumDenominator: minimumDenominator ?? base.minimumDenominator,
                                                          relevantDistance: relevantDistance ?? base.relevantDistance)
                }
                locations.indicatorRows[code] = locations.indicatorRows[code] ?? row.index
            }
        }
        var goals: [Goal] = []
        if let (sheet, map) = table(goalsSheet, goalColumns) {
            locations.goalColumns = map
            for row in sheet.rows where row.index > 0 {
                let r = RowReader(sheet: sheet, row: row, map: map)
                guard let indicator = r.code("indicator") else { continue }
                guard let field = r.int("field", &findings), let baselineYear = r.int("baselineYear", &findings),
                      let baselineValue = r.double("baselineValue", &findings), let targetYear = r.int("targetYear", &findings),
                      let targetValue = r.double("targetValue", &findings) else {
                    findings.append(r.finding("baselineYear", .goalNumbersMissing(indicator: indicator)))
                    continue
                }
                let active = (r.string("active") ?? "ja").lowercased()
                goals.append(Goal(field: field, statement: r.string("statement") ?? "", indicator: indicator,
                                  category: r.string("category") ?? "insgesamt", baselineYear: baselineYear, baselineValue: baselineValue,
                                  targetYear: targetYear, targetValue: targetValue, priority: r.int("priority", &findings) ?? goals.count + 1,
                                  active: !["nein", "no", "0", "false", "falsch"].contains(active)))
                locations.goalRows.append(row.index)
            }
        }
        // The settings sheet is optional: catalogues written before it existed take the defaults.
        var assessment = AssessmentSettings()
        if let sheet = workbook.sheet(named: AssessmentSettingsSheet.name)
            ?? workbook.sheets.first(where: { SheetMatch.same($0.name, AssessmentSettingsSheet.name) }) {
            assessment = AssessmentSettingsSheet.read(sheet, &findings)
        }
        assessment.rules = rules
        let sources = readSources(workbook, findings: &findings, locations: &locations)
        let (geometry, mapFindings) = CatalogueMapSheet.read(workbook, folder: folder, districts: districts)
        let catalogue = Catalogue(fields: fields.isEmpty ? FieldOfAction.builtIn : fields, districts: districts,
                                  departments: departments, indicators: indicators, goals: goals, assessment: assessment,
                                  sources: sources, geometry: geometry)
        return (catalogue, findings + CatalogueRules.check(catalogue, locations: locations) + mapFindings)
    }

    /// Reads the catalogue workbook at `path`.
    public static func read(path: String) throws -> (Catalogue, [CatalogueFinding]) {
        let slash = path.lastIndex(of: "/")
        return read(try WorkbookFile.read(path), folder: slash.map { String(path[..<$0]) } ?? ".")
    }
}

/// Reads typed values from one row of a catalogue sheet by column key.
struct RowReader {
    let sheet: Sheet
    let row: Row
    let map: [String: Int]

    func value(_ key: String) -> CellValue {
        guard let column = map[key] else { return .empty }
        return row.cells.first { $0.column == column }?.value ?? .empty
    }

    func cell(_ key: String) -> CellReference { CellReference(row: row.index, column: map[key] ?? 0) }

    func finding(_ key: String, _ kind: CatalogueFindingKind) -> CatalogueFinding {
        CatalogueFinding(kind, sheet: sheet.name, cell: cell(key))
    }

    /// A code that becomes a file or sheet name, checked as typed (not trimmed).
    func unsafeCode(_ key: String, _ entry: CatalogueFindingKind.Entry) -> [CatalogueFinding] {
        let raw = CellText.plain(value(key))
        let problems = entry == .indicator ? NameProblem.ofSheetCode(raw) : NameProblem.ofCode(raw)
        return problems.isEmpty ? [] : [finding(key, .unsafeCode(entry: entry, code: raw, problems: problems))]
    }

    /// A name that goes into cells, headers and titles: no control characters.
    func unsafeText(_ key: String, _ entry: CatalogueFindingKind.Entry) -> [CatalogueFinding] {
        let raw = CellText.plain(value(key))
        let problems = NameProblem.ofName(raw)
        return problems.isEmpty ? [] : [finding(key, .unsafeText(entry: entry, text: raw, problems: problems))]
    }

    func string(_ key: String) -> String? {
        let text = CellText.plain(value(key)).trimmed
        return text.isEmpty ? nil : text
    }

    /// A code kept as text: `01` stays `01`, the number 1 becomes `1`.
    func code(_ key: String) -> String? { string(key) }

    func int(_ key: String, _ findings: inout [CatalogueFinding]) -> Int? {
        switch value(key) {
        case .empty: return nil
        case .number(let n) where n == n.rounded() && abs(n) < 1e9: return Int(n)
        case .string(let s) where Int(s.trimmed) != nil: return Int(s.trimmed)
        default:
            findings.append(finding(key, .notAWholeNumber(found: CellText.plain(value(key)))))
            return nil
        }
    }

    func double(_ key: String, _ findings: inout [CatalogueFinding]) -> Double? {
        switch value(key) {
        case .empty: return nil
        case .number(let n): return n
        case .string(let s):
            if let n = NumberText.parse(s.replacingComma()) { return n }
            fallthrough
        default:
            findings.append(finding(key, .notANumber(found: CellText.plain(value(key)))))
            return nil
        }
    }
}

/// Tolerant matching of sheet names and headers: case, spaces, umlauts.
enum SheetMatch {
    static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

    static func key(_ s: String) -> String { NameMatching.key(s) }
}

extension String {
    func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
