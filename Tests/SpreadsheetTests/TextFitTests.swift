import XCTest
@testable import Spreadsheet

final class TextFitTests: XCTestCase {
    func testShortTextTakesOneLineAndLongTextWrapsAtWords() {
        XCTAssertEqual(TextFit.lines("Bitte ausfüllen.", width: 80), 1)
        let long = String(repeating: "Stadtteil ", count: 30)   // 8 words of 7.8 units fit a column of 80 (68 units)
        XCTAssertEqual(TextFit.lines(long, width: 80), 4)
        XCTAssertEqual(TextFit.lines("a\nb\nc", width: 80), 3, "each paragraph starts a line")
    }

    func testAWordLongerThanTheColumnIsBrokenAcrossLines() {
        XCTAssertEqual(TextFit.lines(String(repeating: "x", count: 40), width: 10), 5)
    }

    func testRowHeightGrowsWithTheLongestCell() {
        let one = TextFit.rowHeight([("kurz", 80, 11)])
        let three = TextFit.rowHeight([("kurz", 80, 11), (String(repeating: "Wort ", count: 40), 60, 11)])
        XCTAssertEqual(one, 18)
        XCTAssertGreaterThan(three, 3 * 14)
    }
}
