import XMLStream

/// Where the parts an annotated copy touches lie in a spreadsheet body, in
/// bytes from the document's start: the root tag, the automatic styles and
/// each automatic cell style, where the tables begin, and — for the rows
/// that hold a marked cell — every row and cell with its repeats count and
/// style (ODF 1.2 Part 1, 9.1). One pass of the XML scanner, which reports
/// each tag's offset; nothing else of the document is kept.
final class AnnotationScan: XMLEventHandler {
    struct Cell {
        var start: Int
        /// The `>` of the start tag.
        var tagEnd: Int
        /// Just after the cell's last byte.
        var end = 0
        var selfClosing = false
        var column: Int
        var repeats: Int
        var style: String?
        /// An annotation the cell has already: its start and the `<` of its end tag (nil: it closes itself).
        var annotation: (start: Int, endTag: Int?)?
    }

    struct Row {
        var start: Int
        var tagEnd: Int
        var end = 0
        /// The `<` of `</table:table-row>`; nil when the row closes itself.
        var endTag: Int?
        var row: Int
        var repeats: Int
        var defaultStyle: String?
        var cells: [Cell] = []
        var nextColumn = 0
    }

    struct Table {
        var name: String
        var columns: [(first: Int, count: Int, style: String?)] = []
        /// The rows that hold a mark.
        var rows: [Row] = []
        var nextRow = 0
        /// Just after the last row of the table, where rows beyond it go.
        var lastRowEnd: Int?
    }

    weak var scanner: XMLScanner?
    private let bytes: UnsafeRawBufferPointer
    private let markedRows: [String: Set<Int>]

    private(set) var root: (start: Int, tagEnd: Int)?
    /// `office:automatic-styles`: its start, the `>` of its start tag, whether it closes itself, and the `<` of its end tag.
    private(set) var automaticStyles: (start: Int, tagEnd: Int, selfClosing: Bool, endTag: Int?)?
    /// `office:master-styles`, as `automaticStyles`.
    private(set) var masterStyles: (start: Int, tagEnd: Int, selfClosing: Bool, endTag: Int?)?
    /// The `<` of the root's end tag.
    private(set) var rootEndTag: Int?
    private(set) var bodyStart: Int?
    /// Automatic `table-cell` styles by name: their element's bytes.
    private(set) var cellStyles: [String: Range<Int>] = [:]
    private(set) var firstTableStart: Int?
    private(set) var spreadsheetEndTag: Int?
    private(set) var tables: [Table] = []
    private(set) var sawSpreadsheet = false

    private enum Kind {
        case root, automaticStyles, masterStyles, cellStyle(String?), body, spreadsheet, table, row, cell, annotation, nested, other
    }

    private var stack: [(kind: Kind, start: Int)] = []
    private var office = NamespaceMatcher("urn:oasis:names:tc:opendocument:xmlns:office:1.0")
    private var style = NamespaceMatcher("urn:oasis:names:tc:opendocument:xmlns:style:1.0")
    private var table = NamespaceMatcher("urn:oasis:names:tc:opendocument:xmlns:table:1.0")
    private var currentRow: Row?

    init(bytes: UnsafeRawBufferPointer, markedRows: [String: Set<Int>]) {
        self.bytes = bytes
        self.markedRows = markedRows
    }

    /// Scans a whole document held in memory.
    static func scan(_ bytes: UnsafeRawBufferPointer, markedRows: [String: Set<Int>], part: String) throws -> AnnotationScan {
        let scan = AnnotationScan(bytes: bytes, markedRows: markedRows)
        let scanner = XMLScanner(handler: scan, documentName: part)
        // The offsets come from the scanner, never from libxml2, even where IMON_XML_PARSER asks for it.
        scanner.needsOffsets = true
        scan.scanner = scanner
        try withPart(part) {
            try scanner.feed(bytes)
            try scanner.finish()
        }
        guard !scanner.usesLibXML2 else { throw ODSAnnotationError.notUTF8 }
        return scan
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        let at = scanner?.tagOffset ?? 0
        guard let tagEnd = MarkupBytes.findTagEnd(bytes, from: at + 1) else { throw XMLError.truncated }
        let parent = stack.last?.kind
        var kind = Kind.other
        switch parent {
        case nil:
            root = (at, tagEnd)
            kind = .root
        case .nested?, .annotation?:
            kind = parent ?? .other
        case .root?:
            if office.matches(name.namespaceURI) && name.is("automatic-styles") {
                automaticStyles = (at, tagEnd, bytes[tagEnd - 1] == UInt8(ascii: "/"), nil)
                kind = .automaticStyles
            } else if office.matches(name.namespaceURI) && name.is("master-styles") {
                masterStyles = (at, tagEnd, bytes[tagEnd - 1] == UInt8(ascii: "/"), nil)
                kind = .masterStyles
            } else if office.matches(name.namespaceURI) && name.is("body") {
                bodyStart = at
                kind = .body
            }
        case .automaticStyles?:
            if style.matches(name.namespaceURI) && name.is("style") && attributes.string("family", in: &style) == "table-cell" {
                kind = .cellStyle(attributes.string("name", in: &style))
            }
        case .body?:
            if office.matches(name.namespaceURI) && name.is("spreadsheet") {
                sawSpreadsheet = true
                kind = .spreadsheet
            }
        case .spreadsheet?:
            if table.matches(name.namespaceURI) && name.is("table") {
                firstTableStart = firstTableStart ?? at
                tables.append(Table(name: attributes.string("name", in: &table) ?? ""))
                kind = .table
            }
        case .table?:
            kind = try tablePart(name, attributes, at: at, tagEnd: tagEnd)
        case .row?:
            if table.matches(name.namespaceURI) && (name.is("table-cell") || name.is("covered-table-cell")) {
                let repeats = try count(attributes, "number-columns-repeated")
                if var row = currentRow {
                    row.cells.append(Cell(start: at, tagEnd: tagEnd, column: row.nextColumn, repeats: repeats,
                                          style: attributes.string("style-name", in: &table)))
                    row.nextColumn += repeats
                    currentRow = row
                }
                kind = .cell
            }
        case .cell?:
            if office.matches(name.namespaceURI) && name.is("annotation") {
                if var row = currentRow, !row.cells.isEmpty {
                    row.cells[row.cells.count - 1].annotation = (at, nil)
                    currentRow = row
                }
                kind = .annotation
            } else if table.matches(name.namespaceURI) && name.is("table") {
                kind = .nested
            }
        default:
            break
        }
        stack.append((kind, at))
    }

