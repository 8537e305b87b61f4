import Spreadsheet
import WorkbookIO

/// The optional catalogue sheet `Karte`: cell B1 names the GeoJSON file
/// with the districts' outlines, in the catalogue workbook's own folder,
/// or says `eingebaut` for the built-in Magdeburg Stadtteile.
public enum CatalogueMapSheet {
    public static let sheet = "Karte"
    static let label = "Kartendatei"

    /// Writes the sheet: the file (or `eingebaut`), how outlines are matched, their credit.
    static func write(_ geometry: DistrictGeometry, _ writer: any WorkbookWriter) throws {
        var layout = SheetLayout(name: sheet)
        layout.columnWidths = [0: 14, 1: 70]
        try writer.beginSheet(layout)
        let rows: [(String, String)] = [
            (label, geometry.source),
            ("Zuordnung", "GeoJSON-Datei im Ordner des Katalogs; Stadtteile nach Nummer (Eigenschaft nr) oder Name (Eigenschaft name)"),
            ("Quelle", geometry.attribution ?? ""),
        ]
        var bold = CellStyle()
        bold.bold = true
        for (n, row) in rows.enumerated() {
            try writer.write(OutputRow(index: n, cells: [OutputCell(column: 0, value: .string(row.0), style: bold),
                                                         OutputCell(column: 1, value: .string(row.1))]))
        }
        try writer.endSheet()
    }

    /// The outlines named by the sheet; nil without the sheet. A file name
    /// may not leave the catalogue's folder: nothing a workbook contains
    /// reaches outside it.
    static func read(_ workbook: Workbook, folder: String?, districts: [District]) -> (DistrictGeometry?, [CatalogueFinding]) {
        guard let sheet = workbook.sheet(named: sheet) else { return (nil, []) }
        let cell = CellReference(row: 0, column: 1)
        let named = sheet.rows.first { $0.index == 0 }?.cells.first { $0.column == 1 }.map { CellText.plain($0.value).trimmed } ?? ""
        func finding(_ kind: CatalogueFindingKind) -> CatalogueFinding { CatalogueFinding(kind, sheet: Self.sheet, cell: cell) }
        if named.isEmpty { return (nil, []) }
        let features: [GeoFeature]
        let attribution: String?
        if NameMatching.key(named) == NameMatching.key(DistrictGeometry.builtInSource) || NameMatching.key(named) == "builtin" {
            let (geometry, problems) = DistrictGeometry.magdeburg(for: districts)
            return (geometry, problems.map { finding(kind($0)) })
        }
        guard !named.contains("/"), !named.contains("\\"), !named.hasPrefix("."), named.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) else {
            return (nil, [finding(.mapFileUnusable(file: named, reason: "only a file name in the catalogue's own folder is allowed"))])
        }
        guard let folder else {
            return (nil, [finding(.mapFileUnusable(file: named, reason: "the catalogue was not read from a file"))])
        }
        do {
            let bytes = try SmallFile.read(path: folder + "/" + named, limit: GeoJSONDistricts.maximumBytes)
            features = try GeoJSONDistricts.features(bytes)
            attribution = geoAttribution(bytes)
        } catch let error as WorkbookError {
            return (nil, [finding(.mapFileUnusable(file: named, reason: error.reason))])
        } catch {
            return (nil, [finding(.mapFileUnusable(file: named, reason: "\(error)"))])
        }
        let (geometry, problems) = DistrictGeometry.match(features, to: districts, attribution: attribution, source: named)
        return (geometry, problems.map { finding(kind($0)) })
    }

    static func kind(_ problem: GeometryProblem) -> CatalogueFindingKind {
        switch problem {
        case .noShape(let district, let name): .districtWithoutShape(district: district, name: name)
        case .severalShapes(let district, let name, let count): .districtWithSeveralShapes(district: district, name: name, count: count)
        case .unknownFeature(let index, let number, let name): .shapeWithoutDistrict(feature: index, label: number ?? name ?? "")
        }
    }

    /// OpenStreetMap data must be credited on every map (ODbL 1.0, 4.3); a
    /// file that mentions OpenStreetMap anywhere gets the German credit line.
    static func geoAttribution(_ bytes: [UInt8]) -> String? {
        let needle = Array("openstreetmap".utf8)
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        guard lower.count >= needle.count else { return nil }
        for i in 0...(lower.count - needle.count) where lower[i] == needle[0] && Array(lower[i..<(i + needle.count)]) == needle {
            return "© OpenStreetMap-Mitwirkende"
        }
        return nil
    }
}
