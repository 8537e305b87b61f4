/// What a feedback copy adds to a workbook someone else wrote: a sheet put
/// first, and marks on existing cells. The format modules apply it to the
/// package as it was submitted and leave every other part as it was, so the
/// department gets its own file back with only our additions.
public struct WorkbookAnnotations: Sendable {
    /// The sheet put before all others; its name is already unique in the workbook.
    public var firstSheet: SheetLayout
    /// That sheet's rows, written as any writer writes rows.
    public var firstSheetRows: [OutputRow]
    /// The cells to highlight and comment, at most one mark a cell.
    public var marks: [CellMark]

    public init(firstSheet: SheetLayout, firstSheetRows: [OutputRow], marks: [CellMark]) {
        self.firstSheet = firstSheet
        self.firstSheetRows = firstSheetRows
        self.marks = marks
    }
}

/// One cell of an existing sheet, filled with a colour and given a comment
/// that shows on hovering. The cell keeps its value, number format, font and
/// borders; a cell that does not exist yet is created empty.
public struct CellMark: Sendable, Equatable {
    public var sheet: String
    public var cell: CellReference
    public var fill: RGBColor
    public var comment: String

    public init(sheet: String, cell: CellReference, fill: RGBColor, comment: String) {
        self.sheet = sheet
        self.cell = cell
        self.fill = fill
        self.comment = comment
    }
}
