import Spreadsheet
import XMLStream
import Zip

/// Where things lie in one worksheet part of a package being annotated:
/// its rows, the cells of the rows that get marks, column styles, selected
/// views, and where a `legacyDrawing` goes (ECMA-376 Part 1, 18.3.1.99
/// `CT_Worksheet`). Read with `XMLScanner`, once, without building the sheet.
final class AnnotatedSheetScan: XMLEventHandler {
    struct Cell {
        var column: Int
        var startTag: Range<Int>
        var style: Int
        var styleRange: Range<Int>?
    }

    struct Row {
        var index: Int
        var startTag: Range<Int>
        var endTag: Range<Int>?
        var style: Int?
        var cells: [Cell] = []
    }

    let part: String
    let markedRows: Set<Int>
    /// Whether to stop at the rows: only the head is wanted (`tabSelected`).
    let headOnly: Bool
    private(set) var rootTag: Range<Int> = 0..<0
    private(set) var sheetData: (start: Range<Int>, end: Range<Int>?)?
    /// Every row's index and start; the cells only of rows in `markedRows`.
    private(set) var rows: [Row] = []
    private(set) var columnStyles: [(first: Int, last: Int, style: Int)] = []
    /// `tabSelected` values of the sheet's views.
    private(set) var selectedViews: [Range<Int>] = []
    /// The start of the first element that must follow a `legacyDrawing`.
    private(set) var afterLegacyDrawing: Int?
    private(set) var rootEnd = 0
    /// The `r:id` of the sheet's `legacyDrawing`, when it has one.
    private(set) var legacyDrawingID: String?

    private unowned(unsafe) var scanner: XMLScanner?
    private var depth = 0
    private var inSheetData = false
    private var lastColumn = -1
    /// The elements `CT_Worksheet` puts after `legacyDrawing`.
    private static let later: Set<String> = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls",
                                             "webPublishItems", "tableParts", "extLst", "AlternateContent"]

    private struct HeadDone: Error {}

    init(part: String, markedRows: Set<Int>, headOnly: Bool = false) {
        self.part = part
        self.markedRows = markedRows
        self.headOnly = headOnly
    }

    func scan(_ bytes: [UInt8]) throws {
        let scanner = XMLScanner(handler: self, documentName: part)
        scanner.needsOffsets = true
        self.scanner = scanner
        do {
            try withPart(part) {
                try bytes.withUnsafeBytes { try scanner.feed($0) }
                try scanner.finish()
            }
        } catch is HeadDone {
            return
        }
        guard sheetData != nil else { throw XLSXError.cannotAnnotate(part: part, reason: "no <sheetData> in the worksheet") }
    }

    /// Reads only the head of `entry` (up to `sheetData`), streaming, so
    /// that a large sheet is not inflated whole to learn whether it is selected.
    func scanHead(of entry: ZipEntry, in zip: ZipArchive) throws {
        let scanner = XMLScanner(handler: self, documentName: part)
        scanner.needsOffsets = true
        self.scanner = scanner
        do {
            try withPart(part) {
                try zip.read(entry) { try scanner.feed($0) }
                try scanner.finish()
            }
        } catch is HeadDone {
            return
        }
    }

    private func locate() throws -> XMLScanner {
        guard let scanner, !scanner.usesLibXML2 else {
            throw XLSXError.cannotAnnotate(part: part, reason: "the part is not in UTF-8 and cannot be edited in place")
        }
        return scanner
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        let scanner = try locate()
        depth += 1
        let tag = scanner.tagRange
        switch depth {
        case 1:
            rootTag = tag
        case 2:
            if name.is("sheetData") {
                if headOnly { throw HeadDone() }
                sheetData = (tag, nil)
                inSheetData = true
            } else if name.is("legacyDrawing") {
                legacyDrawingID = attributes.first { $0.name.is("id") && $0.name.namespaceURI != nil }?.string
            } else if sheetData != nil, afterLegacyDrawing == nil, AnnotatedSheetScan.later.contains(name.local) {
                afterLegacyDrawing = tag.lowerBound
            }
        case 3:
            if inSheetData && name.is("row") {
                let index = try attributes.string("r").map { try number($0, "row r") - 1 } ?? ((rows.last?.index ?? -1) + 1)
                let style = attributes.string("customFormat").flatMap { $0 == "1" || $0 == "true" ? attributes.string("s") : nil }
                rows.append(Row(index: index, startTag: tag, style: style.flatMap { Int($0) }))
                lastColumn = -1
            } else if name.is("col"), let min = attributes.string("min").flatMap({ Int($0) }),
                      let max = attributes.string("max").flatMap({ Int($0) }), let style = attributes.string("style").flatMap({ Int($0) }) {
                columnStyles.append((min - 1, max - 1, style))
            } else if name.is("sheetView"), let value = attributes.value("tabSelected"),
                      let range = scanner.documentRange(of: value),
                      ["1", "true"].contains(String(decoding: value, as: UTF8.self)) {
                selectedViews.append(range)
            }
        case 4:
            guard inSheetData, name.is("c"), let row = rows.last else { break }
            var column = lastColumn + 1
            if let r = attributes.string("r") {
                guard let ref = CellReference(r) else { throw XLSXError.badCellReference(r, part: part) }
                column = ref.column
            }
            lastColumn = column
            guard markedRows.contains(row.index) else { break }
            let s = attributes.value("s")
            let style = try s.map { try number(String(decoding: $0, as: UTF8.self), "c s") } ?? 0
            rows[rows.count - 1].cells.append(Cell(column: column, startTag: tag, style: style,
                                                   styleRange: s.flatMap { scanner.documentRange(of: $0) }))
        default:
            break
        }
    }

    func endElement(_ name: XMLName) throws {
        let scanner = try locate()
        let tag = scanner.tagRange
        if depth == 3, inSheetData, name.is("row"), let last = rows.last, last.startTag != tag {
            rows[rows.count - 1].endTag = tag
        } else if depth == 2, name.is("sheetData"), let data = sheetData {
            inSheetData = false
            if data.start != tag { sheetData = (data.start, tag) }
        } else if depth == 1 {
            rootEnd = tag.lowerBound
        }
        depth -= 1
    }

    func characters(_ text: UnsafeRawBufferPointer) throws {}

    private func number(_ text: String, _ what: String) throws -> Int {
        guard let n = Int(text), n >= 0 else { throw XLSXError.cannotAnnotate(part: part, reason: "\(what)=\"\(text)\" is not a number") }
        return n
    }
}
