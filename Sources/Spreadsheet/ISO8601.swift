/// Parsing of the ISO 8601 forms that spreadsheets store: dates, date-times
/// and times (XLSX `t="d"`, ODS `office:date-value`) and durations (ODS
/// `office:time-value`, XML Schema `duration`).
public enum ISO8601 {
    /// `2005-05-24` → date; `2005-05-24T13:45:00[.123][Z|+01:00]` → date-time
    /// (the zone is ignored: spreadsheets keep local times); `13:45:00` → time.
    public static func parseDateTime(_ text: some StringProtocol) -> CellValue? {
        var copy = String(text)
        return copy.withUTF8 { parseDateTime(UnsafeRawBufferPointer($0)) }
    }

    /// The same, from the bytes of the text (as a parser hands them over).
    public static func parseDateTime(_ bytes: UnsafeRawBufferPointer) -> CellValue? {
        var text = DateText(bytes)
        if bytes.count >= 5 && bytes[2] == UInt8(ascii: ":") {
            guard let ms = text.time(), text.atZoneOrEnd else { return nil }
            return .time(milliseconds: ms % 86_400_000)
        }
        let negative = text.expect(UInt8(ascii: "-"))
        guard let y = text.number(4), text.expect(UInt8(ascii: "-")), let mo = text.number(2), text.expect(UInt8(ascii: "-")),
              let d = text.number(2) else { return nil }
        let date = CivilDate(year: negative ? -y : y, month: mo, day: d)
        guard date.isValid else { return nil }
        if text.atEnd { return .date(date) }
        guard text.expect(UInt8(ascii: "T")) || text.expect(UInt8(ascii: " ")), var ms = text.time(), text.atZoneOrEnd else { return nil }
        var day = date
        if ms >= 86_400_000 {
            ms -= 86_400_000
            day = CivilDate(daysSinceEpoch: date.daysSinceEpoch + 1)
        }
        return .dateTime(CivilDateTime(date: day, millisecondOfDay: ms))
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

/// The bytes of a date or time being read, and how far.
private struct DateText {
    let bytes: UnsafeRawBufferPointer
    var i = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { i == bytes.count }

    /// At the end, or at a zone (`Z`, `+01:00`, `-05:00`), which is ignored.
    var atZoneOrEnd: Bool {
        atEnd || bytes[i] == UInt8(ascii: "Z") || bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")
    }

    mutating func number(_ digits: Int) -> Int? {
        guard i + digits <= bytes.count else { return nil }
        var n = 0
        for k in 0..<digits {
            let d = bytes[i + k] &- 0x30
            guard d <= 9 else { return nil }
            n = n * 10 + Int(d)
        }
        i += digits
        return n
    }

    mutating func expect(_ c: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == c else { return false }
        i += 1
        return true
    }

    /// `13:45[:00[.123]]` as milliseconds.
    mutating func time() -> Int? {
        guard let h = number(2), expect(UInt8(ascii: ":")), let m = number(2) else { return nil }
        var s = 0, ms = 0
        if expect(UInt8(ascii: ":")) {
            guard let sec = number(2) else { return nil }
            s = sec
            if i < bytes.count && (bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",")) {
                i += 1
                var scale = 100.0, fraction = 0.0
                while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                    fraction += Double(bytes[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                ms = Int(fraction.rounded())
            }
        }
        guard h <= 24, m < 60, s <= 60 else { return nil }
        return ((h * 60 + m) * 60 + s) * 1000 + ms
    }
}
