/// The comparison of the districts on one rate in one year, for the
/// category the catalogue assesses or its gap to a reference category
/// (issue 23, items 1 and 2): each district
/// that takes part and whose denominator reaches the minimum gets a 95 %
/// interval and a verdict against the city value (the ratio of the city's
/// sums, so every district is compared with the same reference).
public struct RateAssessment: Sendable, Equatable {
    public var indicator: Indicator
    /// The category assessed (for a gap, the first of the two).
    public var category: String
    public var year: Int
    public var cityValue: Double?
    public var rule: AssessmentSettings.Rule
    public var districts: [DistrictComparison]

    /// Nil for an indicator that is not compared (counts, neutral rates, city-only figures).
    /// Districts in `suppressed` are not assessed: a mark would tell about a figure that is not published.
    public init?(indicator: Indicator, year: Int, values: IndicatorValues, participation: Participation, suppressed: Set<String> = []) {
        guard AssessmentSettings.isCompared(indicator) else { return nil }
        let catalogue = values.catalogue
        let rule = catalogue.assessment.rule(for: indicator)
        self.indicator = indicator
        self.rule = rule
        category = rule.category
        self.year = year
        // For a gap (`nichtdeutsch − deutsch`) the city value is the gap of the city rates.
        var city = values.city(indicator, year, rule.category)
        if let reference = rule.reference { city = city.flatMap { c in values.city(indicator, year, reference).map { c - $0 } } }
        cityValue = city
        let scale = indicator.unit.scale
        districts = catalogue.districts.map { d in
            guard participation.takesPart(d.number) else { return DistrictComparison(district: d.number, verdict: .notAssessed(.smallPopulation)) }
            guard let (n, den) = values.fraction(indicator, year, d.number, rule.category), let city else {
                return DistrictComparison(district: d.number, verdict: .notAssessed(.noValue))
            }
            var other: (numerator: Double, denominator: Double)?
            if let reference = rule.reference {
                guard let f = values.fraction(indicator, year, d.number, reference) else {
                    return DistrictComparison(district: d.number, verdict: .notAssessed(.noValue))
                }
                other = f
            }
            let value = n / den * scale - (other.map { $0.numerator / $0.denominator * scale } ?? 0)
            guard !suppressed.contains(d.number) else {
                return DistrictComparison(district: d.number, verdict: .notAssessed(.suppressed))
            }
            guard den >= rule.minimumDenominator, (other?.denominator ?? den) >= rule.minimumDenominator else {
                return DistrictComparison(district: d.number, value: value, numerator: n, denominator: den, verdict: .notAssessed(.smallDenominator))
            }
            guard var interval = RateInterval.forRate(indicator.unit, numerator: n, denominator: den) else {
                return DistrictComparison(district: d.number, value: value, numerator: n, denominator: den, verdict: .notAssessed(.noValue))
            }
            if let other {
                guard let second = RateInterval.forRate(indicator.unit, numerator: other.numerator, denominator: other.denominator) else {
                    return DistrictComparison(district: d.number, value: value, numerator: n, denominator: den, verdict: .notAssessed(.noValue))
                }
                interval = RateInterval.difference(n / den * scale, interval, minus: other.numerator / other.denominator * scale, second)
            }
            let verdict = DistrictComparison.judge(interval: interval, value: value, city: city, direction: indicator.direction,
                                                   relevantDistance: rule.relevantDistance)
            return DistrictComparison(district: d.number, value: value, numerator: n, denominator: den, interval: interval,
                                      difference: value - city, verdict: verdict)
        }
    }

    public func comparison(_ district: String) -> DistrictComparison? { districts.first { $0.district == district } }

    /// The districts marked.
    public var marked: [String] { districts.filter(\.isMarked).map(\.district) }
}
