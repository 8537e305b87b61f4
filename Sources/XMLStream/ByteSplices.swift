/// Edits of a document's bytes by offset: replace a range, or insert at a
/// point. Applied in one pass, so offsets always refer to the original bytes
/// and every byte outside the edits is copied as it was.
///
/// Insertions at the same offset keep the order they were added in; an
/// insertion at a replaced range's start goes before the replacement.
public struct ByteSplices: Sendable {
    private struct Splice: Sendable {
        var range: Range<Int>
        var bytes: [UInt8]
        var order: Int
    }

    private var splices: [Splice] = []

    public init() {}

    public var isEmpty: Bool { splices.isEmpty }

    /// Replaces the bytes in `range` with `bytes`.
    public mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
        splices.append(Splice(range: range, bytes: bytes, order: splices.count))
    }

    public mutating func replace(_ range: Range<Int>, with text: String) { replace(range, with: Array(text.utf8)) }

    /// Inserts `bytes` before the byte at `offset`.
    public mutating func insert(_ bytes: [UInt8], at offset: Int) {
        splices.append(Splice(range: offset..<offset, bytes: bytes, order: splices.count))
    }

    public mutating func insert(_ text: String, at offset: Int) { insert(Array(text.utf8), at: offset) }

    /// The edited document. Throws `overlapping` when two replacements
    /// overlap or a range lies outside the document: a bug in the editor,
    /// never something to write.
    public func applied(to document: [UInt8]) throws -> [UInt8] {
        let sorted = splices.sorted {
            ($0.range.lowerBound, $0.range.isEmpty ? 0 : 1, $0.order) < ($1.range.lowerBound, $1.range.isEmpty ? 0 : 1, $1.order)
        }
        var out: [UInt8] = []
        out.reserveCapacity(document.count + sorted.reduce(0) { $0 + $1.bytes.count })
        var at = 0
        for splice in sorted {
            guard splice.range.lowerBound >= at, splice.range.upperBound <= document.count else {
                throw SpliceError.overlapping(at: splice.range.lowerBound)
            }
            out.append(contentsOf: document[at..<splice.range.lowerBound])
            out.append(contentsOf: splice.bytes)
            at = splice.range.upperBound
        }
        out.append(contentsOf: document[at...])
        return out
    }
}

/// Edits that cannot be applied together.
public enum SpliceError: Error, Sendable, CustomStringConvertible {
    case overlapping(at: Int)

    public var description: String {
        switch self {
        case .overlapping(let at): return "two edits of the part overlap at byte \(at)"
        }
    }
}
