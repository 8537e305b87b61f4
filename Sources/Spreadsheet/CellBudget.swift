import Synchronization

/// How many cells may be held in memory at once by the sheets built from a
/// reader (`SheetBuilder`), shared by the builders of sheets read together.
///
/// Streaming a sheet costs the same whatever its size; holding it costs
/// about 50 bytes a cell, so a few megabytes of package that inflate to
/// gigabytes of ordinary cells would otherwise exhaust memory before any
/// other limit is reached. Counted once per row: one atomic add.
public final class CellBudget: Sendable {
    /// Most cells held at once.
    public let limit: Int
    private let held = Atomic<Int>(0)

    public init(limit: Int) {
        self.limit = limit
    }

    /// Takes `count` more cells of the sheet `sheet`; throws once the budget is spent.
    public func take(_ count: Int, sheet: @autoclosure () -> String) throws {
        if held.add(count, ordering: .relaxed).newValue > limit { throw CellBudgetExceeded(limit: limit, sheet: sheet()) }
    }
}

/// A sheet read into memory would hold more cells than its `CellBudget`.
public struct CellBudgetExceeded: Error, Sendable, CustomStringConvertible {
    public var limit: Int
    /// The sheet being read when the budget ran out (`sheet "Name"` or `sheet 3`).
    public var sheet: String

    /// What went wrong, without where.
    public var reason: String {
        "more than \(limit) cells to hold in memory (this command holds the sheets it reads whole; "
            + "raise the limit with --max-cells-in-memory)"
    }

    public var description: String { "\(sheet): \(reason)" }
}
