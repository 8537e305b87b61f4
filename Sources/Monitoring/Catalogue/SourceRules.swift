import Spreadsheet

/// The checks of the source mappings (sheet `Quellen`), like every other
/// sheet's: the department and every indicator and category exist, rates
/// are not imported (they are derived), columns are letters within the
/// table's width, no value column is the year or district column, and no
/// two columns of a table feed the same category.
enum SourceRules {
    static func check(_ c: Catalogue, locations: CatalogueRules.Locations) -> [CatalogueFinding] {
        var findings: [CatalogueFinding] = []
        let sheet = CatalogueWorkbook.sourcesSheet
        for m in c.sources {
            let rows = locations.sourceRows[m.table] ?? []
            func cell(_ n: Int, _ key: String) -> CellReference? {
                guard n < rows.count else { return nil }
                return CellReference(row: rows[n], column: locations.sourceColumns[key] ?? 0)
            }
            func add(_ kind: CatalogueFindingKind, _ n: Int, _ key: String) {
                findings.append(CatalogueFinding(kind, sheet: sheet, cell: cell(n, key)))
            }
            if c.department(m.department) == nil {
                add(.sourceUnknownDepartment(table: m.table, department: m.department), 0, "department")
            }
            if let count = m.columnCount {
                for (column, key) in [(m.yearColumn, "yearColumn"), (m.districtColumn, "districtColumn")] where column >= count {
                    add(.sourceColumnOutOfRange(table: m.table, column: CellReference.columnName(column), columnCount: count), 0, key)
                }
            }
            var fed: [String: String] = [:]
            for (n, column) in m.columns.enumerated() {
                if let count = m.columnCount, column.column >= count {
                    add(.sourceColumnOutOfRange(table: m.table, column: column.letter, columnCount: count), n, "column")
                }
                if column.column == m.yearColumn || column.column == m.districtColumn {
                    add(.sourceColumnIsKey(table: m.table, column: column.letter), n, "column")
                }
                guard let indicator = c.indicator(column.indicator) else {
                    add(.sourceUnknownIndicator(table: m.table, indicator: column.indicator), n, "indicator")
                    continue
                }
                if indicator.isDerived {
                    add(.sourceDerivedIndicator(table: m.table, indicator: indicator.code), n, "indicator")
                    continue
                }
                guard indicator.categories.contains(column.category) else {
                    add(.sourceUnknownCategory(table: m.table, indicator: indicator.code, category: column.category,
                                               available: indicator.categories), n, "category")
                    continue
                }
                let key = "\(indicator.code)\u{1}\(column.category)"
                if let earlier = fed[key] {
                    add(.sourceColumnsOntoOneCategory(table: m.table, indicator: indicator.code, category: column.category,
                                                      columns: [earlier, column.letter]), n, "column")
                } else {
                    fed[key] = column.letter
                }
            }
        }
        return findings
    }
}
