import Spreadsheet
import XMLStream

/// Writes one `table:table` as rows arrive (ODF 1.2 Part 1, 9.1): empty
/// stretches as repeated rows and cells, merged ranges as spanned and
/// covered cells, validated cells carrying their rule even when empty.
struct ODSTableWriter {
    let layout: SheetLayout
    let validationNames: [String]
    private var nextRow = 0
    private var lastRow = -1
    /// Merges and validations as (range, what), for the rows that need them.
    private let specialRanges: [(CellRange, Special)]
    private let lastSpecialRow: Int

    enum Special: Equatable {
        case merge
        case validation(String)
    }

    init(layout: SheetLayout, validationNames: [String]) {
        self.layout = layout
        self.validationNames = validationNames
        var specials: [(CellRange, Special)] = layout.mergedRanges.map { ($0, .merge) }
        for (validation, name) in zip(layout.validations, validationNames) { specials.append((validation.range, .validation(name))) }
        specialRanges = specials
        lastSpecialRow = specials.map { $0.0.last.row }.max() ?? -1
    }

    func head(styles: inout ODSStyles) -> XMLBuffer {
        var out = XMLBuffer(capacity: 1024)
        out.raw("<table:table table:name=\""); out.attribute(layout.name); out.raw("\" table:style-name=\"")
        out.raw(styles.tableStyle(visibility: layout.visibility, tab: layout.tabColor, landscape: layout.printLandscape)); out.raw("\"")
        if layout.isProtected { out.raw(" table:protected=\"true\"") }
        out.raw(">")
        let lastColumn = layout.columnWidths.keys.max() ?? -1
        var column = 0
        while column <= lastColumn {
            if let width = layout.columnWidths[column] {
                out.raw("<table:table-column table:style-name=\""); out.raw(styles.columnStyle(width: width))
                out.raw("\" table:default-cell-style-name=\"Default\"/>")
                column += 1
            } else {
                var end = column
                while end <= lastColumn && layout.columnWidths[end] == nil { end += 1 }
                out.raw("<table:table-column table:number-columns-repeated=\""); out.int(end - column)
                out.raw("\" table:default-cell-style-name=\"Default\"/>")
                column = end
            }
        }
        if lastColumn < 0 { out.raw("<table:table-column table:default-cell-style-name=\"Default\"/>") }
        return out
    }

    mutating func write(_ row: OutputRow, into out: inout XMLBuffer, styles: inout ODSStyles) throws {
        guard row.index > lastRow else { throw WriteError.rowsOutOfOrder(sheet: layout.name, row: row.index) }
        guard row.index < CellReference.maxRows else {
            throw WriteError.outsideTheSheet(sheet: layout.name, row: row.index, column: row.cells.first?.column ?? 0)
        }
        // Print titles are the rows inside table:table-header-rows (ODF 1.2 Part 1, 9.1.4).
        if let titles = layout.printTitleRows {
            if headerRowsOpen && row.index > titles.upperBound {
                try fill(upTo: titles.upperBound + 1, into: &out, styles: &styles)
                out.raw("</table:table-header-rows>")
                headerRowsOpen = false
            }
            if !headerRowsOpen && !headerRowsDone && row.index >= titles.lowerBound {
                try fill(upTo: titles.lowerBound, into: &out, styles: &styles)
                out.raw("<table:table-header-rows>")
                headerRowsOpen = true
                headerRowsDone = true
            }
        }
        try drawingRows(before: row.index, into: &out, styles: &styles)
        try fill(upTo: row.index, into: &out, styles: &styles)
        lastRow = row.index
        out.raw("<table:table-row")
        let pageBreak = (layout.pageBreaksBefore.contains(row.index) || extraBreaks.contains(row.index)) && row.index > 0
        let height = row.height ?? TextFit.wrappedHeight(row, layout: layout)
        if height != nil || pageBreak {
            out.raw(" table:style-name=\""); out.raw(styles.rowStyle(height: height, pageBreak: pageBreak)); out.raw("\"")
        }
        out.raw(">")
        try writeCells(row.cells, row: row.index, into: &out, styles: &styles)
        // Drawings and charts anchored in this row to the right of its cells (a chart beside a table) go into it.
        let lastColumn = row.cells.last?.column ?? -1
        let beside = drawings.filter { $0.anchor.row == row.index && $0.anchor.column > lastColumn }
        if !beside.isEmpty && !specialRanges.contains(where: { $0.0.first.row <= row.index && row.index <= $0.0.last.row }) {
            drawings.removeAll { $0.anchor.row == row.index && $0.anchor.column > lastColumn }
            writeAnchored(beside, after: lastColumn + 1, into: &out, styles: &styles)
        }
        out.raw("</table:table-row>")
        nextRow = row.index + 1
    }

