import Spreadsheet
#if canImport(Glibc)
import Glibc
#endif

/// Timestamps as ISO 8601 in UTC.
enum Clock {
    static func now() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        let ms = ((Int(parts.tm_hour) * 60 + Int(parts.tm_min)) * 60 + Int(parts.tm_sec)) * 1000
        return "\(date)T\(TimeOfDay.format(milliseconds: ms))Z"
    }
}
