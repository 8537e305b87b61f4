import Monitoring
import Spreadsheet

/// Numbers and words as the report shows them, in German conventions by default.
enum ReportTexts {
    static func number(_ value: Double?, decimals: Int, language: Language) -> String {
        guard let value else { return "–" }
        let factor = pow10(decimals)
        let rounded = (value * factor).rounded() / factor
        var text = NumberText.shortest(abs(rounded))
        if decimals > 0 {
            if !text.contains(".") { text += "." }
            let digits = text.split(separator: ".", omittingEmptySubsequences: false)
            let frac = String(digits.count > 1 ? digits[1] : "")
            text = String(digits[0]) + "." + frac + String(repeating: "0", count: max(0, decimals - frac.count))
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var integer = parts[0]
        var grouped = ""
        while integer.count > 3 {
            grouped = (language == .de ? "." : ",") + String(integer.suffix(3)) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        let sign = rounded < 0 ? "−" : ""
        return sign + grouped + (parts.count > 1 && decimals > 0 ? (language == .de ? "," : ".") + parts[1] : "")
    }

    /// A published figure as a spreadsheet cell: the number, or its marker as text.
    static func cell(_ figure: Figure) -> CellValue {
        figure.number.map(CellValue.number) ?? .string(figure.marker == "-" ? "–" : figure.marker ?? "–")
    }

    /// A published figure as text.
    static func figure(_ figure: Figure, decimals: Int, language: Language) -> String {
        figure.number.map { number($0, decimals: decimals, language: language) } ?? (figure.marker == "-" ? "–" : figure.marker ?? "–")
    }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }

    static func decimals(_ indicator: Indicator) -> Int { indicator.unit == .count ? 0 : 1 }

    static func trend(_ t: IndicatorAnalysis.Trend?, _ l: Language) -> String {
        switch t {
        case .rising: return l("steigend", "rising")
        case .falling: return l("fallend", "falling")
        case .stable: return l("stabil", "stable")
        case nil: return "–"
        }
    }

    static func unit(_ indicator: Indicator, _ l: Language) -> String {
        switch indicator.unit {
        case .count: return l("Anzahl", "count")
        case .percent: return "%"
        case .perThousand: return l("je 1 000", "per 1,000")
        case .euro: return "€"
        case .index: return "Index"
        }
    }
}
