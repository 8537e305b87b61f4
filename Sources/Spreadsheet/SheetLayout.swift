/// Everything about a sheet that a writer needs besides its rows: name and
/// visibility, column widths, frozen panes, merged ranges, filters, input
/// rules, conditional formats and protection. Given before the rows, so
/// that rows can be streamed.
public struct SheetLayout: Sendable {
    public var name: String
    public var visibility: SheetVisibility = .visible
    public var tabColor: RGBColor?
    /// Column widths in characters of the default font, by zero-based column.
    public var columnWidths: [Int: Double] = [:]
    /// Rows and columns that stay in view when scrolling (a header row: rows 1).
    public var frozenRows = 0
    public var frozenColumns = 0
    public var mergedRanges: [CellRange] = []
    public var autoFilter: CellRange?
    public var validations: [DataValidation] = []
    public var conditionalFormats: [ConditionalFormat] = []
    /// Protects the sheet without a password: only unlocked cells can be edited.
    public var isProtected = false
    /// Comments shown on the sheet at all times, not only on hovering
    /// (feedback copies, so that they also print).
    public var showComments = false
    /// Printing: landscape pages, and the sheet scaled to the page width.
    public var printLandscape = false
    public var fitToPageWidth = true
    /// Rows printed again at the top of every page (a table's header).
    public var printTitleRows: ClosedRange<Int>?
    /// Rows that start a new printed page, so that a table stays with its chart.
    public var pageBreaksBefore: [Int] = []

    public init(name: String) {
        self.name = name
    }
}

/// A cell as a writer takes it: value, style, and optionally a formula, a
/// comment and a link to another place in the workbook.
public struct OutputCell: Sendable {
    public var column: Int
    public var value: CellValue
    public var style: CellStyle?
    /// A formula in Excel's A1 syntax without the leading `=`; `value` is its cached result.
    public var formula: String?
    public var comment: String?
    /// A link to a cell of this workbook: sheet name and cell.
    public var link: (sheet: String, cell: CellReference)?

    public init(column: Int, value: CellValue, style: CellStyle? = nil, formula: String? = nil,
                comment: String? = nil, link: (sheet: String, cell: CellReference)? = nil) {
        self.column = column
        self.value = value
        self.style = style
        self.formula = formula
        self.comment = comment
        self.link = link
    }
}

/// A row as a writer takes it: cells ascending by column.
public struct OutputRow: Sendable {
    public var index: Int
    /// Height in points; nil for the default.
    public var height: Double?
    public var cells: [OutputCell]

    public init(index: Int, height: Double? = nil, cells: [OutputCell]) {
        self.index = index
        self.height = height
        self.cells = cells
    }

    /// A row of plain cells from values (empty values are left out).
    public init(index: Int, values: [CellValue], style: CellStyle? = nil) {
        self.index = index
        self.cells = values.enumerated().compactMap { column, value in
            value.isEmpty ? nil : OutputCell(column: column, value: value, style: style)
        }
    }
}

/// Title, author and creation time written into the file's properties.
public struct DocumentProperties: Sendable, Equatable {
    public var title: String?
    public var author: String?
    /// Left out when nil, so that the same input gives the same bytes.
    public var created: CivilDateTime?

    public init(title: String? = nil, author: String? = nil, created: CivilDateTime? = nil) {
        self.title = title
        self.author = author
        self.created = created
    }
}

/// Writes a workbook sheet by sheet, row by row, in bounded memory.
///
/// ```swift
/// let writer = try XLSXWriter(path: "out.xlsx")
/// try writer.beginSheet(SheetLayout(name: "Daten"))
/// try writer.write(OutputRow(index: 0, values: [.string("a"), .number(1)]))
/// try writer.endSheet()
/// try writer.finish()   // atomically renames the finished file into place
/// ```
public protocol WorkbookWriter: AnyObject {
    /// Title, author and creation time written into the file.
    var properties: DocumentProperties { get set }
    func beginSheet(_ layout: SheetLayout) throws
    /// Rows must come in ascending order within a sheet.
    func write(_ row: OutputRow) throws
    func endSheet() throws
    /// Adds a chart to the sheet being written (formats without charts ignore it).
    func addChart(_ chart: ChartSpec)
    /// Adds vector shapes to the sheet being written (formats without drawings ignore them).
    func addDrawing(_ drawing: VectorDrawing)
    /// Starts a new printed page at `row`, which is not yet written (a table and its chart stay on one page).
    func breakPage(before row: Int)
    /// Completes the file; until then nothing is at the target path.
    func finish() throws
    /// Abandons the file: the temporary file is removed, the target untouched.
    func cancel()
}

extension WorkbookWriter {
    public func addChart(_ chart: ChartSpec) {}
    public func addDrawing(_ drawing: VectorDrawing) {}
    public func breakPage(before row: Int) {}
}

/// Why a workbook could not be written.
public enum WriteError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalidSheetName(String)
    case stringTooLong(sheet: String, cell: CellReference, length: Int)
    case notANumber(sheet: String, cell: CellReference)
    case characterNotAllowed(sheet: String, cell: CellReference, scalar: UInt32, format: String)
    case rowsOutOfOrder(sheet: String, row: Int)
    case outsideTheSheet(sheet: String, row: Int, column: Int)
    case dateOutOfRange(sheet: String, cell: CellReference)
    case io(String)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .invalidSheetName(let problem): return problem
        case .stringTooLong(let sheet, let cell, let length):
            return "sheet \"\(sheet)\" cell \(cell): text of \(length) characters is longer than a cell can hold (32 767)"
        case .notANumber(let sheet, let cell):
            return "sheet \"\(sheet)\" cell \(cell): NaN or infinity cannot be stored in a workbook"
        case .characterNotAllowed(let sheet, let cell, let scalar, let format):
            return "sheet \"\(sheet)\" cell \(cell): the control character U+\(String(scalar, radix: 16, uppercase: true)) cannot be stored in \(format)"
        case .rowsOutOfOrder(let sheet, let row):
            return "sheet \"\(sheet)\": row \(row + 1) comes after a later row (rows must be written in order)"
        case .outsideTheSheet(let sheet, let row, let column):
            return "sheet \"\(sheet)\": row \(row + 1), column \(column + 1) lies outside the largest sheet"
        case .dateOutOfRange(let sheet, let cell):
            return "sheet \"\(sheet)\" cell \(cell): the date lies outside 1900-01-01 … 9999-12-31"
        case .io(let what): return what
        case .tooLarge(let what): return what
        }
    }
}
