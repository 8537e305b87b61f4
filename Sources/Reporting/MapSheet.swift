import Monitoring
import Spreadsheet

/// The report workbook's sheet `Karten`: the district maps as native vector
/// shapes, two to a printed page — the overview's marks per district, status
/// and dynamics over all fields and per field, then each compared rate with its suppressed and not-assessed
/// districts. Nothing when the catalogue has no outlines.
enum MapSheet {
    /// Rows a map reserves: its height at the smallest row height either program prints a default row at.
    static func rows(_ drawing: VectorDrawing) -> Int { Int((drawing.height / 12.75).rounded(.up)) + 2 }

    static func write(_ r: SituationReport, _ w: any WorkbookWriter) throws {
        guard r.catalogue.geometry != nil else { return }
        let l = r.language
        var maps: [DistrictMap] = [ReportMaps.overview(r)].compactMap { $0 }
        let all = l("alle Handlungsfelder", "all fields of action")
        maps += [ReportMaps.status(r, field: StatusDynamics.allFields, title: all),
                 ReportMaps.dynamics(r, field: StatusDynamics.allFields, title: all)].compactMap { $0 }
        for field in r.fields {
            let title = "\(field.code). \(field.name)"
            maps += [ReportMaps.status(r, field: field.code, title: title), ReportMaps.dynamics(r, field: field.code, title: title)].compactMap { $0 }
        }
        for field in r.fields {
            maps += r.catalogue.indicators.filter { $0.field == field.code }.compactMap { ReportMaps.indicator(r, $0) }
        }
        guard !maps.isEmpty else { return }
        var layout = SheetLayout(name: l("Karten", "Maps"))
        layout.columnWidths = [0: 12]
        layout.fitToPageWidth = true
        try w.beginSheet(layout)
        var title = CellStyle()
        title.bold = true
        title.fontSize = 12
        var row = 0
        for (n, map) in maps.enumerated() {
            // 210 pt wide, two maps with titles and legends fit a portrait A4 page unscaled (LibreOffice does not shrink ODS for drawings).
            guard let drawing = MapDrawing.drawing(map, name: l("Karte \(n + 1)", "Map \(n + 1)"), anchor: CellReference(row: row + 1, column: 0),
                                                   mapWidth: 210)
            else { continue }
            if n > 0 && n % 2 == 0 { w.breakPage(before: row) }
            try w.write(OutputRow(index: row, cells: [OutputCell(column: 0, value: .string(map.title), style: title)]))
            w.addDrawing(drawing)
            row += 1 + rows(drawing)
        }
        try w.endSheet()
    }
}
