import XCTest
import Spreadsheet

final class NumberFormatTests: XCTestCase {
    func testBuiltInFormatIds() {
        XCTAssertEqual(NumberFormat.builtIn(0), .plain)
        XCTAssertEqual(NumberFormat.builtIn(10), .percent)
        XCTAssertEqual(NumberFormat.builtIn(14), .date)
        XCTAssertEqual(NumberFormat.builtIn(20), .time)
        XCTAssertEqual(NumberFormat.builtIn(22), .dateTime)
        XCTAssertEqual(NumberFormat.builtIn(46), .duration)
        XCTAssertEqual(NumberFormat.builtIn(31), .date, "CJK date formats are dates")
        XCTAssertEqual(NumberFormat.builtIn(49), .text)
        XCTAssertNil(NumberFormat.builtIn(164))
    }

    func testCustomCodesThatAreNumbers() {
        for code in ["General", "0.00", "#,##0", "#,##0*y", "\"$\"#,##0", "0.0\\m", "[Red]0.00", "#,##0.00 \"€\"", "0.00E+00", ""] {
            XCTAssertEqual(NumberFormat.classify(code: code), .plain, code)
        }
        XCTAssertEqual(NumberFormat.classify(code: "0.0 %"), .percent)
        XCTAssertEqual(NumberFormat.classify(code: "@"), .text)
    }

    func testCustomCodesThatAreDatesOrTimes() {
        XCTAssertEqual(NumberFormat.classify(code: "DD.MM.YYYY"), .date)
        XCTAssertEqual(NumberFormat.classify(code: "[$-407]MMMM YYYY"), .date)
        XCTAssertEqual(NumberFormat.classify(code: "[$-404]e/m/d"), .date)
        XCTAssertEqual(NumberFormat.classify(code: "hh:mm"), .time)
        XCTAssertEqual(NumberFormat.classify(code: "mm:ss"), .time)
        XCTAssertEqual(NumberFormat.classify(code: "H"), .time)
        XCTAssertEqual(NumberFormat.classify(code: "A/P"), .time)
        XCTAssertEqual(NumberFormat.classify(code: "h:[mm]"), .time, "the first decisive token is h")
        XCTAssertEqual(NumberFormat.classify(code: "dd.mm.yyyy hh:mm"), .dateTime)
        XCTAssertEqual(NumberFormat.classify(code: "yyyy-mm-dd;@"), .date, "only the first section counts")
    }

    func testElapsedBracketsAreDurations() {
        for code in ["[h]:mm", "[HH]", "[s].000", "[Red][h]:mm", "[mm]:ss"] {
            XCTAssertEqual(NumberFormat.classify(code: code), .duration, code)
        }
    }

    func testValuesUnderAFormatClass() {
        XCTAssertEqual(NumberFormat.value(of: 1.5, formatClass: .duration, dateSystem: .d1900), .duration(seconds: 129_600))
        XCTAssertEqual(NumberFormat.value(of: 0.25, formatClass: .percent, dateSystem: .d1900), .number(0.25))
        XCTAssertEqual(NumberFormat.value(of: 2, formatClass: .date, dateSystem: .d1904),
                       .date(CivilDate(year: 1904, month: 1, day: 3)))
    }

    func testNumberTextAcceptsXMLSchemaDoublesOnly() {
        func parse(_ s: String) -> Double? { NumberText.parse(s) }
        XCTAssertEqual(parse("42"), 42)
        XCTAssertEqual(parse("-1.5E-3"), -0.0015)
        XCTAssertEqual(parse(" 7 "), 7)
        XCTAssertEqual(parse("0.1"), 0.1)
        XCTAssertEqual(parse("123456789012345678"), 123_456_789_012_345_678)
        XCTAssertNil(parse(""))
        XCTAssertNil(parse("1,5"))
        XCTAssertNil(parse("0x10"))
        XCTAssertNil(parse("12 Pers."))
    }
}
