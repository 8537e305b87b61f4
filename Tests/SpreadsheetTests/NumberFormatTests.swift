import XCTest
import Spreadsheet
#if canImport(Glibc)
import Glibc
#endif

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

    func testShortDecimalsReadAsStrtodReadsThem() {
        // The fast path (digits up to 2^53, up to 22 after the point) must
        // give strtod's correctly rounded double, bit for bit, on either side
        // of every rounding, and leave what it cannot do exactly to strtod.
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "-0.0", "0.1", "0.3", "1.", ".5", "-.5", "999999999999999", "0.000000000000001",
                     "123456.789012345", "9007199254740.99", "-42.125", "0.505685633738493", "0.8981775452267601",
                     "9007199254740992", "9007199254740993", "0.9007199254740993", "0.0000000000000000000001",
                     "0.00000000000000000000012", "00000000000000000000000000001.5", "12345678901234567890"]
        for _ in 0..<200_000 {
            let digits = Int.random(in: 1...20, using: &generator)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            if Int.random(in: 0..<4, using: &generator) == 0 {
                text = String(repeating: "0", count: Int.random(in: 1...8, using: &generator)) + text
            }
            if Bool.random(using: &generator) {
                let point = Int.random(in: 0...digits, using: &generator)
                text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            }
            if Bool.random(using: &generator) { text = "-" + text }
            texts.append(text)
        }
        for text in texts {
            let expected = text.withCString { strtod($0, nil) }
            guard let parsed = NumberText.parse(text) else { return XCTFail("\(text) not read") }
            XCTAssertEqual(parsed.bitPattern, expected.bitPattern, text)
        }
    }
}
