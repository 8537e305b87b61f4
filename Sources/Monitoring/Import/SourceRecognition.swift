import Spreadsheet
import WorkbookIO

/// Which of the catalogue's source mappings describes a workbook: the
/// table id in the column headed by the mapping's id header (KISS-MD's
/// `tabelle` column, `K3_T41` in every row), or else the prefix of the
/// headers (`K3_T41_var1`). The header is the sheet's first row.
public enum SourceRecognition {
    /// A sheet recognised as one source table.
    public struct Match: Sendable {
        public var mapping: SourceMapping
        public var sheet: Sheet
        public var header: Row
        /// The column that carries the table id in each row, when the sheet has one.
        public var idColumn: Int?
    }

    /// The first sheet a mapping recognises, or the table ids the sheets carry when none does.
    public static func recognise(_ workbook: Workbook, sources: [SourceMapping]) -> Result<Match, Unrecognised> {
        var found: [String] = []
        for sheet in workbook.sheets {
            guard let header = sheet.rows.first else { continue }
            let dataRow = sheet.rows.dropFirst().first
            for mapping in sources {
                let idColumn = header.cells.first { SheetMatch.same(CellText.plain($0.value), mapping.idHeader) }?.column
                if let idColumn, let dataRow {
                    let id = CellText.plain(dataRow.cells.first { $0.column == idColumn }?.value ?? .empty).trimmed
                    if id == mapping.table { return .success(Match(mapping: mapping, sheet: sheet, header: header, idColumn: idColumn)) }
                    if !id.isEmpty && !found.contains(id) { found.append(id) }
                    continue
                }
                let prefix = mapping.table + "_"
                if header.cells.contains(where: { CellText.plain($0.value).hasPrefix(prefix) }) {
                    return .success(Match(mapping: mapping, sheet: sheet, header: header, idColumn: nil))
                }
            }
            // What the sheet calls itself, for the finding: `K3_T41` of `K3_T41_var1`.
            if let first = header.cells.first.map({ CellText.plain($0.value) }), let range = first.firstRange(of: "_var") {
                let id = String(first[..<range.lowerBound])
                if !found.contains(id) { found.append(id) }
            }
        }
        return .failure(Unrecognised(found: found))
    }

    /// No mapping recognised the workbook; `found` are the table ids it carries.
    public struct Unrecognised: Error, Sendable {
        public var found: [String]
    }
}
