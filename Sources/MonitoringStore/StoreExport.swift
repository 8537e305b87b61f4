import Monitoring
import Spreadsheet
import WorkbookIO
import Zip

/// The store's current observations for people: a tidy table (one row per
/// observation with its provenance) and, in a workbook, one wide sheet per
/// indicator with districts down and years across. Every row and the
/// workbook's title say that it is the internal version with every stored
/// value, for the project group, unlike the protected export of a report's
/// published figures (issue 22, item 7).
public enum StoreExport {
    public static let version = "intern (alle gespeicherten Werte – nur für die Projektgruppe)"
    static let tidyHeader = ["Kennziffer", "Indikator", "Nr.", "Stadtteil", "Jahr", "Kategorie", "Wert", "Zeichen", "Amt", "Datei", "Blatt", "Zelle", "übernommen am", "Fassung"]

    /// Writes `path` by its extension; a `.csv` or `.tsv` in `csvDialect`
    /// (German Excel's by default: `;`, decimal comma, UTF-8 with BOM).
    public static func write(_ observations: [StoredObservation], catalogue: Catalogue, to path: String,
                             csvDialect: DelimitedDialect = .germanSpreadsheet) throws {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
            let file = try AtomicFile(path: path)
            do {
                let out = ByteOutput(fd: file.descriptor)
                var writer = DelimitedWriter(out, style: lower.hasSuffix(".csv") ? .csv : .tsv, dialect: csvDialect)
                for (n, values) in ([tidyHeader.map(CellValue.string)] + observations.map { tidyRow($0, catalogue) }).enumerated() {
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
        writer.properties = DocumentProperties(title: "Integrationsmonitoring – Datenbestand, intern (nur für die Projektgruppe)", author: "imon")
        do {
            var tidy = SheetLayout(name: "Beobachtungen")
            tidy.frozenRows = 1
            tidy.columnWidths = [0: 11, 1: 40, 2: 5, 3: 22, 4: 6, 5: 13, 6: 11, 7: 8, 8: 6, 9: 30, 10: 10, 11: 7, 12: 21, 13: 30]
            tidy.autoFilter = CellRange(first: CellReference(row: 0, column: 0),
                                        last: CellReference(row: max(observations.count, 1), column: tidyHeader.count - 1))
            try writer.beginSheet(tidy)
            try writer.write(OutputRow(index: 0, values: tidyHeader.map(CellValue.string), style: .header))
            for (n, o) in observations.enumerated() {
                try writer.write(OutputRow(index: n + 1, values: tidyRow(o, catalogue)))
            }
            try writer.endSheet()
            let byIndicator = Dictionary(grouping: observations, by: \.indicator)
            let years = Array(Set(observations.map(\.year))).sorted()
            for indicator in catalogue.indicators where byIndicator[indicator.code] != nil {
                try writeWide(indicator, byIndicator[indicator.code] ?? [], years: years, catalogue: catalogue, writer)
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }

    private static func districtName(_ key: String, _ catalogue: Catalogue) -> String {
        key == SubmissionValues.cityTotalKey ? "Stadt insgesamt" : catalogue.districts.first { $0.number == key }?.name ?? key
    }

    static func tidyRow(_ o: StoredObservation, _ catalogue: Catalogue) -> [CellValue] {
        [.string(o.indicator), .string(catalogue.indicator(o.indicator)?.name ?? ""),
         .string(o.district == SubmissionValues.cityTotalKey ? "" : o.district), .string(districtName(o.district, catalogue)),
         .number(Double(o.year)), .string(o.category), o.value.map(CellValue.number) ?? .empty, o.marker.map(CellValue.string) ?? .empty,
         .string(o.department), .string(o.file), .string(o.sheet), .string(o.cell), .string(o.importedAt), .string(version)]
    }

    private static func writeWide(_ indicator: Indicator, _ observations: [StoredObservation], years: [Int], catalogue: Catalogue,
                                  _ writer: any WorkbookWriter) throws {
        var layout = SheetLayout(name: String(indicator.code.prefix(31)))
        let columns = years.flatMap { y in indicator.categories.map { (y, $0) } }
        layout.frozenRows = 2
        layout.frozenColumns = 2
        layout.columnWidths = [0: 5, 1: 22]
        for c in columns.indices { layout.columnWidths[2 + c] = 12 }
        layout.printLandscape = true
        try writer.beginSheet(layout)
        var title = CellStyle()
        title.bold = true
        try writer.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string("\(indicator.code) – \(indicator.name) (\(indicator.unit.rawValue))"), style: title)]))
        try writer.write(OutputRow(index: 1, values: [.string("Nr."), .string("Stadtteil")] + columns.map { .string("\($0.0) \($0.1)") }, style: .header))
        var values: [String: CellValue] = [:]
        for o in observations {
            values["\(o.district)|\(o.year)|\(o.category)"] = o.value.map(CellValue.number) ?? o.marker.map(CellValue.string) ?? .empty
        }
        let keys = (indicator.level == .districts ? catalogue.districts.map(\.number) : []) + [SubmissionValues.cityTotalKey]
        let number = CellStyle.plain.with(.number(decimals: indicator.unit == .count ? 0 : 2, grouping: true))
        for (n, key) in keys.enumerated() {
            var cells = [OutputCell(column: 0, value: key == SubmissionValues.cityTotalKey ? .empty : .string(key)),
                         OutputCell(column: 1, value: .string(districtName(key, catalogue)))]
            for (c, column) in columns.enumerated() {
                let v = values["\(key)|\(column.0)|\(column.1)"] ?? .empty
                if !v.isEmpty { cells.append(OutputCell(column: 2 + c, value: v, style: number)) }
            }
            try writer.write(OutputRow(index: 2 + n, cells: cells.filter { !$0.value.isEmpty }))
        }
        try writer.endSheet()
    }
}
