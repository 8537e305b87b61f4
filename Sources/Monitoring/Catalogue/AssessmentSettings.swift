/// How the situation analysis compares districts: which category of each
/// rate is assessed, which districts and rates are large enough to compare,
/// how far from the city a rate must lie to matter, and the class
/// boundaries of status and dynamics. Part of the catalogue, so that the
/// project group decides them and the report states them.
///
/// The defaults follow Berlin's Monitoring Soziale Stadtentwicklung (MSS):
/// areas under 300 inhabitants take no part; status classes at +1, −1 and
/// −1.5 standard deviations; dynamics over two years.
public struct AssessmentSettings: Sendable, Equatable {
    /// Per indicator (rates only): what is assessed and from what size on.
    public struct Rule: Sendable, Equatable {
        /// The breakdown category compared between districts.
        public var category: String
        /// When set, the gap `category − reference` is compared instead (`nichtdeutsch − deutsch`).
        public var reference: String?
        /// A district's rate is assessed only when its denominator (each, for a gap) reaches this.
        public var minimumDenominator: Double
        /// A district is marked only when its rate differs from the city by at least this, in the rate's unit.
        public var relevantDistance: Double

        public init(category: String, reference: String? = nil, minimumDenominator: Double, relevantDistance: Double) {
            self.category = category
            self.reference = reference
            self.minimumDenominator = minimumDenominator
            self.relevantDistance = relevantDistance
        }

        /// How the catalogue and the report write what is assessed: `nichtdeutsch` or `nichtdeutsch − deutsch`.
        public var label: String { reference.map { "\(category) − \($0)" } ?? category }

        /// Reads `nichtdeutsch` or `nichtdeutsch − deutsch` (also with a hyphen-minus).
        public static func parse(_ text: String) -> (category: String, reference: String?) {
            for separator in [" − ", " - ", " – "] {
                if let range = text.range(of: separator) {
                    return (String(text[..<range.lowerBound]).trimmed, String(text[range.upperBound...]).trimmed)
                }
            }
            return (text.trimmed, nil)
        }
    }

    /// The indicator whose value decides whether a district takes part in comparisons.
    public var populationIndicator: String
    public var populationCategory: String
    /// Districts with fewer inhabitants take no part in comparisons (MSS: 300).
    public var minimumPopulation: Double
    /// Rules set explicitly per indicator code; every other rate gets `defaultRule`.
    public var rules: [String: Rule]
    /// Per field of action: the rates its status and dynamics indexes use;
    /// a field not listed uses every rate of the field with a direction.
    public var indexRates: [Int: [String]]
    /// Status classes: above `statusHigh` 1 (hoch); down to `statusLow` 2 (mittel);
    /// down to `statusVeryLow` 3 (niedrig); below 4 (sehr niedrig). In standard deviations.
    public var statusHigh: Double
    public var statusLow: Double
    public var statusVeryLow: Double
    /// Dynamics compares the rates with the values this many years earlier.
    public var dynamicsYears: Int
    /// Dynamics within ± this many standard deviations is stable (class 2).
    public var stableBand: Double
    /// A goal's baseline in the catalogue that differs from the observed value by more than this is reported.
    public var baselineTolerance: Double

    /// The category assessed when an indicator has it: the integration question.
    public static let preferredCategory = "nichtdeutsch"
    /// The default minimum denominator of a rate.
    public static let defaultMinimumDenominator = 20.0
    /// The default relevant distance, in percentage points or per-mille points.
    public static let defaultRelevantDistance = 5.0

    public init(populationIndicator: String = "W01", populationCategory: String = "insgesamt", minimumPopulation: Double = 300,
                rules: [String: Rule] = [:], indexRates: [Int: [String]] = [:], statusHigh: Double = 1, statusLow: Double = -1,
                statusVeryLow: Double = -1.5, dynamicsYears: Int = 2, stableBand: Double = 1, baselineTolerance: Double = 0.5) {
        self.populationIndicator = populationIndicator
        self.populationCategory = populationCategory
        self.minimumPopulation = minimumPopulation
        self.rules = rules
        self.indexRates = indexRates
        self.statusHigh = statusHigh
        self.statusLow = statusLow
        self.statusVeryLow = statusVeryLow
        self.dynamicsYears = dynamicsYears
        self.stableBand = stableBand
        self.baselineTolerance = baselineTolerance
    }

    /// The rule for a rate: set explicitly, or the default (the preferred
    /// category where the rate has it, else its first category).
    public func rule(for indicator: Indicator) -> Rule {
        if let rule = rules[indicator.code] { return rule }
        let category = indicator.categories.contains(Self.preferredCategory) ? Self.preferredCategory : indicator.categories.first ?? ""
        return Rule(category: category, minimumDenominator: Self.defaultMinimumDenominator, relevantDistance: Self.defaultRelevantDistance)
    }

    /// Whether districts are compared on this indicator at all: rates with
    /// a direction, counted per district. Counts follow a district's size
    /// and are shown, summed and trended, never compared.
    public static func isCompared(_ indicator: Indicator) -> Bool {
        indicator.unit.isRate && indicator.isDerived && indicator.direction != .neutral && indicator.level == .districts
    }

    /// The rates a field's status and dynamics indexes use.
    public func indexRates(of field: Int, in catalogue: Catalogue) -> [Indicator] {
        if let codes = indexRates[field] { return codes.compactMap(catalogue.indicator).filter(Self.isCompared) }
        return catalogue.indicators.filter { $0.field == field && Self.isCompared($0) }
    }
}
