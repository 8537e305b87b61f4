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
                     targetYear: 2009, targetValue: 6, priority: 1)])

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

    func testIndexZScoreRankChangeAndFlags() throws {
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
        // District C is (20 − 11.67) / 6.24 = 1.34 standard deviations on the bad side.
        XCTAssertEqual(a.districts.map(\.flagged), [false, false, true])

        let b = IndicatorAnalysis(indicator: rate, category: "insgesamt", year: 2006, values: values, years: [2005, 2006, 2007])
        // Percentage points for a rate: C from 20 % to 16 %.
        XCTAssertEqual(try XCTUnwrap(b.districts[2].change), -4, accuracy: 1e-12)
        XCTAssertNil(b.districts[2].relativeChange)
        let counts = IndicatorAnalysis(indicator: catalogue.indicator("U")!, category: "insgesamt", year: 2006, values: values, years: [2005, 2006])
        XCTAssertEqual(try XCTUnwrap(counts.districts[0].relativeChange), -0.1, accuracy: 1e-12)
    }

    func testTrendIsTheLeastSquaresSlopeClassifiedWithAThreshold() throws {
        let rate = try XCTUnwrap(catalogue.indicator("R"))
        let a = IndicatorAnalysis(indicator: rate, category: "insgesamt", year: 2007, values: values, years: [2005, 2006, 2007])
        let ys = [400.0, 380, 350].map { $0 / 5500 * 100 }
        // Slope over x = 2005…2007: Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = (y2007 − y2005) / 2.
        XCTAssertEqual(try XCTUnwrap(a.slope), (ys[2] - ys[0]) / 2, accuracy: 1e-12)
        XCTAssertEqual(a.trend, .falling)
        let residents = IndicatorAnalysis(indicator: catalogue.indicator("P")!, category: "insgesamt", year: 2007, values: values, years: [2005, 2006, 2007])
        XCTAssertEqual(residents.trend, .stable)
    }

    func testGoalProgressAndTheStraightPath() throws {
        let goal = catalogue.goals[0]
        let p = GoalProgress(goal: goal, year: 2007, values: values)
        let current = 350.0 / 5500 * 100
        XCTAssertEqual(try XCTUnwrap(p.current), current, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(p.progress), (current - 10) / (6 - 10) * 100, accuracy: 1e-9)
        // Half-way in time (2007 of 2005–2009): the path asks for 8 %; 6.36 % is better.
        XCTAssertEqual(p.pathValue, 8, accuracy: 1e-12)
        XCTAssertEqual(p.onTrack, true)
    }

    func testStatusAndDynamicsQuadrants() throws {
        let years = [2005, 2006]
        let analyses = catalogue.indicators.flatMap { i in
            i.categories.map { IndicatorAnalysis(indicator: i, category: $0, year: 2006, values: values, years: years) }
        }
        let figures = StatusDynamics.compute(analyses)
        let c = try XCTUnwrap(figures.first { $0.district == "03" })
        // C has the worst rates (status below 0) but improved most (dynamics above 0).
        XCTAssertLessThan(c.status, 0)
        XCTAssertGreaterThan(try XCTUnwrap(c.dynamics), 0)
        XCTAssertEqual(c.category, .poorImproving)
        XCTAssertEqual(c.flags, 1, "the rate R flags district C")
        // The count U flags the biggest district: counts follow size, which is why reports read rates.
        XCTAssertEqual(figures.first { $0.district == "02" }?.flags, 1)
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
    func testTheCityValueIsTheCitysOwnTotalWhereADistrictIsConfidential() {
        var t = ObservationTable()
        // District 03's count is `.` (stored as a marker, no number); the city's own row counts it.
        t.add(indicator: "P", year: 2024, row: "01", category: "nichtdeutsch", value: 100)
        t.add(indicator: "P", year: 2024, row: "02", category: "nichtdeutsch", value: 200)
        t.add(indicator: "P", year: 2024, row: SubmissionValues.cityTotalKey, category: "nichtdeutsch", value: 302)
        let p = catalogue.indicator("P")!
        XCTAssertEqual(IndicatorValues(catalogue: catalogue, table: t).citySum(p, 2024, "nichtdeutsch"), 302)
        // With every district known, the sum of the districts.
        t.add(indicator: "P", year: 2024, row: "03", category: "nichtdeutsch", value: 1)
        XCTAssertEqual(IndicatorValues(catalogue: catalogue, table: t).citySum(p, 2024, "nichtdeutsch"), 301)
    }
}
