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
            findings.append(CatalogueFinding(code: "duplicate-code", sheet: CatalogueWorkbook.fieldsSheet,
                                             message: "field of action \(f.code) is listed twice"))
        }
        var seenDistricts: Set<String> = [], seenNames: Set<String> = []
        for (n, d) in c.districts.enumerated() {
            let row = n < locations.districtRows.count ? locations.districtRows[n] : nil
            if !seenDistricts.insert(d.number).inserted {
                findings.append(CatalogueFinding(code: "duplicate-code", sheet: CatalogueWorkbook.districtsSheet, cell: at(row, 0),
                                                 message: "district number \(d.number) is listed twice"))
            }
            if !seenNames.insert(d.name.lowercased()).inserted {
                findings.append(CatalogueFinding(code: "duplicate-name", sheet: CatalogueWorkbook.districtsSheet, cell: at(row, 1),
                                                 message: "district \"\(d.name)\" is listed twice"))
            }
        }
        var seenDepartments: Set<String> = []
        for (n, d) in c.departments.enumerated() where !seenDepartments.insert(d.code).inserted {
            let row = n < locations.departmentRows.count ? locations.departmentRows[n] : nil
            findings.append(CatalogueFinding(code: "duplicate-code", sheet: CatalogueWorkbook.departmentsSheet, cell: at(row, 0),
                                             message: "department \(d.code) is listed twice"))
        }

        let sheet = CatalogueWorkbook.indicatorsSheet
        var seenIndicators: Set<String> = []
        for i in c.indicators {
            if !seenIndicators.insert(i.code).inserted {
                findings.append(CatalogueFinding(code: "duplicate-code", sheet: sheet, cell: indicatorCell(i, "code"),
                                                 message: "indicator code \(i.code) is used twice"))
            }
            if c.field(i.field) == nil {
                findings.append(CatalogueFinding(code: "unknown-field", sheet: sheet, cell: indicatorCell(i, "field"),
                                                 message: "indicator \(i.code): field of action \(i.field) does not exist"))
            }
            if c.department(i.department) == nil {
                findings.append(CatalogueFinding(code: "unknown-department", sheet: sheet, cell: indicatorCell(i, "department"),
                                                 message: "indicator \(i.code): department \"\(i.department)\" is not in the sheet \(CatalogueWorkbook.departmentsSheet)"))
            }
            if i.categories.isEmpty {
                findings.append(CatalogueFinding(code: "no-categories", sheet: sheet, cell: indicatorCell(i, "categories"),
                                                 message: "indicator \(i.code) has no breakdown category (at least \"insgesamt\")"))
            }
            if let min = i.minimum, let max = i.maximum, min > max {
                findings.append(CatalogueFinding(code: "range-contradiction", sheet: sheet, cell: indicatorCell(i, "minimum"),
                                                 message: "indicator \(i.code): minimum \(NumberText.shortest(min)) is above maximum \(NumberText.shortest(max))"))
            }
            if i.unit == .count, let min = i.minimum, min < 0 {
                findings.append(CatalogueFinding(code: "range-contradiction", sheet: sheet, cell: indicatorCell(i, "minimum"),
                                                 message: "indicator \(i.code): a count cannot be negative (minimum \(NumberText.shortest(min)))"))
            }
            if i.unit == .percent, (i.minimum ?? 0) < 0 || (i.maximum ?? 100) > 100 {
                findings.append(CatalogueFinding(code: "range-contradiction", sheet: sheet, cell: indicatorCell(i, "maximum"),
                                                 message: "indicator \(i.code): a percentage lies between 0 and 100"))
            }
            if i.unit == .perThousand, (i.minimum ?? 0) < 0 || (i.maximum ?? 1000) > 1000 {
                findings.append(CatalogueFinding(code: "range-contradiction", sheet: sheet, cell: indicatorCell(i, "maximum"),
                                                 message: "indicator \(i.code): a value per 1000 lies between 0 and 1000"))
            }
            if i.minimumCases < 0 {
                findings.append(CatalogueFinding(code: "range-contradiction", sheet: sheet, cell: indicatorCell(i, "minimumCases"),
                                                 message: "indicator \(i.code): the minimum case number cannot be negative"))
            }
            findings += rateFindings(i, in: c, cell: { indicatorCell(i, $0) })
        }
        findings += cycleFindings(c, cell: { indicatorCell($0, "numerator") })

        let goalSheet = CatalogueWorkbook.goalsSheet
        let active = c.goals.filter(\.active)
        if active.count > Goal.maximumActive {
            findings.append(CatalogueFinding(code: "too-many-goals", sheet: goalSheet, cell: goalCell(Goal.maximumActive, "active"),
                                             message: "\(active.count) goals are active; at most \(Goal.maximumActive) may be"))
        }
        for (n, g) in c.goals.enumerated() {
            guard let indicator = c.indicator(g.indicator) else {
                findings.append(CatalogueFinding(code: "unknown-indicator", sheet: goalSheet, cell: goalCell(n, "indicator"),
                                                 message: "goal \(n + 1): indicator \(g.indicator) does not exist"))
                continue
            }
            if !indicator.categories.contains(g.category) {
                findings.append(CatalogueFinding(code: "unknown-category", sheet: goalSheet, cell: goalCell(n, "category"),
                                                 message: "goal \(n + 1): indicator \(g.indicator) has no category \"\(g.category)\" (it has \(indicator.categories.joined(separator: ", ")))"))
            }
            if c.field(g.field) == nil {
                findings.append(CatalogueFinding(code: "unknown-field", sheet: goalSheet, cell: goalCell(n, "field"),
                                                 message: "goal \(n + 1): field of action \(g.field) does not exist"))
            }
            if g.targetYear <= g.baselineYear {
                findings.append(CatalogueFinding(code: "target-before-baseline", sheet: goalSheet, cell: goalCell(n, "targetYear"),
                                                 message: "goal \(n + 1): the target year \(g.targetYear) is not after the baseline year \(g.baselineYear)"))
            }
        }
        return findings
    }

    private static func rateFindings(_ i: Indicator, in c: Catalogue, cell: (String) -> CellReference?) -> [CatalogueFinding] {
        let sheet = CatalogueWorkbook.indicatorsSheet
        var findings: [CatalogueFinding] = []
        if i.unit.isRate && !i.isDerived {
            findings.append(CatalogueFinding(code: "rate-not-derived", sheet: sheet, cell: cell("numerator"),
                message: "indicator \(i.code) is a rate (\(i.unit.rawValue)) but names no numerator and denominator; rates are derived from counts, never submitted"))
        }
        guard i.isDerived else { return findings }
        for (role, code) in [("numerator", i.numerator), ("denominator", i.denominator)] {
            guard let code else {
                findings.append(CatalogueFinding(code: "rate-incomplete", sheet: sheet, cell: cell(role),
                                                 message: "indicator \(i.code) names no \(role)"))
                continue
            }
            guard let part = c.indicator(code) else {
                findings.append(CatalogueFinding(code: "rate-unknown-indicator", sheet: sheet, cell: cell(role),
                                                 message: "indicator \(i.code): its \(role) \(code) does not exist"))
                continue
            }
            if part.unit != .count || part.isDerived {
                findings.append(CatalogueFinding(code: "rate-of-non-count", sheet: sheet, cell: cell(role),
                                                 message: "indicator \(i.code): its \(role) \(code) is not a submitted count"))
            }
        }
        if let denominator = i.denominator.flatMap(c.indicator) {
            if let category = i.denominatorCategory, !denominator.categories.contains(category) {
                findings.append(CatalogueFinding(code: "unknown-category", sheet: sheet, cell: cell("denominatorCategory"),
                                                 message: "indicator \(i.code): the denominator \(denominator.code) has no category \"\(category)\""))
            }
        }
        if let numerator = i.numerator.flatMap(c.indicator) {
            for category in i.categories where !numerator.categories.contains(category) {
                findings.append(CatalogueFinding(code: "unknown-category", sheet: sheet, cell: cell("categories"),
                                                 message: "indicator \(i.code): its numerator \(numerator.code) has no category \"\(category)\""))
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
                findings.append(CatalogueFinding(code: "rate-cycle", sheet: CatalogueWorkbook.indicatorsSheet, cell: cell(start),
                                                 message: "indicator \(start.code) is derived from itself (\((path + [start.code]).joined(separator: " → ")))"))
            }
        }
        return findings
    }
}
