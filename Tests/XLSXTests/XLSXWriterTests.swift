import Foundation
import XCTest
import Spreadsheet
import TestFixtures
import WorkbookIO
import Zip
@testable import XLSX

final class XLSXWriterTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func write(_ name: String, _ body: (XLSXWriter) throws -> Void) throws -> String {
        let target = path(name)
        let writer = try XLSXWriter(path: target)
        try body(writer)
        try writer.finish()
        return target
    }

    func testEveryValueKindReadsBackTheSame() throws {
        let file = try write("values.xlsx") { w in
            try w.beginSheet(SheetLayout(name: "Werte"))
            try w.write(OutputRow(index: 0, values: RoundTripValues.row))
            try w.write(OutputRow(index: 2, values: [.string("nach einer Leerzeile")]))
        }
        let sheet = try WorkbookFile.read(file).sheets[0]
        XCTAssertEqual(sheet.rows.map(\.index), [0, 2])
        XCTAssertEqual(sheet.rows[0].cells.map(\.value), RoundTripValues.row)
    }

    func testControlCharactersTravelAsEscapes() throws {
        let file = try write("control.xlsx") { w in
            try w.beginSheet(SheetLayout(name: "S"))
            try w.write(OutputRow(index: 0, values: [.string("bell\u{7}end")]))
        }
        XCTAssertEqual(try WorkbookFile.read(file).sheets[0].value(at: CellReference("A1")!), .string("bell\u{7}end"))
    }

    func testSameInputGivesTheSameBytes() throws {
        func make(_ name: String) throws -> Data {
            let file = try write(name) { w in
                var layout = SheetLayout(name: "S")
                layout.columnWidths = [0: 20]
                try w.beginSheet(layout)
                for r in 0..<100 { try w.write(OutputRow(index: r, values: [.number(Double(r)), .string("x\(r % 7)")])) }
            }
            return try Data(contentsOf: URL(fileURLWithPath: file))
        }
        XCTAssertEqual(try make("a.xlsx"), try make("b.xlsx"))
    }

    func testPackageStructureIsWhatIndependentReadersExpect() throws {
        let file = try write("structure.xlsx") { w in
            try w.beginSheet(SheetLayout(name: "S"))
            try w.write(OutputRow(index: 0, values: [.number(1)]))
        }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let eocd = bytes.count - 22
        func le32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        XCTAssertEqual(le32(eocd), 0x0605_4B50)
        // The central directory ends exactly where the end record begins.
        XCTAssertEqual(le32(eocd + 12) + le32(eocd + 16), eocd)
        let zip = try ZipArchive(path: file)
        XCTAssertEqual(Set(zip.entries.map(\.name)), ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels", "docProps/core.xml", "docProps/app.xml", "_rels/.rels", "[Content_Types].xml"])
    }

    func testBadValuesAreRefusedAndLeaveNothingBehind() throws {
        let cases: [(CellValue, String)] = [
            (.number(.nan), "NaN or infinity"),
            (.string(String(repeating: "x", count: 32_768)), "longer than a cell can hold"),
            (.date(CivilDate(year: 1899, month: 12, day: 31)), "outside 1900-01-01"),
        ]
        for (value, message) in cases {
            let target = path("bad.xlsx")
            let writer = try XLSXWriter(path: target)
            try writer.beginSheet(SheetLayout(name: "S"))
            XCTAssertThrowsError(try writer.write(OutputRow(index: 0, values: [value]))) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
            writer.cancel()
            XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "no temporary file is left")
        let exact = try write("long.xlsx") { w in
            try w.beginSheet(SheetLayout(name: "S"))
            try w.write(OutputRow(index: 0, values: [.string(String(repeating: "x", count: 32_767))]))
        }
        XCTAssertEqual(try WorkbookFile.read(exact).sheets[0].value(at: CellReference("A1")!), .string(String(repeating: "x", count: 32_767)))
    }

    func testAnExistingFileStaysUntilTheNewOneIsComplete() throws {
        let target = path("keep.xlsx")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let writer = try XLSXWriter(path: target)
        try writer.beginSheet(SheetLayout(name: "S"))
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old")
        writer.cancel()
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "old")
    }

    func testSheetNamesAreChecked() throws {
        for (names, message) in [(["a[1]"], "contains \"[\""), ([String(repeating: "n", count: 32)], "longer than 31"),
                                 (["Daten", "DATEN"], "used twice"), ([""], "cannot be empty")] {
            let writer = try XLSXWriter(path: path("names.xlsx"))
            XCTAssertThrowsError(try names.forEach { try writer.beginSheet(SheetLayout(name: $0)) }) { error in
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
            writer.cancel()
        }
    }

    func testHundredSheetsEmptySheetsVisibilityAndMergesRoundTrip() throws {
        let file = try write("many.xlsx") { w in
            for n in 0..<100 {
                var layout = SheetLayout(name: "Blatt \(n)")
                layout.visibility = n == 3 ? .hidden : .visible
                if n == 1 { layout.mergedRanges = [CellRange("A1:C2")!] }
                try w.beginSheet(layout)
                if n % 2 == 1 { try w.write(OutputRow(index: n, values: [.number(Double(n))])) }
            }
        }
        let workbook = try WorkbookFile.read(file)
        XCTAssertEqual(workbook.sheets.count, 100)
        XCTAssertEqual(workbook.sheets[3].info.visibility, .hidden)
        XCTAssertEqual(workbook.sheets[1].mergedRanges, [CellRange("A1:C2")!])
        XCTAssertEqual(workbook.sheets[99].value(at: CellReference(row: 99, column: 0)), .number(99))
        XCTAssertTrue(workbook.sheets[0].rows.isEmpty)
    }

    func testDocumentPropertiesAreWritten() throws {
        let target = path("props.xlsx")
        let writer = try XLSXWriter(path: target)
        writer.properties = DocumentProperties(title: "Integrationsmonitoring 2005", author: "Sozial- & Wohnungsamt",
            created: CivilDateTime(date: CivilDate(year: 2005, month: 5, day: 24), millisecondOfDay: 36_000_000))
        try writer.finish()
        let core = String(decoding: try ZipArchive(path: target).data(named: "docProps/core.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(core.contains("<dc:title>Integrationsmonitoring 2005</dc:title>"))
        XCTAssertTrue(core.contains("<dc:creator>Sozial- &amp; Wohnungsamt</dc:creator>"))
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2005-05-24T10:00:00Z</dcterms:created>"))
        XCTAssertEqual(try WorkbookFile.read(target).sheets.map(\.name), ["Sheet1"], "a workbook has at least one sheet")
    }

    func testChartsBecomeDrawingAndChartPartsOverTheSheetsCells() throws {
        let file = try write("chart.xlsx") { w in
            try w.beginSheet(SheetLayout(name: "Werte 1"))
            for (n, name) in ["Altstadt", "Werder", "Buckau"].enumerated() {
                try w.write(OutputRow(index: n, values: [.string(name), .number(Double(10 * (n + 1)))]))
            }
            w.addChart(ChartSpec(kind: .bar, title: "Anzahl", categories: CellRange("A1:A3")!, values: CellRange("B1:B3")!,
                                 seriesName: "insgesamt", anchor: CellRange("D1:K15")!))
            try w.endSheet()
            try w.beginSheet(SheetLayout(name: "Leer"))
        }
        let zip = try ZipArchive(path: file)
        let chart = String(decoding: try zip.data(named: "xl/charts/chart1.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(chart.contains("<c:barChart><c:barDir val=\"bar\"/>"))
        XCTAssertTrue(chart.contains("<c:f>'Werte 1'!$B$1:$B$3</c:f>"), chart)
        XCTAssertTrue(chart.contains("<c:f>'Werte 1'!$A$1:$A$3</c:f>"))
        let sheet = String(decoding: try zip.data(named: "xl/worksheets/sheet1.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(sheet.contains("<drawing r:id=\"rIdDrawing\"/>"))
        let types = String(decoding: try zip.data(named: "[Content_Types].xml") ?? [], as: UTF8.self)
        XCTAssertTrue(types.contains("/xl/charts/chart1.xml"))
        XCTAssertNotNil(zip.entry(named: "xl/drawings/_rels/drawing1.xml.rels"))
        XCTAssertNil(zip.entry(named: "xl/worksheets/_rels/sheet2.xml.rels"), "the second sheet has no chart")
        XCTAssertEqual(try WorkbookFile.read(file).sheets[0].value(at: CellReference("B3")!), .number(30))
    }

    func testRowsOutOfOrderAreRefused() throws {
        let writer = try XLSXWriter(path: path("order.xlsx"))
        try writer.beginSheet(SheetLayout(name: "S"))
        try writer.write(OutputRow(index: 5, values: [.number(1)]))
        XCTAssertThrowsError(try writer.write(OutputRow(index: 5, values: [.number(2)])))
        writer.cancel()
    }

    func testStylesFormulasCommentsLinksAndRulesAreWritten() throws {
        let file = try write("styled.xlsx") { w in try StyledWorkbook.write(into: w) }
        StyledWorkbook.keepForInspection(file)
        let zip = try ZipArchive(path: file)
        let sheet = String(decoding: try zip.data(named: "xl/worksheets/sheet1.xml") ?? [], as: UTF8.self)
        for fragment in ["<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>",
                         "<dataValidation type=\"whole\" operator=\"between\"", "<formula1>0</formula1><formula2>100000</formula2>",
                         "<cfRule type=\"colorScale\"", "<cfRule type=\"cellIs\"", "<mergeCell ref=\"A1:D1\"/>",
                         "<f>SUM(C3:C5)</f><v>", "<sheetProtection sheet=\"1\"", "<hyperlink ref=\"A7\" location=\"'Hinweise'!A1\"",
                         "<legacyDrawing r:id=\"rIdVml\"/>", "<autoFilter ref=\"A2:D5\"/>"] {
            XCTAssertTrue(sheet.contains(fragment), "missing \(fragment)")
        }
        let comments = String(decoding: try zip.data(named: "xl/comments1.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(comments.contains("Bitte prüfen"))
        let styles = String(decoding: try zip.data(named: "xl/styles.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(styles.contains("formatCode=\"dd.mm.yyyy\""))
        XCTAssertTrue(styles.contains("<protection locked=\"0\"/>"))
        let workbook = try WorkbookFile.read(file)
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("C6")!), .number(60))
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("D3")!), .date(CivilDate(year: 2005, month: 5, day: 24)))
    }
}
