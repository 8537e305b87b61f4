import Spreadsheet
import WorkbookIO

/// What `imon inspect` prints, gathered by streaming every sheet once.
struct InspectionReport {
    var file: String
    var properties: WorkbookProperties
    var sheets: [(info: SheetInfo, statistics: SheetStatistics)]

    init(file: String, reader: some WorkbookReader) throws {
        self.file = file
        properties = reader.properties
        var sheets: [(info: SheetInfo, statistics: SheetStatistics)] = []
        try reader.readEverySheet(concurrently: true, making: { _ in SheetStatistics() }) { info, statistics in
            sheets.append((info, statistics))
        }
        self.sheets = sheets
    }

    private var totals: [CellValueKind: Int] {
        var totals: [CellValueKind: Int] = [:]
        for sheet in sheets { totals.merge(sheet.statistics.counts, uniquingKeysWith: +) }
        return totals
    }

    func text() -> String {
        var lines = [
            "file:         \(file)",
            "format:       \(properties.format.rawValue)",
            "application:  \(properties.application ?? "(not stated)")",
            "date system:  \(properties.dateSystem?.rawValue ?? "(dates stored as text)")",
            "sheets:       \(sheets.count)",
        ]
        for (n, sheet) in sheets.enumerated() {
            let s = sheet.statistics
            let range = s.usedRange?.description ?? "empty"
            lines.append("")
            lines.append("  \(n + 1). \(sheet.info.name)  [\(sheet.info.visibility.rawValue)]  \(range)  \(s.cellCount) cells")
            let kinds = CellValueKind.allCases.compactMap { kind in s.counts[kind].map { "\($0) \(kind.rawValue)" } }
            if !kinds.isEmpty { lines.append("     " + kinds.joined(separator: ", ")) }
            if !s.mergedRanges.isEmpty {
                lines.append("     merged: " + s.mergedRanges.map(\.description).joined(separator: " "))
            }
        }
        let t = totals
        let dates = (t[.date] ?? 0) + (t[.dateTime] ?? 0) + (t[.time] ?? 0) + (t[.duration] ?? 0)
        let cells = sheets.reduce(0) { $0 + $1.statistics.cellCount }
        lines.append("")
        lines.append("totals: sheets=\(sheets.count) cells=\(cells) number=\(t[.number] ?? 0) string=\(t[.string] ?? 0) "
                     + "bool=\(t[.bool] ?? 0) date=\(dates) error=\(t[.error] ?? 0)")
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> String {
        var sheetTexts: [String] = []
        for sheet in sheets {
            let s = sheet.statistics
            let counts = CellValueKind.allCases.compactMap { kind in s.counts[kind].map { "\"\(kind.rawValue)\":\($0)" } }
            sheetTexts.append("{\"name\":\(quoted(sheet.info.name)),\"visibility\":\"\(sheet.info.visibility.rawValue)\","
                + "\"usedRange\":\(s.usedRange.map { quoted($0.description) } ?? "null"),"
                + "\"cells\":\(s.cellCount),\"counts\":{\(counts.joined(separator: ","))},"
                + "\"mergedRanges\":[\(s.mergedRanges.map { quoted($0.description) }.joined(separator: ","))]}")
        }
        return "{\"file\":\(quoted(file)),\"format\":\"\(properties.format.rawValue)\","
            + "\"application\":\(properties.application.map(quoted) ?? "null"),"
            + "\"dateSystem\":\(properties.dateSystem.map { "\"\($0.rawValue)\"" } ?? "null"),\"sheets\":[\(sheetTexts.joined(separator: ","))]}\n"
    }

    private func quoted(_ s: String) -> String { JSONText.quoted(s) }
}
