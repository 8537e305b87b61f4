import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
@testable import Monitoring

/// `imon import`'s core: statistics-office tables recognised by the
/// catalogue's mappings and turned into validated submissions, on the
/// city's real KISS-MD exports and on tables built here.
final class ImportTests: XCTestCase {
    private let catalogue = DefaultCatalogue.magdeburg

    private func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kiss-md/\(name)").path
    }

    private var t41: String { fixture("K3_T41_entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.xlsx") }
    private var t33: String { fixture("K3_T33_flaeche-und-einwohnerdichte.xlsx") }

    /// A KISS-MD-like table: header `K3_T41_var1 … var3, tabelle`, then the rows given.
    private func table(_ rows: [[CellValue]], id: String = "K3_T41", header: [String]? = nil) -> Workbook {
        let head = header ?? ["\(id)_var1", "\(id)_var2", "\(id)_var3", "tabelle"]
        var sheetRows = [Row(index: 0, cells: head.enumerated().map { Cell(column: $0.offset, value: .string($0.element)) })]
        for (n, values) in rows.enumerated() {
            sheetRows.append(Row(index: n + 1, cells: (values + [.string(id)]).enumerated().map { Cell(column: $0.offset, value: $0.element) }))
        }
        return Workbook(properties: WorkbookProperties(format: .xlsx), sheets: [Sheet(info: SheetInfo(name: "Sheet 1"), rows: sheetRows)])
    }

    /// Every district of the catalogue with `value`, then the city row.
    private func year(_ year: Double, each value: Int, city: Int, overrides: [String: CellValue] = [:]) -> [[CellValue]] {
        catalogue.districts.map { [.number(year), .string($0.number), overrides[$0.number] ?? .string(String(value))] }
            + [[.number(year), .string("15003"), .string(String(city))]]
    }

    func testARealExportIsRecognisedByItsTableIdAndEveryYearBecomesASubmission() throws {
        let imported = TableImport(catalogue: catalogue).read(file: t41)
        XCTAssertEqual(imported.table, "K3_T41")
        XCTAssertEqual(imported.fileFindings, [])
        XCTAssertEqual(imported.years.map(\.year), Array(2010...2024))
        let y2024 = try XCTUnwrap(imported.years.last)
        XCTAssertEqual(y2024.report.errors, 0, "\(y2024.report.findings)")
        XCTAssertEqual(y2024.submission.department, "12")
        XCTAssertEqual(y2024.submission.source, "K3_T41")
        let observations = y2024.submission.observations
        // The file's own cells, as python-calamine reads them: row 570 is 2024/01 = "4013", row 607 the city 15003 = "37454".
        let altstadt = try XCTUnwrap(observations.first { $0.district == "01" })
        XCTAssertEqual(altstadt.indicator, "W01")
        XCTAssertEqual(altstadt.category, "nichtdeutsch")
        XCTAssertEqual(altstadt.value, 4013)
        XCTAssertEqual(altstadt.sheet, "Sheet 1")
        XCTAssertEqual(altstadt.cell, "C570")
        let city = try XCTUnwrap(observations.first { $0.district == SubmissionValues.cityTotalKey })
        XCTAssertEqual(city.value, 37454)
        XCTAssertEqual(city.cell, "C607")
    }

    func testConfidentialCellsAreImportedAsMarkersAndTheYearIsNotRejectedForNotAddingUp() throws {
        let imported = TableImport(catalogue: catalogue, years: [2024]).read(file: t41)
        let y2024 = try XCTUnwrap(imported.years.first)
        XCTAssertEqual(imported.years.count, 1, "--year keeps only 2024")
        // 2024: districts 70 and 72 are `.`, the known ones add up to 37451 of the city's 37454;
        // 14, 16 and 62 have no row at all.
        XCTAssertEqual(y2024.report.errors, 0, "\(y2024.report.findings)")
        XCTAssertEqual(y2024.report.findings.map(\.code), ["districts-absent"])
        XCTAssertEqual(y2024.report.findings.first?.kind, .sourceDistrictsAbsent(numbers: ["14", "16", "62"], year: 2024))
        let marked = y2024.submission.observations.filter { $0.marker != nil }
        XCTAssertEqual(marked.map(\.district), ["70", "72"])
        XCTAssertEqual(Set(marked.map(\.marker)), ["."])
        XCTAssertTrue(marked.allSatisfy { $0.value == nil })
    }

    func testKnownDistrictsAboveTheCityAreAnErrorEvenWithConfidentialCells() throws {
        // 39 known districts of 10 each: 390, above the city's 385 whatever 78's `.` hides.
        let rows = year(2024, each: 10, city: 385, overrides: ["78": .string(".")])
        let imported = TableImport(catalogue: catalogue).read(table(rows), file: "t.xlsx")
        let report = try XCTUnwrap(imported.years.first?.report)
        XCTAssertEqual(report.findings.map(\.kind), [.cityTotalExceeded(sum: 390, city: 385, open: 1)])
        // The same with a city value the hidden cell can make up for: no finding.
        let fits = TableImport(catalogue: catalogue).read(table(year(2024, each: 10, city: 393, overrides: ["78": .string(".")])), file: "t.xlsx")
        XCTAssertEqual(fits.years.first?.report.findings, [])
        XCTAssertEqual(report.findings.first?.cell, "C42")
    }

    func testWithoutConfidentialCellsDistrictsMustAddUpExactly() throws {
        let exact = TableImport(catalogue: catalogue).read(table(year(2024, each: 10, city: 400)), file: "t.xlsx")
        XCTAssertEqual(exact.years.first?.report.findings, [])
        let off = TableImport(catalogue: catalogue).read(table(year(2024, each: 10, city: 401)), file: "t.xlsx")
        XCTAssertEqual(off.years.first?.report.findings.map(\.code), ["city-total-mismatch"])
    }

    func testAnUnknownDistrictNumberIsAnErrorNamingItsRow() throws {
        var rows = year(2024, each: 10, city: 400)
        rows.insert([.number(2024), .string("80"), .string("3")], at: 5)
        let imported = TableImport(catalogue: catalogue).read(table(rows), file: "t.xlsx")
        let report = try XCTUnwrap(imported.years.first?.report)
        XCTAssertEqual(report.errors, 1)
        let finding = try XCTUnwrap(report.findings.first { $0.code == "unknown-district" })
        XCTAssertEqual(finding.kind, .sourceUnknownDistrict(number: "80", row: 7))
        XCTAssertEqual(finding.cell, "B7")
        XCTAssertTrue(finding.message(.en).hasPrefix("row 7: district number \"80\""), finding.message(.en))
    }

    func testAFileNoMappingDescribesIsOneFindingAndNoYear() {
        let imported = TableImport(catalogue: catalogue).read(table(year(2024, each: 10, city: 400), id: "K9_T99"), file: "t.xlsx")
        XCTAssertNil(imported.table)
        XCTAssertTrue(imported.years.isEmpty)
        XCTAssertEqual(imported.fileFindings.map(\.kind), [.sourceNotMapped(found: ["K9_T99"])])
        XCTAssertEqual(imported.reports.map(\.errors), [1])
    }

    func testAChangedHeaderOrWidthRefusesTheWholeFile() {
        let renamed = table(year(2024, each: 10, city: 400), header: ["K3_T41_var1", "K3_T41_var2", "K3_T41_varX", "tabelle"])
        let imported = TableImport(catalogue: catalogue).read(renamed, file: "t.xlsx")
        XCTAssertEqual(imported.fileFindings.map(\.code), ["header-changed"])
        XCTAssertEqual(imported.fileFindings.first?.cell, "C1")
        XCTAssertEqual(imported.reports.count, 1, "one refusal for the file, not one per year")
        XCTAssertEqual(imported.reports.first?.year, nil)
    }

    func testARowOfAnotherTableIsNotTaken() {
        var rows = year(2024, each: 10, city: 400)
        rows[3] = [.number(2024), .string("06"), .string("10")]
        var workbook = table(rows)
        workbook.sheets[0].rows[4].cells[3].value = .string("K3_T38")
        let imported = TableImport(catalogue: catalogue).read(workbook, file: "t.xlsx")
        XCTAssertEqual(imported.fileFindings.map(\.kind), [.sourceOtherTable(expected: "K3_T41", found: "K3_T38")])
    }

    func testTheBuiltInDistrictsAreTheNumbersOfTheCitysTables() throws {
        let workbook = try WorkbookFile.read(t33)
        let rows = try XCTUnwrap(workbook.sheets.first?.rows.dropFirst())
        let numbers = Set(rows.map { CellText.plain($0.cells[1].value) }).subtracting(["15003"])
        XCTAssertEqual(numbers, Set(catalogue.districts.map(\.number)))
        // 2021, K3_T33 (area ha in C, main-residence population in F): the facts the pairing rests on.
        let imported = TableImport(catalogue: catalogue, years: [2021]).read(workbook, file: t33)
        let y2021 = try XCTUnwrap(imported.years.first)
        XCTAssertEqual(y2021.report.findings, [])
        func population(_ name: String) -> Double? {
            let number = catalogue.districts.first { $0.name == name }?.number
            return y2021.submission.observations.first { $0.district == number }?.value
        }
        XCTAssertEqual(population("Großer Silberberg"), 0)
        XCTAssertEqual(population("Kreuzhorst"), 0)
        XCTAssertEqual(population("Industriehafen"), 170)
        XCTAssertEqual(population("Gewerbegebiet Nord"), 17)
        XCTAssertEqual(population("Pechau"), 517)
        XCTAssertEqual(population("Beyendorf-Sohlen"), 1262)
        XCTAssertEqual(population("Beyendorfer Grund"), 20)
    }
    func testKnownPartsAboveTheirTotalAreAnErrorEvenWithAConfidentialPart() throws {
        var c = catalogue
        c.indicators.append(Indicator(code: "X01", name: "drei Teile", field: 1, department: "12", unit: .count,
                                      categories: ["insgesamt", "a", "b", "c"], level: .city))
        c.sources = [SourceMapping(table: "T1", department: "12", yearColumn: 0, districtColumn: 1, cityKey: "15003",
                                   columns: (0..<4).map { SourceColumn(column: 2 + $0, indicator: "X01", category: ["insgesamt", "a", "b", "c"][$0]) })]
        let header = ["T1_var1", "T1_var2", "T1_var3", "T1_var4", "T1_var5", "T1_var6", "tabelle"]
        // a + b = 12 > 10 whatever c's `.` hides; with a + b = 9 it fits.
        let over = TableImport(catalogue: c).read(table([[.number(2024), .string("15003"), .number(10), .number(6), .number(6), .string(".")]],
                                                        id: "T1", header: header), file: "t.xlsx")
        XCTAssertEqual(over.years.first?.report.findings.map(\.kind),
                       [.partsExceedTotal(parts: ["a", "b"], sum: 12, total: "insgesamt", totalValue: 10)])
        let fits = TableImport(catalogue: c).read(table([[.number(2024), .string("15003"), .number(10), .number(6), .number(3), .string(".")]],
                                                        id: "T1", header: header), file: "t.xlsx")
        XCTAssertEqual(fits.years.first?.report.findings.filter { $0.severity == .error }, [])
    }

    func testAYearTheTableDoesNotHaveIsOneErrorNotAnEmptyImport() {
        let imported = TableImport(catalogue: catalogue, years: [2030]).read(file: t41)
        XCTAssertTrue(imported.years.isEmpty)
        XCTAssertEqual(imported.fileFindings.map(\.kind), [.sourceNoRows(years: [2030])])
        XCTAssertEqual(imported.reports.map(\.errors), [1])
    }
}
