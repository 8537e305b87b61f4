#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Spreadsheet
import XMLStream

/// Streams the tables of an OpenDocument spreadsheet body (`content.xml`, or
/// a whole flat `.fods` document) in one pass: automatic table styles for
/// visibility, then every top-level `table:table` with its rows and cells
/// (ODF 1.2 Part 1, 9.1 tables, 19.385 `office:value-type`).
///
/// Repeated rows and columns stay compressed: empty runs only move the
/// position, so LibreOffice's trailing 1 048 576 empty rows cost nothing.
final class ContentParser<Visitor: SheetVisitor>: XMLEventHandler {
    /// Tables found so far, in document order.
    private(set) var tables: [SheetInfo] = []
    /// `meta:generator` of a flat document.
    private(set) var generator: String?
    private(set) var sawSpreadsheet = false

    private let selected: TableSelection
    private let makeVisitor: (Int) -> Visitor
    private let finished: (Int, Visitor) throws -> Void
    private let listing: (SheetInfo) throws -> Void
    private let resume: ResumePoint<Visitor>?
    /// Rows of the table being read that an earlier pass delivered already.
    private var deliveredRows = 0
    private let maxCells: Int
    private var visitor: Visitor?

    private var office = NamespaceMatcher(Namespaces.office)
    private var table = NamespaceMatcher(Namespaces.table)
    private var style = NamespaceMatcher(Namespaces.style)
    private var calcext = NamespaceMatcher(Namespaces.calcext)
    private var meta = NamespaceMatcher(Namespaces.meta)

    private var depth = 0
    // Styles: table styles whose table-properties say display="false".
    private var stylesDepth = -1
    private var currentStyleName: String?
    private var hiddenStyles: Set<String> = []
    private var generatorDepth = -1
    private var generatorText: [UInt8] = []

    // The table being read.
    private var spreadsheetDepth = -1
    private var tableDepth = -1
    private var tableIndex = -1
    private var tableName = ""
    private var reading = false
    /// Cells of the table so far, and the row the next row element begins at.
    private(set) var cellCount = 0
    private(set) var nextRow = 0
    private var rowDepth = -1
    private var rowRepeat = 1
    private var row = Row(index: 0)
    private var column = 0
    /// Spans that reach below the rows read so far.
    private(set) var spans: [CellRange] = []
    private var merged: [CellRange] = []

    // The cell being read.
    private var cellDepth = -1
    private var cellRepeat = 1
    private var cellValue = CellValue.empty
    private var needsText = false
    private var isErrorCell = false
    private var hasFormula = false
    private var text = CellText()
    private let rowChildren = RememberedNames<RowChild>(placeholder: .other)
    private let cellAttributes = RememberedNames<CellAttribute>(placeholder: .other)

    /// A pass that streams the tables at `selected` to visitors, telling
    /// `listing` of each table as it begins; with an empty selection it only
    /// lists the tables.
    ///
    /// With `resume`, a pass picks up where another stopped: the tables it
    /// listed are not listed again, those it finished are not read again, and
    /// the table it was reading continues with its visitor after the rows it
    /// delivered.
    init(selected: TableSelection, maxCells: Int, makeVisitor: @escaping (Int) -> Visitor,
         finished: @escaping (Int, Visitor) throws -> Void, listing: @escaping (SheetInfo) throws -> Void = { _ in },
         resume: ResumePoint<Visitor>? = nil) {
        self.selected = selected
        self.maxCells = maxCells
        self.makeVisitor = makeVisitor
        self.finished = finished
        self.listing = listing
        self.resume = resume
    }

    /// Where this pass stands, for another to pick up: every table before
    /// `table` is done, and so are the rows before `row` of that table.
    func resumePoint<V>(_ convert: (Visitor) -> V) -> ResumePoint<V> {
        if tableDepth >= 0 {
            return ResumePoint(listed: tables.count, table: tableIndex, row: nextRow, visitor: visitor.map(convert))
        }
        return ResumePoint(listed: tables.count, table: tableIndex + 1, row: 0, visitor: nil)
    }

