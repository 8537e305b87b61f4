import Spreadsheet
import XMLStream

/// The edits of one worksheet part for its marks: each marked cell's `s`
/// set to its filled copy, cells and rows created where the sheet has none
/// (in order, ECMA-376 Part 1, 18.3.1.73 `row`, 18.3.1.4 `c`), selected
/// views unselected so that only the new first sheet is, and a
/// `legacyDrawing` added where the schema's sequence puts it.
enum AnnotatedSheetEdits {
    static func edited(_ bytes: [UInt8], scan: AnnotatedSheetScan, marks: [CellMark], styles: inout AnnotatedStyles,
                       newLegacyDrawingID: String?) throws -> [UInt8] {
        var splices = ByteSplices()
        let prefix = PackageEdits.prefix(at: scan.rootTag, in: bytes)
        for range in scan.selectedViews { splices.replace(range, with: "0") }
        let byRow = Dictionary(grouping: marks, by: { $0.cell.row })
        var rowsByIndex: [Int: AnnotatedSheetScan.Row] = [:]
        for row in scan.rows where byRow[row.index] != nil { rowsByIndex[row.index] = rowsByIndex[row.index] ?? row }
        var missingRows: [Int: String] = [:]
        for (index, rowMarks) in byRow {
            let sorted = rowMarks.sorted { $0.cell.column < $1.cell.column }
            guard let row = rowsByIndex[index] else {
                var cells = ""
                for mark in sorted {
                    let s = styles.marked(base: columnStyle(mark.cell.column, scan), fill: mark.fill)
                    cells += "<\(prefix)c r=\"\(mark.cell)\" s=\"\(s)\"/>"
                }
                missingRows[index] = "<\(prefix)row r=\"\(index + 1)\">\(cells)</\(prefix)row>"
                continue
            }
            var inserts: [(at: Int, text: String)] = []
            var newCells = ""
            for mark in sorted {
                if let cell = row.cells.first(where: { $0.column == mark.cell.column }) {
                    let s = styles.marked(base: cell.style, fill: mark.fill)
                    if let range = cell.styleRange {
                        splices.replace(range, with: String(s))
                    } else if cell.style == 0 {
                        splices.insert(" s=\"\(s)\"", at: tagEnd(cell.startTag, bytes))
                    } else {
                        throw XLSXError.cannotAnnotate(part: scan.part, reason: "cell \(mark.cell): its style is written with a reference")
                    }
                    continue
                }
                let s = styles.marked(base: row.style ?? columnStyle(mark.cell.column, scan), fill: mark.fill)
                let markup = "<\(prefix)c r=\"\(mark.cell)\" s=\"\(s)\"/>"
                if let next = row.cells.first(where: { $0.column > mark.cell.column }) {
                    inserts.append((next.startTag.lowerBound, markup))
                } else {
                    newCells += markup
                }
            }
            for insert in inserts { splices.insert(insert.text, at: insert.at) }
            if !newCells.isEmpty {
                if let end = row.endTag {
                    splices.insert(newCells, at: end.lowerBound)
                } else {
                    let tag = row.startTag
                    splices.replace((tag.upperBound - 2)..<tag.upperBound, with: ">" + newCells + "</\(prefix)row>")
                }
            }
        }
        if !missingRows.isEmpty {
            guard let data = scan.sheetData else { throw XLSXError.cannotAnnotate(part: scan.part, reason: "no <sheetData>") }
            var atEnd = ""
            for index in missingRows.keys.sorted() {
                let markup = missingRows[index] ?? ""
                if let next = scan.rows.first(where: { $0.index > index }) {
                    splices.insert(markup, at: next.startTag.lowerBound)
                } else {
                    atEnd += markup
                }
            }
            if !atEnd.isEmpty {
                if let end = data.end {
                    splices.insert(atEnd, at: end.lowerBound)
                } else {
                    splices.replace((data.start.upperBound - 2)..<data.start.upperBound, with: ">" + atEnd + "</\(prefix)sheetData>")
                }
            }
        }
        if let id = newLegacyDrawingID {
            let element = "<\(prefix)legacyDrawing xmlns:r=\"\(PackageEdits.officeRelationships)\" r:id=\"\(id)\"/>"
            splices.insert(element, at: scan.afterLegacyDrawing ?? scan.rootEnd)
        }
        return try withPart(scan.part) { try splices.applied(to: bytes) }
    }

    /// Where an attribute is added to a start tag: before its `>` or `/>`.
    static func tagEnd(_ tag: Range<Int>, _ bytes: [UInt8]) -> Int {
        bytes[tag.upperBound - 2] == UInt8(ascii: "/") ? tag.upperBound - 2 : tag.upperBound - 1
    }

    private static func columnStyle(_ column: Int, _ scan: AnnotatedSheetScan) -> Int {
        scan.columnStyles.first { $0.first <= column && column <= $0.last }?.style ?? 0
    }
}
