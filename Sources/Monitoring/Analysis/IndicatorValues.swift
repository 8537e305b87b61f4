/// The values of any indicator of a catalogue, submitted or derived, for a
/// district or the whole city.
///
/// The city value of a count is the sum of the districts (or the city row
/// where the indicator is counted for the city only); the city value of a
/// rate is the ratio of the city sums of its numerator and denominator,
/// never a mean of district rates.
public struct IndicatorValues: Sendable {
    public let catalogue: Catalogue
    public let table: ObservationTable

    public init(catalogue: Catalogue, table: ObservationTable) {
        self.catalogue = catalogue
        self.table = table
    }

    /// The value of `indicator` in `category` for a district, or nil when it is unknown.
    public func district(_ indicator: Indicator, _ year: Int, _ district: String, _ category: String) -> Double? {
        guard indicator.isDerived else { return table.value(indicator.code, year, district, category) }
        return fraction(indicator, year, district, category).map { $0.numerator / $0.denominator * indicator.unit.scale }
    }

    /// A rate's numerator and denominator for a district (the denominator of
    /// the year its definition asks for); nil unless both are known and the denominator is positive.
    public func fraction(_ rate: Indicator, _ year: Int, _ district: String, _ category: String) -> (numerator: Double, denominator: Double)? {
        guard let (n, d, dc) = parts(rate, category),
              let top = table.value(n.code, year, district, category),
              let bottom = table.value(d.code, year + rate.denominatorYearOffset, district, dc), bottom > 0 else { return nil }
        return (top, bottom)
    }

    /// The value for the whole city.
    public func city(_ indicator: Indicator, _ year: Int, _ category: String) -> Double? {
        guard indicator.isDerived else { return citySum(indicator, year, category) }
        return cityFraction(indicator, year, category).map { $0.numerator / $0.denominator * indicator.unit.scale }
    }

    /// A rate's summed numerator and denominator for the whole city.
    public func cityFraction(_ rate: Indicator, _ year: Int, _ category: String) -> (numerator: Double, denominator: Double)? {
        guard let (n, d, dc) = parts(rate, category), let top = citySum(n, year, category),
              let bottom = citySum(d, year + rate.denominatorYearOffset, dc), bottom > 0 else { return nil }
        return (top, bottom)
    }

    /// Sum over the districts; the city row for city-level indicators.
    public func citySum(_ indicator: Indicator, _ year: Int, _ category: String) -> Double? {
        if indicator.level == .city { return table.value(indicator.code, year, SubmissionValues.cityTotalKey, category) }
        let values = catalogue.districts.compactMap { table.value(indicator.code, year, $0.number, category) }
        guard !values.isEmpty else { return table.value(indicator.code, year, SubmissionValues.cityTotalKey, category) }
        return values.reduce(0, +)
    }

    /// Numerator, denominator and the denominator's category for a rate's category.
    private func parts(_ rate: Indicator, _ category: String) -> (Indicator, Indicator, String)? {
        guard let n = rate.numerator.flatMap(catalogue.indicator), let d = rate.denominator.flatMap(catalogue.indicator) else { return nil }
        let dc = rate.denominatorCategory ?? (d.categories.contains(category) ? category : d.categories.first ?? category)
        return (n, d, dc)
    }
}
