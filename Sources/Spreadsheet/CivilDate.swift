/// A date in the proleptic Gregorian calendar, with no time zone.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative before it).
    ///
    /// Howard Hinnant's `civil_from_days`, exact for every Int32 day count.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days after 1970-01-01 (Hinnant's `days_from_civil`).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whether month and day exist in the Gregorian calendar.
    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= CivilDate.daysIn(month: month, year: year)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601: `2005-05-24`.
    public var description: String {
        let y = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
        return "\(y)-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// A date with a time of day to the millisecond, with no time zone.
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    /// Milliseconds after midnight, 0 ..< 86 400 000.
    public var millisecondOfDay: Int

    public init(date: CivilDate, millisecondOfDay: Int) {
        self.date = date
        self.millisecondOfDay = millisecondOfDay
    }

    public static func < (a: CivilDateTime, b: CivilDateTime) -> Bool {
        (a.date, a.millisecondOfDay) < (b.date, b.millisecondOfDay)
    }

    /// ISO 8601: `2005-05-24T13:45:00`, with `.fff` when there are milliseconds.
    public var description: String {
        "\(date)T\(TimeOfDay.format(milliseconds: millisecondOfDay))"
    }
}

/// Formatting of a time of day.
public enum TimeOfDay {
    /// `HH:MM:SS`, with `.fff` when the milliseconds are not zero.
    public static func format(milliseconds ms: Int) -> String {
        let s = ms / 1000, frac = ms % 1000
        var text = "\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))"
        if frac != 0 { text += "." + pad(frac, 3) }
        return text
    }
}

@usableFromInline
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
