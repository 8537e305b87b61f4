import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
import XMLStream
import Zip
@testable import ODS

/// Charts as embedded chart objects and vector drawings in their anchor cell.
final class ODSDrawingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-odsdraw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testAChartAddedAfterItsTableGoesIntoTheTablesFirstRowAsAChartObject() throws {
        let file = directory.appendingPathComponent("chart.ods").path
        let writer = try ODSWriter(path: file)
        var layout = SheetLayout(name: "Werte")
        layout.printTitleRows = 0...0
        layout.pageBreaksBefore = [4]
        try writer.beginSheet(layout)
        try writer.write(OutputRow(index: 0, values: [.string("Stadtteil"), .string("Anzahl")]))
        for (n, (name, value)) in [("Altstadt", 10.0), ("Werder", 20), ("Buckau", 30)].enumerated() {
            try writer.write(OutputRow(index: n + 1, values: [.string(name), .number(value)]))
        }
        writer.addChart(ChartSpec(kind: .bar, title: "Anzahl je Stadtteil", categories: CellRange("A2:A4")!, values: CellRange("B2:B4")!,
                                  seriesName: "Anzahl", anchor: CellRange("D1:J15")!))
        writer.addDrawing(VectorDrawing(name: "Karte", anchor: CellReference(row: 6, column: 0), width: 100, height: 60, shapes: [
            VectorShape(name: "01 Altstadt", description: "01 Altstadt: 10", rings: [VectorShape.rectangle(DrawingPoint(x: 0, y: 0), 20, 10)],
                        fill: .hatched(RGBColor(hex: 0x666666)), stroke: RGBColor(hex: 0xFFFFFF)),
            .label("gesperrt", at: DrawingPoint(x: 30, y: 0), width: 60, height: 12),
        ]))
        try writer.write(OutputRow(index: 4, values: [.string("neue Seite")]))
        try writer.endSheet()
        try writer.finish()

        let zip = try ZipArchive(path: file)
        let content = String(decoding: try XCTUnwrap(try zip.data(named: "content.xml")), as: UTF8.self)
        let firstRow = try XCTUnwrap(content.components(separatedBy: "<table:table-row").dropFirst().first)
        XCTAssertTrue(firstRow.contains("<draw:object draw:notify-on-update-of-ranges=\"'Werte'.B2:'Werte'.B4\" xlink:href=\"./Object 1\""),
                      "the chart stands in its anchor row, beside the header: \(firstRow)")
        XCTAssertTrue(content.contains("<table:table-header-rows>"), "print titles")
        XCTAssertTrue(content.contains("<svg:title>01 Altstadt</svg:title><svg:desc>01 Altstadt: 10</svg:desc>"))
        XCTAssertTrue(content.contains("draw:fill=\"hatch\" draw:fill-hatch-name=\"imon_hatch\""))
        let styles = String(decoding: try XCTUnwrap(try zip.data(named: "styles.xml")), as: UTF8.self)
        XCTAssertTrue(styles.contains("<draw:hatch draw:name=\"imon_hatch\""), "the hatch the shapes name is defined")
        let chart = String(decoding: try XCTUnwrap(try zip.data(named: "Object 1/content.xml")), as: UTF8.self)
        XCTAssertTrue(chart.contains("chart:class=\"chart:bar\"") && chart.contains("chart:values-cell-range-address=\"'Werte'.B2:'Werte'.B4\""))
        let manifest = String(decoding: try XCTUnwrap(try zip.data(named: "META-INF/manifest.xml")), as: UTF8.self)
        XCTAssertTrue(manifest.contains("manifest:full-path=\"Object 1/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.chart\""))
        // The values read back unchanged: shapes and frames hold no cell text.
        let sheet = try WorkbookFile.read(file).sheets[0]
        XCTAssertEqual(sheet.value(at: CellReference("B4")!), .number(30))
        XCTAssertEqual(sheet.value(at: CellReference("A5")!), .string("neue Seite"))
        XCTAssertEqual(sheet.value(at: CellReference("A7")!), .empty)
    }

    func testAFlatDocumentCarriesItsChartInsideTheFrame() throws {
        let file = directory.appendingPathComponent("chart.fods").path
        let writer = try ODSWriter(path: file, flat: true)
        try writer.beginSheet(SheetLayout(name: "Werte"))
        for (n, (name, value)) in [("Altstadt", 10.0), ("Werder", 20), ("Buckau", 30)].enumerated() {
            try writer.write(OutputRow(index: n, values: [.string(name), .number(value)]))
        }
        writer.addChart(ChartSpec(kind: .line, title: "Verlauf", categories: CellRange("A1:A3")!, values: CellRange("B1:B3")!,
                                  seriesName: "Anzahl", anchor: CellRange("D1:J15")!))
        try writer.endSheet()
        try writer.finish()

        let document = try String(contentsOfFile: file, encoding: .utf8)
        let object = try XCTUnwrap(document.components(separatedBy: "<draw:object ").dropFirst().first?.components(separatedBy: "</draw:object>").first)
        XCTAssertTrue(object.contains("<office:document office:mimetype=\"application/vnd.oasis.opendocument.chart\""), object)
        XCTAssertTrue(object.contains("chart:class=\"chart:line\"") && object.contains("chart:values-cell-range-address=\"'Werte'.B1:'Werte'.B3\""))
        XCTAssertFalse(object.contains("<?xml"), "no declaration inside the document")
        _ = try XMLElement.parse(Array(document.utf8))
        let sheet = try WorkbookFile.read(file).sheets[0]
        XCTAssertEqual(sheet.value(at: CellReference("B3")!), .number(30))
    }
}
