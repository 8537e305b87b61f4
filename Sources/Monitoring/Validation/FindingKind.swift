/// What a validation finding is about, with what was found and what was
/// expected: data that the renderers (terminal text, JSON, the feedback
/// workbook) put into German or English words through `FindingText`.
public enum FindingKind: Hashable, Sendable {
    // The file and its `Angaben`.
    case unreadable(location: String, reason: String)
    case detailsMissing
    case unknownDepartment(found: String)
    case departmentMissing
    case yearInvalid(found: String)
    case yearMissing
    case templateOfOtherDepartment(template: String, entered: String)
    case templateOfOtherYear(template: Int, entered: Int)
    case templateOutdated
    case yearUnexpected(expected: Int, found: Int)
    // Sheets, headers and rows.
    case sheetRenamed(sheet: String, indicator: String)
    case unknownSheet(sheet: String)
    case sheetMissing(indicator: String, name: String)
    case headerMissing(categories: [String])
    case columnMissing(category: String)
    case columnDuplicate(category: String)
    /// No row carries a district number; rows were matched by name.
    case districtNamesOnly
    /// The numbers follow the department's own scheme; rows were matched by
    /// name. The example is one row whose number is not its catalogue number.
    case districtOwnNumbering(number: String?, name: String?, catalogueNumber: String?)
    /// Number and name of a row name different districts (or one of them none).
    case districtMismatch(number: String, name: String, catalogueNameForNumber: String?, catalogueNumberForName: String?)
    case unknownDistrict(number: String, name: String)
    case districtDuplicate(name: String)
    /// A district row (number and name) or, with both nil, the city-total row is missing.
    case districtMissing(number: String?, name: String?)
    // Values.
    case formulaWithoutValue
    case emptyCell
    case numberAsText(text: String, read: Double)
    case unknownMarker(found: String)
    case textInNumberCell(found: String)
    case truthValueInNumberCell
    case dateInNumberCell
    case formulaError(error: String)
    case negativeCount
    case fractionalCount(found: Double)
    case percentOutOfRange
    case belowMinimum(minimum: Double)
    case aboveMaximum(maximum: Double)
    // Consistency.
    case partExceedsTotal(part: String, value: Double, total: String, totalValue: Double)
    case partsDoNotAddUp(parts: [String], sum: Double, total: String, totalValue: Double)
    case cityTotalMismatch(sum: Double, city: Double)
    /// With confidential (or otherwise open) district cells the known
    /// districts can only add up to at most the city value; here they exceed it.
    case cityTotalExceeded(sum: Double, city: Double, open: Int)
    /// With a confidential part the known parts can only add up to at most the total.
    case partsExceedTotal(parts: [String], sum: Double, total: String, totalValue: Double)
    case numeratorExceedsDenominator(numerator: String, value: Double, denominator: String, denominatorValue: Double,
                                     denominatorSheet: String, denominatorCell: String)
    // Plausibility against earlier years.
    case sameAsLastYear(previousYear: Int)
    case largeChange(previousYear: Int, previous: Double, percent: Int)
    case districtOutlier(part: String, sharePercent: Int, typicalPercent: Int)
    // The command's own work.
    case feedbackNotWritten(reason: String)
    // Statistics-office tables taken through a mapping (`imon import`).
    /// No mapping of the catalogue recognises the file; `found` are the table ids it carries.
    case sourceNotMapped(found: [String])
    /// The table has another number of columns than its mapping states.
    case sourceLayoutChanged(table: String, expected: Int, found: Int)
    case sourceHeaderChanged(expected: String, found: String)
    /// A row names another table than the file's first row.
    case sourceOtherTable(expected: String, found: String)
    /// A row's district number is not in the catalogue (nor the city's key).
    case sourceUnknownDistrict(number: String, row: Int)
    case sourceDuplicateRow(district: String, year: Int, firstRow: Int)
    /// Districts of the catalogue without a row for the year: nothing is imported for them.
    case sourceDistrictsAbsent(numbers: [String], year: Int)
    /// The table has no row for the years asked for (or none at all).
    case sourceNoRows(years: [Int])

    /// The stable code programs and tests rely on (`text-in-number-cell`, …).
    public var code: String {
        switch self {
        case .unreadable: "unreadable"
        case .detailsMissing: "details-missing"
        case .unknownDepartment: "unknown-department"
        case .departmentMissing: "department-missing"
        case .yearInvalid: "year-invalid"
        case .yearMissing: "year-missing"
        case .templateOfOtherDepartment, .templateOfOtherYear: "template-mismatch"
        case .templateOutdated: "template-outdated"
        case .yearUnexpected: "year-unexpected"
        case .sheetRenamed: "sheet-renamed"
        case .unknownSheet: "unknown-sheet"
        case .sheetMissing: "sheet-missing"
        case .headerMissing: "header-missing"
        case .columnMissing: "column-missing"
        case .columnDuplicate: "column-duplicate"
        case .districtNamesOnly: "district-names-only"
        case .districtOwnNumbering: "district-own-numbering"
        case .districtMismatch: "district-mismatch"
        case .unknownDistrict: "unknown-district"
        case .districtDuplicate: "district-duplicate"
        case .districtMissing: "district-missing"
        case .formulaWithoutValue: "formula-without-value"
        case .emptyCell: "empty-cell"
        case .numberAsText: "number-as-text"
        case .unknownMarker: "unknown-marker"
        case .textInNumberCell, .truthValueInNumberCell: "text-in-number-cell"
        case .dateInNumberCell: "date-in-number-cell"
        case .formulaError: "formula-error"
        case .negativeCount: "negative-count"
        case .fractionalCount: "fractional-count"
        case .percentOutOfRange: "percent-out-of-range"
        case .belowMinimum, .aboveMaximum: "out-of-range"
        case .partExceedsTotal: "part-exceeds-total"
        case .partsDoNotAddUp: "parts-do-not-add-up"
        case .cityTotalMismatch: "city-total-mismatch"
        case .cityTotalExceeded: "city-total-exceeded"
        case .partsExceedTotal: "parts-exceed-total"
        case .numeratorExceedsDenominator: "numerator-exceeds-denominator"
        case .sameAsLastYear: "same-as-last-year"
        case .largeChange: "large-change"
        case .districtOutlier: "district-outlier"
        case .feedbackNotWritten: "feedback-not-written"
        case .sourceNotMapped: "no-mapping"
        case .sourceLayoutChanged: "layout-changed"
        case .sourceHeaderChanged: "header-changed"
        case .sourceOtherTable: "other-table"
        case .sourceUnknownDistrict: "unknown-district"
        case .sourceDuplicateRow: "duplicate-row"
        case .sourceDistrictsAbsent: "districts-absent"
        case .sourceNoRows: "no-rows"
        }
    }
}
