import XCTest
@testable import Monitoring

/// The figures recomputed by hand on small data, and compared.
final class AnalysisTests: XCTestCase {
    /// Three districts; residents P (count), unemployed U (count, higher is
    /// worse) with a non-German part, and the rate R = U / P in percent.
    private let catalogue = Catalogue(
        districts: [District(number: "01", name: "A"), District(number: "02", name: "B"), District(number: "03", name: "C")],
        departments: [Department(code: "12", name: "Statistik")],
        indicators: [
            Indicator(code: "P", name: "Einwohner", field: 5, department: "12", unit: .count, categories: ["insgesamt", "deutsch", "nichtdeutsch"]),
            Indicator(code: "U", name: "Arbeitslose", field: 5, department: "12", unit: .count, categories: ["insgesamt", "deutsch", "nichtdeutsch"],
                      direction: .higherIsWorse, minimumCases: 3),
            Indicator(code: "R", name: "Arbeitslosenquote", field: 5, department: "12", unit: .percent,
                      categories: ["insgesamt", "nichtdeutsch"], maximum: 100, direction: .higherIsWorse, numerator: "U", denominator: "P"),
        ],
        goals: [Goal(field: 5, statement: "Quote senken", indicator: "R", category: "insgesamt", baselineYear: 2005, baselineValue: 10,
                     targetYear: 2009, targetValue: 6, priority: 1)],
        assessment: AssessmentSettings(populationIndicator: "P", rules: ["R": .init(category: "insgesamt", minimumDenominator: 20, relevantDistance: 5)]))

    private var values: IndicatorValues {
        var t = ObservationTable()
        // year: [district: (P total, P german, P foreign, U total, U german, U foreign)]
        let data: [Int: [String: [Double]]] = [
            2005: ["01": [1000, 900, 100, 100, 80, 20], "02": [4000, 3800, 200, 200, 180, 20], "03": [500, 450, 50, 100, 90, 10]],
            2006: ["01": [1000, 900, 100, 90, 72, 18], "02": [4000, 3800, 200, 210, 190, 20], "03": [500, 450, 50, 80, 72, 8]],
            2007: ["01": [1000, 900, 100, 80, 64, 16], "02": [4000, 3800, 200, 200, 182, 18], "03": [500, 450, 50, 70, 68, 2]],
        ]
        let categories = ["insgesamt", "deutsch", "nichtdeutsch"]
        for (year, districts) in data {
            for (d, v) in districts {
                for (k, c) in categories.enumerated() {
                    t.add(indicator: "P", year: year, row: d, category: c, value: v[k])
                    t.add(indicator: "U", year: year, row: d, category: c, value: v[3 + k])
                }
            }
        }
        return IndicatorValues(catalogue: catalogue, table: t)
    }

    func testCityRateIsTheRatioOfSumsNotTheMeanOfDistrictRates() throws {
        let rate = try XCTUnwrap(catalogue.indicator("R"))
        // 2005: (100 + 200 + 100) / (1000 + 4000 + 500) = 400 / 5500.
        XCTAssertEqual(try XCTUnwrap(values.city(rate, 2005, "insgesamt")), 400.0 / 5500 * 100, accuracy: 1e-12)
        let meanOfRates = (10.0 + 5 + 20) / 3
        XCTAssertNotEqual(values.city(rate, 2005, "insgesamt"), meanOfRates)
        XCTAssertEqual(try XCTUnwrap(values.district(rate, 2005, "03", "nichtdeutsch")), 20, accuracy: 1e-12)
    }

