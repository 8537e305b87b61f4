import XCTest
import Spreadsheet

final class DateSerialTests: XCTestCase {
    private func date(_ y: Int, _ m: Int, _ d: Int) -> CellValue { .date(CivilDate(year: y, month: m, day: d)) }

    func testThe1900SystemWithExcelsLeapYearQuirk() {
        XCTAssertEqual(DateSerial.value(serial: 1, system: .d1900), date(1900, 1, 1))
        XCTAssertEqual(DateSerial.value(serial: 59, system: .d1900), date(1900, 2, 28))
        XCTAssertEqual(DateSerial.value(serial: 60, system: .d1900), date(1900, 2, 28))
        XCTAssertEqual(DateSerial.value(serial: 61, system: .d1900), date(1900, 3, 1))
        XCTAssertEqual(DateSerial.value(serial: 38_496, system: .d1900), date(2005, 5, 24))
        XCTAssertEqual(DateSerial.value(serial: 2_958_465, system: .d1900), date(9999, 12, 31))
    }

    func testThe1904System() {
        XCTAssertEqual(DateSerial.value(serial: 1, system: .d1904), date(1904, 1, 2))
        XCTAssertEqual(DateSerial.value(serial: 37_034, system: .d1904), date(2005, 5, 24))
    }

    func testFractionsAreTimesOrDateTimesRoundedToTheMillisecond() {
        XCTAssertEqual(DateSerial.value(serial: 0.5, system: .d1900), .time(milliseconds: 43_200_000))
        XCTAssertEqual(DateSerial.value(serial: 0, system: .d1904), .time(milliseconds: 0))
        XCTAssertEqual(DateSerial.value(serial: 38_496.75, system: .d1900),
                       .dateTime(CivilDateTime(date: CivilDate(year: 2005, month: 5, day: 24), millisecondOfDay: 64_800_000)))
        // 10:00:00.0004 rounds to 10:00:00.000
        XCTAssertEqual(DateSerial.value(serial: 10.0 / 24 + 0.0004 / 86_400, system: .d1900), .time(milliseconds: 36_000_000))
    }

    func testNegativeAndFarFutureSerialsStayNumbers() {
        XCTAssertEqual(DateSerial.value(serial: -1, system: .d1900), .number(-1))
        XCTAssertEqual(DateSerial.value(serial: 3_000_000, system: .d1900), .number(3_000_000))
    }

    func testSerialOfIsTheInverse() {
        for serial in [1, 59, 61, 38_496, 2_958_465] {
            guard case .date(let d) = DateSerial.value(serial: Double(serial), system: .d1900) else { return XCTFail() }
            XCTAssertEqual(DateSerial.serial(of: d, system: .d1900), serial)
        }
        XCTAssertEqual(DateSerial.serial(of: CivilDate(year: 1904, month: 1, day: 2), system: .d1904), 1)
    }

    func testCivilDaysRoundTripAcrossCenturies() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            XCTAssertEqual(CivilDate(daysSinceEpoch: days).daysSinceEpoch, days)
        }
        XCTAssertEqual(CivilDate(daysSinceEpoch: 0).description, "1970-01-01")
        XCTAssertFalse(CivilDate(year: 2023, month: 2, day: 29).isValid)
        XCTAssertTrue(CivilDate(year: 2024, month: 2, day: 29).isValid)
    }

    func testISO8601DatesTimesAndDurations() {
        XCTAssertEqual(ISO8601.parseDateTime("2005-05-24"), date(2005, 5, 24))
        XCTAssertEqual(ISO8601.parseDateTime("2005-05-24T13:45:10.250Z"),
                       .dateTime(CivilDateTime(date: CivilDate(year: 2005, month: 5, day: 24), millisecondOfDay: 49_510_250)))
        XCTAssertEqual(ISO8601.parseDateTime("13:45:00"), .time(milliseconds: 49_500_000))
        XCTAssertNil(ISO8601.parseDateTime("2005-02-30"))
        XCTAssertNil(ISO8601.parseDateTime("24.05.2005"))
        XCTAssertEqual(ISO8601.parseDuration("PT12H30M00S"), 45_000)
        XCTAssertEqual(ISO8601.parseDuration("P1DT2H"), 93_600)
        XCTAssertEqual(ISO8601.parseDuration("-PT1H"), -3_600)
        XCTAssertEqual(ISO8601.parseDuration("PT10H10M10.5S"), 36_610.5)
        XCTAssertNil(ISO8601.parseDuration("P1Y"))
        XCTAssertNil(ISO8601.parseDuration("12:00"))
    }
}
