/// The earlier per-line rule for a table of counts: cells below the
/// minimum case number are suppressed (primary), and a line with a
/// published total and exactly one hidden part gets a second hidden part.
/// It leaks (issue 22: a hidden total with published parts, the city less
/// the districts once zeros are printed); reports protect with the LP-audited
/// `SecondarySuppression`, and this rule remains as the baseline the tests
/// measure the audit against (`ProtectionOptions.Secondary.perLine`).
///
/// The table is given as rows (districts, and the city as the total row)
/// and columns (the categories, the first being the total when the
/// indicator has parts). Zero is never suppressed.
public enum Suppression {
    public struct Cell: Hashable, Sendable {
        public var row: Int
        public var column: Int
    }

    /// The cells to suppress. `values[r][c]` nil means no value (not published).
    /// `totalRow` and `totalColumn` are the indexes of the totals, when the table has them.
    public static func suppressed(_ values: [[Double?]], minimumCases: Int, totalRow: Int?, totalColumn: Int?) -> Set<Cell> {
        var hidden: Set<Cell> = []
        for (r, row) in values.enumerated() {
            for (c, v) in row.enumerated() {
                if let v, v > 0, v < Double(minimumCases) { hidden.insert(Cell(row: r, column: c)) }
            }
        }
        // Secondary: a line with a published total and exactly one hidden
        // part gives that part away; hide the smallest other part too.
        var changed = true
        while changed {
            changed = false
            if let totalColumn {
                for r in values.indices {
                    let parts = values[r].indices.filter { $0 != totalColumn && values[r][$0] != nil }
                    changed = protect(parts.map { Cell(row: r, column: $0) }, total: Cell(row: r, column: totalColumn), values, &hidden) || changed
                }
            }
            if let totalRow, let width = values.first?.count {
                for c in 0..<width {
                    let parts = values.indices.filter { $0 != totalRow && c < values[$0].count && values[$0][c] != nil }
                    changed = protect(parts.map { Cell(row: $0, column: c) }, total: Cell(row: totalRow, column: c), values, &hidden) || changed
                }
            }
        }
        return hidden
    }

    private static func protect(_ parts: [Cell], total: Cell, _ values: [[Double?]], _ hidden: inout Set<Cell>) -> Bool {
        guard !hidden.contains(total), total.row < values.count, total.column < values[total.row].count,
              values[total.row][total.column] != nil else { return false }
        let hiddenParts = parts.filter { hidden.contains($0) }
        guard hiddenParts.count == 1 else { return false }
        let candidates = parts.filter { !hidden.contains($0) && (values[$0.row][$0.column] ?? 0) > 0 }
        guard let smallest = candidates.min(by: { (values[$0.row][$0.column] ?? 0) < (values[$1.row][$1.column] ?? 0) }) else {
            // Nothing left to hide in the line: the total itself must go.
            hidden.insert(total)
            return true
        }
        hidden.insert(smallest)
        return true
    }
}
