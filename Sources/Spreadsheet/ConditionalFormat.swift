/// Formatting that depends on the cell's value (ECMA-376 Part 1, 18.3.1.18;
/// in ODS LibreOffice's `calcext:conditional-format`).
public struct ConditionalFormat: Hashable, Sendable {
    public enum Comparison: String, Hashable, Sendable {
        case lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual, equal, notEqual
    }

    public enum Rule: Hashable, Sendable {
        /// A two- or three-colour scale from the lowest to the highest value.
        case colorScale(low: RGBColor, middle: RGBColor?, high: RGBColor)
        /// Cells whose value compares true get the fill and font colour.
        case cellValue(Comparison, Double, fill: RGBColor, fontColor: RGBColor?)
    }

    public var range: CellRange
    public var rule: Rule

    public init(range: CellRange, rule: Rule) {
        self.range = range
        self.rule = rule
    }
}
