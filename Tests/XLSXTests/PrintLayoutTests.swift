import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
import Zip
@testable import XLSX

/// What makes a sheet print readably: heights for wrapped text, print
/// titles, page breaks, and vector drawings in the drawing part.
final class PrintLayoutTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testWrappedRowsGetAHeightThatFitsAndTitlesAndBreaksArePrinted() throws {
        let file = directory.appendingPathComponent("print.xlsx").path
        let writer = try XLSXWriter(path: file)
        var layout = SheetLayout(name: "Bericht")
        layout.columnWidths = [0: 20]
        layout.printTitleRows = 0...0
        layout.pageBreaksBefore = [3]
        try writer.beginSheet(layout)
        var wrap = CellStyle()
        wrap.wrapText = true
        try writer.write(OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string("kurz"), style: wrap)]))
        try writer.write(OutputRow(index: 1, cells: [OutputCell(column: 0, value: .string(String(repeating: "Wort ", count: 20)), style: wrap)]))
        try writer.write(OutputRow(index: 2, cells: [OutputCell(column: 0, value: .string(String(repeating: "Wort ", count: 20)))]))
        writer.addDrawing(VectorDrawing(name: "Karte", anchor: CellReference(row: 4, column: 0), width: 100, height: 50, shapes: [
            VectorShape(name: "01 Altstadt", description: "01 Altstadt: 12,5 %",
                        rings: [VectorShape.rectangle(DrawingPoint(x: 0, y: 0), 20, 10)], fill: .hatched(RGBColor(hex: 0x666666))),
        ]))
        try writer.endSheet()
        try writer.finish()
        let zip = try ZipArchive(path: file)
        let sheet = String(decoding: try zip.data(named: "xl/worksheets/sheet1.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(sheet.contains("<row r=\"1\">"), "one line needs no stored height")
        XCTAssertTrue(sheet.contains("<row r=\"2\" ht=\""), "wrapped text over several lines gets its height")
        XCTAssertTrue(sheet.contains("<row r=\"3\">"), "text that does not wrap keeps the default")
        XCTAssertTrue(sheet.contains("<rowBreaks count=\"1\" manualBreakCount=\"1\"><brk id=\"3\" max=\"16383\" man=\"1\"/></rowBreaks>"), sheet)
        let workbook = String(decoding: try zip.data(named: "xl/workbook.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Bericht'!$1:$1</definedName>"), workbook)
        let drawing = String(decoding: try zip.data(named: "xl/drawings/drawing1.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(drawing.contains("<a:custGeom>") && drawing.contains("descr=\"01 Altstadt: 12,5 %\""), drawing)
        XCTAssertTrue(drawing.contains("<a:pattFill prst=\"wdUpDiag\">"))
        let types = String(decoding: try zip.data(named: "[Content_Types].xml") ?? [], as: UTF8.self)
        XCTAssertTrue(types.contains("/xl/drawings/drawing1.xml"), "a drawing without charts is still declared")
        XCTAssertEqual(try WorkbookFile.read(file).sheets[0].value(at: CellReference("A1")!), .string("kurz"))
    }
}
