import Spreadsheet
import XMLStream

/// Applies a feedback copy's additions to a spreadsheet body (`content.xml`
/// or a flat document) by splicing bytes: the protocol table goes before the
/// first table, its styles and the marks' styles at the end of the automatic
/// styles, and only the rows holding a mark are rewritten — a repeated row or
/// cell is split around the marked one, the marked cell gets a style that is
/// its own plus the fill, and a hidden `office:annotation` (ODF 1.2 Part 1,
/// 14.1). Every other byte of the document stays where and as it was.
enum ContentAnnotation {
    /// The body with the additions; a flat document (`flat`) also gets the
    /// protocol's page styles, which a package keeps in `styles.xml` (`addPages`).
    static func apply(_ annotations: WorkbookAnnotations, to document: [UInt8], part: String, flat: Bool) throws -> [UInt8] {
        var marks: [String: [Int: [Int: CellMark]]] = [:]
        for mark in annotations.marks { marks[mark.sheet, default: [:]][mark.cell.row, default: [:]][mark.cell.column] = mark }
        return try document.withUnsafeBytes { bytes in
            let scan = try AnnotationScan.scan(bytes, markedRows: marks.mapValues { Set($0.keys) }, part: part)
            guard scan.sawSpreadsheet, let root = scan.root else { throw ODSError.notASpreadsheet(mimetype: "no spreadsheet body") }
            var editor = Editor(bytes: bytes, scan: scan)
            if flat { try editor.addPages() }
            try editor.declareNamespaces(root: root)
            let names = Set(scan.tables.map(\.name))
            if names.contains(annotations.firstSheet.name) { throw ODSAnnotationError.sheetNameTaken(annotations.firstSheet.name) }
            for sheet in marks.keys where !names.contains(sheet) { throw ODSAnnotationError.noSuchSheet(sheet) }
            for table in scan.tables {
                guard let rows = marks[table.name] else { continue }
                try editor.mark(table, rows)
            }
            try editor.addProtocol(annotations)
            return try editor.result(of: document)
        }
    }

    /// A package's `styles.xml` with the page styles the protocol table names
    /// (landscape A4 as `imon-Landscape`), after the department's own.
    static func addPages(to styles: [UInt8]) throws -> [UInt8] {
        try styles.withUnsafeBytes { bytes in
            var editor = Editor(bytes: bytes, scan: try AnnotationScan.scan(bytes, markedRows: [:], part: "styles.xml"))
            try editor.addPages()
            return try editor.result(of: styles)
        }
    }

    /// The prefix of every style, page layout and master page the copy adds.
    static let prefix = "imon-"

    /// The edits to one document, applied at the end in order of position.
    private struct Editor {
        let bytes: UnsafeRawBufferPointer
        let scan: AnnotationScan
        private var edits = ByteSplices()
        private var markStyles: [String: String] = [:]
        private var styleBytes = XMLBuffer()

        init(bytes: UnsafeRawBufferPointer, scan: AnnotationScan) {
            self.bytes = bytes
            self.scan = scan
        }

        /// Our markup writes the usual prefixes; each must mean at the root
        /// what it means in ours, and one the document lacks is declared there.
        mutating func declareNamespaces(root: (start: Int, tagEnd: Int)) throws {
            var declared: [String: String] = [:]
            for (name, value) in StartTagAttributes.ranges(bytes, root.start + 1, root.tagEnd) {
                let qname = String(decoding: bytes[name], as: UTF8.self)
                if qname.hasPrefix("xmlns:") {
                    declared[String(qname.dropFirst(6))] = String(decoding: TableListing.decode(Array(bytes[value])), as: UTF8.self)
                }
            }
            var missing = ""
            for (prefix, uri) in ODSAnnotationError.namespaces {
                switch declared[prefix] {
                case uri?: continue
                case nil: missing += " xmlns:\(prefix)=\"\(uri)\""
                case let other?: throw ODSAnnotationError.prefixTaken(prefix: prefix, uri: other)
                }
            }
            guard !missing.isEmpty else { return }
            let at = bytes[root.tagEnd - 1] == UInt8(ascii: "/") ? root.tagEnd - 1 : root.tagEnd
            edits.insert(Array(missing.utf8), at: at)
        }

