import Spreadsheet

/// The consistency rules of a catalogue: every reference resolves, codes
/// are unique, rates are built from counts, ranges fit their unit, and no
/// more than five goals are active.
public enum CatalogueRules {
    /// Where each entity stands in the catalogue workbook, to point at cells.
    public struct Locations: Sendable {
        public var indicatorRows: [String: Int] = [:]
        public var goalRows: [Int] = []
        public var districtRows: [Int] = []
        public var departmentRows: [Int] = []
        public var indicatorColumns: [String: Int] = [:]
        public var goalColumns: [String: Int] = [:]
        /// Per source table, the rows of its mapped columns, in order; and the sheet `Quellen`'s columns.
        public var sourceRows: [String: [Int]] = [:]
        public var sourceColumns: [String: Int] = [:]

        public init() {}
    }

    public static func check(_ c: Catalogue, locations: Locations = Locations()) -> [CatalogueFinding] {
        var findings: [CatalogueFinding] = []
        func at(_ row: Int?, _ column: Int?) -> CellReference? {
            guard let row else { return nil }
            return CellReference(row: row, column: column ?? 0)
        }
        func indicatorCell(_ i: Indicator, _ column: String) -> CellReference? {
            at(locations.indicatorRows[i.code], locations.indicatorColumns[column])
        }
        func goalCell(_ n: Int, _ column: String) -> CellReference? {
            at(n < locations.goalRows.count ? locations.goalRows[n] : nil, locations.goalColumns[column])
        }

        var seenFields: Set<Int> = []
        for f in c.fields where !seenFields.insert(f.code).inserted {
            findings.append(CatalogueFinding(.duplicateField(f.code), sheet: CatalogueWorkbook.fieldsSheet))
        }
        var seenDistricts: Set<String> = [], seenNames: Set<String> = []
        for (n, d) in c.districts.enumerated() {
            let row = n < locations.districtRows.count ? locations.districtRows[n] : nil
            if !seenDistricts.insert(d.number).inserted {
                findings.append(CatalogueFinding(.duplicateDistrictNumber(d.number), sheet: CatalogueWorkbook.districtsSheet, cell: at(row, 0)))
            }
            if !seenNames.insert(d.name.lowercased()).inserted {
                findings.append(CatalogueFinding(.duplicateDistrictName(d.name), sheet: CatalogueWorkbook.districtsSheet, cell: at(row, 1)))
            }
        }
        var seenDepartments: Set<String> = []
        // Codes become file and sheet names, and both ignore case in Excel and
        // on the file systems of Windows and macOS: `ba` and `BA` are one name.
        for (n, d) in c.departments.enumerated() where !seenDepartments.insert(d.code.lowercased()).inserted {
            let row = n < locations.departmentRows.count ? locations.departmentRows[n] : nil
            findings.append(CatalogueFinding(.duplicateDepartment(d.code), sheet: CatalogueWorkbook.departmentsSheet, cell: at(row, 0)))
        }

        let sheet = CatalogueWorkbook.indicatorsSheet
        var seenIndicators: Set<String> = []
        for i in c.indicators {
            if !seenIndicators.insert(i.code.lowercased()).inserted {
                findings.append(CatalogueFinding(.duplicateIndicator(i.code), sheet: sheet, cell: indicatorCell(i, "code")))
            }
            if c.field(i.field) == nil {
                findings.append(CatalogueFinding(.unknownField(indicator: i.code, field: i.field), sheet: sheet, cell: indicatorCell(i, "field")))
            }
            if c.department(i.department) == nil {
                findings.append(CatalogueFinding(.unknownDepartment(indicator: i.code, department: i.department), sheet: sheet, cell: indicatorCell(i, "department")))
            }
            if i.categories.isEmpty {
                findings.append(CatalogueFinding(.noCategories(indicator: i.code), sheet: sheet, cell: indicatorCell(i, "categories")))
            }
            if let min = i.minimum, let max = i.maximum, min > max {
                findings.append(CatalogueFinding(.minimumAboveMaximum(indicator: i.code, minimum: min, maximum: max), sheet: sheet, cell: indicatorCell(i, "minimum")))
            }
            if i.unit == .count, let min = i.minimum, min < 0 {
                findings.append(CatalogueFinding(.negativeCountMinimum(indicator: i.code, minimum: min), sheet: sheet, cell: indicatorCell(i, "minimum")))
            }
            if i.unit == .percent, (i.minimum ?? 0) < 0 || (i.maximum ?? 100) > 100 {
                findings.append(CatalogueFinding(.percentOutOfRange(indicator: i.code), sheet: sheet, cell: indicatorCell(i, "maximum")))
            }
            if i.unit == .perThousand, (i.minimum ?? 0) < 0 || (i.maximum ?? 1000) > 1000 {
                findings.append(CatalogueFinding(.perThousandOutOfRange(indicator: i.code), sheet: sheet, cell: indicatorCell(i, "maximum")))
            }
            if i.minimumCases < 0 {
                findings.append(CatalogueFinding(.negativeMinimumCases(indicator: i.code), sheet: sheet, cell: indicatorCell(i, "minimumCases")))
            }
            findings += rateFindings(i, in: c, cell: { indicatorCell(i, $0) })
        }
        findings += cycleFindings(c, cell: { indicatorCell($0, "numerator") })

        let goalSheet = CatalogueWorkbook.goalsSheet
        let active = c.goals.filter(\.active)
        if active.count > Goal.maximumActive {
            findings.append(CatalogueFinding(.tooManyGoals(active: active.count, maximum: Goal.maximumActive), sheet: goalSheet, cell: goalCell(Goal.maximumActive, "active")))
        }
        for (n, g) in c.goals.enumerated() {
            guard let indicator = c.indicator(g.indicator) else {
                findings.append(CatalogueFinding(.goalUnknownIndicator(goal: n + 1, indicator: g.indicator), sheet: goalSheet, cell: goalCell(n, "indicator")))
                continue
            }
            if !indicator.categories.contains(g.category) {
                findings.append(CatalogueFinding(.goalCategoryUnknown(goal: n + 1, indicator: g.indicator, category: g.category, available: indicator.categories),
                                                 sheet: goalSheet, cell: goalCell(n, "category")))
            }
            if c.field(g.field) == nil {
                findings.append(CatalogueFinding(.goalUnknownField(goal: n + 1, field: g.field), sheet: goalSheet, cell: goalCell(n, "field")))
            }
            if g.targetYear <= g.baselineYear {
                findings.append(CatalogueFinding(.targetBeforeBaseline(goal: n + 1, targetYear: g.targetYear, baselineYear: g.baselineYear),
                                                 sheet: goalSheet, cell: goalCell(n, "targetYear")))
            }
        }
        findings += assessmentFindings(c, cell: indicatorCell)
        findings += SourceRules.check(c, locations: locations)
        return findings
    }

