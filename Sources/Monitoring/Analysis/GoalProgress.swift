/// Where a goal stands: the current city value of its indicator and
/// category against baseline and target, and whether the straight path
/// from baseline to target is being kept.
public struct GoalProgress: Sendable, Equatable {
    public var goal: Goal
    public var year: Int
    public var current: Double?
    /// Share of the way from baseline to target covered, in percent.
    public var progress: Double?
    /// The value the straight path asks for in `year`.
    public var pathValue: Double
    public var onTrack: Bool?

    public init(goal: Goal, year: Int, values: IndicatorValues) {
        self.goal = goal
        self.year = year
        let span = Double(goal.targetYear - goal.baselineYear)
        let elapsed = min(max(Double(year - goal.baselineYear), 0), span)
        pathValue = goal.baselineValue + (goal.targetValue - goal.baselineValue) * (span > 0 ? elapsed / span : 1)
        guard let indicator = values.catalogue.indicator(goal.indicator),
              let value = values.city(indicator, year, goal.category) else { return }
        current = value
        let distance = goal.targetValue - goal.baselineValue
        progress = distance != 0 ? (value - goal.baselineValue) / distance * 100 : nil
        onTrack = distance >= 0 ? value >= pathValue : value <= pathValue
    }
}
