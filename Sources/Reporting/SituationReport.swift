import Monitoring

/// Everything the summary workbook and the HTML report show for one
/// reporting year: per field of action and indicator the analyses, the
/// comparisons of the districts on rates, the district × field overview
/// with status and dynamics, the goals, and the data quality. Counts below an indicator's minimum case number are
/// suppressed (with secondary suppression), and so are rates built on them.
public struct SituationReport: Sendable {
    public var catalogue: Catalogue
    public var year: Int
    public var years: [Int]
    public var fields: [FieldOfAction]
    public var language: Language
    /// indicator code → category → analysis.
    public var analyses: [String: [String: IndicatorAnalysis]]
    /// Status and dynamics per field (and over all fields, `StatusDynamics.allFields`).
    public var statusDynamics: [StatusDynamics]
    /// Which districts are large enough to be compared this year.
    public var participation: Participation
    public var goals: [GoalProgress]
    public var quality: [QualityRow]
    /// Suppressed cells: indicator code → row key → categories hidden.
    public var suppressed: [String: [String: Set<String>]]
    /// Files of the year whose conflict with another department's values is still open.
    public var openConflicts: [String] = []
    /// indicator code → category → year → city value, for trends.
    public var cityValues: [String: [String: [Int: Double]]] = [:]

    /// How complete one department's delivery of one indicator is.
    public struct QualityRow: Sendable {
        public var department: String
        public var indicator: String
        public var expected: Int
        public var filled: Int
        public var markers: Int
        public var districtsWithoutData: [String]
        public var coverage: Double { expected > 0 ? Double(filled) / Double(expected) : 0 }
    }

    public init(catalogue: Catalogue, table: ObservationTable, year: Int, fields: [Int] = [], language: Language = .de) {
        self.catalogue = catalogue
        self.year = year
        self.language = language
        years = table.years.filter { $0 <= year }
        self.fields = catalogue.fields.filter { fields.isEmpty || fields.contains($0.code) }
        // Suppression of counts, then of rates built on suppressed counts.
        var suppressed: [String: [String: Set<String>]] = [:]
        let keys = catalogue.districts.map(\.number) + [SubmissionValues.cityTotalKey]
        for indicator in catalogue.indicators where indicator.unit == .count && indicator.minimumCases > 0 {
            let grid: [[Double?]] = keys.map { key in indicator.categories.map { table.value(indicator.code, year, key, $0) } }
            let hidden = Suppression.suppressed(grid, minimumCases: indicator.minimumCases, totalRow: keys.count - 1,
                                                totalColumn: indicator.hasTotal ? 0 : nil)
            for cell in hidden { suppressed[indicator.code, default: [:]][keys[cell.row], default: []].insert(indicator.categories[cell.column]) }
        }
        for rate in catalogue.indicators where rate.isDerived {
            guard let n = rate.numerator, let d = rate.denominator else { continue }
            for key in keys {
                for category in rate.categories {
                    let dc = rate.denominatorCategory ?? category
                    if suppressed[n]?[key]?.contains(category) == true || suppressed[d]?[key]?.contains(dc) == true {
                        suppressed[rate.code, default: [:]][key, default: []].insert(category)
                    }
                }
            }
        }

        self.suppressed = suppressed
        let values = IndicatorValues(catalogue: catalogue, table: table)
        var analyses: [String: [String: IndicatorAnalysis]] = [:]
        let participation = Participation(catalogue: catalogue, values: values, year: year)
        for indicator in catalogue.indicators where self.fields.contains(where: { $0.code == indicator.field }) {
            for category in indicator.categories {
                let hidden = Set(suppressed[indicator.code]?.filter { $0.value.contains(category) }.map(\.key) ?? [])
                analyses[indicator.code, default: [:]][category] =
                    IndicatorAnalysis(indicator: indicator, category: category, year: year, values: values, years: years,
                                      participation: participation, excluded: hidden)
            }
        }
        self.analyses = analyses
        self.participation = participation
        for indicator in catalogue.indicators where analyses[indicator.code] != nil {
            for category in indicator.categories {
                for y in years { cityValues[indicator.code, default: [:]][category, default: [:]][y] = values.city(indicator, y, category) }
            }
        }
        // Dynamics compares with the assessments of the year `dynamicsYears` earlier.
        let earlierYear = year - catalogue.assessment.dynamicsYears
        let earlierParticipation = Participation(catalogue: catalogue, values: values, year: earlierYear)
        var current: [String: RateAssessment] = [:], earlier: [String: RateAssessment] = [:]
        for indicator in catalogue.indicators {
            if let a = analyses[indicator.code]?.values.compactMap(\.assessment).first { current[indicator.code] = a }
            if let a = RateAssessment(indicator: indicator, year: earlierYear, values: values, participation: earlierParticipation) {
                earlier[indicator.code] = a
            }
        }
        statusDynamics = StatusDynamics.compute(catalogue: catalogue, current: current, earlier: earlier, fields: self.fields.map(\.code))
        let fieldCodes = Set(self.fields.map(\.code))
        let years = self.years
        goals = catalogue.goals.filter { $0.active && fieldCodes.contains($0.field) }
            .sorted { $0.priority < $1.priority }
            .map { GoalProgress(goal: $0, year: year, values: values, years: years) }

        var quality: [QualityRow] = []
        for department in catalogue.submittingDepartments {
            for indicator in catalogue.submittedIndicators(of: department.code) {
                let rows = indicator.level == .districts ? catalogue.districts.map(\.number) + [SubmissionValues.cityTotalKey]
                                                         : [SubmissionValues.cityTotalKey]
                var filled = 0
                var without: [String] = []
                for key in rows {
                    let n = indicator.categories.filter { table.value(indicator.code, year, key, $0) != nil }.count
                    filled += n
                    if n == 0 && key != SubmissionValues.cityTotalKey { without.append(key) }
                }
                let markers = table.markers[indicator.code]?[year] ?? 0
                quality.append(QualityRow(department: department.code, indicator: indicator.code,
                                          expected: rows.count * indicator.categories.count, filled: filled + markers,
                                          markers: markers, districtsWithoutData: without))
            }
        }
        self.quality = quality
    }