    /// The comparison settings: assessed categories exist, class boundaries fall, periods are positive.
    private static func assessmentFindings(_ c: Catalogue, cell: (Indicator, String) -> CellReference?) -> [CatalogueFinding] {
        var findings: [CatalogueFinding] = []
        for (code, rule) in c.assessment.rules.sorted(by: { $0.key < $1.key }) {
            guard let i = c.indicator(code) else { continue }
            for category in [rule.category] + (rule.reference.map { [$0] } ?? []) where !i.categories.contains(category) {
                findings.append(CatalogueFinding(.assessedCategoryUnknown(indicator: code, category: category, available: i.categories),
                                                 sheet: CatalogueWorkbook.indicatorsSheet, cell: cell(i, "assessedCategory")))
            }
        }
        let s = c.assessment
        let sheet = AssessmentSettingsSheet.name
        if !(s.statusHigh > s.statusLow && s.statusLow > s.statusVeryLow) {
            findings.append(CatalogueFinding(.assessmentSettingsContradict("\(AssessmentSettingsSheet.statusHigh) > \(AssessmentSettingsSheet.statusLow) > \(AssessmentSettingsSheet.statusVeryLow)"), sheet: sheet))
        }
        if s.dynamicsYears < 1 || s.stableBand < 0 || s.minimumPopulation < 0 {
            findings.append(CatalogueFinding(.assessmentSettingsContradict("\(AssessmentSettingsSheet.dynamicsYears) ≥ 1, \(AssessmentSettingsSheet.stableBand) ≥ 0, \(AssessmentSettingsSheet.minimumPopulation) ≥ 0"), sheet: sheet))
        }
        return findings
    }

    private static func rateFindings(_ i: Indicator, in c: Catalogue, cell: (String) -> CellReference?) -> [CatalogueFinding] {
        let sheet = CatalogueWorkbook.indicatorsSheet
        var findings: [CatalogueFinding] = []
        if i.unit.isRate && !i.isDerived {
            findings.append(CatalogueFinding(.rateNotDerived(indicator: i.code, unit: i.unit.rawValue), sheet: sheet, cell: cell("numerator")))
        }
        guard i.isDerived else { return findings }
        for (role, code) in [(CatalogueFindingKind.RateRole.numerator, i.numerator), (.denominator, i.denominator)] {
            guard let code else {
                findings.append(CatalogueFinding(.rateIncomplete(indicator: i.code, missing: role), sheet: sheet, cell: cell(role.rawValue)))
                continue
            }
            guard let part = c.indicator(code) else {
                findings.append(CatalogueFinding(.rateUnknownIndicator(indicator: i.code, role: role, part: code), sheet: sheet, cell: cell(role.rawValue)))
                continue
            }
            if part.unit != .count || part.isDerived {
                findings.append(CatalogueFinding(.rateOfNonCount(indicator: i.code, role: role, part: code), sheet: sheet, cell: cell(role.rawValue)))
            }
        }
        if let denominator = i.denominator.flatMap(c.indicator) {
            if let category = i.denominatorCategory, !denominator.categories.contains(category) {
                findings.append(CatalogueFinding(.denominatorCategoryUnknown(indicator: i.code, denominator: denominator.code, category: category),
                                                 sheet: sheet, cell: cell("denominatorCategory")))
            }
        }
        if let numerator = i.numerator.flatMap(c.indicator) {
            for category in i.categories where !numerator.categories.contains(category) {
                findings.append(CatalogueFinding(.numeratorCategoryUnknown(indicator: i.code, numerator: numerator.code, category: category),
                                                 sheet: sheet, cell: cell("categories")))
            }
        }
        return findings
    }

    /// Derived indicators that lead back to themselves through their numerators and denominators.
    private static func cycleFindings(_ c: Catalogue, cell: (Indicator) -> CellReference?) -> [CatalogueFinding] {
        var findings: [CatalogueFinding] = []
        for start in c.indicators where start.isDerived {
            var path = [start.code]
            var frontier = [start]
            var seen: Set<String> = [start.code]
            var found = false
            while let next = frontier.popLast(), !found {
                for code in [next.numerator, next.denominator].compactMap({ $0 }) {
                    if code == start.code && next.isDerived {
                        found = true
                        break
                    }
                    if let part = c.indicator(code), part.isDerived, seen.insert(code).inserted {
                        path.append(code)
                        frontier.append(part)
                    }
                }
            }
            if found {
                findings.append(CatalogueFinding(.rateCycle(indicator: start.code, path: path + [start.code]),
                                                 sheet: CatalogueWorkbook.indicatorsSheet, cell: cell(start)))
            }
        }
        return findings
    }
}