    /// Cells holding `items`, grouped by their anchor column, starting after column `column`.
    private func writeAnchored(_ items: [Anchored], after column: Int, into out: inout XMLBuffer, styles: inout ODSStyles) {
        var column = column
        for (anchorColumn, group) in Dictionary(grouping: items, by: { $0.anchor.column }).sorted(by: { $0.key < $1.key }) {
            if anchorColumn > column { emptyCells(anchorColumn - column, into: &out) }
            out.raw("<table:table-cell>")
            for item in group {
                if let d = item.drawing { ODSDrawing.write(d, styles: &styles, into: &out) }
                if let (chart, object) = item.chart { ODSChartParts.frame(chart, object: object, layout: layout, into: &out) }
            }
            out.raw("</table:table-cell>")
            column = anchorColumn + 1
        }
    }

    private var headerRowsOpen = false
    private var headerRowsDone = false
    /// Drawings and charts (with their object's name) waiting for their anchor row.
    private var drawings: [Anchored] = []
    struct Anchored {
        var anchor: CellReference
        var drawing: VectorDrawing?
        var chart: (spec: ChartSpec, object: ODSChartParts.Object)?
    }

    /// Adds a drawing; it goes into its anchor cell, or the first row not yet
    /// written below it (a row the caller writes itself holds only its cells).
    mutating func add(_ drawing: VectorDrawing) {
        drawings.append(Anchored(anchor: drawing.anchor, drawing: drawing))
    }

    /// Page breaks asked for while writing, before rows not yet written.
    private var extraBreaks: Set<Int> = []

    mutating func breakPage(before row: Int) {
        if row >= nextRow { extraBreaks.insert(row) }
    }

    /// Adds a chart whose object part is `object` (`Object 1`), placed like a drawing.
    mutating func add(_ chart: ChartSpec, object: ODSChartParts.Object) {
        drawings.append(Anchored(anchor: chart.anchor.first, chart: (chart, object)))
    }

    /// Writes rows holding the drawings anchored above `end`.
    private mutating func drawingRows(before end: Int, into out: inout XMLBuffer, styles: inout ODSStyles) throws {
        while let drawing = drawings.filter({ max($0.anchor.row, nextRow) < end }).min(by: { $0.anchor.row < $1.anchor.row }) {
            let row = max(drawing.anchor.row, nextRow)
            let here = drawings.filter { max($0.anchor.row, nextRow) == row }
            drawings.removeAll { max($0.anchor.row, nextRow) == row }
            try fill(upTo: row, into: &out, styles: &styles)
            out.raw("<table:table-row>")
            writeAnchored(here, after: 0, into: &out, styles: &styles)
            out.raw("</table:table-row>")
            lastRow = row
            nextRow = row + 1
        }
    }

    /// Rows from the current position up to `end`: repeated empty rows, or
    /// rows of covered and validated cells where merges and rules reach.
    private mutating func fill(upTo end: Int, into out: inout XMLBuffer, styles: inout ODSStyles) throws {
        var row = nextRow
        while row < end {
            // The next row where the set of special ranges touching a row changes.
            var next = end
            for (range, special) in specialRanges {
                if range.first.row > row && range.first.row < next { next = range.first.row }
                if range.last.row >= row && range.last.row + 1 < next { next = range.last.row + 1 }
                // The first row of a merge holds the spanned cell; the rows below only covered ones.
                if special == .merge && range.first.row == row && row + 1 < next { next = row + 1 }
            }
            let touching = specialRanges.contains { $0.0.first.row <= row && row <= $0.0.last.row }
            out.raw("<table:table-row")
            if next - row > 1 { out.raw(" table:number-rows-repeated=\""); out.int(next - row); out.raw("\"") }
            out.raw(">")
            if touching {
                try writeCells([], row: row, into: &out, styles: &styles)
            } else {
                out.raw("<table:table-cell/>")
            }
            out.raw("</table:table-row>")
            row = next
        }
        nextRow = max(nextRow, end)
    }

