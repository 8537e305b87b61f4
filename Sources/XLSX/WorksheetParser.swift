import Spreadsheet
import XMLStream

/// Streams the cells of one worksheet part (ECMA-376 Part 1, 18.3.1.99
/// `worksheet`, 18.3.1.73 `row`, 18.3.1.4 `c`) row by row to `deliver`, in
/// memory bounded by the widest row.
///
/// Not generic over the visitor: the scanner calls its handler through the
/// protocol, and a generic parser's conformance ran unspecialised code that
/// found stored properties through the type's metadata (2.5 % of the
/// instructions of reading many.xlsx, callgrind). The visitor is reached
/// through one closure call per row instead (`VisitorBox`).
final class WorksheetParser: XMLEventHandler {
    /// How a cell's value is stored (`c@t`, 18.18.11 `ST_CellType`).
    private enum StoredType { case number, sharedString, inlineString, formulaString, boolean, error, isoDate }

    /// Where each finished row goes.
    private let deliver: (Row) throws -> Void
    private let part: String
    private let sharedStrings: SharedStringStore
    private let styles: Styles
    private let dateSystem: DateSystem
    private let maxCells: Int
    private var main = NamespaceMatcher(Namespaces.spreadsheet)

    private var depth = 0
    private var sheetDataDepth = -1
    private var row = Row(index: -1)
    /// The row a row element without `r` stands in.
    private(set) var nextRow = 0
    private var nextColumn = 0
    private(set) var cellCount = 0
    /// Rows handed to the visitor so far, those an earlier pass delivered included.
    private(set) var visited = 0
    /// Whether each row is handed over in its buffer, for a deliverer that
    /// keeps the rows (a run parsed on its own); otherwise the buffer is
    /// emptied and reused once the row is delivered.
    var handsRowsOver = false
    /// Rows an earlier pass delivered: counted, not visited again.
    private let skipping: Int
    /// Whether the first row took its number from the count, not from `r`.
    private(set) var startsImplicitly = false
    private var rowsBegun = 0

    private var inCell = false
    private var cellColumn = 0
    private var cellType = StoredType.number
    private var cellStyle = 0
    private var inValue = false
    private var value = ValueBytes()
    private var hasValue = false
    private var inInline = false
    private var sawInline = false
    private var sawFormula = false
    private var inline = RichText()
    private let elements = RememberedNames<SheetElement>(placeholder: .other)
    /// The rows read straight from the bytes (`XMLShortcut`), and how often
    /// a row was left to the scanner: a sheet whose rows mostly are (inline
    /// strings, say) stops being offered to the shortcut.
    private let markup = RowMarkup()
    private(set) var rowsTaken = 0
    private(set) var rowsLeft = 0

    private(set) var mergedRanges: [CellRange] = []
    private(set) var dimension: CellRange?

    /// With `skipping`, a pass continues one that delivered that many rows
    /// and stopped: those rows are read again, not delivered.
    init(part: String, sharedStrings: SharedStringStore, styles: Styles, dateSystem: DateSystem, maxCells: Int,
         skipping: Int = 0, deliver: @escaping (Row) throws -> Void) {
        self.deliver = deliver
        self.skipping = skipping
        self.part = part
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.dateSystem = dateSystem
        self.maxCells = maxCells
        row.cells.reserveCapacity(64)
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        depth += 1
        if inCell && inInline {
            inline.start(name, attributes)
            return
        }
        let kind = elements.kind(of: name, classify: SheetElement.init)
        if inCell {
            switch kind {
            case .value:
                inValue = true
                hasValue = true
                value.removeAll()
            case .inlineString:
                inInline = true
                sawInline = true
                inline.reset()
            case .formula:
                sawFormula = true
            default:
                break
            }
            return
        }
        guard main.matches(name.namespaceURI) else { return }
        if sheetDataDepth >= 0 {
            if kind == .cell {
                try startCell(attributes)
            } else if kind == .row {
                startRow(attributes)
            }
        } else if kind == .sheetData {
            sheetDataDepth = depth
        } else if kind == .mergeCell {
            if let ref = attributes.value("ref"), let range = CellRange(String(decoding: ref, as: UTF8.self)) {
                mergedRanges.append(range)
            }
        } else if kind == .dimension {
            dimension = attributes.value("ref").flatMap { CellRange(String(decoding: $0, as: UTF8.self)) }
        }
    }

