/// A visitor that counts what a sheet holds without keeping any cell:
/// cells by kind, the used range, merged ranges. Memory does not grow with
/// the number of rows.
public struct SheetStatistics: SheetVisitor, Sendable {
    /// Cells by kind (kinds without cells left out).
    public var counts: [CellValueKind: Int] {
        var out: [CellValueKind: Int] = [:]
        for (i, kind) in CellValueKind.allCases.enumerated() where tally[i] > 0 { out[kind] = tally[i] }
        return out
    }
    /// Per-kind counts in `CellValueKind.allCases` order: an array, since a
    /// dictionary update per cell was a measurable share of `imon inspect`.
    private var tally = [Int](repeating: 0, count: CellValueKind.allCases.count)
    public private(set) var cellCount = 0
    public private(set) var rowCount = 0
    public private(set) var mergedRanges: [CellRange] = []
    private var firstRow = Int.max, lastRow = -1, firstColumn = Int.max, lastColumn = -1

    public init() {}

    public mutating func visit(_ row: Row) throws {
        guard !row.cells.isEmpty else { return }
        rowCount += 1
        firstRow = min(firstRow, row.index)
        lastRow = max(lastRow, row.index)
        if let first = row.cells.first, let last = row.cells.last {
            firstColumn = min(firstColumn, first.column)
            lastColumn = max(lastColumn, last.column)
        }
        for cell in row.cells {
            tally[cell.value.kindIndex] += 1
        }
        cellCount += row.cells.count
    }

    public mutating func finish(_ summary: SheetSummary) throws {
        mergedRanges = summary.mergedRanges
    }

    /// The smallest range holding every value; nil for an empty sheet.
    public var usedRange: CellRange? {
        guard lastRow >= 0 else { return nil }
        return CellRange(first: CellReference(row: firstRow, column: firstColumn),
                         last: CellReference(row: lastRow, column: lastColumn))
    }
}
