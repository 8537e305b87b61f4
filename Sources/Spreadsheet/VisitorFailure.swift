/// An error a caller's visitor or callback threw, marked so that a reader
/// can tell it from its own: a reader that recovers from its own errors
/// (by reading again another way) passes the caller's on as they are.
public struct VisitorFailure: Error {
    public var error: any Error

    /// Runs `body`, marking what it throws.
    public static func marking<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw VisitorFailure(error: error) }
    }
}

/// A visitor that marks what its visitor throws (`VisitorFailure`).
public struct MarkingVisitor<Inner: SheetVisitor>: SheetVisitor {
    public var inner: Inner

    public init(_ inner: Inner) {
        self.inner = inner
    }

    public mutating func visit(_ row: Row) throws {
        try VisitorFailure.marking { try inner.visit(row) }
    }

    public mutating func finish(_ summary: SheetSummary) throws {
        try VisitorFailure.marking { try inner.finish(summary) }
    }
}
