import Foundation
import XCTest
import Spreadsheet
import Monitoring
import WorkbookIO
@testable import MonitoringStore

/// Imported tables in the store: each table is a source of its own, a year
/// with the same values is unchanged whatever file brings it, and only a
/// year whose values changed supersedes its earlier version.
final class ImportMergeTests: XCTestCase {
    private var directory: URL!
    private let catalogue = DefaultCatalogue.magdeburg

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-import-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/kiss-md/\(name)").path
    }
    private var t41: String { fixture("K3_T41_entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.xlsx") }
    private var t33: String { fixture("K3_T33_flaeche-und-einwohnerdichte.xlsx") }

    private func items(_ file: String, years: Set<Int>, catalogue: Catalogue? = nil) -> [PreparedSubmission] {
        PreparedSubmission.prepareImport(file: file, importer: TableImport(catalogue: catalogue ?? self.catalogue, years: years))
    }

    /// Writes a workbook read before (values only) as XLSX.
    private func write(_ workbook: Workbook, to path: String) throws {
        let writer = try WorkbookFile.writer(for: path)
        for sheet in workbook.sheets {
            try writer.beginSheet(SheetLayout(name: sheet.name))
            for row in sheet.rows {
                try writer.write(OutputRow(index: row.index, cells: row.cells.map { OutputCell(column: $0.column, value: $0.value) }))
            }
            try writer.endSheet()
        }
        try writer.finish()
    }

    private func merge(_ items: [PreparedSubmission], _ store: MonitoringStore) throws -> [MergeOutcome] {
        try store.merge(items, catalogue: catalogue, prefer: nil, user: "test").map(\.outcome)
    }

    func testTwoTablesOfOneDepartmentAndYearStandSideBySide() throws {
        let store = try MonitoringStore(path: directory.appendingPathComponent("s.sqlite").path)
        XCTAssertEqual(try merge(items(t33, years: [2024]), store), [.imported(observations: 41)])
        XCTAssertEqual(try merge(items(t41, years: [2024]), store), [.imported(observations: 38)],
                       "K3_T41 does not supersede K3_T33, though both are department 12's 2024")
        XCTAssertEqual(try store.currentObservationCount(year: 2024), 79)
    }

    func testTheSameValuesFromAnotherFileAreUnchangedAndChangedValuesSupersedeOnlyTheirYear() throws {
        let store = try MonitoringStore(path: directory.appendingPathComponent("s.sqlite").path)
        XCTAssertEqual(try merge(items(t41, years: [2023, 2024]), store), [.imported(observations: 38), .imported(observations: 38)])
        // The same table under another name and with other bytes: the values decide.
        let copy = directory.appendingPathComponent("kopie.xlsx").path
        var workbook = try WorkbookFile.read(t41)
        workbook.sheets[0].rows[0].cells[0].value = .string("K3_T41_var1")
        try write(workbook, to: copy)
        XCTAssertEqual(try merge(items(copy, years: [2023, 2024]), store), [.unchanged, .unchanged])
        // A correction of 2024 only.
        let r = try XCTUnwrap(workbook.sheets[0].rows.firstIndex { $0.index == 569 })
        XCTAssertEqual(workbook.sheets[0].rows[r].cells[2].value, .string("4013"))
        workbook.sheets[0].rows[r].cells[2].value = .string("4012")
        let corrected = directory.appendingPathComponent("korrigiert.xlsx").path
        try write(workbook, to: corrected)
        XCTAssertEqual(try merge(items(corrected, years: [2023, 2024]), store), [.unchanged, .superseded(previous: t41, observations: 38)])
        XCTAssertEqual(try store.currentObservationCount(year: 2024), 38)
        let history = try store.history(year: 2024).map(\.outcome)
        XCTAssertEqual(history, ["imported", "unchanged", "superseded"])
    }

    func testAnotherTableWithOtherValuesForTheSameCellsIsAConflict() throws {
        let store = try MonitoringStore(path: directory.appendingPathComponent("s.sqlite").path)
        XCTAssertEqual(try merge(items(t41, years: [2024]), store), [.imported(observations: 38)])
        // The same file, mapped as another table of the same department, with one value changed.
        var c = catalogue
        c.sources = [SourceMapping(table: "K3_T41", department: "12", yearColumn: 0, districtColumn: 1, cityKey: "15003",
                                   columns: [SourceColumn(column: 2, indicator: "W01", category: "nichtdeutsch")])]
        var workbook = try WorkbookFile.read(t41)
        let r = try XCTUnwrap(workbook.sheets[0].rows.firstIndex { $0.index == 569 })
        workbook.sheets[0].rows[r].cells[2].value = .string("4012")
        workbook.sheets[0].rows = workbook.sheets[0].rows.map { row in
            var row = row
            if let i = row.cells.firstIndex(where: { $0.column == 3 }) { row.cells[i].value = .string(row.index == 0 ? "tabelle" : "K3_T41") }
            return row
        }
        let other = directory.appendingPathComponent("andere.xlsx").path
        try write(workbook, to: other)
        var prepared = items(other, years: [2024], catalogue: c)
        prepared[0].submission?.source = "K3_T41b"
        let outcome = try merge(prepared, store)
        guard case .conflict(let conflicts) = outcome.first else { return XCTFail("\(outcome)") }
        XCTAssertEqual(conflicts.map(\.district), ["01"])
        XCTAssertEqual(conflicts.first?.newValue, "4012")
        XCTAssertEqual(conflicts.first?.existingValue, "4013")
    }
}
