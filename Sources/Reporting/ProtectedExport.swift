import Monitoring
import Spreadsheet
import WorkbookIO
import Zip

/// The publication's figures as a tidy table (`imon export --protected`):
/// one row per indicator, district, category and year with the published
/// value and change, or their marker. Every row says that it is the
/// protected version, so that a copy cannot be mistaken for the internal
/// export with every stored value.
public enum ProtectedExport {
    public static let version = "geschützt (veröffentlichte Zahlen)"
    static let header = ["Fassung", "Kennziffer", "Indikator", "Nr.", "Stadtteil", "Jahr", "Kategorie", "Wert", "Zeichen", "Veränderung", "Zeichen Veränderung"]

    public static func write(_ report: SituationReport, to path: String, csvDialect: DelimitedDialect = .germanSpreadsheet) throws {
        let rows = [header.map(CellValue.string)] + body(report)
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
            let file = try AtomicFile(path: path)
            do {
                var writer = DelimitedWriter(ByteOutput(fd: file.descriptor), style: lower.hasSuffix(".csv") ? .csv : .tsv, dialect: csvDialect)
                for (n, values) in rows.enumerated() {
                    try writer.write(Row(index: n, cells: values.enumerated().compactMap { c, v in v.isEmpty ? nil : Cell(column: c, value: v) }))
                }
                try writer.finish()
                try file.commit()
            } catch {
                file.cancel()
                throw error
            }
            return
        }
        let writer = try WorkbookFile.writer(for: path)
        do {
            writer.properties = DocumentProperties(title: "Integrationsmonitoring \(report.year) – geschützte Veröffentlichung", author: "imon")
            var layout = SheetLayout(name: "Veröffentlichung")
            layout.frozenRows = 1
            layout.columnWidths = [0: 30, 1: 11, 2: 40, 3: 5, 4: 22, 5: 6, 6: 13, 7: 11, 8: 8, 9: 11, 10: 8]
            try writer.beginSheet(layout)
            for (n, values) in rows.enumerated() {
                try writer.write(OutputRow(index: n, values: values, style: n == 0 ? .header : .plain))
            }
            try writer.endSheet()
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    static func body(_ r: SituationReport) -> [[CellValue]] {
        let s = r.publication.structure
        var out: [[CellValue]] = []
        for t in s.tables {
            let name = r.catalogue.indicator(t.code)?.name ?? ""
            for y in s.years {
                for row in t.rows(s) {
                    for c in t.categories {
                        let value = r.publication.value(t.code, row, c, y), change = r.publication.change(t.code, row, c, y)
                        out.append([.string(version), .string(t.code), .string(name),
                                    .string(row == PublicationStructure.cityRow ? "" : row), .string(r.districtName(row)),
                                    .number(Double(y)), .string(c),
                                    value.number.map(CellValue.number) ?? .empty, value.marker.map(CellValue.string) ?? .empty,
                                    change.number.map(CellValue.number) ?? .empty, change.marker.map(CellValue.string) ?? .empty])
                    }
                }
            }
        }
        return out
    }
}