    /// Takes the rows of a run parsed elsewhere (`RowRunReading`) as the
    /// next rows of the table being read; throws `RunOutOfPlace` when this
    /// pass cannot take them as they are (the exact pass then tells why).
    func take(_ run: ParsedRowRun, ofTable table: Int) throws {
        guard table == tableIndex, tableDepth == RowVocabulary.openDocument.containerDepth, rowDepth < 0, cellDepth < 0 else {
            throw RunOutOfPlace()
        }
        let base = nextRow
        if reading, var visitor {
            // Checked before the first row is visited, so that a pass picking
            // up from here delivers each row once.
            guard cellCount + run.cellCount <= maxCells,
                  !run.rows.contains(where: { !$0.cells.isEmpty && base + $0.index >= CellReference.maxRows }) else {
                throw RunOutOfPlace()
            }
            cellCount += run.cellCount
            self.visitor = nil
            defer { self.visitor = visitor }
            // The run left out what its own spans cover; spans from before it remain.
            let covered = CoveredCells(spans)
            for var row in run.rows {
                row.index += base
                if !row.cells.isEmpty && !covered.isEmpty {
                    guard let kept = covered.clear(row) else { continue }
                    row = kept
                }
                try visitor.visit(row)
            }
            merged += run.merged.map { $0.offset(rows: base) }
        }
        spans += run.openSpans.map { $0.offset(rows: base) }
        nextRow = base + run.rowCount
        spans.removeAll { $0.last.row < nextRow }
    }

    /// Whether every selected table has been read (the rest can be skipped):
    /// the last one has ended, or a later one has begun (the reader looks
    /// between chunks, mostly while some later table is open).
    var isDone: Bool {
        guard case .only(let indices) = selected, let last = indices.max() else { return false }
        return tableIndex > last || (tableIndex == last && tableDepth < 0)
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        depth += 1
        if cellDepth >= 0 {
            if needsText { text.start(name, attributes) }
            return
        }
        if rowDepth >= 0 {
            if depth == rowDepth + 1 {
                let kind = rowChildren.kind(of: name) { name in
                    guard table.matches(name.namespaceURI) else { return .other }
                    return name.is("table-cell") ? .cell : name.is("covered-table-cell") ? .coveredCell : .other
                }
                if kind != .other { try startCell(covered: kind == .coveredCell, attributes) }
            }
            return
        }
        if tableDepth >= 0 {
            if table.matches(name.namespaceURI) {
                if name.is("table-row") {
                    startRow(attributes)
                }
                // Rows inside table-header-rows, table-row-group and table-rows
                // are ordinary rows: those wrappers need nothing here.
            }
            return
        }
        if spreadsheetDepth >= 0 {
            if table.matches(name.namespaceURI) && name.is("table") && depth == spreadsheetDepth + 1 {
                try startTable(attributes)
            }
            return
        }
        if office.matches(name.namespaceURI) {
            if name.is("spreadsheet") {
                spreadsheetDepth = depth
                sawSpreadsheet = true
            } else if name.is("automatic-styles") {
                stylesDepth = depth
            }
        } else if stylesDepth >= 0 && style.matches(name.namespaceURI) {
            if name.is("style") {
                currentStyleName = attributes.string("name", in: &style)
            } else if name.is("table-properties"), let styleName = currentStyleName,
                      let display = attributes.value("display", in: &table), display.elementsEqual("false".utf8) {
                hiddenStyles.insert(styleName)
            }
        } else if meta.matches(name.namespaceURI) && name.is("generator") {
            generatorDepth = depth
        }
    }

