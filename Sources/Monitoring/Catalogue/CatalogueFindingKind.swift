/// What is wrong in a catalogue, with what was found: data that the
/// catalogue renderer puts into German or English words.
public enum CatalogueFindingKind: Hashable, Sendable {
    /// The part of the catalogue an entry belongs to, for messages.
    public enum Entry: String, Hashable, Sendable {
        case fieldOfAction, district, districtNumber, area, department, contact, indicator, category, sourceTable
    }

    /// A column of the sheet `Quellen`, for messages.
    public enum SourceField: String, Hashable, Sendable {
        case table, department, yearColumn, districtColumn, cityKey, column, indicator, category, columnCount, idHeader, markers
    }

    /// Numerator or denominator of a rate.
    public enum RateRole: String, Hashable, Sendable { case numerator, denominator }

    case missingSheet(name: String)
    case notAWholeNumber(found: String)
    case notANumber(found: String)
    case fieldMissing(indicator: String)
    case goalNumbersMissing(indicator: String)
    case unknownUnit(indicator: String, found: String, allowed: [String])
    case unknownDirection(indicator: String, found: String, allowed: [String])
    case unknownLevel(indicator: String, found: String)
    case duplicateField(Int)
    case duplicateDistrictNumber(String)
    case duplicateDistrictName(String)
    case duplicateDepartment(String)
    case duplicateIndicator(String)
    case unknownField(indicator: String, field: Int)
    case unknownDepartment(indicator: String, department: String)
    case noCategories(indicator: String)
    case minimumAboveMaximum(indicator: String, minimum: Double, maximum: Double)
    case negativeCountMinimum(indicator: String, minimum: Double)
    case percentOutOfRange(indicator: String)
    case perThousandOutOfRange(indicator: String)
    case negativeMinimumCases(indicator: String)
    case rateNotDerived(indicator: String, unit: String)
    case rateIncomplete(indicator: String, missing: RateRole)
    case rateUnknownIndicator(indicator: String, role: RateRole, part: String)
    case rateOfNonCount(indicator: String, role: RateRole, part: String)
    case denominatorCategoryUnknown(indicator: String, denominator: String, category: String)
    case numeratorCategoryUnknown(indicator: String, numerator: String, category: String)
    case rateCycle(indicator: String, path: [String])
    case tooManyGoals(active: Int, maximum: Int)
    case goalUnknownIndicator(goal: Int, indicator: String)
    case goalCategoryUnknown(goal: Int, indicator: String, category: String, available: [String])
    case goalUnknownField(goal: Int, field: Int)
    case targetBeforeBaseline(goal: Int, targetYear: Int, baselineYear: Int)
    /// A row of the settings sheet `Bewertung` names no known setting.
    case unknownSetting(String)
    /// A rate's assessed category is not one of its categories.
    case assessedCategoryUnknown(indicator: String, category: String, available: [String])
    /// The status class boundaries are not in falling order, or the dynamics period or stable band is not positive.
    case assessmentSettingsContradict(String)
    /// A goal's baseline in the catalogue differs from the value the store observed in the baseline year.
    case baselineDiffersFromData(goal: Int, indicator: String, catalogue: Double, observed: Double)
    /// A code that becomes a file or sheet name and cannot be one.
    case unsafeCode(entry: Entry, code: String, problems: [NameProblem])
    /// A name or text with characters that break the cells and titles it goes into.
    case unsafeText(entry: Entry, text: String, problems: [NameProblem])
    /// The map file named on the sheet `Karte` cannot be used.
    case mapFileUnusable(file: String, reason: String)
    /// A district without an outline in the map file, or with several.
    case districtWithoutShape(district: String, name: String)
    case districtWithSeveralShapes(district: String, name: String, count: Int)
    /// An outline whose number or name fits no district.
    case shapeWithoutDistrict(feature: Int, label: String)
    // Source mappings (sheet `Quellen`).
    case sourceFieldMissing(table: String, field: SourceField)
    case sourceNotAColumn(table: String, found: String)
    case sourceColumnOutOfRange(table: String, column: String, columnCount: Int)
    /// A mapped column is the table's year or district column.
    case sourceColumnIsKey(table: String, column: String)
    case sourceColumnsOntoOneCategory(table: String, indicator: String, category: String, columns: [String])
    case sourceUnknownIndicator(table: String, indicator: String)
    /// Rates are derived from counts, never taken from a table.
    case sourceDerivedIndicator(table: String, indicator: String)
    case sourceUnknownCategory(table: String, indicator: String, category: String, available: [String])
    case sourceUnknownDepartment(table: String, department: String)
    case sourceUnknownMarker(table: String, found: String)
    /// Two rows of one table state different values for what the whole table shares.
    case sourceDisagrees(table: String, field: SourceField, first: String, found: String)

    /// The stable code programs and tests rely on.
    public var code: String {
        switch self {
        case .missingSheet: "missing-sheet"
        case .notAWholeNumber: "not-a-whole-number"
        case .notANumber: "not-a-number"
        case .fieldMissing, .goalNumbersMissing: "missing-value"
        case .unknownUnit: "unknown-unit"
        case .unknownDirection: "unknown-direction"
        case .unknownLevel: "unknown-level"
        case .duplicateField, .duplicateDistrictNumber, .duplicateDepartment, .duplicateIndicator: "duplicate-code"
        case .duplicateDistrictName: "duplicate-name"
        case .unknownField, .goalUnknownField: "unknown-field"
        case .unknownDepartment: "unknown-department"
        case .noCategories: "no-categories"
        case .minimumAboveMaximum, .negativeCountMinimum, .percentOutOfRange, .perThousandOutOfRange, .negativeMinimumCases:
            "range-contradiction"
        case .rateNotDerived: "rate-not-derived"
        case .rateIncomplete: "rate-incomplete"
        case .rateUnknownIndicator: "rate-unknown-indicator"
        case .rateOfNonCount: "rate-of-non-count"
        case .denominatorCategoryUnknown, .numeratorCategoryUnknown, .goalCategoryUnknown: "unknown-category"
        case .rateCycle: "rate-cycle"
        case .tooManyGoals: "too-many-goals"
        case .goalUnknownIndicator: "unknown-indicator"
        case .targetBeforeBaseline: "target-before-baseline"
        case .unknownSetting: "unknown-setting"
        case .assessedCategoryUnknown: "unknown-category"
        case .assessmentSettingsContradict: "range-contradiction"
        case .baselineDiffersFromData: "baseline-differs"
        case .unsafeCode: "unsafe-code"
        case .unsafeText: "control-character"
        case .mapFileUnusable: "map-file"
        case .districtWithoutShape: "map-shape-missing"
        case .districtWithSeveralShapes: "map-shape-twice"
        case .shapeWithoutDistrict: "map-shape-unknown"
        case .sourceFieldMissing: "missing-value"
        case .sourceNotAColumn: "not-a-column"
        case .sourceColumnOutOfRange: "column-out-of-range"
        case .sourceColumnIsKey: "column-is-key"
        case .sourceColumnsOntoOneCategory: "columns-onto-one-category"
        case .sourceUnknownIndicator: "unknown-indicator"
        case .sourceDerivedIndicator: "rate-not-importable"
        case .sourceUnknownCategory: "unknown-category"
        case .sourceUnknownDepartment: "unknown-department"
        case .sourceUnknownMarker: "unknown-marker"
        case .sourceDisagrees: "source-disagrees"
        }
    }
}