    func endElement(_ name: XMLName) throws {
        defer { depth -= 1 }
        let kind = elements.kind(of: name, classify: SheetElement.init)
        if inCell {
            if inInline {
                if kind == .inlineString { inInline = false } else { inline.end(name) }
            } else if inValue && kind == .value {
                inValue = false
            } else if kind == .cell && main.matches(name.namespaceURI) {
                try endCell(value.bytes)
            }
            return
        }
        if depth == sheetDataDepth {
            try flushRow()
            sheetDataDepth = -1
        } else if sheetDataDepth >= 0 && kind == .row && main.matches(name.namespaceURI) {
            try flushRow()
        }
    }

    func characters(_ text: UnsafeRawBufferPointer) throws {
        if inValue {
            value.append(text)
        } else if inInline {
            inline.characters(text)
        }
    }

    private func startRow(_ attributes: XMLAttributes) {
        startRow(number: attributes.value("r"))
    }

    private func startRow(number r: UnsafeRawBufferPointer?) {
        if let r, let n = NumberText.parseInt(r), n >= 1, n <= CellReference.maxRows {
            nextRow = n - 1
        } else if rowsBegun == 0 {
            startsImplicitly = true
        }
        rowsBegun += 1
        row.index = nextRow
        nextRow += 1
        nextColumn = 0
    }

    private func startCell(_ attributes: XMLAttributes) throws {
        beginCell()
        for attribute in attributes where attribute.name.namespaceURI == nil {
            let name = attribute.name.localName
            if name[0] == UInt8(ascii: "r") && name[1] == 0 {
                try takeReference(attribute.value)
            } else if name[0] == UInt8(ascii: "t") && name[1] == 0 {
                cellType = WorksheetParser.storedType(attribute.value)
            } else if name[0] == UInt8(ascii: "s") && name[1] == 0 {
                cellStyle = NumberText.parseInt(attribute.value) ?? 0
            }
        }
        nextColumn = cellColumn + 1
    }

    private func takeReference(_ v: UnsafeRawBufferPointer) throws {
        guard let ref = CellReference.parse(v) else {
            throw XLSXError.badCellReference(String(decoding: v, as: UTF8.self), part: part)
        }
        cellColumn = ref.column
    }

    private func beginCell() {
        if row.index < 0 {
            // A cell outside any row element: treat it as the next row.
            if rowsBegun == 0 { startsImplicitly = true }
            rowsBegun += 1
            row.index = nextRow
            nextRow += 1
        }
        inCell = true
        hasValue = false
        sawInline = false
        sawFormula = false
        cellType = .number
        cellStyle = 0
        cellColumn = nextColumn
    }

    private static func storedType(_ v: UnsafeRawBufferPointer) -> StoredType {
        guard let first = v.first else { return .number }
        switch first {
        case UInt8(ascii: "s"): return v.count == 1 ? .sharedString : .formulaString
        case UInt8(ascii: "i"): return .inlineString
        case UInt8(ascii: "b"): return .boolean
        case UInt8(ascii: "e"): return .error
        case UInt8(ascii: "d"): return .isoDate
        default: return .number
        }
    }

    /// Ends the cell whose `<v>` held `text` (when `hasValue`).
    private func endCell(_ text: UnsafeRawBufferPointer) throws {
        inCell = false
        guard let v = try cellValue(text), !v.isEmpty else {
            if sawFormula && !hasValue { row.uncachedFormulaColumns.append(cellColumn) }
            return
        }
        cellCount += 1
        if cellCount > maxCells { throw XLSXError.tooManyCells(limit: maxCells, part: part) }
        row.cells.append(Cell(column: cellColumn, value: v))
    }

    private var here: CellReference { CellReference(row: max(row.index, 0), column: cellColumn) }