    func endElement(_ name: XMLName) throws {
        defer { depth -= 1 }
        if cellDepth >= 0 {
            if depth == cellDepth {
                try endCell()
            } else if needsText {
                text.end(name)
            }
            return
        }
        if depth == rowDepth {
            try endRow()
        } else if depth == tableDepth {
            try endTable()
        } else if depth == spreadsheetDepth {
            spreadsheetDepth = -1
        } else if depth == stylesDepth {
            stylesDepth = -1
        } else if depth == generatorDepth {
            generator = String(decoding: generatorText, as: UTF8.self)
            generatorDepth = -1
        }
    }

    func characters(_ chunk: UnsafeRawBufferPointer) throws {
        if cellDepth >= 0 {
            if needsText { text.characters(chunk) }
        } else if generatorDepth >= 0 {
            generatorText.append(contentsOf: chunk)
        }
    }

    // MARK: Tables and rows

    private func startTable(_ attributes: XMLAttributes) throws {
        tableDepth = depth
        tableIndex += 1
        tableName = attributes.string("name", in: &table) ?? ""
        let styleName = attributes.string("style-name", in: &table)
        let hidden = styleName.map { hiddenStyles.contains($0) } ?? false
        tables.append(SheetInfo(name: tableName, visibility: hidden ? .hidden : .visible))
        // A pass that resumes another lists only what that one did not,
        // reads no table it finished, and continues the one it was reading.
        if tableIndex >= resume?.listed ?? 0 { try listing(tables[tableIndex]) }
        deliveredRows = 0
        if let resume, tableIndex < resume.table {
            reading = false
            visitor = nil
        } else if let resume, tableIndex == resume.table, let continued = resume.visitor {
            reading = true
            visitor = continued
            deliveredRows = resume.row
        } else {
            reading = selected.contains(tableIndex)
            visitor = reading ? makeVisitor(tableIndex) : nil
        }
        cellCount = 0
        nextRow = 0
        spans = []
        merged = []
    }

    private func endTable() throws {
        tableDepth = -1
        if reading, var visitor {
            try visitor.finish(SheetSummary(mergedRanges: merged))
            try finished(tableIndex, visitor)
        }
        visitor = nil
        reading = false
    }

    private func startRow(_ attributes: XMLAttributes) {
        rowDepth = depth
        rowRepeat = 1
        if let r = attributes.value("number-rows-repeated", in: &table), let n = NumberText.parseInt(r) {
            rowRepeat = max(1, n)
        }
        row.cells.removeAll(keepingCapacity: true)
        row.uncachedFormulaColumns.removeAll(keepingCapacity: true)
        column = 0
    }

    private func endRow() throws {
        rowDepth = -1
        defer { nextRow += rowRepeat }
        guard reading, !row.cells.isEmpty || !row.uncachedFormulaColumns.isEmpty, var visitor else { return }
        // An earlier pass delivered the rows before `deliveredRows`: they are checked and counted, not visited.
        let delivered = nextRow < deliveredRows
        // Moved out while it visits: a second reference would make every
        // row a visitor keeps copy all the rows before it.
        self.visitor = nil
        defer { self.visitor = visitor }
        if row.cells.isEmpty {
            row.index = nextRow
            if !delivered { try visitor.visit(row) }
            return
        }
        guard nextRow < CellReference.maxRows else {
            throw ODSError.outsideTheSheet(table: tableName, row: nextRow, column: row.cells[0].column)
        }
        let count = min(rowRepeat, CellReference.maxRows - nextRow)
        if count < rowRepeat && nextRow + rowRepeat > CellReference.maxRows {
            throw ODSError.outsideTheSheet(table: tableName, row: CellReference.maxRows, column: row.cells[0].column)
        }
        let (total, overflow) = row.cells.count.multipliedReportingOverflow(by: count)
        if overflow || cellCount + total > maxCells { throw ODSError.tooManyCells(limit: maxCells, table: tableName) }
        cellCount += total
        if !delivered {
            let covered = CoveredCells(spans)
            for r in 0..<count {
                row.index = nextRow + r
                if covered.isEmpty {
                    try visitor.visit(row)
                } else if let kept = covered.clear(row) {
                    try visitor.visit(kept)
                }
            }
        }
        let lastRow = nextRow + rowRepeat - 1
        spans.removeAll { $0.last.row <= lastRow }
    }

