import Monitoring

/// Everything the summary workbook and the HTML report show for one
/// reporting year: per field of action and indicator the analyses, the
/// comparisons of the districts on rates, the district × field overview
/// with status and dynamics, the goals, and the data quality. Every figure
/// comes from `publication`, the protected publication (issue 22): the
/// analyses see only districts whose value is published, and the values
/// they hold are the published ones.
public struct SituationReport: Sendable {
    public var catalogue: Catalogue
    public var year: Int
    public var years: [Int]
    public var fields: [FieldOfAction]
    public var language: Language
    /// The figures readers get, protected and audited.
    public var publication: Publication
    /// The publication's own audit (passed, or the report is not made).
    public var audit: DisclosureAudit
    /// indicator code → category → analysis.
    public var analyses: [String: [String: IndicatorAnalysis]]
    /// Status and dynamics per field (and over all fields, `StatusDynamics.allFields`).
    public var statusDynamics: [StatusDynamics]
    /// Which districts are large enough to be compared this year.
    public var participation: Participation
    public var goals: [GoalProgress]
    public var quality: [QualityRow]
    /// Files of the year whose conflict with another department's values is still open.
    public var openConflicts: [String] = []

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

    /// Builds the publication for `year` on what the `earlier` reports
    /// published (the store's records), audits it, and analyses what it
    /// publishes. Throws when the publication cannot be protected or fails
    /// its audit.
    public init(catalogue: Catalogue, table: ObservationTable, year: Int, fields: [Int] = [], language: Language = .de,
                earlier: [PublishedPattern] = [], options: ProtectionOptions = .full) throws(PublicationError) {
        self.catalogue = catalogue
        self.year = year
        self.language = language
        years = table.years.filter { $0 <= year }
        self.fields = catalogue.fields.filter { fields.isEmpty || fields.contains($0.code) }
        let structure = PublicationStructure(catalogue: catalogue, reportYear: year, years: years)
        let (publication, audit) = try PublicationBuilder(catalogue: catalogue, table: table, reportYear: year, years: years,
                                                          earlier: earlier.filter { $0.reportYear < year }.map { $0.publication(structure: structure) },
                                                          options: options).build()
        guard audit.passed else { throw .disclosed(audit.findings) }
        self.publication = publication
        self.audit = audit

        let values = IndicatorValues(catalogue: catalogue, table: table)
        var analyses: [String: [String: IndicatorAnalysis]] = [:]
        let participation = Participation(catalogue: catalogue, values: values, year: year)
        for indicator in catalogue.indicators where self.fields.contains(where: { $0.code == indicator.field }) {
            for category in indicator.categories {
                let hidden = Set(catalogue.districts.map(\.number).filter { publication.value(indicator.code, $0, category, year).number == nil })
                var a = IndicatorAnalysis(indicator: indicator, category: category, year: year, values: values, years: years,
                                          participation: participation, excluded: hidden)
                // What the renderers see are the published figures, rounded as published, or nothing.
                a.cityValue = publication.value(indicator.code, PublicationStructure.cityRow, category, year).number
                a.cityChange = publication.change(indicator.code, PublicationStructure.cityRow, category, year).number
                for n in a.districts.indices {
                    let d = a.districts[n].district
                    if let v = publication.value(indicator.code, d, category, year).number { a.districts[n].value = v }
                    a.districts[n].change = publication.change(indicator.code, d, category, year).number
                    if a.districts[n].change == nil { a.districts[n].relativeChange = nil }
                    if a.cityValue == nil { a.districts[n].index = nil }
                }
                analyses[indicator.code, default: [:]][category] = a
            }
        }
        self.analyses = analyses
        self.participation = participation
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
            .map { goal in
                var g = GoalProgress(goal: goal, year: year, values: values, years: years)
                // A goal's current value is the published city figure or nothing.
                g.current = publication.value(goal.indicator, PublicationStructure.cityRow, goal.category, year).number
                if g.current == nil { g.progress = nil; g.onTrack = nil }
                return g
            }

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

    /// The published value of an indicator's category for a row (district number or the city) in a year.
    public func figure(_ indicator: String, _ row: String, _ category: String, _ year: Int? = nil) -> Figure {
        publication.value(indicator, row, category, year ?? self.year)
    }

    /// The published change on the previous year.
    public func change(_ indicator: String, _ row: String, _ category: String) -> Figure {
        publication.change(indicator, row, category, year)
    }

    public func districtName(_ key: String) -> String {
        key == SubmissionValues.cityTotalKey ? language("Stadt insgesamt", "City total")
            : catalogue.districts.first { $0.number == key }?.name ?? key
    }
}
