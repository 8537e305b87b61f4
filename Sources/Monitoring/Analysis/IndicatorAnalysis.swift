/// The situation of one indicator and category in a year: the city value,
/// each district's value and change on the previous year, the city trend,
/// and — for the category the catalogue assesses of a compared rate — the
/// comparison of the districts: index (city = 100), z-score, rank and the
/// verdict with its interval. Counts follow a district's size: they are
/// shown, summed and trended, never compared.
public struct IndicatorAnalysis: Sendable {
    public struct DistrictFigure: Sendable, Equatable {
        public var district: String
        public var value: Double
        /// Value ÷ city value × 100, for rates (not for counts).
        public var index: Double?
        /// Standard deviations from the unweighted mean of the districts assessed (assessed category of compared rates).
        public var z: Double?
        /// 1 is the most favourable district assessed (assessed category of compared rates).
        public var rank: Int?
        /// On the previous year, in the indicator's unit (percentage or per-mille points for rates).
        public var change: Double?
        /// On the previous year, relative (counts only).
        public var relativeChange: Double?
        /// The comparison with the city (assessed category of compared rates).
        public var comparison: DistrictComparison?

        /// Marked: unfavourable, significantly and relevantly.
        public var marked: Bool { comparison?.isMarked == true }
    }

    public var indicator: Indicator
    public var category: String
    public var year: Int
    public var cityValue: Double?
    public var cityChange: Double?
    public var districts: [DistrictFigure]
    /// The comparison of the districts, when this is the assessed category of a compared rate.
    public var assessment: RateAssessment?
    /// The city value's trend over the years available up to `year`.
    public var trend: TrendEstimate

    /// Computes the figures from the observed values. Districts in
    /// `excluded` (their value is suppressed as too small to publish) are
    /// not shown and not assessed.
    public init(indicator: Indicator, category: String, year: Int, values: IndicatorValues, years: [Int],
                participation: Participation? = nil, excluded: Set<String> = []) {
        self.indicator = indicator
        self.category = category
        self.year = year
        let city = values.city(indicator, year, category)
        cityValue = city
        if let city, let previousCity = values.city(indicator, year - 1, category) { cityChange = city - previousCity }
        let participation = participation ?? Participation(catalogue: values.catalogue, values: values, year: year)
        let assessment = values.catalogue.assessment.rule(for: indicator).category == category
            ? RateAssessment(indicator: indicator, year: year, values: values, participation: participation, suppressed: excluded) : nil
        self.assessment = assessment
        var raw: [(String, Double)] = []
        if indicator.level == .districts {
            for d in values.catalogue.districts where !excluded.contains(d.number) {
                if let v = values.district(indicator, year, d.number, category) { raw.append((d.number, v)) }
            }
        }
        // z-scores and ranks among the districts assessed, as the status index uses them.
        var assessed: [String: Double] = [:]
        for c in assessment?.districts ?? [] where c.verdict.isAssessed { assessed[c.district] = c.value }
        let z = StatusDynamics.standardised(assessed)
        let sign: Double = indicator.direction == .higherIsWorse ? -1 : 1
        var ranks: [String: Int] = [:]
        for (n, item) in assessed.sorted(by: { (sign * $0.value, $1.key) > (sign * $1.value, $0.key) }).enumerated() { ranks[item.key] = n + 1 }
        districts = raw.map { district, value in
            let previous = values.district(indicator, year - 1, district, category)
            return DistrictFigure(district: district, value: value,
                                  index: indicator.unit.isRate ? city.flatMap { $0 != 0 ? value / $0 * 100 : nil } : nil,
                                  z: z[district], rank: ranks[district], change: previous.map { value - $0 },
                                  relativeChange: indicator.unit == .count ? previous.flatMap { $0 > 0 ? (value - $0) / $0 : nil } : nil,
                                  comparison: assessment?.comparison(district))
        }
        trend = TrendEstimate(years.filter { $0 <= year }.compactMap { y in values.city(indicator, y, category).map { (year: y, value: $0) } })
    }
}
