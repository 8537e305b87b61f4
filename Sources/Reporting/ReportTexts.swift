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

    static func trend(_ t: TrendEstimate, _ l: Language) -> String {
        switch t.direction {
        case .rising: return l("steigend", "rising")
        case .falling: return l("fallend", "falling")
        case .noClearDirection: return l("ohne klare Richtung", "no clear direction")
        case .tooShort: return l("zu kurze Zeitreihe", "series too short")
        }
    }

    /// "1 hoch" … "4 sehr niedrig", MSS's status classes.
    static func statusClass(_ c: StatusDynamics.StatusClass, _ l: Language) -> String {
        switch c {
        case .high: return l("1 hoch", "1 high")
        case .medium: return l("2 mittel", "2 medium")
        case .low: return l("3 niedrig", "3 low")
        case .veryLow: return l("4 sehr niedrig", "4 very low")
        }
    }

    /// "1 positiv" … "3 negativ"; no dynamics is "keine Angabe".
    static func dynamicsClass(_ c: StatusDynamics.DynamicsClass?, _ l: Language) -> String {
        switch c {
        case .positive: return l("1 positiv", "1 positive")
        case .stable: return l("2 stabil", "2 stable")
        case .negative: return l("3 negativ", "3 negative")
        case nil: return l("keine Angabe", "no data")
        }
    }

    /// The unit of a change: points for rates, the unit itself for euro and index, nothing for counts.
    static func changeUnit(_ indicator: Indicator, _ l: Language) -> String {
        switch indicator.unit {
        case .percent: return " " + l("Prozentpunkte", "percentage points")
        case .perThousand: return " " + l("Promillepunkte", "per-mille points")
        case .count: return ""
        case .euro, .index: return " " + unit(indicator, l)
        }
    }

    /// What the assessment column says for a district.
    static func verdict(_ v: DistrictComparison.Verdict, _ l: Language) -> String {
        switch v {
        case .marked: return "●"
        case .uncertain: return l("statistisch unsicher", "statistically uncertain")
        case .unremarkable: return ""
        case .notAssessed(.smallPopulation): return l("n. b. (Einwohner)", "n. a. (population)")
        case .notAssessed(.smallDenominator): return l("n. b. (Nenner)", "n. a. (denominator)")
        case .notAssessed(.noValue): return l("n. b. (keine Angabe)", "n. a. (no data)")
        case .notAssessed(.suppressed): return l("n. b. (gesperrt)", "n. a. (suppressed)")
        }
    }

    /// The indicator's direction in words.
    static func direction(_ d: Direction, _ l: Language) -> String {
        switch d {
        case .higherIsBetter: return l("höher ist besser", "higher is better")
        case .higherIsWorse: return l("höher ist schlechter", "higher is worse")
        case .neutral: return l("neutral (keine Bewertung)", "neutral (not assessed)")
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
