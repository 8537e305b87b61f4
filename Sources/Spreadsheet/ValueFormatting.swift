extension CellValue {
    /// The number format a value needs to show as what it is when its style
    /// names none: dates, times and durations are numbers in XLSX and need a
    /// data style in ODS (ISO forms, readable in every locale).
    public var defaultNumberFormat: NumberFormatStyle? {
        switch self {
        case .date: return .isoDate
        case .dateTime: return .isoDateTime
        case .time: return .timeOfDay
        case .duration: return .duration
        default: return nil
        }
    }
}

extension CellStyle {
    /// The style a writer applies to `value`: this one, or the default with
    /// the number format the value needs when none fits.
    public static func effective(_ style: CellStyle?, for value: CellValue) -> CellStyle? {
        guard let needed = value.defaultNumberFormat else { return style }
        if let style {
            switch (style.numberFormat, value) {
            case (.general, _), (.number, _), (.percent, _), (.text, _): return style.with(needed)
            case (.duration, .duration), (.dateTime, .date), (.dateTime, .dateTime), (.dateTime, .time): return style
            default: return style.with(needed)
            }
        }
        return CellStyle.plain.with(needed)
    }
}