    /// Columns, rows and the groups that hold them (header rows, row groups).
    private func tablePart(_ name: XMLName, _ attributes: XMLAttributes, at: Int, tagEnd: Int) throws -> Kind {
        guard table.matches(name.namespaceURI) else { return .other }
        let t = tables.count - 1
        if name.is("table-column") {
            let repeats = try count(attributes, "number-columns-repeated")
            let first = tables[t].columns.last.map { $0.first + $0.count } ?? 0
            tables[t].columns.append((first, repeats, attributes.string("default-cell-style-name", in: &table)))
            return .other
        }
        if name.is("table-row") {
            let repeats = try count(attributes, "number-rows-repeated")
            let first = tables[t].nextRow
            tables[t].nextRow += repeats
            let marked = markedRows[tables[t].name].map { rows in rows.contains { $0 >= first && $0 < first + repeats } } ?? false
            if marked {
                currentRow = Row(start: at, tagEnd: tagEnd, row: first, repeats: repeats,
                                 defaultStyle: attributes.string("default-cell-style-name", in: &table))
            }
            return .row
        }
        // table:table-header-rows, table:table-row-group and the like hold rows of the same table.
        return name.is("table-header-rows") || name.is("table-row-group") || name.is("table-rows")
            || name.is("table-header-columns") || name.is("table-column-group") || name.is("table-columns") ? .table : .other
    }

    private func count(_ attributes: XMLAttributes, _ local: StaticString) throws -> Int {
        guard let text = attributes.string(local, in: &table) else { return 1 }
        guard let n = Int(text), n >= 1, n <= 1 << 24 else { throw ODSAnnotationError.badRepeat(text) }
        return n
    }

    func endElement(_ name: XMLName) throws {
        guard let (kind, start) = stack.popLast() else { return }
        let at = scanner?.tagOffset ?? 0
        let selfClosing = at == start
        let end: Int
        if selfClosing {
            guard let gt = MarkupBytes.findTagEnd(bytes, from: start + 1) else { throw XMLError.truncated }
            end = gt + 1
        } else {
            guard let gt = MarkupBytes.find(bytes, UInt8(ascii: ">"), from: at) else { throw XMLError.truncated }
            end = gt + 1
        }
        switch kind {
        case .root:
            rootEndTag = selfClosing ? nil : at
        case .automaticStyles:
            automaticStyles?.endTag = selfClosing ? nil : at
        case .masterStyles:
            masterStyles?.endTag = selfClosing ? nil : at
        case .cellStyle(let styleName):
            if let styleName { cellStyles[styleName] = start..<end }
        case .spreadsheet:
            spreadsheetEndTag = at
        case .row where stack.last.map({ if case .table = $0.kind { true } else { false } }) == true:
            tables[tables.count - 1].lastRowEnd = end
            if var row = currentRow {
                row.end = end
                row.endTag = selfClosing ? nil : at
                tables[tables.count - 1].rows.append(row)
                currentRow = nil
            }
        case .cell where currentRow != nil && stack.last.map({ if case .row = $0.kind { true } else { false } }) == true:
            let k = currentRow!.cells.count - 1
            currentRow!.cells[k].end = end
            currentRow!.cells[k].selfClosing = selfClosing
        case .annotation where currentRow != nil && stack.last.map({ if case .cell = $0.kind { true } else { false } }) == true:
            let k = currentRow!.cells.count - 1
            currentRow!.cells[k].annotation?.endTag = selfClosing ? nil : at
        default:
            break
        }
    }

    func characters(_ text: UnsafeRawBufferPointer) throws {}
}
