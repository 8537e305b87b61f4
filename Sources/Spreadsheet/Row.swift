/// One cell of a row as a reader delivers it.
public struct Cell: Hashable, Sendable {
    /// Zero-based column.
    public var column: Int
    public var value: CellValue

    @inlinable public init(column: Int, value: CellValue) {
        self.column = column
        self.value = value
    }
}

/// One row as a reader delivers it: its non-empty cells in column order.
///
/// Readers reuse one `Row` for every row of a sheet; a visitor that wants to
/// keep cells copies them.
public struct Row: Sendable {
    /// Zero-based row (row 1 is 0).
    public var index: Int
    /// The cells that hold a value, ascending by column.
    public var cells: [Cell]
    /// Columns whose cell holds a formula but no cached result (the file was
    /// saved without calculating): such a cell reads as empty.
    public var uncachedFormulaColumns: [Int] = []

    @inlinable public init(index: Int, cells: [Cell] = []) {
        self.index = index
        self.cells = cells
    }

    /// The same row with its cells in storage of their own, exactly as large
    /// as they are: for keeping a row a reader will go on reusing.
    public var compacted: Row {
        var copy = self
        copy.cells = [Cell](unsafeUninitializedCapacity: cells.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: cells)
        }
        return copy
    }
}
