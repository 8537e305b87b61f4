/// A whole workbook held in memory, built on a reader's row stream.
public struct Workbook: Sendable {
    public var properties: WorkbookProperties
    public var sheets: [Sheet]

    public init(properties: WorkbookProperties, sheets: [Sheet]) {
        self.properties = properties
        self.sheets = sheets
    }

    /// Reads every sheet (or only those for which `include` says yes).
    public init(reading reader: some WorkbookReader, include: (SheetInfo) -> Bool = { _ in true }) throws {
        var sheets: [Sheet] = []
        let listed = try reader.sheets
        let indices = listed.indices.filter { include(listed[$0]) }
        try reader.readSheetsConcurrently(at: indices, making: { _ in SheetBuilder() }) { index, builder in
            sheets.append(Sheet(info: listed[index], built: builder))
        }
        self.init(properties: reader.properties, sheets: sheets)
    }

    /// The sheet with this exact name.
    public func sheet(named name: String) -> Sheet? {
        sheets.first { $0.name == name }
    }
}

extension Sheet {
    /// Reads one sheet of a workbook into memory, with merged ranges applied:
    /// only the top-left cell of a merged range keeps its value.
    public init(reading reader: some WorkbookReader, at index: Int) throws {
        var builder = SheetBuilder()
        try reader.readSheet(at: index, into: &builder)
        self.init(info: try reader.sheets[index], built: builder)
    }

    /// A sheet from the rows a `SheetBuilder` kept, with merged ranges applied.
    public init(info: SheetInfo, built builder: SheetBuilder) {
        self.init(info: info, rows: builder.rows, mergedRanges: builder.mergedRanges)
        uncachedFormulas = builder.uncachedFormulas
        clearCoveredCells()
    }

    /// Empties every cell of a merged range but its top-left one, as Excel
    /// and LibreOffice show merged cells.
    public mutating func clearCoveredCells() {
        let covered = CoveredCells(mergedRanges)
        guard !covered.isEmpty else { return }
        rows = rows.compactMap { covered.clear($0) }
    }
}

extension WorkbookReader {
    /// Reads sheets into memory one at a time, in workbook order, handing
    /// each to `body`: those at `indices`, or every sheet when nil (which
    /// spares an ODS the pass that lists its tables).
    public func eachSheet(at indices: [Int]?, _ body: (Sheet) throws -> Void) throws {
        guard let indices else {
            return try readEverySheet(concurrently: false, making: { _ in SheetBuilder() }) { info, builder in
                try body(Sheet(info: info, built: builder))
            }
        }
        let sheets = try self.sheets
        try readSheets(at: indices, making: { _ in SheetBuilder() }) { index, builder in
            try body(Sheet(info: sheets[index], built: builder))
        }
    }
}

/// A visitor that keeps every row, for building a `Sheet`.
public struct SheetBuilder: SheetVisitor {
    public private(set) var rows: [Row] = []
    public private(set) var mergedRanges: [CellRange] = []
    public private(set) var uncachedFormulas: Set<CellReference> = []
    private var sorted = true

    public init() {}

    public mutating func visit(_ row: Row) throws {
        for column in row.uncachedFormulaColumns { uncachedFormulas.insert(CellReference(row: row.index, column: column)) }
        guard !row.cells.isEmpty else { return }
        if let last = rows.last, last.index >= row.index { sorted = false }
        var kept = row
        kept.uncachedFormulaColumns = []
        rows.append(kept)
    }

    public mutating func finish(_ summary: SheetSummary) throws {
        mergedRanges = summary.mergedRanges
        if !sorted {
            // Rows out of order or repeated: later cells win, as Excel shows them.
            var merged: [Int: [Int: CellValue]] = [:]
            for row in rows {
                for cell in row.cells { merged[row.index, default: [:]][cell.column] = cell.value }
            }
            rows = merged.sorted { $0.key < $1.key }.map { index, cells in
                Row(index: index, cells: cells.sorted { $0.key < $1.key }.map { Cell(column: $0.key, value: $0.value) })
            }
        }
    }
}
