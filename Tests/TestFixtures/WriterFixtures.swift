import Foundation
import Spreadsheet

/// Values that every writer must carry through a round trip.
public enum RoundTripValues {
    public static func date(_ y: Int, _ m: Int, _ d: Int) -> CellValue { .date(CivilDate(year: y, month: m, day: d)) }

    public static let row: [CellValue] = [
        .number(0.1 + 0.2), .number(-0.0), .number(1e-300), .number(1.7976931348623157e308), .number(123_456_789_012_345),
        .string("Grüße, 東京 🙂"), .string("  leading and trailing  "), .string("zwei\nZeilen"), .string("tab\there"), .string("lone\rCR"),
        .string("<&>\"'"), .string("_x000D_ literal"), .bool(true), .bool(false), .error("#N/A"), .error("#DIV/0!"),
        date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1), date(2005, 5, 24), date(9999, 12, 31),
        .dateTime(CivilDateTime(date: CivilDate(year: 2005, month: 5, day: 24), millisecondOfDay: 49_510_250)),
        .time(milliseconds: 45_000_000), .duration(seconds: 129_600), .duration(seconds: 1.5),
    ]
}

/// A workbook with every layout feature, for the writers' tests and for
/// looking at it in a real client (`IMON_KEEP_TEST_OUTPUT=DIR swift test`).
public enum StyledWorkbook {
    public static func write(into w: some WorkbookWriter) throws {
        var layout = SheetLayout(name: "Eingabe")
        layout.tabColor = RGBColor(hex: 0x2E75B6)
        layout.columnWidths = [0: 24, 1: 14, 2: 14, 3: 14]
        layout.frozenRows = 1
        layout.mergedRanges = [CellRange("A1:D1")!]
        layout.autoFilter = CellRange("A2:D5")
        layout.isProtected = true
        var rule = DataValidation(range: CellRange("C3:C5")!, rule: .wholeNumber(min: 0, max: 100_000))
        rule.inputTitle = "Anzahl"
        rule.inputMessage = "Ganze Zahl von 0 bis 100 000"
        rule.errorTitle = "Ungültiger Wert"
        rule.errorMessage = "Bitte eine ganze Zahl von 0 bis 100 000 eingeben."
        var list = DataValidation(range: CellRange("B3:B5")!, rule: .list(["ja", "nein", "x"]))
        list.errorMessage = "Bitte aus der Liste wählen."
        layout.validations = [rule, list]
        layout.conditionalFormats = [
            ConditionalFormat(range: CellRange("C3:C5")!, rule: .colorScale(low: RGBColor(hex: 0x63BE7B), middle: RGBColor(hex: 0xFFEB84), high: RGBColor(hex: 0xF8696B))),
            ConditionalFormat(range: CellRange("C3:C5")!, rule: .cellValue(.lessThan, 15, fill: RGBColor(hex: 0xFFC7CE), fontColor: RGBColor(hex: 0x9C0006))),
        ]
        try w.beginSheet(layout)
        var title = CellStyle()
        title.bold = true
        title.fontSize = 14
        try w.write(OutputRow(index: 0, height: 24, cells: [OutputCell(column: 0, value: .string("Kinder in Tageseinrichtungen 2005 (Beispiel)"), style: title)]))
        try w.write(OutputRow(index: 1, values: ["Stadtteil", "gemeldet", "Anzahl", "Stichtag"].map(CellValue.string), style: .header))
        var input = CellStyle()
        input.locked = false
        input.numberFormat = .number(decimals: 0, grouping: true)
        let date = CellStyle.plain.with(.germanDate)
        for (n, (name, count)) in [("Altstadt", 10.0), ("Werder", 20.0), ("Buckau", 30.0)].enumerated() {
            try w.write(OutputRow(index: 2 + n, cells: [
                OutputCell(column: 0, value: .string(name), comment: n == 1 ? "Bitte prüfen: Zahl vom Vorjahr übernommen?" : nil),
                OutputCell(column: 1, value: .string("ja"), style: input),
                OutputCell(column: 2, value: .number(count), style: input),
                OutputCell(column: 3, value: .date(CivilDate(year: 2005, month: 5, day: 24)), style: date),
            ]))
        }
        var total = CellStyle.header
        total.numberFormat = .number(decimals: 0, grouping: true)
        try w.write(OutputRow(index: 5, cells: [OutputCell(column: 0, value: .string("Stadt insgesamt"), style: .header),
                                                 OutputCell(column: 2, value: .number(60), style: total, formula: "SUM(C3:C5)")]))
        try w.write(OutputRow(index: 6, cells: [OutputCell(column: 0, value: .string("→ Hinweise zum Ausfüllen"),
                                                           link: (sheet: "Hinweise", cell: CellReference(row: 0, column: 0)))]))
        try w.endSheet()
        var notes = SheetLayout(name: "Hinweise")
        notes.columnWidths = [0: 60]
        try w.beginSheet(notes)
        var wrap = CellStyle()
        wrap.wrapText = true
        try w.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string("Tragen Sie die Zahlen ein.\n„-“ nichts vorhanden, „.“ unbekannt, „x“ entfällt."), style: wrap)]))
        try w.endSheet()
    }

    public static func keepForInspection(_ file: String) {
        guard let folder = ProcessInfo.processInfo.environment["IMON_KEEP_TEST_OUTPUT"] else { return }
        let target = URL(fileURLWithPath: folder).appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent)
        try? FileManager.default.removeItem(at: target)
        try? FileManager.default.copyItem(at: URL(fileURLWithPath: file), to: target)
    }
}
