import Foundation
import XCTest
import Spreadsheet
import TestFixtures
import WorkbookIO
import Zip
@testable import ODS

final class ODSWriterTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-ods-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, flat: Bool = false, _ body: (ODSWriter) throws -> Void) throws -> String {
        let target = directory.appendingPathComponent(name).path
        let writer = try ODSWriter(path: target, flat: flat)
        try body(writer)
        try writer.finish()
        return target
    }

    func testEveryValueKindReadsBackTheSameFromODSAndFODS() throws {
        for flat in [false, true] {
            let file = try write(flat ? "values.fods" : "values.ods", flat: flat) { w in
                try w.beginSheet(SheetLayout(name: "Werte"))
                try w.write(OutputRow(index: 0, values: RoundTripValues.row))
                try w.write(OutputRow(index: 3, values: [.string("nach Leerzeilen")]))
            }
            let sheet = try WorkbookFile.read(file).sheets[0]
            XCTAssertEqual(sheet.rows.map(\.index), [0, 3])
            // ODS keeps times and short durations as one kind of value (FORMAT.md: they compare equal).
            let expected = RoundTripValues.row.map { value -> CellValue in
                if case .duration(let s) = value, s >= 0, s < 86_400 { return .time(milliseconds: Int(s * 1000)) }
                return value
            }
            XCTAssertEqual(sheet.rows[0].cells.map(\.value), expected)
        }
    }

    func testPackageStartsWithTheStoredMimetype() throws {
        let file = try write("mime.ods") { w in try w.beginSheet(SheetLayout(name: "S")) }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)).prefix(100))
        XCTAssertEqual(Array(bytes[30..<38]), Array("mimetype".utf8), "ODF 1.2 Part 3, 3.3: first entry, uncompressed")
        XCTAssertEqual(String(decoding: bytes[38..<84], as: UTF8.self), "application/vnd.oasis.opendocument.spreadsheet")
    }

    func testControlCharactersAreRefusedWithTheCell() throws {
        let writer = try ODSWriter(path: directory.appendingPathComponent("bad.ods").path)
        try writer.beginSheet(SheetLayout(name: "S"))
        XCTAssertThrowsError(try writer.write(OutputRow(index: 1, values: [.empty, .string("a\u{1}b")]))) { error in
            XCTAssertEqual("\(error)", "sheet \"S\" cell B2: the control character U+1 cannot be stored in ODS")
        }
        writer.cancel()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }

    func testMergedRangesBecomeSpansWithCoveredCells() throws {
        let file = try write("merge.ods") { w in
            var layout = SheetLayout(name: "S")
            layout.mergedRanges = [CellRange("B2:C4")!]
            try w.beginSheet(layout)
            try w.write(OutputRow(index: 1, values: [.number(1), .string("oben links"), .number(99)]))
            try w.write(OutputRow(index: 5, values: [.number(5)]))
        }
        let workbook = try WorkbookFile.read(file)
        XCTAssertEqual(workbook.sheets[0].mergedRanges, [CellRange("B2:C4")!])
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("B2")!), .string("oben links"))
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("C2")!), .empty, "a value under a merge is hidden")
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("A6")!), .number(5))
        let content = String(decoding: try ZipArchive(path: file).data(named: "content.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(content.contains("table:number-columns-spanned=\"2\" table:number-rows-spanned=\"3\""))
        XCTAssertTrue(content.contains("<table:covered-table-cell table:number-columns-repeated=\"2\"/>"))
    }

    func testValidationsReachEmptyInputCells() throws {
        let file = try write("valid.ods") { w in
            var layout = SheetLayout(name: "S")
            layout.validations = [DataValidation(range: CellRange("B2:B3")!, rule: .decimal(min: 0, max: 100))]
            try w.beginSheet(layout)
            try w.write(OutputRow(index: 0, values: [.string("Kopf")]))
        }
        let content = String(decoding: try ZipArchive(path: file).data(named: "content.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(content.contains("table:condition=\"of:cell-content-is-decimal-number() and cell-content-is-between(0;100)\""))
        XCTAssertTrue(content.contains("<table:table-row table:number-rows-repeated=\"2\"><table:table-cell/><table:table-cell table:content-validation-name=\"val1\"/></table:table-row>"),
                      content)
    }

    func testStyledWorkbookKeepsItsValuesAndLayout() throws {
        let file = try write("styled.ods") { w in try StyledWorkbook.write(into: w) }
        StyledWorkbook.keepForInspection(file)
        let workbook = try WorkbookFile.read(file)
        XCTAssertEqual(workbook.sheets.map(\.name), ["Eingabe", "Hinweise"])
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("C6")!), .number(60))
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("A7")!), .string("→ Hinweise zum Ausfüllen"))
        XCTAssertEqual(workbook.sheets[0].mergedRanges, [CellRange("A1:D1")!])
        let zip = try ZipArchive(path: file)
        let content = String(decoding: try zip.data(named: "content.xml") ?? [], as: UTF8.self)
        for fragment in ["table:formula=\"of:=SUM([.C3:.C5])\"", "<office:annotation>", "xlink:href=\"#'Hinweise'.A1\"",
                         "table:protected=\"true\"", "style:cell-protect=\"none\"", "<calcext:color-scale>",
                         "<table:database-range", "tableooo:tab-color=\"#2e75b6\"", "<number:date-style"] {
            XCTAssertTrue(content.contains(fragment), "missing \(fragment)")
        }
        let settings = String(decoding: try zip.data(named: "settings.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(settings.contains("<config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">1</config:config-item>"))
    }

    func testFormulaTranslation() {
        XCTAssertEqual(FormulaTranslation.openFormula("SUM(A1:B2,Daten!C3)"), "of:=SUM([.A1:.B2];[$'Daten'.C3])")
        XCTAssertEqual(FormulaTranslation.openFormula("IF(A1>0,\"a,b\",'Mein Blatt'!$B$2)"), "of:=IF([.A1]>0;\"a,b\";[$'Mein Blatt'.$B$2])")
        XCTAssertEqual(FormulaTranslation.openFormula("LOG10(100)"), "of:=LOG10(100)")
    }
}
