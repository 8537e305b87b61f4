import Spreadsheet

/// A visitor that throws `Refusal` at its `refusingAt`-th row: a reader must
/// pass its caller's errors on as they are.
public struct RefusingVisitor: SheetVisitor {
    public struct Refusal: Error {}

    public let refusingAt: Int
    public private(set) var seen = 0

    public init(refusingAt: Int) {
        self.refusingAt = refusingAt
    }

    public mutating func visit(_ row: Row) throws {
        seen += 1
        if seen == refusingAt { throw Refusal() }
    }
}
