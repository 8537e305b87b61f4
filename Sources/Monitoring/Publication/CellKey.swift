/// Where one figure of a publication sits: indicator, row (a district's
/// number or `PublicationStructure.cityRow`), breakdown category and year.
public struct CellKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var indicator: String
    public var row: String
    public var category: String
    public var year: Int

    public init(_ indicator: String, _ row: String, _ category: String, _ year: Int) {
        self.indicator = indicator
        self.row = row
        self.category = category
        self.year = year
    }

    /// Indicator, year, row, category: the order every deterministic choice follows.
    public static func < (a: CellKey, b: CellKey) -> Bool {
        (a.indicator, a.year, a.row, a.category) < (b.indicator, b.year, b.row, b.category)
    }

    /// `W04 2007 Stadtteil 42 insgesamt`, as an error message names a cell.
    public var description: String {
        "\(indicator) \(year) " + (row == PublicationStructure.cityRow ? "Stadt" : "Stadtteil \(row)") + " \(category)"
    }
}