    private func cellValue(_ text: UnsafeRawBufferPointer) throws -> CellValue? {
        switch cellType {
        case .inlineString:
            // The text lives in `<is>`; a `<v>` beside it is not shown (FORMAT.md, calamine).
            return sawInline ? .string(inline.string()) : nil
        case .formulaString:
            return hasValue ? .string(decoded(text)) : nil
        default:
            break
        }
        guard hasValue, text.count > 0 else { return nil }
        switch cellType {
        case .sharedString:
            guard let index = NumberText.parseInt(text) else {
                throw XLSXError.badValue(String(decoding: text, as: UTF8.self), part: part, cell: here)
            }
            guard index >= 0, let string = try sharedStrings.string(at: index) else {
                throw XLSXError.sharedStringIndexOutOfRange(index: index, count: sharedStrings.count, part: part, cell: here)
            }
            return .string(string)
        case .boolean:
            // Excel writes 0 or 1.
            if text.count == 1 { return .bool(text[0] == UInt8(ascii: "1")) }
            let trimmed = String(decoding: text, as: UTF8.self).trimmingASCIIWhitespace()
            return .bool(trimmed == "1" || trimmed.lowercased() == "true")
        case .error:
            return .error(String(decoding: text, as: UTF8.self))
        case .isoDate:
            let trimmed = String(decoding: text, as: UTF8.self).trimmingASCIIWhitespace()
            guard let date = ISO8601.parseDateTime(trimmed) else {
                throw XLSXError.badValue(trimmed, part: part, cell: here)
            }
            return date
        default:
            guard let number = NumberText.parse(text) else {
                throw XLSXError.badValue(String(decoding: text, as: UTF8.self), part: part, cell: here)
            }
            // xsd:double (ECMA-376 Part 1, 18.3.1.96, <v>) spells INF and NaN,
            // and 1e999 overflows to infinity; no spreadsheet program stores
            // either (Excel's largest is 9.99999999999999E+307), and every
            // sum or rate over such a cell would turn to nonsense.
            guard number.isFinite else {
                throw XLSXError.notFiniteNumber(String(decoding: text, as: UTF8.self), part: part, cell: here)
            }
            return .some(try styledNumber(number))
        }
    }

    private func styledNumber(_ number: Double) throws -> CellValue {
        guard cellStyle != 0 || styles.present else { return .number(number) }
        guard cellStyle < styles.formatClasses.count else {
            if !styles.present || styles.formatClasses.isEmpty { return .number(number) }
            throw XLSXError.styleIndexOutOfRange(index: cellStyle, count: styles.formatClasses.count, part: part, cell: here)
        }
        let formatClass = styles.formatClasses[cellStyle]
        if formatClass == .plain || formatClass == .percent { return .number(number) }
        return NumberFormat.value(of: number, formatClass: formatClass, dateSystem: dateSystem)
    }

