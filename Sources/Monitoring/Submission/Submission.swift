import Spreadsheet

/// A department's workbook as the validation understands it: who sent it
/// for which year, and per indicator the values by row and category with
/// the cells they came from.
public struct Submission: Sendable {
    public var department: String?
    public var year: Int?
    public var templateID: String?
    public var tables: [String: IndicatorTable] = [:]
    /// The workbook as read, for feedback copies.
    public var workbook: Workbook
    /// The statistics-office table an import took the values from
    /// (`K3_T41`); nil for a department's own workbook. One department's
    /// year may come from several tables, each superseding only itself.
    public var source: String? = nil
}

/// One indicator's sheet: the values of each district row and the city row.
public struct IndicatorTable: Sendable {
    public var indicator: Indicator
    public var sheet: String
    /// row key (district number or `SubmissionValues.cityTotalKey`) → category → the cell.
    public var rows: [String: [String: SubmittedCell]] = [:]
    /// Where each row key stands (0-based row).
    public var rowIndex: [String: Int] = [:]
}

/// A submitted cell: where it is and what it holds.
public struct SubmittedCell: Sendable {
    public var reference: CellReference
    public var value: CellValue
    /// The number it stands for, once the value rules accepted it.
    public var number: Double?
}
