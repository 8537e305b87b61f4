/// Why an XML part could not be read.
public enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not well-formed XML: the parser's message and where.
    case malformed(message: String, line: Int, column: Int)
    /// A `<!DOCTYPE`: spreadsheet parts never need one, and refusing it rules
    /// out entity-expansion bombs and external entities.
    case doctypeNotAllowed
    /// The document ended before its root element closed.
    case truncated
    /// One of the `XMLLimits` was exceeded: which one, and its value.
    case limitExceeded(limit: XMLLimit, value: Int)
    /// Bytes that are not UTF-8 in a part read as UTF-8: the offset of the
    /// first byte that begins no character.
    case invalidUTF8(offset: Int)
    /// Bytes that are not UTF-16 in a part declared so: the offset of the
    /// first unit that is not a character.
    case invalidUTF16(offset: Int)
    /// The part needs libxml2 (another encoding than UTF-8) and it could not be loaded.
    case libraryMissing(name: String, reason: String)

    public var description: String {
        switch self {
        case .malformed(let message, let line, let column):
            return "malformed XML at line \(line), column \(column): \(message)"
        case .doctypeNotAllowed:
            return "a DOCTYPE declaration is not allowed (spreadsheet parts never need one; entities are not expanded)"
        case .truncated:
            return "the XML ends before the document is complete"
        case .limitExceeded(let limit, let value):
            return "\(limit.description) exceeds the limit of \(value) (\(limit.flag) raises it)"
        case .invalidUTF8(let offset):
            return "the bytes are not UTF-8 at byte \(offset) (the part is read as UTF-8, as it declares or by default)"
        case .invalidUTF16(let offset):
            return "the bytes are not UTF-16 at byte \(offset) (the part declares UTF-16)"
        case .libraryMissing(let name, let reason):
            return "the part is not in UTF-8; reading it needs the XML library \(name), which could not be loaded (\(reason)); "
                + "on Debian it comes with the package libxml2"
        }
    }
}

/// The limits of `XMLLimits`, named for messages.
public enum XMLLimit: String, Sendable, Equatable {
    case depth, attributeLength, textLength

    public var description: String {
        switch self {
        case .depth: return "the nesting of XML elements"
        case .attributeLength: return "an attribute value (in bytes)"
        case .textLength: return "a text (in bytes)"
        }
    }

    /// The command-line flag that sets it.
    public var flag: String {
        switch self {
        case .depth: return "--max-depth"
        case .attributeLength: return "--max-attribute-length"
        case .textLength: return "--max-string-length"
        }
    }
}
