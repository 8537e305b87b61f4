/// How one district's rate compares with the city's, for the category the
/// catalogue assesses: its value with numerator, denominator and 95 %
/// interval, and the verdict.
public struct DistrictComparison: Sendable, Equatable {
    public enum Verdict: Sendable, Equatable {
        /// The interval lies entirely on the unfavourable side of the city value
        /// and the difference reaches the relevant distance.
        case marked
        /// Unfavourable by at least the relevant distance, but the interval
        /// contains the city value: not to be read as a finding.
        case uncertain
        /// Assessed, and neither significantly nor relevantly unfavourable.
        case unremarkable
        case notAssessed(Reason)

        public var isAssessed: Bool {
            if case .notAssessed = self { return false }
            return true
        }
    }

    /// Why a district's rate is not assessed.
    public enum Reason: String, Sendable, Equatable {
        /// The district's population is below the catalogue's minimum.
        case smallPopulation
        /// The rate's denominator is below the indicator's minimum denominator.
        case smallDenominator
        /// No value (numerator or denominator missing).
        case noValue
        /// The value is not published.
        case suppressed
    }

    public var district: String
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var interval: RateInterval?
    /// Value minus city value, in the rate's unit.
    public var difference: Double?
    public var verdict: Verdict

    public var isMarked: Bool { verdict == .marked }

    public init(district: String, value: Double? = nil, numerator: Double? = nil, denominator: Double? = nil,
                interval: RateInterval? = nil, difference: Double? = nil, verdict: Verdict) {
        self.district = district
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.interval = interval
        self.difference = difference
        self.verdict = verdict
    }

    /// The verdict on a district's rate against the city value. Unfavourable
    /// means above the city where higher is worse, below where higher is better.
    public static func judge(interval: RateInterval, value: Double, city: Double, direction: Direction, relevantDistance: Double) -> Verdict {
        let worse: Double
        let significant: Bool
        switch direction {
        case .higherIsWorse:
            worse = value - city
            significant = interval.lower > city
        case .higherIsBetter:
            worse = city - value
            significant = interval.upper < city
        case .neutral:
            return .unremarkable
        }
        guard worse >= relevantDistance else { return .unremarkable }
        return significant ? .marked : .uncertain
    }
}
