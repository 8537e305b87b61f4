/// What a publication's tables are made of, as far as an attacker can know
/// it from the publication itself: per indicator its unit, categories (and
/// which one is the total of the others), level, minimum case number and,
/// for rates, numerator and denominator. Built from the catalogue, or read
/// back from a published JSON-stat file for `imon audit`.
public struct PublicationStructure: Sendable, Equatable {
    /// One indicator's table.
    public struct Table: Sendable, Equatable {
        public var code: String
        public var unit: IndicatorUnit
        public var categories: [String]
        /// The category that is the sum of the others, when there is one.
        public var total: String?
        public var level: SpatialLevel
        /// Counts 1 … this − 1 are not published; 0 publishes everything.
        public var minimumCases: Int
        /// Rates below this denominator are not published (too unreliable).
        public var minimumDenominator: Int
        public var numerator: String?
        public var denominator: String?
        /// The denominator's category for every category of the rate; nil pairs category with category.
        public var denominatorCategory: String?
        /// The denominator's year relative to the rate's: −1 for a rate on the
        /// previous year's population (P02), as the catalogue defines it.
        public var denominatorYearOffset: Int
        /// Decimals a value is published with: the rounding an attacker must allow for.
        public var decimals: Int

        public init(code: String, unit: IndicatorUnit, categories: [String], total: String?, level: SpatialLevel,
                    minimumCases: Int, minimumDenominator: Int = 0, numerator: String? = nil, denominator: String? = nil,
                    denominatorCategory: String? = nil, denominatorYearOffset: Int = 0, decimals: Int? = nil) {
            self.code = code
            self.unit = unit
            self.categories = categories
            self.total = total
            self.level = level
            self.minimumCases = minimumCases
            self.minimumDenominator = minimumDenominator
            self.numerator = numerator
            self.denominator = denominator
            self.denominatorCategory = denominatorCategory
            self.denominatorYearOffset = denominatorYearOffset
            self.decimals = decimals ?? (unit == .count ? 0 : 1)
        }

        public init(_ indicator: Indicator) {
            self.init(code: indicator.code, unit: indicator.unit, categories: indicator.categories,
                      total: indicator.hasTotal ? indicator.categories[0] : nil, level: indicator.level,
                      minimumCases: indicator.minimumCases, minimumDenominator: indicator.minimumCases,
                      numerator: indicator.numerator, denominator: indicator.denominator,
                      denominatorCategory: indicator.denominatorCategory, denominatorYearOffset: indicator.denominatorYearOffset)
        }

        public var isCount: Bool { unit == .count }
        public var isRate: Bool { unit.isRate && numerator != nil && denominator != nil }
        public var parts: [String] { total.map { t in categories.filter { $0 != t } } ?? [] }
        /// The rows this table has: every district and the city, or the city alone.
        public func rows(_ structure: PublicationStructure) -> [String] {
            level == .districts ? structure.districts + [PublicationStructure.cityRow] : [PublicationStructure.cityRow]
        }
    }

    /// The row key of the whole city.
    public static let cityRow = SubmissionValues.cityTotalKey

    /// The year the report is for.
    public var reportYear: Int
    /// Every year the publication shows, ascending, ending with `reportYear`.
    public var years: [Int]
    /// District numbers in the catalogue's order.
    public var districts: [String]
    public var tables: [Table]

    public init(reportYear: Int, years: [Int], districts: [String], tables: [Table]) {
        self.reportYear = reportYear
        self.years = years
        self.districts = districts
        self.tables = tables
    }

    /// The structure of the catalogue's tables for the given years.
    public init(catalogue: Catalogue, reportYear: Int, years: [Int]) {
        self.init(reportYear: reportYear, years: years, districts: catalogue.districts.map(\.number),
                  tables: catalogue.indicators.map(Table.init))
    }

    public func table(_ code: String) -> Table? { tables.first { $0.code == code } }

    /// The numerator's and the denominator's cell of a rate's cell; the
    /// denominator's in the year the rate's definition names.
    public func rateParts(_ rate: Table, _ key: CellKey) -> (numerator: CellKey, denominator: CellKey)? {
        guard rate.isRate, let n = rate.numerator, let d = rate.denominator, let dt = table(d) else { return nil }
        let dc = rate.denominatorCategory ?? (dt.categories.contains(key.category) ? key.category : dt.categories.first ?? key.category)
        return (CellKey(n, key.row, key.category, key.year), CellKey(d, key.row, dc, key.year + rate.denominatorYearOffset))
    }
}
