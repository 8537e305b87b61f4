/// Why an XML part could not be read.
public enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not well-formed XML: the parser's message and where.
    case malformed(message: String, line: Int, column: Int)
    /// A `<!DOCTYPE`: spreadsheet parts never need one, and refusing it rules
    /// out entity-expansion bombs and external entities.
    case doctypeNotAllowed
    /// The document ended before its root element closed.
    case truncated

    public var description: String {
        switch self {
        case .malformed(let message, let line, let column):
            return "malformed XML at line \(line), column \(column): \(message)"
        case .doctypeNotAllowed:
            return "a DOCTYPE declaration is not allowed (spreadsheet parts never need one; entities are not expanded)"
        case .truncated:
            return "the XML ends before the document is complete"
        }
    }
}
