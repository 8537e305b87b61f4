/// The agreed set of what is monitored: fields of action, districts, data
/// providers, indicators and goals, and the mappings of the statistics
/// office's tables onto the indicators.
public struct Catalogue: Sendable, Equatable {
    public var fields: [FieldOfAction]
    public var districts: [District]
    public var departments: [Department]
    public var indicators: [Indicator]
    public var goals: [Goal]
    /// How districts are compared: assessed categories, small-number rules, class boundaries.
    public var assessment: AssessmentSettings
    /// How statistics-office tables feed the indicators (`imon import`).
    public var sources: [SourceMapping]
    /// The districts' outlines for maps; nil when the catalogue names none.
    public var geometry: DistrictGeometry?

    public init(fields: [FieldOfAction] = FieldOfAction.builtIn, districts: [District], departments: [Department],
                indicators: [Indicator], goals: [Goal], assessment: AssessmentSettings = AssessmentSettings(),
                sources: [SourceMapping] = [], geometry: DistrictGeometry? = nil) {
        self.fields = fields
        self.districts = districts
        self.departments = departments
        self.indicators = indicators
        self.goals = goals
        self.assessment = assessment
        self.sources = sources
        self.geometry = geometry
    }

    public func indicator(_ code: String) -> Indicator? { indicators.first { $0.code == code } }
    public func department(_ code: String) -> Department? { departments.first { $0.code == code } }
    public func field(_ code: Int) -> FieldOfAction? { fields.first { $0.code == code } }

    /// The indicators a department submits (derived rates are computed, not submitted).
    public func submittedIndicators(of department: String) -> [Indicator] {
        indicators.filter { $0.department == department && !$0.isDerived }
    }

    /// Departments that submit at least one indicator.
    public var submittingDepartments: [Department] {
        departments.filter { !submittedIndicators(of: $0.code).isEmpty }
    }
}
