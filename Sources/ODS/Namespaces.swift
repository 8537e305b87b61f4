/// OpenDocument namespace URIs (ODF 1.2 Part 1, 1.5).
enum Namespaces {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let calcext = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
    static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
}
