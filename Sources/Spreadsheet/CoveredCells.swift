/// The cells hidden under merged ranges: every cell of a range but its
/// top-left one, which Excel and LibreOffice show as empty.
public struct CoveredCells: Sendable {
    private let ranges: [CellRange]

    public init(_ mergedRanges: [CellRange]) {
        ranges = mergedRanges.filter { $0.rowCount > 1 || $0.columnCount > 1 }
    }

    public var isEmpty: Bool { ranges.isEmpty }

    /// The row without its covered cells; nil when none is left.
    public func clear(_ row: Row) -> Row? {
        let touching = ranges.filter { $0.first.row <= row.index && row.index <= $0.last.row }
        guard !touching.isEmpty else { return row }
        var kept = row
        kept.cells.removeAll { cell in
            let ref = CellReference(row: row.index, column: cell.column)
            return touching.contains { $0.contains(ref) && $0.first != ref }
        }
        return kept.cells.isEmpty ? nil : kept
    }
}