    func testIndexZScoreRankChangeAndMarksOnTheAssessedRate() throws {
        let rate = try XCTUnwrap(catalogue.indicator("R"))
        let a = IndicatorAnalysis(indicator: rate, category: "insgesamt", year: 2005, values: values, years: [2005, 2006, 2007])
        let city = 400.0 / 5500 * 100
        let rates = [10.0, 5, 20]
        let mean = rates.reduce(0, +) / 3
        let sd = (rates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        for (n, f) in a.districts.enumerated() {
            XCTAssertEqual(f.value, rates[n], accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(f.index), rates[n] / city * 100, accuracy: 1e-9)
            XCTAssertEqual(try XCTUnwrap(f.z), (rates[n] - mean) / sd, accuracy: 1e-12)
        }
        // Higher is worse: the lowest rate ranks first.
        XCTAssertEqual(a.districts.map(\.rank), [2, 1, 3])
        // C: 100 of 500 = 20 %, its 95 % interval (16.6–23.8 %) lies above the city's 7.3 %, 12.7 points away: marked.
        // A: 10 % is above the city too and significantly so, but 2.7 points are less than the relevant 5.
        XCTAssertEqual(a.districts.map(\.marked), [false, false, true])
        XCTAssertEqual(a.districts[0].comparison?.verdict, .unremarkable)

        // The category the catalogue does not assess gets no comparison at all.
        let other = IndicatorAnalysis(indicator: rate, category: "nichtdeutsch", year: 2005, values: values, years: [2005, 2006, 2007])
        XCTAssertNil(other.assessment)
        XCTAssertEqual(other.districts.compactMap(\.z), [])

        let b = IndicatorAnalysis(indicator: rate, category: "insgesamt", year: 2006, values: values, years: [2005, 2006, 2007])
        // Percentage points for a rate: C from 20 % to 16 %.
        XCTAssertEqual(try XCTUnwrap(b.districts[2].change), -4, accuracy: 1e-12)
        XCTAssertNil(b.districts[2].relativeChange)
        let counts = IndicatorAnalysis(indicator: catalogue.indicator("U")!, category: "insgesamt", year: 2006, values: values, years: [2005, 2006])
        XCTAssertEqual(try XCTUnwrap(counts.districts[0].relativeChange), -0.1, accuracy: 1e-12)
    }

    func testCountsAreNeverComparedOrMarked() throws {
        // U counts unemployed and is "higher is worse": the big district B has the most, and that says nothing.
        let counts = try XCTUnwrap(catalogue.indicator("U"))
        for category in counts.categories {
            let a = IndicatorAnalysis(indicator: counts, category: category, year: 2005, values: values, years: [2005])
            XCTAssertNil(a.assessment)
            XCTAssertTrue(a.districts.allSatisfy { $0.z == nil && $0.rank == nil && $0.index == nil && !$0.marked })
        }
        let participation = Participation(catalogue: catalogue, values: values, year: 2005)
        XCTAssertNil(RateAssessment(indicator: counts, year: 2005, values: values, participation: participation))
    }

    func testThreeYearsGiveNoTrendClass() throws {
        let rate = try XCTUnwrap(catalogue.indicator("R"))
        let a = IndicatorAnalysis(indicator: rate, category: "insgesamt", year: 2007, values: values, years: [2005, 2006, 2007])
        let ys = [400.0, 380, 350].map { $0 / 5500 * 100 }
        // The slope is still the least-squares slope, (y2007 − y2005) / 2 over three years…
        XCTAssertEqual(try XCTUnwrap(a.trend.slope), (ys[2] - ys[0]) / 2, accuracy: 1e-12)
        // …but three points are too few for a class.
        XCTAssertEqual(a.trend.direction, .tooShort)
        XCTAssertNil(a.trend.slopeInterval)
    }

    func testGoalProgressFromTheObservedBaseline() throws {
        let goal = catalogue.goals[0]
        let p = GoalProgress(goal: goal, year: 2007, values: values, years: [2005, 2006, 2007])
        let baseline = 400.0 / 5500 * 100, current = 350.0 / 5500 * 100
        // The store has 2005: 7.27 %, not the catalogue's 10 %, which differs by more than the tolerance.
        XCTAssertTrue(p.baselineObserved)
        XCTAssertTrue(p.baselineDiffers)
        XCTAssertEqual(p.baseline, baseline, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(p.current), current, accuracy: 1e-12)
        // Higher is worse, the rate fell: positive progress, (7.27 − 6.36) / (7.27 − 6) = 71.4 %.
        XCTAssertEqual(try XCTUnwrap(p.progress), (baseline - current) / (baseline - 6) * 100, accuracy: 1e-9)
        XCTAssertGreaterThan(try XCTUnwrap(p.progress), 0)
        // Half-way in time (2007 of 2005–2009): the path asks for the middle between 7.27 and 6; 6.36 is better.
        XCTAssertEqual(p.pathValue, (baseline + 6) / 2, accuracy: 1e-12)
        XCTAssertEqual(p.onTrack, true)
        XCTAssertNil(p.projected, "three years give no projection")
    }

    func testPrimaryAndSecondarySuppression() {
        // Rows: three districts and the city total; columns: total, German, non-German.
        let table: [[Double?]] = [
            [100, 98, 2],
            [50, 45, 5],
            [30, 30, 0],
            [180, 173, 7],
        ]
        let hidden = Suppression.suppressed(table, minimumCases: 3, totalRow: 3, totalColumn: 0)
        // Primary: the 2. Secondary: in row 0 the 98 would give it away (100 − 98),
        // in column 2 the 5 (7 − 5 − 0); then column 1 needs a second hidden cell, and so on.
        XCTAssertTrue(hidden.contains(Suppression.Cell(row: 0, column: 2)))
        XCTAssertTrue(hidden.contains(Suppression.Cell(row: 0, column: 1)))
        XCTAssertTrue(hidden.contains(Suppression.Cell(row: 1, column: 2)))
        XCTAssertFalse(hidden.contains(Suppression.Cell(row: 2, column: 2)), "zero is never hidden")
        // No line with a published total has exactly one hidden cell left.
        for r in table.indices {
            let hiddenParts = [1, 2].filter { hidden.contains(Suppression.Cell(row: r, column: $0)) }
            if !hidden.contains(Suppression.Cell(row: r, column: 0)) { XCTAssertNotEqual(hiddenParts.count, 1, "row \(r)") }
        }
        for c in 0..<3 where !hidden.contains(Suppression.Cell(row: 3, column: c)) {
            let hiddenParts = (0..<3).filter { hidden.contains(Suppression.Cell(row: $0, column: c)) }
            XCTAssertNotEqual(hiddenParts.count, 1, "column \(c)")
        }
    }
}
