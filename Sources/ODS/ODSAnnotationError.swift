/// Why a feedback copy could not be made inside an OpenDocument file as it
/// was submitted; the caller then writes the copy anew from the values.
public enum ODSAnnotationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The document is not in UTF-8, so the scanner gives no byte positions.
    case notUTF8
    /// The document binds a prefix our markup uses to another namespace.
    case prefixTaken(prefix: String, uri: String)
    /// An element we would edit is written with a prefix other than the usual one.
    case unusualPrefix(String)
    case badRepeat(String)
    case sheetNameTaken(String)
    case noSuchSheet(String)
    case noRows(String)

    public var description: String {
        switch self {
        case .notUTF8: return "content.xml: not in UTF-8"
        case .prefixTaken(let prefix, let uri): return "content.xml: the prefix \"\(prefix)\" stands for \(uri)"
        case .unusualPrefix(let tag): return "content.xml: an element written with an unusual prefix: \(tag)"
        case .badRepeat(let text): return "content.xml: invalid repeat count \"\(text)\""
        case .sheetNameTaken(let name): return "content.xml: a table is already named \"\(name)\""
        case .noSuchSheet(let name): return "content.xml: no table named \"\(name)\""
        case .noRows(let name): return "content.xml: table \"\(name)\" has no rows"
        }
    }

    /// The prefixes the added markup writes, with what they must stand for.
    static let namespaces: [(String, String)] = [
        ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
        ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
        ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
        ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
        ("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
        ("number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("xlink", "http://www.w3.org/1999/xlink"),
        ("calcext", "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"),
    ]
}
