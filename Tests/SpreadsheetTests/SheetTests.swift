import XCTest
import Spreadsheet

final class SheetTests: XCTestCase {
    func testCoveredCellsOfMergedRangesAreCleared() {
        var sheet = Sheet(info: SheetInfo(name: "S"), rows: [
            Row(index: 0, cells: [Cell(column: 0, value: .string("top")), Cell(column: 1, value: .number(1))]),
            Row(index: 1, cells: [Cell(column: 0, value: .number(2)), Cell(column: 2, value: .number(3))]),
        ], mergedRanges: [CellRange("A1:B2")!])
        sheet.clearCoveredCells()
        XCTAssertEqual(sheet.value(at: CellReference("A1")!), .string("top"))
        XCTAssertEqual(sheet.value(at: CellReference("B1")!), .empty)
        XCTAssertEqual(sheet.value(at: CellReference("A2")!), .empty)
        XCTAssertEqual(sheet.value(at: CellReference("C2")!), .number(3))
        XCTAssertEqual(sheet.usedRange?.description, "A1:C2")
    }

    func testBuilderOrdersRowsThatArriveOutOfOrderAndLaterCellsWin() throws {
        var builder = SheetBuilder()
        try builder.visit(Row(index: 3, cells: [Cell(column: 0, value: .number(1))]))
        try builder.visit(Row(index: 1, cells: [Cell(column: 0, value: .number(2))]))
        try builder.visit(Row(index: 3, cells: [Cell(column: 0, value: .number(9))]))
        try builder.finish(SheetSummary())
        XCTAssertEqual(builder.rows.map(\.index), [1, 3])
        XCTAssertEqual(builder.rows[1].cells, [Cell(column: 0, value: .number(9))])
    }

    func testStatisticsCountWithoutKeepingRows() throws {
        var statistics = SheetStatistics()
        try statistics.visit(Row(index: 2, cells: [Cell(column: 1, value: .number(1)), Cell(column: 4, value: .string("x"))]))
        try statistics.visit(Row(index: 5, cells: [Cell(column: 0, value: .date(CivilDate(year: 2005, month: 5, day: 24)))]))
        XCTAssertEqual(statistics.cellCount, 3)
        XCTAssertEqual(statistics.counts[.number], 1)
        XCTAssertEqual(statistics.counts[.date], 1)
        XCTAssertEqual(statistics.usedRange?.description, "A3:E6")
    }

    func testSignatureRecognisesZipCompoundFilesAndXML() {
        XCTAssertEqual(FileSignature.detect([0x50, 0x4B, 0x03, 0x04, 0, 0]), .zip)
        XCTAssertEqual(FileSignature.detect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), .compoundFile)
        XCTAssertEqual(FileSignature.detect(Array("\u{FEFF}<?xml".utf8)), .xml)
        XCTAssertEqual(FileSignature.detect(Array("a,b,c".utf8)), .unknown)
    }
}
