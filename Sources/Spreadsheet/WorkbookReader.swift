/// Receives the rows of one sheet as a reader streams them.
///
/// Rows come in ascending order; rows without values are not delivered.
/// After the last row, `finish` reports what only the whole sheet knows.
public protocol SheetVisitor {
    mutating func visit(_ row: Row) throws
    mutating func finish(_ summary: SheetSummary) throws
}

extension SheetVisitor {
    public mutating func finish(_ summary: SheetSummary) throws {}
}

/// What a reader knows about a sheet once all its rows are read.
public struct SheetSummary: Sendable {
    /// Merged ranges; only the top-left cell of each keeps its value.
    public var mergedRanges: [CellRange]
    /// The used range the file declares (`<dimension>`), when it declares one.
    public var declaredDimension: CellRange?

    public init(mergedRanges: [CellRange] = [], declaredDimension: CellRange? = nil) {
        self.mergedRanges = mergedRanges
        self.declaredDimension = declaredDimension
    }
}

/// Facts about the workbook as a whole.
public struct WorkbookProperties: Sendable {
    public var format: WorkbookFormat
    /// The program that wrote the file, as it names itself (`Microsoft Excel`,
    /// `LibreOffice/7.4…`), when it says.
    public var application: String?
    /// The serial-number date system (XLSX); nil where dates are stored as
    /// ISO text (ODS).
    public var dateSystem: DateSystem?

    public init(format: WorkbookFormat, application: String? = nil, dateSystem: DateSystem? = nil) {
        self.format = format
        self.application = application
        self.dateSystem = dateSystem
    }
}

/// A workbook opened for reading: cells are streamed one sheet at a time.
///
/// ```swift
/// let reader = try WorkbookFile.open(path)
/// var counter = CellCounter()
/// try reader.readSheet(at: 0, into: &counter)
/// ```
public protocol WorkbookReader: AnyObject {
    var properties: WorkbookProperties { get }
    /// The worksheets in workbook order (chart and dialog sheets left out).
    /// A format that keeps every sheet in one part (ODS) lists them on
    /// first use, which reads that part: hence `throws`.
    var sheets: [SheetInfo] { get throws }
    /// Streams the rows of the sheet at `index` (0-based) to `visitor`.
    func readSheet<V: SheetVisitor>(at index: Int, into visitor: inout V) throws
    /// Streams several sheets in workbook order, each to a fresh visitor
    /// from `makeVisitor`, handing it to `finished` when the sheet is done.
    /// Formats that keep every sheet in one part (ODS) do this in one pass.
    func readSheets<V: SheetVisitor>(at indices: [Int], making makeVisitor: (Int) -> V,
                                     finished: (Int, V) throws -> Void) throws
    /// As `readSheets`, but the reader may read several sheets at once on
    /// other threads: for visitors that only collect (each visitor sees one
    /// sheet; `finished` is still called in workbook order, on this thread).
    func readSheetsConcurrently<V: SheetVisitor>(at indices: [Int], making makeVisitor: (Int) -> V,
                                                 finished: (Int, V) throws -> Void) throws
    /// Streams every sheet in workbook order, telling `finished` which sheet
    /// it was. Where `sheets` is not listed yet (ODS), the sheets are listed
    /// on the way instead of in a pass of their own. `concurrently` as in
    /// `readSheetsConcurrently`.
    func readEverySheet<V: SheetVisitor>(concurrently: Bool, making makeVisitor: (Int) -> V,
                                         finished: (SheetInfo, V) throws -> Void) throws
    /// What a streaming reader of one sheet must know before its first row,
    /// when the format can tell it without holding the sheet: the merged
    /// ranges, and whether rows come in ascending order. Nil: read the
    /// sheet whole to know.
    func preview(ofSheetAt index: Int) throws -> SheetPreview?
}

/// See `WorkbookReader.preview(ofSheetAt:)`.
public struct SheetPreview: Sendable {
    public var mergedRanges: [CellRange]
    public var rowsInOrder: Bool

    public init(mergedRanges: [CellRange], rowsInOrder: Bool) {
        self.mergedRanges = mergedRanges
        self.rowsInOrder = rowsInOrder
    }
}

extension WorkbookReader {
    public func preview(ofSheetAt index: Int) throws -> SheetPreview? { nil }

    public func readSheetsConcurrently<V: SheetVisitor>(at indices: [Int], making makeVisitor: (Int) -> V,
                                                        finished: (Int, V) throws -> Void) throws {
        try readSheets(at: indices, making: makeVisitor, finished: finished)
    }

    public func readEverySheet<V: SheetVisitor>(concurrently: Bool, making makeVisitor: (Int) -> V,
                                                finished: (SheetInfo, V) throws -> Void) throws {
        let sheets = try self.sheets
        let indices = Array(sheets.indices)
        if concurrently {
            try readSheetsConcurrently(at: indices, making: makeVisitor) { try finished(sheets[$0], $1) }
        } else {
            try readSheets(at: indices, making: makeVisitor) { try finished(sheets[$0], $1) }
        }
    }

    public func readSheets<V: SheetVisitor>(at indices: [Int], making makeVisitor: (Int) -> V,
                                            finished: (Int, V) throws -> Void) throws {
        for index in Set(indices).sorted() {
            var visitor = makeVisitor(index)
            try readSheet(at: index, into: &visitor)
            try finished(index, visitor)
        }
    }
}