    /// The category a report shows first for an indicator: the assessed
    /// one for a compared rate; else the non-German part where there is one
    /// (the integration question), else the first.
    public func keyCategory(_ indicator: Indicator) -> String {
        if AssessmentSettings.isCompared(indicator) { return catalogue.assessment.rule(for: indicator).category }
        return indicator.categories.contains("nichtdeutsch") ? "nichtdeutsch" : indicator.categories.first ?? "insgesamt"
    }

    /// The comparison of the districts on a rate, where it is compared.
    public func assessment(_ indicator: Indicator) -> RateAssessment? {
        analyses[indicator.code]?[keyCategory(indicator)]?.assessment
    }

    /// The rates of a field on which districts are compared (and marked).
    public func comparedRates(of field: Int) -> [Indicator] {
        catalogue.indicators.filter { $0.field == field && analyses[$0.code] != nil && AssessmentSettings.isCompared($0) }
    }

    /// How many of a field's rates mark the district — exactly the ● of the
    /// field's sheet; nil when the district is assessed on none of them.
    public func marks(_ district: String, field: Int) -> Int? {
        let comparisons = comparedRates(of: field).compactMap { assessment($0)?.comparison(district) }.filter { $0.verdict.isAssessed }
        return comparisons.isEmpty ? nil : comparisons.filter(\.isMarked).count
    }

    /// Status and dynamics of a district in a field (or `StatusDynamics.allFields`).
    public func statusDynamics(_ district: String, field: Int) -> StatusDynamics? {
        statusDynamics.first { $0.district == district && $0.field == field }
    }

    /// The assessments as the datasets `marks`, `status` and `goals` of the JSON-stat collection.
    public var assessmentDatasets: [AssessmentDataset] {
        let assessments = catalogue.indicators.compactMap(assessment)
        return [AssessmentDatasets.marks(assessments, catalogue: catalogue),
                AssessmentDatasets.status(statusDynamics, catalogue: catalogue),
                AssessmentDatasets.goals(goals)]
    }

    /// The districts needing attention (low or very low status, negative dynamics) in a field or over all fields.
    public func needingAttention(field: Int) -> [String] {
        statusDynamics.filter { $0.field == field && $0.needsAttention }.map(\.district)
    }

    /// The city value of an indicator's category in a year.
    public func analysesByYear(_ indicator: Indicator, _ category: String, _ year: Int) -> Double? {
        cityValues[indicator.code]?[category]?[year]
    }

    public func isSuppressed(_ indicator: String, _ row: String, _ category: String) -> Bool {
        suppressed[indicator]?[row]?.contains(category) == true
    }

    public func districtName(_ key: String) -> String {
        key == SubmissionValues.cityTotalKey ? language("Stadt insgesamt", "City total")
            : catalogue.districts.first { $0.number == key }?.name ?? key
    }
}
