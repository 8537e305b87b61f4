/// Where a goal stands (issue 23, item 5): the current city value of its
/// indicator and category against the baseline and the target.
///
/// The baseline is the value observed in the baseline year when the store
/// has it — progress measured from a catalogue figure that disagrees with
/// the data gets even its sign wrong — and the catalogue's baseline only
/// otherwise. Progress is the share of the way covered, positive for an
/// improvement whichever way the indicator counts as better.
public struct GoalProgress: Sendable, Equatable {
    public var goal: Goal
    public var year: Int
    public var baseline: Double
    /// Whether `baseline` was observed (else it is the catalogue's).
    public var baselineObserved: Bool
    /// The observed baseline differs from the catalogue's by more than the catalogue's tolerance.
    public var baselineDiffers: Bool
    public var current: Double?
    /// Share of the way from baseline to target covered, in percent; positive = better.
    public var progress: Double?
    /// The value the straight path from baseline to target asks for in `year`.
    public var pathValue: Double
    /// At least as good as the straight path.
    public var onTrack: Bool?
    /// The city value's trend over the years up to `year`.
    public var trend: TrendEstimate
    /// The value the trend projects for the target year, with its 90 % interval.
    public var projected: Double?
    public var projectedInterval: RateInterval?

    public init(goal: Goal, year: Int, values: IndicatorValues, years: [Int]) {
        self.goal = goal
        self.year = year
        let indicator = values.catalogue.indicator(goal.indicator)
        let observed = indicator.flatMap { values.city($0, goal.baselineYear, goal.category) }
        baseline = observed ?? goal.baselineValue
        baselineObserved = observed != nil
        baselineDiffers = observed.map { abs($0 - goal.baselineValue) > values.catalogue.assessment.baselineTolerance } ?? false
        let span = Double(goal.targetYear - goal.baselineYear)
        let elapsed = min(max(Double(year - goal.baselineYear), 0), span)
        pathValue = baseline + (goal.targetValue - baseline) * (span > 0 ? elapsed / span : 1)
        let series = indicator.map { i in years.filter { $0 <= year }.compactMap { y in values.city(i, y, goal.category).map { (year: y, value: $0) } } } ?? []
        trend = TrendEstimate(series)
        if let p = trend.projection(to: goal.targetYear) {
            projected = p.value
            projectedInterval = p.interval
        }
        guard let indicator, let value = values.city(indicator, year, goal.category) else { return }
        current = value
        let better = Self.betterSign(indicator.direction, baseline: baseline, target: goal.targetValue)
        let way = better * (goal.targetValue - baseline)
        progress = way > 0 ? better * (value - baseline) / way * 100 : nil
        onTrack = better * (value - pathValue) >= 0
    }

    /// +1 where higher is better, −1 where higher is worse; for a neutral
    /// indicator the goal's own direction (from baseline to target).
    static func betterSign(_ direction: Direction, baseline: Double, target: Double) -> Double {
        switch direction {
        case .higherIsBetter: return 1
        case .higherIsWorse: return -1
        case .neutral: return target >= baseline ? 1 : -1
        }
    }
}