        // MARK: Marks

        mutating func mark(_ table: AnnotationScan.Table, _ marks: [Int: [Int: CellMark]]) throws {
            var handled = Set<Int>()
            for row in table.rows {
                let run = row.row..<(row.row + row.repeats)
                let inRun = marks.keys.filter { run.contains($0) }.sorted()
                try requirePrefix(row.start, "table:table-row")
                handled.formUnion(inRun)
                let out = try split(run, at: inRun) {
                    copy(row.start, row.tagEnd, row.end, "table:number-rows-repeated", $0)
                } marked: {
                    try marked(row, marks[$0] ?? [:], table: table)
                }
                edits.replace(row.start..<row.end, with: out)
            }
            // Marks below the last row the table has: new rows after it.
            let beyond = marks.keys.filter { !handled.contains($0) }.sorted()
            guard !beyond.isEmpty else { return }
            guard let end = table.lastRowEnd else { throw ODSAnnotationError.noRows(table.name) }
            var out: [UInt8] = []
            var next = table.nextRow
            for r in beyond {
                if r > next { out += Array("<table:table-row table:number-rows-repeated=\"\(r - next)\"><table:table-cell/></table:table-row>".utf8) }
                out += Array("<table:table-row>".utf8)
                out += try newCells(marks[r] ?? [:], from: 0, table: table, rowStyle: nil)
                out += Array("</table:table-row>".utf8)
                next = r + 1
            }
            edits.insert(out, at: end)
        }

        /// A repeated row or cell standing for `run`, written again around the
        /// marked ones: each stretch without a mark as a copy that repeats as
        /// often as the stretch is long, each marked one on its own.
        private func split(_ run: Range<Int>, at marks: [Int], unmarked copy: (Int) -> [UInt8],
                           marked: (Int) throws -> [UInt8]) rethrows -> [UInt8] {
            var out: [UInt8] = []
            var next = run.lowerBound
            for k in marks {
                if k > next { out += copy(k - next) }
                out += try marked(k)
                next = k + 1
            }
            if next < run.upperBound { out += copy(run.upperBound - next) }
            return out
        }

        /// The element from `start` (its start tag ending at `tagEnd`) to `end`
        /// as it was, standing for `n` rows or cells by its repeat attribute.
        private func copy(_ start: Int, _ tagEnd: Int, _ end: Int, _ repeatAttribute: String, _ n: Int) -> [UInt8] {
            Tag.setting(Array(bytes[start...tagEnd]), repeatAttribute, to: n > 1 ? String(n) : nil) + Array(bytes[(tagEnd + 1)..<end])
        }

        /// One row of the run with its marked cells.
        private mutating func marked(_ row: AnnotationScan.Row, _ marks: [Int: CellMark], table: AnnotationScan.Table) throws -> [UInt8] {
            var out = Tag.opened(Tag.setting(Array(bytes[row.start...row.tagEnd]), "table:number-rows-repeated", to: nil))
            var position = row.tagEnd + 1
            for cell in row.cells {
                out += Array(bytes[position..<cell.start])
                try requirePrefix(cell.start, "table:")
                let run = cell.column..<(cell.column + cell.repeats)
                let inRun = marks.keys.filter { run.contains($0) }.sorted()
                if inRun.isEmpty {
                    out += Array(bytes[cell.start..<cell.end])
                } else {
                    out += try split(run, at: inRun) {
                        copy(cell.start, cell.tagEnd, cell.end, "table:number-columns-repeated", $0)
                    } marked: {
                        try marked(cell, marks[$0]!, rowStyle: row.defaultStyle, table: table)
                    }
                }
                position = cell.end
            }
            let endTag = row.endTag ?? row.end
            out += Array(bytes[position..<endTag])
            out += try newCells(marks.filter { $0.key >= row.nextColumn }, from: row.nextColumn, table: table, rowStyle: row.defaultStyle)
            out += row.endTag.map { Array(bytes[$0..<row.end]) } ?? Array("</table:table-row>".utf8)
            return out
        }

