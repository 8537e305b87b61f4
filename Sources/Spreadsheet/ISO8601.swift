/// Parsing of the ISO 8601 forms that spreadsheets store: dates, date-times
/// and times (XLSX `t="d"`, ODS `office:date-value`) and durations (ODS
/// `office:time-value`, XML Schema `duration`).
public enum ISO8601 {
    /// `2005-05-24` → date; `2005-05-24T13:45:00[.123][Z|+01:00]` → date-time
    /// (the zone is ignored: spreadsheets keep local times); `13:45:00` → time.
    public static func parseDateTime(_ text: some StringProtocol) -> CellValue? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= b.count else { return nil }
            var n = 0
            for k in 0..<digits {
                let d = b[i + k]
                guard d >= 0x30 && d <= 0x39 else { return nil }
                n = n * 10 + Int(d - 0x30)
            }
            i += digits
            return n
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        func time() -> Int? {
            guard let h = number(2), expect(":"), let m = number(2) else { return nil }
            var s = 0, ms = 0
            if expect(":") {
                guard let sec = number(2) else { return nil }
                s = sec
                if i < b.count && (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",")) {
                    i += 1
                    var scale = 100.0, fraction = 0.0
                    while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                        fraction += Double(b[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                    }
                    ms = Int(fraction.rounded())
                }
            }
            guard h <= 24, m < 60, s <= 60 else { return nil }
            return ((h * 60 + m) * 60 + s) * 1000 + ms
        }
        if b.count >= 5 && b[2] == UInt8(ascii: ":") {
            guard let ms = time(), i == b.count || isZone(b[i...]) else { return nil }
            return .time(milliseconds: ms % 86_400_000)
        }
        var negative = false
        if expect("-") { negative = true }
        guard let y = number(4), expect("-"), let mo = number(2), expect("-"), let d = number(2) else { return nil }
        let date = CivilDate(year: negative ? -y : y, month: mo, day: d)
        guard date.isValid else { return nil }
        if i == b.count { return .date(date) }
        guard expect("T") || expect(" "), var ms = time(), i == b.count || isZone(b[i...]) else { return nil }
        var day = date
        if ms >= 86_400_000 {
            ms -= 86_400_000
            day = CivilDate(daysSinceEpoch: date.daysSinceEpoch + 1)
        }
        return ms == 0 ? .dateTime(CivilDateTime(date: day, millisecondOfDay: 0))
                       : .dateTime(CivilDateTime(date: day, millisecondOfDay: ms))
    }

    private static func isZone(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let first = rest.first else { return true }
        return first == UInt8(ascii: "Z") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
    }

    /// `PT12H30M00S`, `P1DT2H`, `-PT1H`, `PT10H10M10.123S` → seconds.
    /// Years and months are refused (their length in seconds is not fixed).
    public static func parseDuration(_ text: some StringProtocol) -> Double? {
        var s = Substring(text)
        var sign = 1.0
        if s.hasPrefix("-") { sign = -1; s = s.dropFirst() }
        guard s.hasPrefix("P") else { return nil }
        s = s.dropFirst()
        var total = 0.0
        var inTime = false
        var digits = ""
        var sawComponent = false
        for ch in s {
            switch ch {
            case "T":
                guard digits.isEmpty, !inTime else { return nil }
                inTime = true
            case "0"..."9", ".", ",":
                digits.append(ch == "," ? "." : ch)
            case "D", "H", "M", "S", "W":
                guard let value = Double(digits) else { return nil }
                digits = ""
                sawComponent = true
                switch (ch, inTime) {
                case ("W", false): total += value * 604_800
                case ("D", false): total += value * 86_400
                case ("H", true): total += value * 3_600
                case ("M", true): total += value * 60
                case ("S", true): total += value
                default: return nil
                }
            default:
                return nil
            }
        }
        guard digits.isEmpty, sawComponent else { return nil }
        return sign * total
    }
}
