/// The date system of a workbook: which day serial 0 stands for.
///
/// ECMA-376 Part 1, 18.17.4.1: the 1900 system counts from 1899-12-31 and
/// pretends 1900 was a leap year (serial 60 is the fictitious 1900-02-29);
/// the 1904 system (old Mac Excel) counts from 1904-01-01.
public enum DateSystem: String, Sendable, Codable {
    case d1900 = "1900"
    case d1904 = "1904"
}

/// Conversion between spreadsheet serial numbers and calendar values.
public enum DateSerial {
    /// 1899-12-30 as days since 1970-01-01: serial 0 in the 1900 system
    /// for every serial from 61 on (where Excel's leap-year bug is behind).
    static let base1900 = -25_569
    /// 1904-01-01 as days since 1970-01-01.
    static let base1904 = -24_107

    /// The calendar value a serial shows under a date/time number format.
    ///
    /// Follows Excel: negative serials are plain numbers (Excel shows `####`),
    /// serials in 0 ..< 1 are times of day, integral serials dates, the rest
    /// date-times; rounded to the millisecond. Serials past 9999-12-31 are
    /// numbers too.
    public static func value(serial: Double, system: DateSystem) -> CellValue {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return .number(serial) }
        if serial < 1 {
            return .time(milliseconds: min(Int((serial * 86_400_000).rounded()), 86_399_999))
        }
        let totalMs = (serial * 86_400_000).rounded()
        let days = Int(totalMs / 86_400_000)
        let ms = Int(totalMs - Double(days) * 86_400_000)
        let date = calendarDate(serialDay: days, system: system)
        if date.year > 9999 { return .number(serial) }
        if serial == serial.rounded(.down) { return .date(date) }
        return .dateTime(CivilDateTime(date: date, millisecondOfDay: ms))
    }

    /// The date of a whole serial day.
    public static func calendarDate(serialDay days: Int, system: DateSystem) -> CivilDate {
        switch system {
        case .d1904:
            return CivilDate(daysSinceEpoch: base1904 + days)
        case .d1900:
            // Serials 1...59 lie before Excel's fictitious 1900-02-29 and are
            // one day later than a plain count from 1899-12-30 says; serial 60
            // (that fictitious day) reads as 1900-02-28, as calamine does.
            return CivilDate(daysSinceEpoch: base1900 + days + (days < 60 ? 1 : 0))
        }
    }

    /// The serial of a calendar date (the inverse of `calendarDate`).
    public static func serial(of date: CivilDate, system: DateSystem) -> Int {
        let days = date.daysSinceEpoch
        switch system {
        case .d1904:
            return days - base1904
        case .d1900:
            let serial = days - base1900
            return serial <= 60 ? serial - 1 : serial
        }
    }
}
