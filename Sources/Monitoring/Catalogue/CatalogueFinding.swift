import Spreadsheet

/// A problem in a catalogue, with where it is: the sheet and cell of the
/// catalogue workbook when it was read from one.
public struct CatalogueFinding: Hashable, Sendable, CustomStringConvertible {
    /// A stable code: `duplicate-code`, `unknown-department`, …
    public var code: String
    public var sheet: String
    public var cell: CellReference?
    public var message: String

    public init(code: String, sheet: String, cell: CellReference? = nil, message: String) {
        self.code = code
        self.sheet = sheet
        self.cell = cell
        self.message = message
    }

    public var description: String {
        "\(sheet)\(cell.map { "!\($0)" } ?? ""): \(message) [\(code)]"
    }
}
