/// A prioritised strategic goal, followed through one indicator.
public struct Goal: Hashable, Sendable {
    public var field: Int
    public var statement: String
    public var indicator: String
    /// The breakdown category the goal speaks of (`nichtdeutsch`).
    public var category: String
    public var baselineYear: Int
    public var baselineValue: Double
    public var targetYear: Int
    public var targetValue: Double
    /// 1 is the highest.
    public var priority: Int
    public var active: Bool

    public init(field: Int, statement: String, indicator: String, category: String, baselineYear: Int, baselineValue: Double,
                targetYear: Int, targetValue: Double, priority: Int, active: Bool = true) {
        self.field = field
        self.statement = statement
        self.indicator = indicator
        self.category = category
        self.baselineYear = baselineYear
        self.baselineValue = baselineValue
        self.targetYear = targetYear
        self.targetValue = targetValue
        self.priority = priority
        self.active = active
    }

    /// At most this many goals may be active at once.
    public static let maximumActive = 5
}
