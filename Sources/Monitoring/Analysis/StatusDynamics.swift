/// Status and dynamics of each district within a field of action, as
/// Berlin's Monitoring Soziale Stadtentwicklung computes them (issue 23,
/// item 3).
///
/// For each rate of the field's index (the assessed category), the values
/// of the districts assessed on it are z-standardised with the unweighted
/// mean and standard deviation of those districts — every district counts
/// once, whatever its size, so that the index ranks situations, not
/// populations. The direction-adjusted z-scores (positive = favourable) are
/// averaged per district, and the average is standardised again across
/// the districts, so that the class boundaries are standard deviations of
/// the index itself. Dynamics does the same with the change of each rate
/// over `dynamicsYears` years. Only rates, never counts, enter.
public struct StatusDynamics: Sendable, Equatable {
    /// MSS's four status classes.
    public enum StatusClass: Int, Sendable, Comparable, CaseIterable {
        case high = 1, medium, low, veryLow
        public static func < (a: StatusClass, b: StatusClass) -> Bool { a.rawValue < b.rawValue }
    }

    /// MSS's three dynamics classes.
    public enum DynamicsClass: Int, Sendable, CaseIterable {
        case positive = 1, stable, negative
    }

    /// The field code of the index over all fields together.
    public static let allFields = 0

    public var district: String
    /// 1 … 7, or `allFields`.
    public var field: Int
    /// The standardised status index; positive is favourable.
    public var status: Double
    /// The standardised dynamics index; nil when the earlier year gives no comparison ("keine Angabe").
    public var dynamics: Double?
    public var statusClass: StatusClass
    public var dynamicsClass: DynamicsClass?

    /// Low or very low status getting worse: the districts to look at first.
    public var needsAttention: Bool { statusClass >= .low && dynamicsClass == .negative }

    public init(district: String, field: Int, status: Double, dynamics: Double?, settings: AssessmentSettings) {
        self.district = district
        self.field = field
        self.status = status
        self.dynamics = dynamics
        statusClass = Self.statusClass(status, settings)
        dynamicsClass = dynamics.map { Self.dynamicsClass($0, settings) }
    }

    /// The class of a standardised status index: above `statusHigh` high,
    /// down to `statusLow` medium, down to `statusVeryLow` low, below very low.
    public static func statusClass(_ index: Double, _ s: AssessmentSettings) -> StatusClass {
        if index > s.statusHigh { return .high }
        if index >= s.statusLow { return .medium }
        if index >= s.statusVeryLow { return .low }
        return .veryLow
    }

    /// The class of a standardised dynamics index: outside the stable band positive or negative.
    public static func dynamicsClass(_ index: Double, _ s: AssessmentSettings) -> DynamicsClass {
        if index > s.stableBand { return .positive }
        if index < -s.stableBand { return .negative }
        return .stable
    }

    /// A district enters a field's index only with at least this share of the field's rates assessed.
    public static let minimumShareOfRates = 0.5

    /// Status and dynamics per field and district, and over all fields
    /// (`allFields`), from the assessments of the reporting year and of the
    /// year `dynamicsYears` earlier (keyed by indicator code).
    public static func compute(catalogue: Catalogue, current: [String: RateAssessment], earlier: [String: RateAssessment],
                               fields: [Int]) -> [StatusDynamics] {
        let settings = catalogue.assessment
        var out: [StatusDynamics] = []
        var groups = fields.map { f in (f, settings.indexRates(of: f, in: catalogue).map(\.code)) }
        groups.append((allFields, groups.flatMap(\.1)))
        for (field, codes) in groups where !codes.isEmpty {
            let levels = codes.map { code in assessedValues(current[code]) }
            let changes = codes.map { code -> (sign: Double, values: [String: Double]) in
                let now = assessedValues(current[code]), before = assessedValues(earlier[code])
                var delta: [String: Double] = [:]
                for (d, v) in now.values { if let b = before.values[d] { delta[d] = v - b } }
                return (now.sign, delta)
            }
            let needed = Int((Double(codes.count) * minimumShareOfRates).rounded(.up))
            let status = standardised(index(levels, needed: needed))
            let dynamics = standardised(index(changes, needed: needed))
            for d in catalogue.districts {
                guard let s = status[d.number] else { continue }
                out.append(StatusDynamics(district: d.number, field: field, status: s, dynamics: dynamics[d.number], settings: settings))
            }
        }
        return out
    }

    /// Assessed values of one rate by district, with the sign that makes favourable positive.
    private static func assessedValues(_ a: RateAssessment?) -> (sign: Double, values: [String: Double]) {
        guard let a else { return (1, [:]) }
        var values: [String: Double] = [:]
        for c in a.districts where c.verdict.isAssessed { if let v = c.value { values[c.district] = v } }
        return (a.indicator.direction == .higherIsWorse ? -1 : 1, values)
    }

    /// Per district the mean of the direction-adjusted z-scores over the rates it has.
    private static func index(_ rates: [(sign: Double, values: [String: Double])], needed: Int) -> [String: Double] {
        var sums: [String: (Double, Int)] = [:]
        for rate in rates {
            for (d, z) in standardised(rate.values) {
                let s = sums[d] ?? (0, 0)
                sums[d] = (s.0 + rate.sign * z, s.1 + 1)
            }
        }
        return sums.filter { $0.value.1 >= max(needed, 1) }.mapValues { $0.0 / Double($0.1) }
    }

    /// z-scores with the unweighted mean and the (population) standard deviation; empty when all are equal.
    /// Sums run in the order of the district numbers: a dictionary's own order
    /// changes from run to run, and with it the last digits of a sum.
    static func standardised(_ values: [String: Double]) -> [String: Double] {
        guard values.count >= 2 else { return [:] }
        let n = Double(values.count)
        let ordered = values.sorted { $0.key < $1.key }.map(\.value)
        let mean = ordered.reduce(0, +) / n
        let sd = (ordered.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
        guard sd > 0 else { return [:] }
        return values.mapValues { ($0 - mean) / sd }
    }
}
