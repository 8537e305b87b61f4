import Spreadsheet
import WorkbookIO

/// The catalogue sheet `Quellen`: one row per mapped column of a
/// statistics-office table. What the whole table shares (department, year
/// and district columns, the city's key, markers) stands on its first row
/// and may be repeated on the others; a repetition that differs is a
/// finding. The sheet is optional: a catalogue without it imports nothing.
extension CatalogueWorkbook {
    public static let sourcesSheet = "Quellen"

    static let sourceColumns = [
        ("table", "Tabelle"), ("department", "Amt"), ("yearColumn", "Jahr-Spalte"), ("districtColumn", "Stadtteil-Spalte"),
        ("cityKey", "Gesamtstadt"), ("columnCount", "Spaltenzahl"), ("idHeader", "Kennungsspalte"), ("markers", "Zeichen"),
        ("column", "Spalte"), ("header", "Kopf"), ("indicator", "Indikator"), ("category", "Kategorie"), ("note", "Hinweis"),
    ]
    static let sourceWidths: [Double] = [10, 6, 11, 15, 11, 11, 14, 30, 7, 14, 10, 14, 80]

    /// The rows of the sheet `Quellen` for `sources`.
    static func sourceRows(_ sources: [SourceMapping]) -> [[CellValue]] {
        var rows: [[CellValue]] = []
        for m in sources {
            for (n, c) in m.columns.enumerated() {
                rows.append([
                    .string(m.table), .string(m.department), .string(CellReference.columnName(m.yearColumn)),
                    .string(CellReference.columnName(m.districtColumn)), .string(m.cityKey),
                    m.columnCount.map { .number(Double($0)) } ?? .empty, .string(m.idHeader), .string(markerText(m.markers)),
                    .string(c.letter), c.header.map(CellValue.string) ?? .empty, .string(c.indicator), .string(c.category),
                    n == 0 && !m.note.isEmpty ? .string(m.note) : .empty,
                ])
            }
        }
        return rows
    }

    /// `. = geheim; - = nichts; x = gesperrt`
    static func markerText(_ markers: [SourceMarker]) -> String {
        markers.map { "\($0.text) = \(markerWord($0.meaning))" }.joined(separator: "; ")
    }

    private static func markerWord(_ m: StatisticalMarker) -> String {
        switch m {
        case .unknown: "geheim"
        case .nothing: "nichts"
        case .notApplicable: "gesperrt"
        }
    }

    /// Parses `. = geheim; - = nichts`; nil for an entry it does not understand (returned as `bad`).
    static func parseMarkers(_ text: String) -> (markers: [SourceMarker], bad: String?) {
        var out: [SourceMarker] = []
        for entry in text.split(separator: ";").map({ String($0).trimmed }) where !entry.isEmpty {
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard parts.count == 2, !parts[0].isEmpty else { return (out, entry) }
            let meaning: StatisticalMarker?
            switch parts[1].lowercased() {
            case ".", "geheim", "vertraulich", "unbekannt", "confidential", "unknown": meaning = .unknown
            case "-", "nichts", "null", "nothing": meaning = .nothing
            case "x", "gesperrt", "entfällt", "not applicable": meaning = .notApplicable
            default: meaning = nil
            }
            guard let meaning else { return (out, entry) }
            out.append(SourceMarker(parts[0], meaning))
        }
        return (out, nil)
    }

    /// Reads the sheet `Quellen` when the workbook has one.
    static func readSources(_ workbook: Workbook, findings: inout [CatalogueFinding],
                            locations: inout CatalogueRules.Locations) -> [SourceMapping] {
        guard let sheet = workbook.sheet(named: sourcesSheet) ?? workbook.sheets.first(where: { SheetMatch.same($0.name, sourcesSheet) })
        else { return [] }
        var map: [String: Int] = [:]
        let header = sheet.rows.first { $0.index == 0 }
        for (key, title) in sourceColumns {
            if let cell = header?.cells.first(where: { SheetMatch.same(CellText.plain($0.value), title) }) { map[key] = cell.column }
        }
        locations.sourceColumns = map
        var order: [String] = []
        var tables: [String: SourceMapping] = [:]
        /// The first row's text of each shared field, to compare the others with.
        var shared: [String: [String: String]] = [:]
        let sharedFields: [(String, CatalogueFindingKind.SourceField)] = [
            ("department", .department), ("yearColumn", .yearColumn), ("districtColumn", .districtColumn), ("cityKey", .cityKey),
            ("columnCount", .columnCount), ("idHeader", .idHeader), ("markers", .markers),
        ]
        for row in sheet.rows where row.index > 0 {
            let r = RowReader(sheet: sheet, row: row, map: map)
            guard let table = r.string("table") else {
                if r.string("indicator") != nil || r.string("column") != nil {
                    findings.append(r.finding("table", .sourceFieldMissing(table: "?", field: .table)))
                }
                continue
            }
            findings += r.unsafeText("table", .sourceTable)
            func column(_ key: String, _ field: CatalogueFindingKind.SourceField) -> Int? {
                guard let text = r.string(key) else {
                    findings.append(r.finding(key, .sourceFieldMissing(table: table, field: field)))
                    return nil
                }
                guard let n = CellReference.column(named: text.uppercased()) else {
                    findings.append(r.finding(key, .sourceNotAColumn(table: table, found: text)))
                    return nil
                }
                return n
            }
            if tables[table] == nil {
                guard let department = r.code("department") else {
                    findings.append(r.finding("department", .sourceFieldMissing(table: table, field: .department)))
                    continue
                }
                guard let cityKey = r.code("cityKey") else {
                    findings.append(r.finding("cityKey", .sourceFieldMissing(table: table, field: .cityKey)))
                    continue
                }
                guard let year = column("yearColumn", .yearColumn), let district = column("districtColumn", .districtColumn) else { continue }
                var markers = SourceMarker.standard
                if let text = r.string("markers") {
                    let (parsed, bad) = parseMarkers(text)
                    if let bad { findings.append(r.finding("markers", .sourceUnknownMarker(table: table, found: bad))) }
                    markers = parsed
                }
                tables[table] = SourceMapping(table: table, idHeader: r.string("idHeader") ?? "tabelle", department: department,
                                              yearColumn: year, districtColumn: district, cityKey: cityKey,
                                              columnCount: r.int("columnCount", &findings), markers: markers, columns: [],
                                              note: r.string("note") ?? "")
                shared[table] = Dictionary(uniqueKeysWithValues: sharedFields.compactMap { key, _ in r.string(key).map { (key, $0) } })
                order.append(table)
            } else {
                for (key, field) in sharedFields {
                    guard let found = r.string(key) else { continue }
                    let first = shared[table]?[key] ?? ""
                    if found != first { findings.append(r.finding(key, .sourceDisagrees(table: table, field: field, first: first, found: found))) }
                }
                if tables[table]?.note.isEmpty == true, let note = r.string("note") { tables[table]?.note = note }
            }
            guard let n = column("column", .column) else { continue }
            guard let indicator = r.code("indicator") else {
                findings.append(r.finding("indicator", .sourceFieldMissing(table: table, field: .indicator)))
                continue
            }
            guard let category = r.string("category") else {
                findings.append(r.finding("category", .sourceFieldMissing(table: table, field: .category)))
                continue
            }
            tables[table]?.columns.append(SourceColumn(column: n, header: r.string("header"), indicator: indicator, category: category))
            locations.sourceRows[table, default: []].append(row.index)
        }
        return order.compactMap { tables[$0] }
    }
}