        private mutating func marked(_ cell: AnnotationScan.Cell, _ mark: CellMark, rowStyle: String?,
                                     table: AnnotationScan.Table) throws -> [UInt8] {
            let style = try markStyle(cell.style ?? rowStyle ?? columnStyle(table, cell.column), mark.fill)
            var tag = Tag.setting(Array(bytes[cell.start...cell.tagEnd]), "table:number-columns-repeated", to: nil)
            tag = Tag.setting(tag, "table:style-name", to: style)
            let note = try Self.annotation(mark)
            if cell.selfClosing {
                return Tag.opened(tag) + note.open + note.paragraphs + note.close + Tag.endTag(of: tag)
            }
            let content = cell.tagEnd + 1
            guard let existing = cell.annotation else { return tag + note.open + note.paragraphs + note.close + Array(bytes[content..<cell.end]) }
            // One annotation a cell (ODF 1.2 Part 1, 9.1.4): ours joins the department's own.
            if let endTag = existing.endTag {
                return tag + Array(bytes[content..<endTag]) + note.paragraphs + Array(bytes[endTag..<cell.end])
            }
            guard let gt = MarkupBytes.findTagEnd(bytes, from: existing.start + 1) else { throw XMLError.truncated }
            return tag + Array(bytes[content..<existing.start]) + note.open + note.paragraphs + note.close + Array(bytes[(gt + 1)..<cell.end])
        }

        /// Cells from `column` on, empty ones filling the gaps, for marks beyond a row's last cell.
        private mutating func newCells(_ marks: [Int: CellMark], from column: Int, table: AnnotationScan.Table,
                                       rowStyle: String?) throws -> [UInt8] {
            var out: [UInt8] = []
            var next = column
            for c in marks.keys.sorted() {
                if c > next { out += Array("<table:table-cell table:number-columns-repeated=\"\(c - next)\"/>".utf8) }
                let style = try markStyle(rowStyle ?? columnStyle(table, c), marks[c]!.fill)
                let note = try Self.annotation(marks[c]!)
                out += Array("<table:table-cell table:style-name=\"".utf8) + Tag.escaped(style) + Array("\">".utf8)
                out += note.open + note.paragraphs + note.close + Array("</table:table-cell>".utf8)
                next = c + 1
            }
            return out
        }

        private func columnStyle(_ table: AnnotationScan.Table, _ column: Int) -> String? {
            table.columns.first { column >= $0.first && column < $0.first + $0.count }?.style
        }

        private static func annotation(_ mark: CellMark) throws -> (open: [UInt8], paragraphs: [UInt8], close: [UInt8]) {
            if let bad = XMLBuffer.firstIllegalScalar(in: mark.comment) {
                throw WriteError.characterNotAllowed(sheet: mark.sheet, cell: mark.cell, scalar: bad, format: "ODS")
            }
            var text = XMLBuffer()
            ODSText.appendParagraphs(mark.comment, to: &text)
            // Without office:display the note shows on hovering only, and covers no values.
            return (Array("<office:annotation><dc:creator>imon</dc:creator>".utf8), text.bytes, Array("</office:annotation>".utf8))
        }

        /// The automatic style of a marked cell: the cell's own style with the
        /// fill, so that its number format, font and borders stay.
        private mutating func markStyle(_ base: String?, _ fill: RGBColor) throws -> String {
            let key = (base ?? "") + "\u{0}" + fill.hex
            if let known = markStyles[key] { return known }
            var name = "imon-mark-\(markStyles.count + 1)"
            while scan.cellStyles[name] != nil { name += "-" }
            markStyles[key] = name
            let background = "#" + fill.hex.lowercased()
            if let base, let range = scan.cellStyles[base] {
                try requirePrefix(range.lowerBound, "style:style")
                guard let gt = MarkupBytes.findTagEnd(bytes, from: range.lowerBound + 1) else { throw XMLError.truncated }
                let tag = Tag.setting(Array(bytes[range.lowerBound...gt]), "style:name", to: name)
                if bytes[gt - 1] == UInt8(ascii: "/") {
                    styleBytes.raw(bytes: Tag.opened(tag))
                    styleBytes.raw("<style:table-cell-properties fo:background-color=\"\(background)\"/></style:style>")
                    return name
                }
                let inner = Array(bytes[(gt + 1)..<range.upperBound])
                if let at = Tag.find(Array("<style:table-cell-properties".utf8), in: inner),
                   let end = inner[at...].firstIndex(of: UInt8(ascii: ">")) {
                    let properties = Tag.setting(Array(inner[at...end]), "fo:background-color", to: background)
                    styleBytes.raw(bytes: tag + inner[..<at] + properties + inner[(end + 1)...])
                } else {
                    styleBytes.raw(bytes: tag)
                    styleBytes.raw("<style:table-cell-properties fo:background-color=\"\(background)\"/>")
                    styleBytes.raw(bytes: inner)
                }
                return name
            }
            styleBytes.raw("<style:style style:name=\"\(name)\" style:family=\"table-cell\" style:parent-style-name=\"")
            styleBytes.attribute(base ?? "Default")
            styleBytes.raw("\"><style:table-cell-properties fo:background-color=\"\(background)\"/></style:style>")
            return name
        }

