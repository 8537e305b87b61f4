/// A confidence interval for a rate, in the rate's unit (percent, per 1 000).
///
/// Shares (unit percent: the numerator counts members of the denominator)
/// get the exact Clopper–Pearson interval of a binomial proportion; rates of
/// events per 1 000 (naturalisations, help cases) get the exact Poisson
/// interval of the numerator (Garwood 1936), divided by the denominator.
/// Both are exact, never shorter than the nominal level, and stay inside
/// the possible range with few cases — where a normal approximation fails.
public struct RateInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The confidence level of every interval the report shows (95 %).
    public static let level = 0.95

    /// Clopper–Pearson interval for `cases` of `total`, times `scale`.
    /// Nil when the counts cannot be a share (no total, or more cases than total).
    public static func share(cases: Double, of total: Double, level: Double = level, scale: Double = 100) -> RateInterval? {
        guard total > 0, cases >= 0, cases <= total, cases == cases.rounded(), total == total.rounded() else { return nil }
        let alpha = 1 - level
        let lower = cases == 0 ? 0 : Distributions.betaQuantile(alpha / 2, cases, total - cases + 1)
        let upper = cases == total ? 1 : Distributions.betaQuantile(1 - alpha / 2, cases + 1, total - cases)
        return RateInterval(lower: lower * scale, upper: upper * scale)
    }

    /// Exact Poisson interval for `events` over the exposure `population`, times `scale`:
    /// the χ² quantiles χ²(α/2; 2k)/2 and χ²(1 − α/2; 2k + 2)/2, as gamma quantiles.
    public static func events(_ events: Double, per population: Double, level: Double = level, scale: Double = 1000) -> RateInterval? {
        guard population > 0, events >= 0, events == events.rounded() else { return nil }
        let alpha = 1 - level
        let lower = events == 0 ? 0 : Distributions.gammaQuantile(alpha / 2, events)
        let upper = Distributions.gammaQuantile(1 - alpha / 2, events + 1)
        return RateInterval(lower: lower / population * scale, upper: upper / population * scale)
    }

    /// The interval the indicator's unit calls for.
    public static func forRate(_ unit: IndicatorUnit, numerator: Double, denominator: Double) -> RateInterval? {
        switch unit {
        case .percent: return share(cases: numerator, of: denominator, scale: unit.scale)
        case .perThousand: return events(numerator, per: denominator, scale: unit.scale)
        default: return nil
        }
    }

    /// The interval of the difference of two independent rates, `a − b`, from
    /// their own intervals by the MOVER method (Newcombe 1998, method 10;
    /// Zou & Donner 2008): L = d − √((a − lₐ)² + (u_b − b)²), U = d + √((uₐ − a)² + (b − l_b)²).
    public static func difference(_ a: Double, _ ia: RateInterval, minus b: Double, _ ib: RateInterval) -> RateInterval {
        let d = a - b
        let below = ((a - ia.lower) * (a - ia.lower) + (ib.upper - b) * (ib.upper - b)).squareRoot()
        let above = ((ia.upper - a) * (ia.upper - a) + (b - ib.lower) * (b - ib.lower)).squareRoot()
        return RateInterval(lower: d - below, upper: d + above)
    }

    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