    /// Everything after the last row.
    mutating func tail(styles: inout ODSStyles) throws -> XMLBuffer {
        var out = XMLBuffer(capacity: 1024)
        if headerRowsOpen, let titles = layout.printTitleRows {
            try fill(upTo: titles.upperBound + 1, into: &out, styles: &styles)
            out.raw("</table:table-header-rows>")
            headerRowsOpen = false
        }
        try drawingRows(before: CellReference.maxRows, into: &out, styles: &styles)
        if lastSpecialRow >= nextRow { try fill(upTo: lastSpecialRow + 1, into: &out, styles: &styles) }
        if nextRow == 0 { out.raw("<table:table-row><table:table-cell/></table:table-row>") }
        if !layout.conditionalFormats.isEmpty {
            out.raw("<calcext:conditional-formats>")
            for format in layout.conditionalFormats {
                out.raw("<calcext:conditional-format calcext:target-range-address=\"")
                out.attribute(ODSAddress.range(format.range, sheet: layout.name)); out.raw("\">")
                switch format.rule {
                case .colorScale(let low, let middle, let high):
                    out.raw("<calcext:color-scale><calcext:color-scale-entry calcext:value=\"0\" calcext:type=\"minimum\" calcext:color=\"#\(low.hex.lowercased())\"/>")
                    if let middle {
                        out.raw("<calcext:color-scale-entry calcext:value=\"50\" calcext:type=\"percentile\" calcext:color=\"#\(middle.hex.lowercased())\"/>")
                    }
                    out.raw("<calcext:color-scale-entry calcext:value=\"0\" calcext:type=\"maximum\" calcext:color=\"#\(high.hex.lowercased())\"/></calcext:color-scale>")
                case .cellValue(let comparison, let value, let fill, let font):
                    let name = styles.conditionStyle(fill: fill, font: font)
                    let op: String
                    switch comparison {
                    case .lessThan: op = "<"
                    case .lessThanOrEqual: op = "<="
                    case .greaterThan: op = ">"
                    case .greaterThanOrEqual: op = ">="
                    case .equal: op = "="
                    case .notEqual: op = "!="
                    }
                    out.raw("<calcext:condition calcext:apply-style-name=\"\(name)\" calcext:value=\"")
                    out.attribute(op + NumberText.shortest(value)); out.raw("\" calcext:base-cell-address=\"")
                    out.attribute(ODSAddress.cell(format.range.first, sheet: layout.name)); out.raw("\"/>")
                }
                out.raw("</calcext:conditional-format>")
            }
            out.raw("</calcext:conditional-formats>")
        }
        out.raw("</table:table>")
        return out
    }

    private func writeCells(_ cells: [OutputCell], row: Int, into out: inout XMLBuffer, styles: inout ODSStyles) throws {
        let touching = specialRanges.filter { $0.0.first.row <= row && row <= $0.0.last.row }
        var column = 0
        if touching.isEmpty {
            for cell in cells {
                guard cell.column >= column, cell.column < CellReference.maxColumns else {
                    throw WriteError.outsideTheSheet(sheet: layout.name, row: row, column: cell.column)
                }
                if cell.column > column { emptyCells(cell.column - column, into: &out) }
                try ODSCellWriter.write(cell, row: row, sheet: layout.name, validation: nil, span: nil, showComments: layout.showComments,
                                       into: &out, styles: &styles)
                column = cell.column + 1
            }
            return
        }
        // Columns where what a cell is changes: merge and rule edges, and each given cell.
        var edges: Set<Int> = []
        for (range, special) in touching {
            edges.insert(range.first.column)
            if special == .merge && range.first.row == row { edges.insert(range.first.column + 1) }
            edges.insert(min(range.last.column + 1, CellReference.maxColumns))
        }
        for cell in cells {
            guard cell.column < CellReference.maxColumns else {
                throw WriteError.outsideTheSheet(sheet: layout.name, row: row, column: cell.column)
            }
            edges.insert(cell.column)
            edges.insert(cell.column + 1)
        }
        let sorted = edges.sorted()
        var given = cells.makeIterator()
        var pending = given.next()
        for (start, end) in zip(sorted, sorted.dropFirst()) {
            if start > column { emptyCells(start - column, into: &out) }
            var cell: OutputCell?
            while let p = pending, p.column < start { pending = given.next() }
            if let p = pending, p.column == start { cell = p; pending = given.next() }
            var covered = false, span: CellRange?, validation: String?
            for (range, special) in touching where range.first.column <= start && start <= range.last.column {
                switch special {
                case .merge:
                    if range.first.row == row && range.first.column == start { span = range } else { covered = true }
                case .validation(let name):
                    validation = name
                }
            }
            let width = end - start
            if covered {
                out.raw("<table:covered-table-cell")
                if width > 1 { out.raw(" table:number-columns-repeated=\""); out.int(width); out.raw("\"") }
                if let validation { out.raw(" table:content-validation-name=\"\(validation)\"") }
                out.raw("/>")
            } else if let cell {
                try ODSCellWriter.write(cell, row: row, sheet: layout.name, validation: validation, span: span,
                                       showComments: layout.showComments, into: &out, styles: &styles)
            } else if span != nil || validation != nil {
                try ODSCellWriter.write(OutputCell(column: start, value: .empty), row: row, sheet: layout.name,
                                        validation: validation, span: span, repeat: width, into: &out, styles: &styles)
            } else {
                emptyCells(width, into: &out)
            }
            column = end
        }
    }

    private func emptyCells(_ count: Int, into out: inout XMLBuffer) {
        if count == 1 {
            out.raw("<table:table-cell/>")
        } else {
            out.raw("<table:table-cell table:number-columns-repeated=\""); out.int(count); out.raw("\"/>")
        }
    }
}

/// Cell and range addresses as ODF writes them: `'Sheet'.A1:'Sheet'.B2`.
enum ODSAddress {
    static func cell(_ ref: CellReference, sheet: String) -> String {
        "'\(sheet.replacingOccurrences("'", "''"))'.\(ref)"
    }

    static func range(_ range: CellRange, sheet: String) -> String {
        cell(range.first, sheet: sheet) + ":" + cell(range.last, sheet: sheet)
    }
}