        // MARK: Protocol sheet and styles

        mutating func addPages() throws {
            try insert(ODSDocumentParts.pageLayouts(prefix: ContentAnnotation.prefix).bytes, into: scan.automaticStyles, "office:automatic-styles")
            try insert(Array(ODSDocumentParts.masterPages(prefix: ContentAnnotation.prefix).utf8), into: scan.masterStyles, "office:master-styles")
        }

        /// Puts `content` at the end of a container of the root (automatic or
        /// master styles), making the container where the document has none.
        private mutating func insert(_ content: [UInt8], into container: (start: Int, tagEnd: Int, selfClosing: Bool, endTag: Int?)?,
                                     _ name: String) throws {
            let wrapped = Array("<\(name)>".utf8) + content + Array("</\(name)>".utf8)
            guard let container else {
                // Automatic styles come before the body or master styles, master styles before the body (ODF 1.2 Part 1, 3.1.2).
                let at = name == "office:automatic-styles" ? scan.masterStyles?.start ?? scan.bodyStart : scan.bodyStart ?? scan.rootEndTag
                guard let at else { throw ODSAnnotationError.unusualPrefix("no place for \(name)") }
                edits.insert(wrapped, at: at)
                return
            }
            try requirePrefix(container.start, name)
            if let endTag = container.endTag {
                edits.insert(content, at: endTag)
            } else {
                edits.replace(container.start..<(container.tagEnd + 1), with: wrapped)
            }
        }

        mutating func addProtocol(_ annotations: WorkbookAnnotations) throws {
            var styles = ODSStyles()
            styles.namePrefix = ContentAnnotation.prefix
            var table = ODSTableWriter(layout: annotations.firstSheet, validationNames: [])
            var body = table.head(styles: &styles)
            for row in annotations.firstSheetRows { try table.write(row, into: &body, styles: &styles) }
            body.raw(bytes: try table.tail(styles: &styles).bytes)
            let at = scan.firstTableStart ?? scan.spreadsheetEndTag
            guard let at else { throw ODSError.notASpreadsheet(mimetype: "no spreadsheet body") }
            edits.insert(body.bytes, at: at)

            // The generated styles without their wrapper, then the marks' styles.
            var all = styles.automaticStyles(including: XMLBuffer(capacity: 0)).bytes
            let open = "<office:automatic-styles>".utf8.count, close = "</office:automatic-styles>".utf8.count
            all = Array(all[open..<(all.count - close)]) + styleBytes.bytes
            try insert(all, into: scan.automaticStyles, "office:automatic-styles")
        }

        /// Our markup uses the usual prefixes; an element we edit must carry them too.
        private func requirePrefix(_ at: Int, _ prefix: String) throws {
            let expected = Array(("<" + prefix).utf8)
            guard at + expected.count <= bytes.count, zip(bytes[at..<(at + expected.count)], expected).allSatisfy({ $0 == $1 }) else {
                throw ODSAnnotationError.unusualPrefix(String(decoding: bytes[at..<min(bytes.count, at + 40)], as: UTF8.self))
            }
        }

        /// `document` (the bytes the editor was made over) with the edits.
        func result(of document: [UInt8]) throws -> [UInt8] {
            try edits.applied(to: document)
        }
    }
}
