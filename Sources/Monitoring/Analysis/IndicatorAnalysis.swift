/// The situation of one indicator and category in a year: the city value,
/// each district's value, index (city = 100), z-score, rank, change on the
/// previous year, whether it stands out unfavourably, and the city trend.
public struct IndicatorAnalysis: Sendable {
    public struct DistrictFigure: Sendable, Equatable {
        public var district: String
        public var value: Double
        /// Value ÷ city value × 100, for rates and other levels (not for counts).
        public var index: Double?
        /// Standard deviations from the districts' mean.
        public var z: Double?
        /// 1 is the most favourable district (by the indicator's direction; the highest for neutral ones).
        public var rank: Int
        /// On the previous year: absolute (percentage points for rates).
        public var change: Double?
        /// On the previous year, relative (counts only).
        public var relativeChange: Double?
        /// Unfavourable by at least `IndicatorAnalysis.flagThreshold` standard deviations.
        public var flagged: Bool
    }

    public enum Trend: String, Sendable {
        case rising, falling, stable
    }

    /// A district is flagged when it lies at least this many standard
    /// deviations on the unfavourable side of the districts' mean.
    public static let flagThreshold = 1.0
    /// A trend is stable while the least-squares slope moves less than this
    /// share of the mean level per year.
    public static let stableSlope = 0.01

    public var indicator: Indicator
    public var category: String
    public var year: Int
    public var cityValue: Double?
    public var cityChange: Double?
    public var districts: [DistrictFigure]
    /// Least-squares slope per year of the city value over the years available up to `year`.
    public var slope: Double?
    public var trend: Trend?

    /// Computes the figures from the observed values. Districts in
    /// `excluded` (their value is suppressed as too small to publish) take
    /// no part in the comparison: a rate on a handful of cases says little.
    public init(indicator: Indicator, category: String, year: Int, values: IndicatorValues, years: [Int], excluded: Set<String> = []) {
        self.indicator = indicator
        self.category = category
        self.year = year
        let city = values.city(indicator, year, category)
        cityValue = city
        let previousCity = values.city(indicator, year - 1, category)
        if let city, let previousCity { cityChange = city - previousCity }
        var raw: [(String, Double)] = []
        if indicator.level == .districts {
            for d in values.catalogue.districts where !excluded.contains(d.number) {
                if let v = values.district(indicator, year, d.number, category) { raw.append((d.number, v)) }
            }
        }
        let numbers = raw.map(\.1)
        let mean = numbers.isEmpty ? 0 : numbers.reduce(0, +) / Double(numbers.count)
        let variance = numbers.isEmpty ? 0 : numbers.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(numbers.count)
        let sd = variance.squareRoot()
        let sign: Double = indicator.direction == .higherIsWorse ? -1 : 1
        let order = raw.sorted { sign * $0.1 > sign * $1.1 }
        var ranks: [String: Int] = [:]
        for (n, item) in order.enumerated() { ranks[item.0] = n + 1 }
        districts = raw.map { district, value in
            let z = sd > 0 ? (value - mean) / sd : nil
            let previous = values.district(indicator, year - 1, district, category)
            let change = previous.map { value - $0 }
            let relative = indicator.unit == .count ? previous.flatMap { $0 > 0 ? (value - $0) / $0 : nil } : nil
            let unfavourable: Bool
            switch indicator.direction {
            case .higherIsWorse: unfavourable = (z ?? 0) >= IndicatorAnalysis.flagThreshold
            case .higherIsBetter: unfavourable = (z ?? 0) <= -IndicatorAnalysis.flagThreshold
            case .neutral: unfavourable = false
            }
            // An index compares levels: for counts, which follow the district's size, it would say nothing.
            let index = indicator.unit == .count ? nil : city.flatMap { $0 != 0 ? value / $0 * 100 : nil }
            return DistrictFigure(district: district, value: value, index: index,
                                  z: z, rank: ranks[district] ?? 0, change: change, relativeChange: relative, flagged: unfavourable)
        }
        // Trend of the city value over the years up to this one.
        let series = years.filter { $0 <= year }.compactMap { y in values.city(indicator, y, category).map { (Double(y), $0) } }
        if series.count >= 2 {
            let mx = series.map(\.0).reduce(0, +) / Double(series.count)
            let my = series.map(\.1).reduce(0, +) / Double(series.count)
            let sxx = series.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
            let sxy = series.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
            let b = sxx > 0 ? sxy / sxx : 0
            slope = b
            let relative = my != 0 ? b / abs(my) : 0
            trend = abs(relative) < IndicatorAnalysis.stableSlope ? .stable : (b > 0 ? .rising : .falling)
        }
    }
}
