/// The names `RowSegmenter` cuts by: the element that holds the rows (a
/// table, `sheetData`), the row element, their namespace, and what stands
/// between the root and a top-level container.
public struct RowVocabulary: Sendable {
    /// The namespace URIs of the container and row elements.
    public var namespaces: [String]
    public var container: StaticString
    public var row: StaticString
    /// How deep a top-level container stands in a run's wrapper (the root is 1);
    /// a parser takes a run only where its container stands as deep.
    public var containerDepth: Int
    /// The start tags that stand between the root and a container in a
    /// run's wrapper, and their end tags, given the prefix (with its colon)
    /// the root declares for a namespace; nil when one is not declared.
    public var between: @Sendable (_ prefix: ([String]) -> [UInt8]?) -> (open: [UInt8], close: [UInt8])?

    /// Bytes beyond `<` + prefix that decide whether a tag is a row or container tag.
    var longestName: Int { max(container.utf8CodeUnitCount, row.utf8CodeUnitCount) + 1 }

    /// An OpenDocument spreadsheet body: tables (`table:table`) of rows
    /// (`table:table-row`) in `office:body/office:spreadsheet`.
    public static let openDocument = RowVocabulary(
        namespaces: ["urn:oasis:names:tc:opendocument:xmlns:table:1.0"], container: "table", row: "table-row",
        containerDepth: 4,
        between: { prefix in
            guard let office = prefix(["urn:oasis:names:tc:opendocument:xmlns:office:1.0"]) else { return nil }
            let o = String(decoding: office, as: UTF8.self)
            return (Array("<\(o)body><\(o)spreadsheet>".utf8), Array("</\(o)spreadsheet></\(o)body>".utf8))
        })

    /// A SpreadsheetML worksheet part: `sheetData` of `row` elements,
    /// Transitional or Strict.
    public static let spreadsheetML = RowVocabulary(
        namespaces: ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
        container: "sheetData", row: "row", containerDepth: 2,
        between: { _ in ([], []) })

    static func bytes(_ name: StaticString) -> [UInt8] {
        Array(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }
}
