/// What a number format makes of a number: how it is shown to a person.
public enum NumberFormatClass: String, Sendable, Codable {
    /// General or a plain number format (`0.00`, `#,##0`).
    case plain
    /// A percent format (`0 %`): the value 0.5 shows as 50 %.
    case percent
    /// A date without a time of day (`DD.MM.YYYY`).
    case date
    /// A time of day (`hh:mm`).
    case time
    /// A date with a time (`DD.MM.YYYY hh:mm`).
    case dateTime
    /// Elapsed time (`[h]:mm:ss`): days become hours past 24.
    case duration
    /// The text format `@`.
    case text

    /// Whether numbers under this format are calendar values (date, time or both).
    public var isDateOrTime: Bool { self == .date || self == .time || self == .dateTime }
}

/// Classifies number formats: Excel's built-in format ids and custom format codes.
public enum NumberFormat {
    /// The class of a built-in format id (ECMA-376 Part 1, 18.8.30), or nil
    /// when the id has no built-in meaning (an id from 164 on must be defined
    /// in the styles part).
    ///
    /// 27–36 and 50–58 are the CJK-locale date formats; Excel shows them as
    /// dates, so they read as dates.
    public static func builtIn(_ id: Int) -> NumberFormatClass? {
        switch id {
        case 0...8, 11, 12, 13, 37...44, 48: return .plain
        case 9, 10: return .percent
        case 14...17, 27...36, 50...58: return .date
        case 18...21, 45, 47: return .time
        case 22: return .dateTime
        case 46: return .duration
        case 49: return .text
        default: return nil
        }
    }

    /// Classifies a custom format code such as `DD.MM.YYYY`, `[h]:mm`,
    /// `#,##0.00 "€"` or `[$-407]MMMM YYYY`.
    ///
    /// Only the first section counts (up to the first unquoted `;`). Quoted
    /// text, the character after `\`, `_` or `*`, and bracketed parts are
    /// skipped; the first decisive token wins: an elapsed bracket `[h]`,
    /// `[mm]`, `[ss]` means duration, any of `d m h y s` or `A/P`, `AM/PM`
    /// means date or time. This is how Excel, LibreOffice and calamine decide
    /// which numbers are dates.
    public static func classify(code: String) -> NumberFormatClass {
        let bytes = Array(code.utf8)
        var i = 0
        var isDateTime = false
        var hasDate = false, hasTime = false, hasPercent = false, hasDigits = false
        var lastLetter: UInt8 = 0
        var pendingMinute: [Bool] = [] // per ambiguous `m`: decided by neighbours
        var mIndexes: [Int] = []
        var letters: [UInt8] = []
        if code.isEmpty { return .plain }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: ";"):
                i = bytes.count
                continue
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") { i += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                i += 1
            case UInt8(ascii: "["):
                var j = i + 1
                while j < bytes.count && bytes[j] != UInt8(ascii: "]") { j += 1 }
                let inside = bytes[min(i + 1, bytes.count)..<min(j, bytes.count)].map { $0 | 0x20 }
                if !isDateTime && !inside.isEmpty,
                   let first = inside.first, [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(first),
                   inside.allSatisfy({ $0 == first }), j < bytes.count {
                    return .duration
                }
                i = j
            case UInt8(ascii: "%"):
                hasPercent = true
            case UInt8(ascii: "0"), UInt8(ascii: "#"), UInt8(ascii: "?"):
                hasDigits = true
            case UInt8(ascii: "@"):
                if !isDateTime && !hasDigits { return .text }
            default:
                let lower = b | 0x20
                switch lower {
                case UInt8(ascii: "d"), UInt8(ascii: "y"):
                    isDateTime = true; hasDate = true; letters.append(lower)
                case UInt8(ascii: "h"), UInt8(ascii: "s"):
                    isDateTime = true; hasTime = true; letters.append(lower)
                case UInt8(ascii: "m"):
                    isDateTime = true
                    if lastLetter != UInt8(ascii: "m") {
                        mIndexes.append(letters.count)
                        pendingMinute.append(false)
                    }
                    letters.append(lower)
                case UInt8(ascii: "a"):
                    if matches(bytes, at: i, "am/pm") || matches(bytes, at: i, "a/p") {
                        isDateTime = true; hasTime = true
                        i += matches(bytes, at: i, "am/pm") ? 4 : 2
                    }
                default:
                    break
                }
                lastLetter = lower
                i += 1
                continue
            }
            lastLetter = 0
            i += 1
        }
        guard isDateTime else { return hasPercent ? .percent : .plain }
        // An `m` is minutes when it follows an hour or precedes seconds.
        for (k, at) in mIndexes.enumerated() {
            var before: UInt8 = 0, after: UInt8 = 0
            var p = at - 1
            while p >= 0 && letters[p] == UInt8(ascii: "m") { p -= 1 }
            if p >= 0 { before = letters[p] }
            var q = at
            while q < letters.count && letters[q] == UInt8(ascii: "m") { q += 1 }
            if q < letters.count { after = letters[q] }
            pendingMinute[k] = before == UInt8(ascii: "h") || after == UInt8(ascii: "s")
            if pendingMinute[k] { hasTime = true } else { hasDate = true }
        }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (false, true): return .time
        default: return .date
        }
    }

    private static func matches(_ bytes: [UInt8], at i: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count else { return false }
        for k in 0..<w.count where bytes[i + k] | 0x20 != w[k] && !(w[k] == UInt8(ascii: "/") && bytes[i + k] == w[k]) {
            return false
        }
        return true
    }

    /// The value a stored number shows as under a format of this class, in
    /// the given date system: dates, times and durations become calendar
    /// values, everything else stays a number.
    public static func value(of number: Double, formatClass: NumberFormatClass, dateSystem: DateSystem) -> CellValue {
        switch formatClass {
        case .date, .time, .dateTime:
            return DateSerial.value(serial: number, system: dateSystem)
        case .duration:
            return number.isFinite ? .duration(seconds: number * 86_400) : .number(number)
        default:
            return .number(number)
        }
    }
}
