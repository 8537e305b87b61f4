import XCTest
import Spreadsheet

final class CellReferenceTests: XCTestCase {
    func testA1ReferencesParseAndPrint() {
        XCTAssertEqual(CellReference("A1"), CellReference(row: 0, column: 0))
        XCTAssertEqual(CellReference("$B$7"), CellReference(row: 6, column: 1))
        XCTAssertEqual(CellReference("xfd1048576"), CellReference(row: 1_048_575, column: 16_383))
        XCTAssertEqual(CellReference(row: 1_048_575, column: 16_383).description, "XFD1048576")
        XCTAssertEqual(CellReference(row: 9, column: 26).description, "AA10")
        for column in [0, 25, 26, 51, 52, 701, 702, 16_383] {
            XCTAssertEqual(CellReference.column(named: CellReference.columnName(column)), column)
        }
    }

    func testOutOfSheetAndGarbageReferencesAreRejected() {
        for text in ["", "A", "1", "A0", "XFE1", "A1048577", "1A", "A1B", "AAAA1", "A-1", "A 1", "A12345678"] {
            XCTAssertNil(CellReference(text), text)
        }
    }

    func testRangesIncludingWholeColumnsAndRows() {
        XCTAssertEqual(CellRange("B2:A1")?.description, "A1:B2")
        XCTAssertEqual(CellRange("C3")?.description, "C3")
        XCTAssertEqual(CellRange("A:B")?.last, CellReference(row: 1_048_575, column: 1))
        XCTAssertEqual(CellRange("2:3")?.first, CellReference(row: 1, column: 0))
        XCTAssertEqual(CellRange("A1:C3")?.rowCount, 3)
        XCTAssertNil(CellRange("A1:"))
        XCTAssertNil(CellRange("A1:B2:C3"))
        XCTAssertTrue(CellRange("A1:C3")!.contains(CellReference(row: 2, column: 2)))
        XCTAssertFalse(CellRange("A1:C3")!.contains(CellReference(row: 3, column: 0)))
    }
}
