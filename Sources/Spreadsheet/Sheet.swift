/// A worksheet held in memory: its rows with values, and its merged ranges.
public struct Sheet: Sendable {
    public var info: SheetInfo
    /// Rows that hold at least one value, ascending by index.
    public var rows: [Row]
    public var mergedRanges: [CellRange]
    /// Cells with a formula but no cached result.
    public var uncachedFormulas: Set<CellReference> = []

    public init(info: SheetInfo, rows: [Row] = [], mergedRanges: [CellRange] = []) {
        self.info = info
        self.rows = rows
        self.mergedRanges = mergedRanges
    }

    public var name: String { info.name }

    /// The value at a cell; `.empty` where nothing is stored. O(log rows + log cells).
    public func value(at ref: CellReference) -> CellValue {
        guard let r = rows.binarySearch(ref.row, by: \.index),
              let c = rows[r].cells.binarySearch(ref.column, by: \.column) else { return .empty }
        return rows[r].cells[c].value
    }

    /// The smallest range holding every value, or nil for a sheet without values.
    public var usedRange: CellRange? {
        guard let firstRow = rows.first?.index, let lastRow = rows.last?.index else { return nil }
        var minColumn = Int.max, maxColumn = 0
        for row in rows {
            if let first = row.cells.first { minColumn = min(minColumn, first.column) }
            if let last = row.cells.last { maxColumn = max(maxColumn, last.column) }
        }
        return CellRange(first: CellReference(row: firstRow, column: minColumn),
                         last: CellReference(row: lastRow, column: maxColumn))
    }
}

extension Array {
    /// Index of the element whose key equals `key`, in an array sorted by that key.
    func binarySearch(_ key: Int, by keyPath: KeyPath<Element, Int>) -> Int? {
        var lo = 0, hi = count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let k = self[mid][keyPath: keyPath]
            if k == key { return mid }
            if k < key { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }
}
