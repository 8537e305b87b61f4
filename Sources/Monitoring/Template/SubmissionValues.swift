import Spreadsheet

/// What a department enters into its template: contact details, and per
/// indicator a value (or marker) per district and category. Used to make
/// filled-in sample submissions and to write feedback copies.
public struct SubmissionValues: Sendable {
    public var contactPerson: CellValue = .empty
    public var phone: CellValue = .empty
    public var email: CellValue = .empty
    /// indicator code → row key (district number, or `cityTotalKey`) → category → value.
    public var cells: [String: [String: [String: CellValue]]] = [:]
    /// indicator code → row key → remark.
    public var remarks: [String: [String: String]] = [:]
    /// Districts left out of an indicator's sheet (a row deleted by mistake).
    public var omittedDistricts: [String: Set<String>] = [:]
    /// Indicator sheets renamed (code → new sheet name).
    public var renamedSheets: [String: String] = [:]
    /// The reporting year entered on `Angaben`, when it differs from the template's.
    public var enteredYear: Int?

    /// The row key of the city total.
    public static let cityTotalKey = "Stadt"

    public init() {}

    public subscript(indicator: String, row: String, category: String) -> CellValue {
        get { cells[indicator]?[row]?[category] ?? .empty }
        set { cells[indicator, default: [:]][row, default: [:]][category] = newValue }
    }
}
