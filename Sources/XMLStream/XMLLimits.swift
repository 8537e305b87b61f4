/// Bounds on what parsing one XML part may cost, against crafted files.
///
/// The defaults are libxml2's own (its `xmlParserMaxDepth` and
/// `XML_MAX_TEXT_LENGTH`), so both parsing paths refuse the same files. Real
/// spreadsheet parts nest fewer than 20 elements deep, and no spreadsheet
/// program stores a cell text of 10 MB.
public struct XMLLimits: Sendable, Equatable {
    /// Deepest nesting of elements.
    public var maxDepth = 256
    /// Longest attribute value, in bytes.
    public var maxAttributeLength = 10_000_000
    /// Longest run of text between two tags, in bytes.
    public var maxTextLength = 10_000_000

    public init() {}

    public static let `default` = XMLLimits()

    /// Whether a limit is raised above libxml2's built-in caps, which then
    /// need lifting (`XML_PARSE_HUGE`) so that ours are the ones that count.
    var exceedsLibXML2Caps: Bool {
        maxDepth > XMLLimits.default.maxDepth || maxAttributeLength > XMLLimits.default.maxAttributeLength
            || maxTextLength > XMLLimits.default.maxTextLength
    }
}
