/// What an indicator measures in.
public enum IndicatorUnit: String, CaseIterable, Sendable {
    case count = "Anzahl"
    case percent = "Prozent"
    case perThousand = "je 1000"
    case euro = "Euro"
    case index = "Index"

    /// Parses the German or English name.
    public init?(text: String) {
        let t = text.trimmed.lowercased()
        switch t {
        case "anzahl", "count": self = .count
        case "prozent", "percent", "%": self = .percent
        case "je 1000", "je 1 000", "per 1000", "per 1 000", "‰": self = .perThousand
        case "euro", "eur", "€": self = .euro
        case "index": self = .index
        default: return nil
        }
    }

    public var english: String {
        switch self {
        case .count: return "count"
        case .percent: return "percent"
        case .perThousand: return "per 1000"
        case .euro: return "euro"
        case .index: return "index"
        }
    }

    /// Rates are derived from two counts, never submitted.
    public var isRate: Bool { self == .percent || self == .perThousand }
    /// The factor a ratio of counts is multiplied by.
    public var scale: Double {
        switch self {
        case .percent: return 100
        case .perThousand: return 1000
        default: return 1
        }
    }
}

/// Which way of an indicator is good news.
public enum Direction: String, CaseIterable, Sendable {
    case higherIsBetter = "höher ist besser"
    case higherIsWorse = "höher ist schlechter"
    case neutral = "neutral"

    public init?(text: String) {
        switch text.trimmed.lowercased() {
        case "höher ist besser", "higher is better", "+": self = .higherIsBetter
        case "höher ist schlechter", "higher is worse", "-": self = .higherIsWorse
        case "neutral", "0", "": self = .neutral
        default: return nil
        }
    }

    public var english: String {
        switch self {
        case .higherIsBetter: return "higher is better"
        case .higherIsWorse: return "higher is worse"
        case .neutral: return "neutral"
        }
    }
}

/// Where an indicator is counted: per district, or only for the whole city
/// (the administration's own staff, say).
public enum SpatialLevel: String, CaseIterable, Sendable {
    case districts = "Stadtteile"
    case city = "Gesamtstadt"

    public init?(text: String) {
        switch text.trimmed.lowercased() {
        case "stadtteile", "districts", "": self = .districts
        case "gesamtstadt", "city": self = .city
        default: return nil
        }
    }
}

/// One indicator of the catalogue: submitted as counts per district and
/// breakdown category, or derived as a rate from two counted indicators.
public struct Indicator: Hashable, Sendable {
    public var code: String
    public var name: String
    /// The field of action's code, 1 … 7.
    public var field: Int
    /// The department that delivers it (for rates: that delivers the numerator).
    public var department: String
    public var unit: IndicatorUnit
    /// Breakdown categories, the first being the total when there are parts
    /// (`insgesamt; deutsch; nichtdeutsch`).
    public var categories: [String]
    /// The valid range of a value.
    public var minimum: Double?
    public var maximum: Double?
    public var direction: Direction
    /// Counts below this are not published (statistical confidentiality).
    public var minimumCases: Int
    public var source: String
    public var definition: String
    /// For rates: the counted indicators whose ratio this is.
    public var numerator: String?
    public var denominator: String?
    /// The denominator's category every category of the rate is divided by
    /// (`nichtdeutsch` for naturalisations per 1000 non-German residents);
    /// nil divides category by category.
    public var denominatorCategory: String?
    /// The year of the denominator relative to the numerator's: −1 where the
    /// definition divides by the population at the end of the previous year
    /// (naturalisations per 1 000 non-German inhabitants, P02).
    public var denominatorYearOffset: Int
    public var level: SpatialLevel

    public init(code: String, name: String, field: Int, department: String, unit: IndicatorUnit, categories: [String],
                minimum: Double? = 0, maximum: Double? = nil, direction: Direction = .neutral, minimumCases: Int = 3,
                source: String = "", definition: String = "", numerator: String? = nil, denominator: String? = nil,
                denominatorCategory: String? = nil, denominatorYearOffset: Int = 0, level: SpatialLevel = .districts) {
        self.code = code
        self.name = name
        self.field = field
        self.department = department
        self.unit = unit
        self.categories = categories
        self.minimum = minimum
        self.maximum = maximum
        self.direction = direction
        self.minimumCases = minimumCases
        self.source = source
        self.definition = definition
        self.numerator = numerator
        self.denominator = denominator
        self.denominatorCategory = denominatorCategory
        self.denominatorYearOffset = denominatorYearOffset
        self.level = level
    }

    /// Whether the indicator is derived from two others rather than submitted.
    public var isDerived: Bool { numerator != nil || denominator != nil }
    /// Whether the categories after the first are parts of the first (the total).
    public var hasTotal: Bool { categories.count > 1 && ["insgesamt", "total", "gesamt"].contains(categories[0].lowercased()) }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