    // MARK: Cells

    private func startCell(covered: Bool, _ attributes: XMLAttributes) throws {
        cellDepth = depth
        cellRepeat = 1
        cellValue = .empty
        needsText = false
        isErrorCell = false
        hasFormula = false
        guard reading else { return readRepeatOnly(attributes) }
        var valueType: UnsafeRawBufferPointer?
        var value: UnsafeRawBufferPointer?, dateValue: UnsafeRawBufferPointer?, timeValue: UnsafeRawBufferPointer?
        var booleanValue: UnsafeRawBufferPointer?, stringValue: UnsafeRawBufferPointer?
        var spannedColumns = 1, spannedRows = 1
        for attribute in attributes {
            switch cellAttributes.kind(of: attribute.name, classify: cellAttribute) {
            case .valueType: valueType = attribute.value
            case .value: value = attribute.value
            case .dateValue: dateValue = attribute.value
            case .timeValue: timeValue = attribute.value
            case .booleanValue: booleanValue = attribute.value
            case .stringValue: stringValue = attribute.value
            case .columnsRepeated: cellRepeat = max(1, NumberText.parseInt(attribute.value) ?? 1)
            case .columnsSpanned: spannedColumns = max(1, NumberText.parseInt(attribute.value) ?? 1)
            case .rowsSpanned: spannedRows = max(1, NumberText.parseInt(attribute.value) ?? 1)
            case .formula: hasFormula = true
            case .calculatedType: isErrorCell = Self.bytes(attribute.value, are: "error")
            case .other: break
            }
        }
        if !covered && (spannedColumns > 1 || spannedRows > 1) {
            let range = CellRange(first: CellReference(row: nextRow, column: column),
                                  last: CellReference(row: nextRow + spannedRows - 1, column: column + spannedColumns - 1))
            merged.append(range)
            spans.append(range)
        }
        if isErrorCell {
            needsText = true
        } else if let valueType {
            cellValue = try typedValue(valueType, value: value, dateValue: dateValue, timeValue: timeValue,
                                       booleanValue: booleanValue, stringValue: stringValue)
        } else {
            needsText = true
        }
        if needsText { text.reset() }
    }

    private func cellAttribute(_ n: XMLName) -> CellAttribute {
        if office.matches(n.namespaceURI) {
            if n.is("value-type") { return .valueType }
            if n.is("value") { return .value }
            if n.is("date-value") { return .dateValue }
            if n.is("time-value") { return .timeValue }
            if n.is("boolean-value") { return .booleanValue }
            if n.is("string-value") { return .stringValue }
        } else if table.matches(n.namespaceURI) {
            if n.is("number-columns-repeated") { return .columnsRepeated }
            if n.is("number-columns-spanned") { return .columnsSpanned }
            if n.is("number-rows-spanned") { return .rowsSpanned }
            if n.is("formula") { return .formula }
        } else if calcext.matches(n.namespaceURI) && n.is("value-type") {
            return .calculatedType
        }
        return .other
    }

    private static func bytes(_ bytes: UnsafeRawBufferPointer, are text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && memcmp(bytes.baseAddress!, text.utf8Start, bytes.count) == 0
    }

    private func readRepeatOnly(_ attributes: XMLAttributes) {
        if let r = attributes.value("number-columns-repeated", in: &table), let n = NumberText.parseInt(r) {
            cellRepeat = max(1, n)
        }
    }