    private func decoded(_ raw: UnsafeRawBufferPointer) -> String {
        guard StringEscapes.mayContainEscape(raw) else { return String(decoding: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        StringEscapes.decode(raw, into: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    private func flushRow() throws {
        defer {
            row.cells.removeAll(keepingCapacity: true)
            row.index = -1
        }
        defer { row.uncachedFormulaColumns.removeAll(keepingCapacity: true) }
        guard row.index >= 0, !row.cells.isEmpty || !row.uncachedFormulaColumns.isEmpty else { return }
        visited += 1
        guard visited > skipping else { return }
        if !isSorted(row.cells) { row.cells = stableDeduplicated(row.cells) }
        if handsRowsOver {
            // The next row gets a buffer of its own, as wide as this one:
            // rows of a sheet are mostly as wide as the one before.
            let delivered = row
            row.cells = []
            row.cells.reserveCapacity(delivered.cells.count)
            return try deliver(delivered)
        }
        try deliver(row)
    }

    /// Sets the cells of a row read by `RowMarkup` as the scanner's events
    /// for it would have.
    private func takeRow(_ b: UnsafePointer<UInt8>) throws {
        startRow(number: markup.number.bytes(in: b))
        for cell in markup.cells {
            beginCell()
            if let reference = cell.reference.bytes(in: b) { try takeReference(reference) }
            if let type = cell.type.bytes(in: b) { cellType = WorksheetParser.storedType(type) }
            if let style = cell.style.bytes(in: b) { cellStyle = NumberText.parseInt(style) ?? 0 }
            nextColumn = cellColumn + 1
            let text = cell.value.bytes(in: b)
            hasValue = text != nil
            sawFormula = cell.hasFormula
            if let inlineText = cell.inline.bytes(in: b) {
                sawInline = true
                inline.reset()
                inline.takeText(inlineText, preserve: cell.preservesSpace, hasReferences: cell.inlineHasReferences)
            }
            try endCell(text ?? UnsafeRawBufferPointer(start: nil, count: 0))
        }
        try flushRow()
    }

    /// Takes the rows of a run parsed on its own (`ParsedSheetRun`) as the
    /// next rows of the sheet; throws `RunOutOfPlace` when this pass cannot
    /// take them as they are (a pass without runs then tells why).
    func take(_ run: ParsedSheetRun) throws {
        guard depth == RowVocabulary.spreadsheetML.containerDepth, sheetDataDepth == depth, row.index < 0, !inCell,
              !run.startsImplicitly || nextRow == 0, cellCount + run.cellCount <= maxCells else {
            throw RunOutOfPlace()
        }
        cellCount += run.cellCount
        nextRow = run.nextRow
        for row in run.rows {
            visited += 1
            try deliver(row)
        }
    }

    private func isSorted(_ cells: [Cell]) -> Bool {
        var last = -1
        for cell in cells {
            if cell.column <= last { return false }
            last = cell.column
        }
        return true
    }

    /// Cells out of column order, or twice in a row: later ones win.
    private func stableDeduplicated(_ cells: [Cell]) -> [Cell] {
        var byColumn: [Int: CellValue] = [:]
        for cell in cells { byColumn[cell.column] = cell.value }
        return byColumn.keys.sorted().map { Cell(column: $0, value: byColumn[$0] ?? .empty) }
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}

extension WorksheetParser: XMLShortcut {
    /// Reads the rows of `sheetData` that `RowMarkup` can read, one after
    /// another, and leaves the first it cannot to the scanner.
    func take(_ bytes: UnsafePointer<UInt8>, from start: Int, count: Int, scope: XMLScope) throws -> Int {
        guard depth == sheetDataDepth, row.index < 0, !inCell, start + 1 < count, bytes[start + 1] == UInt8(ascii: "r"),
              rowsLeft < 16 || rowsLeft < rowsTaken / 4, scope.depth + 3 <= scope.limits.maxDepth,
              main.matches(scope.defaultNamespace) else {
            return start
        }
        markup.enter(scope)
        var i = start
        while let end = markup.read(bytes, at: i, count: count, scope: scope) {
            try takeRow(bytes)
            rowsTaken += 1
            i = end
            guard let next = markup.nextTag(bytes, after: end, count: count) else { return i }
            i = next
        }
        if markup.atRow && !markup.ranOut { rowsLeft += 1 }
        return i
    }
}

/// The rows of one run of a worksheet, parsed on its own (`RowSegmenter`).
struct ParsedSheetRun: Sendable {
    var rows: [Row]
    var cellCount: Int
    /// The row a row element without `r` after the run would stand in.
    var nextRow: Int
    /// Whether the run's first row took its number from a count that starts at the run.
    var startsImplicitly: Bool

    init(parsing run: RowSegmenter.Run, part: String, sharedStrings: SharedStringStore, styles: Styles,
         dateSystem: DateSystem, limits: XMLLimits, maxCells: Int, rowMarkup: Bool = true) throws {
        // Each row keeps the buffer it was read into (`handsRowsOver`):
        // copying it, cell by cell, cost more than reading the cells.
        var kept: [Row] = []
        let parser = WorksheetParser(part: part, sharedStrings: sharedStrings, styles: styles, dateSystem: dateSystem,
                                     maxCells: maxCells) { kept.append($0) }
        parser.handsRowsOver = true
        let scanner = XMLScanner(handler: parser, documentName: part, limits: limits)
        if rowMarkup { scanner.shortcut = parser }
        try run.parse(with: scanner)
        rows = kept
        cellCount = parser.cellCount
        nextRow = parser.nextRow
        startsImplicitly = parser.startsImplicitly
    }
}

/// The elements of a worksheet the parser acts on, by local name.
enum SheetElement {
    case cell, value, inlineString, formula, row, sheetData, mergeCell, dimension, other

    init(_ name: XMLName) {
        if name.is("c") { self = .cell }
        else if name.is("v") { self = .value }
        else if name.is("is") { self = .inlineString }
        else if name.is("f") { self = .formula }
        else if name.is("row") { self = .row }
        else if name.is("sheetData") { self = .sheetData }
        else if name.is("mergeCell") { self = .mergeCell }
        else if name.is("dimension") { self = .dimension }
        else { self = .other }
    }
}

/// A visitor the parser hands rows to through a closure; the read takes
/// it back when the part is done.
final class VisitorBox<V: SheetVisitor> {
    var visitor: V

    init(_ visitor: V) { self.visitor = visitor }

    func visit(_ row: Row) throws { try visitor.visit(row) }
}
