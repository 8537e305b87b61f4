/// A whole workbook held in memory, built on a reader's row stream.
public struct Workbook: Sendable {
    public var properties: WorkbookProperties
    public var sheets: [Sheet]

    public init(properties: WorkbookProperties, sheets: [Sheet]) {
        self.properties = properties
        self.sheets = sheets
    }

    /// Reads every sheet (or only those for which `include` says yes),
    /// holding at most `maxCells` cells of them all together.
    public init(reading reader: some WorkbookReader, maxCells: Int = .max,
                include: (SheetInfo) -> Bool = { _ in true }) throws {
        var sheets: [Sheet] = []
        let listed = try reader.sheets
        let indices = listed.indices.filter { include(listed[$0]) }
        let budget = CellBudget(limit: maxCells)
        try reader.readSheetsConcurrently(at: indices, making: {
            SheetBuilder(budget: budget, sheet: "sheet \"\(listed[$0].name)\"")
        }) { index, builder in
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
    /// spares an ODS the pass that lists its tables). A sheet of more than
    /// `maxCells` cells is an error (`CellBudgetExceeded`).
    public func eachSheet(at indices: [Int]?, maxCells: Int = .max, _ body: (Sheet) throws -> Void) throws {
        guard let indices else {
            let making = { SheetBuilder(budget: CellBudget(limit: maxCells), sheet: "sheet \($0 + 1)") }
            return try readEverySheet(concurrently: false, making: making) { info, builder in
                try body(Sheet(info: info, built: builder))
            }
        }
        let sheets = try self.sheets
        let making = { SheetBuilder(budget: CellBudget(limit: maxCells), sheet: "sheet \"\(sheets[$0].name)\"") }
        try readSheets(at: indices, making: making) { index, builder in
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
    private let budget: CellBudget?
    private let sheet: String

    public init() {
        budget = nil
        sheet = "sheet"
    }

    /// A builder that takes the cells it keeps from `budget`, naming
    /// `sheet` (`sheet "Name"`) when it runs out.
    public init(budget: CellBudget, sheet: String) {
        self.budget = budget
        self.sheet = sheet
    }

    public mutating func visit(_ row: Row) throws {
        for column in row.uncachedFormulaColumns { uncachedFormulas.insert(CellReference(row: row.index, column: column)) }
        guard !row.cells.isEmpty else { return }
        try budget?.take(row.cells.count, sheet: sheet)
        if let last = rows.last, last.index >= row.index { sorted = false }
        // A reader that reuses one row hands over a buffer sized for its
        // widest row (64 cells and more): kept as it is, a sheet of narrow
        // rows held four times the memory of its cells.
        var kept = row.cells.capacity > 2 * row.cells.count + 8 ? row.compacted : row
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
