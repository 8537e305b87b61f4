/// OOXML namespace URIs, Transitional and Strict (ECMA-376 Part 1, 8.1 and
/// Part 4; Strict uses the purl.oclc.org URIs).
enum Namespaces {
    static let spreadsheet = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ]
    static let relationships = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ]
    static let xml = "http://www.w3.org/XML/1998/namespace"
}

/// The last path segment of a relationship type, which is the same in
/// Transitional and Strict (`…/worksheet`, `…/sharedStrings`).
enum RelationshipKind {
    static let officeDocument = "officeDocument"
    static let worksheet = "worksheet"
    static let sharedStrings = "sharedStrings"
    static let styles = "styles"
    static let extendedProperties = "extended-properties"
}
