/// A number format that both writers can express: XLSX as a format code,
/// ODS as a data style (ODF 1.2 Part 1, 16.27).
public enum NumberFormatStyle: Hashable, Sendable {
    /// Excel's and LibreOffice's default.
    case general
    /// Fixed decimals, optionally with thousands separators (`#,##0.00`).
    case number(decimals: Int, grouping: Bool)
    /// A percent with fixed decimals (`0.0 %`): 0.125 shows as 12.5 %.
    case percent(decimals: Int)
    /// Dates, times and date-times from a pattern of parts.
    case dateTime([DatePart])
    /// Elapsed time `[h]:mm:ss`: hours keep counting past 24.
    case duration
    /// Everything shown as text (`@`).
    case text

    /// One part of a date or time pattern.
    public enum DatePart: Hashable, Sendable {
        case day, day2, month, month2, monthName, year2, year4, hour, hour2, minute2, second2
        case literal(String)
    }

    /// `24.05.2005`
    public static let germanDate = NumberFormatStyle.dateTime([.day2, .literal("."), .month2, .literal("."), .year4])
    /// `24.05.2005 13:45`
    public static let germanDateTime = NumberFormatStyle.dateTime([
        .day2, .literal("."), .month2, .literal("."), .year4, .literal(" "), .hour2, .literal(":"), .minute2])
    /// `2005-05-24`
    public static let isoDate = NumberFormatStyle.dateTime([.year4, .literal("-"), .month2, .literal("-"), .day2])
    /// `2005-05-24 13:45:00`
    public static let isoDateTime = NumberFormatStyle.dateTime([
        .year4, .literal("-"), .month2, .literal("-"), .day2, .literal(" "), .hour2, .literal(":"), .minute2,
        .literal(":"), .second2])
    /// `13:45:00`
    public static let timeOfDay = NumberFormatStyle.dateTime([.hour2, .literal(":"), .minute2, .literal(":"), .second2])

    /// The Excel format code (ECMA-376 Part 1, 18.8.31).
    public var excelCode: String {
        switch self {
        case .general: return "General"
        case .number(let decimals, let grouping):
            return (grouping ? "#,##0" : "0") + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
        case .percent(let decimals):
            return "0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") + "%"
        case .dateTime(let parts):
            return parts.map { part -> String in
                switch part {
                case .day: return "d"
                case .day2: return "dd"
                case .month: return "m"
                case .month2: return "mm"
                case .monthName: return "mmmm"
                case .year2: return "yy"
                case .year4: return "yyyy"
                case .hour: return "h"
                case .hour2: return "hh"
                case .minute2: return "mm"
                case .second2: return "ss"
                case .literal(let text):
                    return text.allSatisfy({ ".-/: ,".contains($0) }) ? text : "\"" + text.replacingQuotes() + "\""
                }
            }.joined()
        case .duration: return "[h]:mm:ss"
        case .text: return "@"
        }
    }

    /// The class of values this format shows.
    public var formatClass: NumberFormatClass {
        switch self {
        case .general, .number: return .plain
        case .percent: return .percent
        case .duration: return .duration
        case .text: return .text
        case .dateTime(let parts):
            let hasDate = parts.contains { [.day, .day2, .month, .month2, .monthName, .year2, .year4].contains($0) }
            let hasTime = parts.contains { [.hour, .hour2, .minute2, .second2].contains($0) }
            return hasDate && hasTime ? .dateTime : hasTime ? .time : .date
        }
    }
}

extension String {
    func replacingQuotes() -> String { String(self.filter { $0 != "\"" }) }
}
