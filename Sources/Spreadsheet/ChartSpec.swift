/// A chart over cells of the sheet being written: a bar chart (horizontal
/// bars, one per category) or a line chart.
public struct ChartSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case bar, line }

    public var kind: Kind
    public var title: String
    /// The cells naming the categories (district names, years).
    public var categories: CellRange
    /// The cells holding the values, one per category.
    public var values: CellRange
    /// The series name shown in a legend.
    public var seriesName: String
    /// Where the chart stands: its top-left and bottom-right cells.
    public var anchor: CellRange

    public init(kind: Kind, title: String, categories: CellRange, values: CellRange, seriesName: String, anchor: CellRange) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.values = values
        self.seriesName = seriesName
        self.anchor = anchor
    }
}
