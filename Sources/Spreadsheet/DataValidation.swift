/// An input rule on a range of cells (ECMA-376 Part 1, 18.3.1.32; ODF 1.2
/// Part 1, 9.4.7): what may be entered, and what the user is told.
public struct DataValidation: Hashable, Sendable {
    public enum Rule: Hashable, Sendable {
        /// A whole number between the bounds (inclusive).
        case wholeNumber(min: Double, max: Double)
        /// A decimal number between the bounds (inclusive).
        case decimal(min: Double, max: Double)
        /// One of the listed texts, offered as a drop-down.
        case list([String])
        /// A number between the bounds (whole when `whole`), or one of the
        /// listed texts (the statistical markers `-`, `.`, `x`).
        case numberOrText(min: Double, max: Double, whole: Bool, texts: [String])
    }

    public var range: CellRange
    public var rule: Rule
    /// Whether an empty cell is allowed.
    public var allowBlank = true
    /// Shown when the cell is selected.
    public var inputTitle: String?
    public var inputMessage: String?
    /// Shown when a value breaks the rule; the entry is refused.
    public var errorTitle: String?
    public var errorMessage: String?

    public init(range: CellRange, rule: Rule) {
        self.range = range
        self.rule = rule
    }
}
