/// Everything a report makes public, figure by figure: each value of each
/// indicator, row, category and year is a number, suppressed, missing or not
/// applicable, and each change on the previous year likewise. The summary
/// workbook, the HTML report, the JSON-stat file and the protected export
/// render only this; the observations behind it never reach them.
public struct Publication: Sendable {
    public var structure: PublicationStructure
    /// Values; a cell not in the dictionary is `.missing`.
    public private(set) var values: [CellKey: Figure]
    /// Changes on the previous year, under the later year's key.
    public private(set) var changes: [CellKey: Figure]
    /// How much protection cost.
    public var statistics: SuppressionStatistics

    public init(structure: PublicationStructure, values: [CellKey: Figure], changes: [CellKey: Figure],
                statistics: SuppressionStatistics = SuppressionStatistics()) {
        self.structure = structure
        self.values = values
        self.changes = changes
        self.statistics = statistics
    }

    public subscript(key: CellKey) -> Figure { values[key] ?? .missing }

    public func value(_ indicator: String, _ row: String, _ category: String, _ year: Int) -> Figure {
        values[CellKey(indicator, row, category, year)] ?? .missing
    }

    public func change(_ indicator: String, _ row: String, _ category: String, _ year: Int) -> Figure {
        changes[CellKey(indicator, row, category, year)] ?? .notApplicable
    }

    /// The cells whose figure is suppressed, in a deterministic order.
    public var suppressedCells: [CellKey] { values.filter { $0.value.isSuppressed }.map(\.key).sorted() }
}
