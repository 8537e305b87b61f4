/// The value of one cell, independent of the file format it was read from.
///
/// Dates and times are kept as calendar values (not serial numbers), so that
/// XLSX serials in either date system and ODS ISO strings read the same.
public enum CellValue: Hashable, Sendable {
    /// No value; an empty string reads as empty too.
    case empty
    case number(Double)
    case string(String)
    case bool(Bool)
    /// An error value with its text as stored (`#DIV/0!`, `#N/A`, `Err:502`).
    case error(String)
    /// A calendar date without a time of day.
    case date(CivilDate)
    /// A calendar date with a time of day.
    case dateTime(CivilDateTime)
    /// A time of day, in milliseconds after midnight (0 ..< 86 400 000).
    case time(milliseconds: Int)
    /// Elapsed time in seconds; may be negative or longer than a day.
    case duration(seconds: Double)

    /// Whether the cell holds no value.
    @inlinable public var isEmpty: Bool {
        switch self {
        case .empty: return true
        case .string(let s): return s.isEmpty
        default: return false
        }
    }

    /// The position of `kind` in `CellValueKind.allCases`.
    @inlinable public var kindIndex: Int {
        switch self {
        case .empty: return 0
        case .number: return 1
        case .string(let s): return s.isEmpty ? 0 : 2
        case .bool: return 3
        case .error: return 4
        case .date: return 5
        case .dateTime: return 6
        case .time: return 7
        case .duration: return 8
        }
    }

    /// The kind of value, for counting and reporting.
    public var kind: CellValueKind {
        switch self {
        case .empty: return .empty
        case .number: return .number
        case .string(let s): return s.isEmpty ? .empty : .string
        case .bool: return .bool
        case .error: return .error
        case .date: return .date
        case .dateTime: return .dateTime
        case .time: return .time
        case .duration: return .duration
        }
    }
}

/// The kinds of `CellValue`, in the order reports list them.
public enum CellValueKind: String, CaseIterable, Sendable, Codable {
    case empty, number, string, bool, error, date, dateTime = "datetime", time, duration
}
