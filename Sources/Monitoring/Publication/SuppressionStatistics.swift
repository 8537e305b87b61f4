/// What the protection of one publication cost (issue 22: information loss).
public struct SuppressionStatistics: Sendable, Equatable {
    /// Count cells with a value in the publication, published or not.
    public var countCells = 0
    public var published = 0
    public var primary = 0
    public var secondary = 0
    /// Cells hidden because an earlier report hid them.
    public var carriedOver = 0
    /// Persons in all count cells and in the hidden ones (totals counted like any cell).
    public var persons = 0.0
    public var hiddenPersons = 0.0
    /// Rounds of audit and secondary suppression.
    public var rounds = 0

    public init() {}

    /// Share of count cells hidden.
    public var hiddenCellShare: Double { countCells > 0 ? Double(primary + secondary) / Double(countCells) : 0 }
    /// Share of persons in hidden count cells.
    public var hiddenPersonShare: Double { persons > 0 ? hiddenPersons / persons : 0 }
}