    private func typedValue(_ type: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer?, dateValue: UnsafeRawBufferPointer?,
                            timeValue: UnsafeRawBufferPointer?, booleanValue: UnsafeRawBufferPointer?,
                            stringValue: UnsafeRawBufferPointer?) throws -> CellValue {
        func bad(_ raw: UnsafeRawBufferPointer?, _ attribute: String) -> ODSError {
            .badValue(raw.map { String(decoding: $0, as: UTF8.self) } ?? "", attribute: attribute, table: tableName,
                      cell: CellReference(row: min(nextRow, CellReference.maxRows - 1), column: min(column, CellReference.maxColumns - 1)))
        }
        switch type.first {
        case UInt8(ascii: "f"), UInt8(ascii: "p"), UInt8(ascii: "c"): // float, percentage, currency
            guard let value, let number = NumberText.parse(value), number.isFinite else { throw bad(value, "office:value") }
            return .number(number)
        case UInt8(ascii: "d"): // date
            guard let dateValue, let date = ISO8601.parseDateTime(dateValue) else {
                throw bad(dateValue, "office:date-value")
            }
            return date
        case UInt8(ascii: "t"): // time
            guard let timeValue, let seconds = ISO8601.parseDuration(String(decoding: timeValue, as: UTF8.self)),
                  seconds.isFinite else {
                throw bad(timeValue, "office:time-value")
            }
            if seconds >= 0 && seconds < 86_400 {
                return .time(milliseconds: min(Int((seconds * 1000).rounded()), 86_399_999))
            }
            return .duration(seconds: seconds)
        case UInt8(ascii: "b"): // boolean
            guard let booleanValue else { return .empty }
            return .bool(Self.bytes(booleanValue, are: "true") || Self.bytes(booleanValue, are: "1"))
        default: // string
            if let stringValue { return .string(String(decoding: stringValue, as: UTF8.self)) }
            needsText = true
            return .empty
        }
    }

    private func endCell() throws {
        cellDepth = -1
        defer { column += cellRepeat }
        guard reading else { return }
        var value = cellValue
        if needsText {
            if isErrorCell {
                value = .error(text.string)
            } else if !text.isEmpty {
                value = .string(text.string)
            }
        }
        guard !value.isEmpty else {
            // A formula whose result was never stored (no value type, no text).
            if hasFormula && cellValue == .empty && !needsText || hasFormula && needsText && text.isEmpty && !isErrorCell {
                if column < CellReference.maxColumns { row.uncachedFormulaColumns.append(column) }
            }
            return
        }
        guard column + cellRepeat <= CellReference.maxColumns else {
            throw ODSError.outsideTheSheet(table: tableName, row: nextRow, column: max(column + cellRepeat - 1, CellReference.maxColumns))
        }
        if row.cells.count + cellRepeat > maxCells { throw ODSError.tooManyCells(limit: maxCells, table: tableName) }
        for k in 0..<cellRepeat {
            row.cells.append(Cell(column: column + k, value: value))
        }
    }
}

/// The elements of a row: cells, and the cells a span covers.
enum RowChild { case cell, coveredCell, other }

/// The attributes of a cell this parser reads (ODF 1.2 Part 1, 9.1.4).
enum CellAttribute {
    case valueType, value, dateValue, timeValue, booleanValue, stringValue
    case columnsRepeated, columnsSpanned, rowsSpanned, formula
    /// `calcext:value-type`, which LibreOffice sets to `error` for an error result.
    case calculatedType
    case other
}

/// Where a pass over the body stopped, for another to continue from.
struct ResumePoint<Visitor> {
    /// Tables already told to `listing`.
    var listed: Int
    /// The table to continue with; those before it are done.
    var table: Int
    /// Rows of that table already delivered.
    var row: Int
    /// Its visitor, when it is being read and has begun.
    var visitor: Visitor?
}

/// Which tables a pass streams to visitors.
enum TableSelection {
    case only(Set<Int>)
    case all

    func contains(_ index: Int) -> Bool {
        switch self {
        case .only(let indices): return indices.contains(index)
        case .all: return true
        }
    }
}

extension CellRange {
    /// The same range `rows` rows further down.
    func offset(rows: Int) -> CellRange {
        CellRange(first: CellReference(row: first.row + rows, column: first.column),
                  last: CellReference(row: last.row + rows, column: last.column))
    }
}
