/// A rectangle of cells, inclusive at both corners: `A1:C3`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:C3`, a single cell `B2`, whole columns `A:C` and whole rows `1:3`.
    public init?(_ text: some StringProtocol) {
        let parts = String(text).split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellReference(parts[0]) else { return nil }
            self.init(first: cell, last: cell)
        case 2:
            if let a = CellReference(parts[0]), let b = CellReference(parts[1]) {
                self.init(first: a, last: b)
            } else if let a = CellRange.column(parts[0]), let b = CellRange.column(parts[1]) {
                self.init(first: CellReference(row: 0, column: a),
                          last: CellReference(row: CellReference.maxRows - 1, column: b))
            } else if let a = CellRange.row(parts[0]), let b = CellRange.row(parts[1]) {
                self.init(first: CellReference(row: a, column: 0),
                          last: CellReference(row: b, column: CellReference.maxColumns - 1))
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    private static func column(_ text: Substring) -> Int? {
        let letters = text.hasPrefix("$") ? text.dropFirst() : text
        guard !letters.isEmpty, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return CellReference.column(named: letters)
    }

    private static func row(_ text: Substring) -> Int? {
        let digits = text.hasPrefix("$") ? text.dropFirst() : text
        guard let n = Int(digits), n >= 1, n <= CellReference.maxRows else { return nil }
        return n - 1
    }

    public var rowCount: Int { last.row - first.row + 1 }
    public var columnCount: Int { last.column - first.column + 1 }

    public func contains(_ cell: CellReference) -> Bool {
        cell.row >= first.row && cell.row <= last.row && cell.column >= first.column && cell.column <= last.column
    }

    /// `A1:C3`, or `B2` for a single cell.
    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }
}
