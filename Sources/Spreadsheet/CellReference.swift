/// A cell address: zero-based row and column, printed and parsed as `A1`.
///
/// Columns run from `A` to `XFD` (16 384), rows from 1 to 1 048 576
/// (ECMA-376 Part 1, 18.3.1.4 `c@r`).
public struct CellReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    /// Zero-based row (row 1 is 0).
    public var row: Int
    /// Zero-based column (column A is 0).
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `B7`, `$B$7` or `xfd1048576`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        guard let parsed = bytes.withUnsafeMutableBufferPointer({ CellReference.parse(UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self = parsed
    }

    /// Parses an A1 reference from bytes, for readers that see raw XML.
    @inlinable
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> CellReference? {
        var i = 0
        let n = bytes.count
        if i < n && bytes[i] == UInt8(ascii: "$") { i += 1 }
        var column = 0
        let columnStart = i
        while i < n {
            var b = bytes[i]
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
            guard b >= 0x41 && b <= 0x5A else { break }
            column = column &* 26 &+ Int(b &- 0x40) // at most three letters
            i += 1
            if i - columnStart > 3 { return nil }
        }
        guard i > columnStart, column <= maxColumns else { return nil }
        if i < n && bytes[i] == UInt8(ascii: "$") { i += 1 }
        var row = 0
        let rowStart = i
        while i < n {
            let b = bytes[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            row = row &* 10 &+ Int(b &- 0x30) // at most seven digits
            i += 1
            if i - rowStart > 7 { return nil }
        }
        guard i > rowStart, row >= 1, row <= maxRows else { return nil }
        return CellReference(row: row - 1, column: column - 1)
    }

    /// Column letters for a zero-based column: 0 → `A`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(0x41 + r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Zero-based column of `A`…`XFD`; nil when not column letters in range.
    public static func column(named name: some StringProtocol) -> Int? {
        guard let ref = CellReference("\(name)1") else { return nil }
        return ref.column
    }

    public static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }

    public var description: String { CellReference.columnName(column) + String(row + 1) }
}
