import XCTest
@testable import Monitoring

/// The comparison rules of the situation analysis on hand-made districts
/// whose answers are known (intervals from scipy, z-scores from numpy).
final class AssessmentTests: XCTestCase {
    private let nationality = ["insgesamt", "deutsch", "nichtdeutsch"]

    /// Residents W, cases N (higher is worse) and the share Q = N / W, assessed for `nichtdeutsch` by default.
    private func catalogue(_ districts: [String], settings: AssessmentSettings = AssessmentSettings(populationIndicator: "W")) -> Catalogue {
        Catalogue(districts: districts.map { District(number: $0, name: "Stadtteil \($0)") },
                  departments: [Department(code: "12", name: "Statistik")],
                  indicators: [
                      Indicator(code: "W", name: "Einwohner", field: 1, department: "12", unit: .count, categories: nationality),
                      Indicator(code: "N", name: "Fälle", field: 1, department: "12", unit: .count, categories: nationality, direction: .higherIsWorse),
                      Indicator(code: "Q", name: "Quote", field: 1, department: "12", unit: .percent, categories: nationality, maximum: 100,
                                direction: .higherIsWorse, numerator: "N", denominator: "W"),
                  ],
                  goals: [], assessment: settings)
    }

    /// district → (W insgesamt, W nichtdeutsch, N nichtdeutsch)
    private func values(_ c: Catalogue, _ data: [String: (Double, Double, Double)], year: Int = 2007) -> IndicatorValues {
        var t = ObservationTable()
        for (d, v) in data {
            t.add(indicator: "W", year: year, row: d, category: "insgesamt", value: v.0)
            t.add(indicator: "W", year: year, row: d, category: "nichtdeutsch", value: v.1)
            t.add(indicator: "N", year: year, row: d, category: "nichtdeutsch", value: v.2)
        }
        return IndicatorValues(catalogue: c, table: t)
    }

    func testLargeHighDistrictIsMarkedAndTinyOrUncertainOnesAreNot() throws {
        let c = catalogue(["01", "02", "03", "04", "05", "06"])
        let v = values(c, [
            "01": (6000, 1000, 300),   // 30 % of 1 000: truly high
            "02": (5000, 800, 80),     // 10 %
            "03": (5000, 900, 90),     // 10 %
            "04": (40, 3, 3),          // 3 of 3 = 100 %, but 40 inhabitants
            "05": (400, 8, 3),         // 37.5 % on a denominator of 8
            "06": (1000, 50, 14),      // 28 % of 50: far, but the interval holds the city value
        ])
        let q = try XCTUnwrap(c.indicator("Q"))
        let a = try XCTUnwrap(RateAssessment(indicator: q, year: 2007, values: v, participation: Participation(catalogue: c, values: v, year: 2007)))
        XCTAssertEqual(a.category, "nichtdeutsch")
        // City: (300 + 80 + 90 + 3 + 3 + 14) / (1000 + 800 + 900 + 3 + 8 + 50) = 490 / 2761 = 17.75 %.
        XCTAssertEqual(try XCTUnwrap(a.cityValue), 490.0 / 2761 * 100, accuracy: 1e-12)
        XCTAssertEqual(a.districts.map(\.verdict), [.marked, .unremarkable, .unremarkable, .notAssessed(.smallPopulation),
                                                    .notAssessed(.smallDenominator), .uncertain])
        XCTAssertEqual(a.marked, ["01"])
        // The intervals are scipy's: binomtest(300, 1000) and binomtest(14, 50), proportion_ci(0.95, 'exact') × 100.
        XCTAssertEqual(try XCTUnwrap(a.districts[0].interval?.lower), 27.172111212914874, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(a.districts[0].interval?.upper), 32.946167869736506, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(a.districts[5].interval?.lower), 16.231060070717522, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(a.districts[5].interval?.upper), 42.49053570161087, accuracy: 1e-9)

        // The same verdicts as the `marks` dataset: 1 marked, 0 assessed, nil with status "-" not assessed.
        let marks = AssessmentDatasets.marks([a], catalogue: c)
        XCTAssertEqual(marks.name, "marks")
        XCTAssertEqual(marks.dimensions.map(\.id), ["indicator", "district", "category"])
        XCTAssertEqual(marks.size, [1, 6, 1])
        XCTAssertEqual(marks.values, [1, 0, 0, nil, nil, 0])
        XCTAssertEqual(marks.status, [3: "-", 4: "-"])
        XCTAssertEqual(marks.value(["Q", "01", "nichtdeutsch"]), .some(1))
    }

    func testTheGapToTheGermanRateCanBeAssessedInstead() throws {
        var settings = AssessmentSettings(populationIndicator: "W")
        settings.rules["Q"] = .init(category: "nichtdeutsch", reference: "deutsch", minimumDenominator: 20, relevantDistance: 5)
        let c = catalogue(["01", "02"], settings: settings)
        var t = ObservationTable()
        // district: (W insgesamt, W deutsch, W nichtdeutsch, N deutsch, N nichtdeutsch)
        for (d, v) in [("01", [1100.0, 1000, 100, 50, 30]), ("02", [2400, 2000, 400, 40, 40])] {
            for (k, category) in ["insgesamt", "deutsch", "nichtdeutsch"].enumerated() { t.add(indicator: "W", year: 2007, row: d, category: category, value: v[k]) }
            t.add(indicator: "N", year: 2007, row: d, category: "deutsch", value: v[3])
            t.add(indicator: "N", year: 2007, row: d, category: "nichtdeutsch", value: v[4])
        }
        let v = IndicatorValues(catalogue: c, table: t)
        let q = try XCTUnwrap(c.indicator("Q"))
        let a = try XCTUnwrap(RateAssessment(indicator: q, year: 2007, values: v, participation: Participation(catalogue: c, values: v, year: 2007)))
        // City gap: 70 / 500 = 14 % against 90 / 3 000 = 3 %: 11 points. 01: 30 % − 5 % = 25 points; 02: 10 % − 2 % = 8.
        XCTAssertEqual(try XCTUnwrap(a.cityValue), 11, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(a.districts[0].value), 25, accuracy: 1e-12)
        XCTAssertEqual(a.districts.map(\.verdict), [.marked, .unremarkable])
        // MOVER from scipy's Clopper–Pearson limits (binomtest(k, n).proportion_ci(0.95, 'exact') × 100):
        // 25 − √((30 − l₁)² + (u₂ − 5)²) and 25 + √((u₁ − 30)² + (5 − l₂)²), with 30 of 100 and 50 of 1 000.
        XCTAssertEqual(try XCTUnwrap(a.districts[0].interval?.lower), 16.1064617335324, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(a.districts[0].interval?.upper), 35.061491805248174, accuracy: 1e-9)
        XCTAssertEqual(a.rule.label, "nichtdeutsch − deutsch")
        XCTAssertEqual(AssessmentDatasets.marks([a], catalogue: c).value(["Q", "01", "nichtdeutsch − deutsch"]), .some(1))
    }

    func testRelevantDistanceAndMinimumsComeFromTheCatalogue() throws {
        var settings = AssessmentSettings(populationIndicator: "W", minimumPopulation: 30)
        settings.rules["Q"] = .init(category: "nichtdeutsch", minimumDenominator: 3, relevantDistance: 15)
        let c = catalogue(["01", "02", "03", "04"], settings: settings)
        let v = values(c, ["01": (6000, 1000, 300), "02": (5000, 800, 80), "03": (5000, 900, 90), "04": (40, 3, 3)])
        let q = try XCTUnwrap(c.indicator("Q"))
        let a = try XCTUnwrap(RateAssessment(indicator: q, year: 2007, values: v, participation: Participation(catalogue: c, values: v, year: 2007)))
        // City 473 / 2703 = 17.5 %. 01 is 12.5 points above: less than 15, not marked.
        // 04 now takes part: 3 of 3, interval 29.2–100 % (binomtest(3, 3) exact) above 17.5 %, 82.5 points: marked.
        XCTAssertEqual(a.districts.map(\.verdict), [.unremarkable, .unremarkable, .unremarkable, .marked])
    }

    func testStatusAndDynamicsClassesAtTheirThresholds() {
        let s = AssessmentSettings()
        XCTAssertEqual(StatusDynamics.statusClass(1.0, s), .medium)
        XCTAssertEqual(StatusDynamics.statusClass(1.0001, s), .high)
        XCTAssertEqual(StatusDynamics.statusClass(-1.0, s), .medium)
        XCTAssertEqual(StatusDynamics.statusClass(-1.0001, s), .low)
        XCTAssertEqual(StatusDynamics.statusClass(-1.5, s), .low)
        XCTAssertEqual(StatusDynamics.statusClass(-1.5001, s), .veryLow)
        XCTAssertEqual(StatusDynamics.dynamicsClass(1.0, s), .stable)
        XCTAssertEqual(StatusDynamics.dynamicsClass(1.0001, s), .positive)
        XCTAssertEqual(StatusDynamics.dynamicsClass(-1.0, s), .stable)
        XCTAssertEqual(StatusDynamics.dynamicsClass(-1.0001, s), .negative)
    }

    func testStatusAndDynamicsIndexesAsMSSComputesThem() throws {
        // Two rates in field 1: Q1 (higher is worse) and Q2 (higher is better), four districts of 1 000 with 100 non-Germans.
        let districts = ["a", "b", "c", "d"]
        var settings = AssessmentSettings(populationIndicator: "W", stableBand: 0.5)
        settings.rules["Q1"] = .init(category: "nichtdeutsch", minimumDenominator: 20, relevantDistance: 5)
        let c = Catalogue(
            districts: districts.map { District(number: $0, name: $0) }, departments: [Department(code: "12", name: "Statistik")],
            indicators: [
                Indicator(code: "W", name: "Einwohner", field: 1, department: "12", unit: .count, categories: nationality),
                Indicator(code: "N1", name: "Fälle", field: 1, department: "12", unit: .count, categories: nationality),
                Indicator(code: "N2", name: "Erfolge", field: 1, department: "12", unit: .count, categories: nationality),
                Indicator(code: "Q1", name: "Fallquote", field: 1, department: "12", unit: .percent, categories: nationality,
                          direction: .higherIsWorse, numerator: "N1", denominator: "W"),
                Indicator(code: "Q2", name: "Erfolgsquote", field: 1, department: "12", unit: .percent, categories: nationality,
                          direction: .higherIsBetter, numerator: "N2", denominator: "W"),
            ], goals: [], assessment: settings)
        var t = ObservationTable()
        let n1: [Int: [Double]] = [2007: [10, 20, 30, 40], 2005: [20, 10, 20, 30]]
        let n2: [Int: [Double]] = [2007: [50, 40, 45, 20], 2005: [40, 50, 40, 30]]
        for year in [2005, 2007] {
            for (k, d) in districts.enumerated() {
                t.add(indicator: "W", year: year, row: d, category: "insgesamt", value: 1000)
                t.add(indicator: "W", year: year, row: d, category: "nichtdeutsch", value: 100)
                t.add(indicator: "N1", year: year, row: d, category: "nichtdeutsch", value: n1[year]![k])
                t.add(indicator: "N2", year: year, row: d, category: "nichtdeutsch", value: n2[year]![k])
            }
        }
        let v = IndicatorValues(catalogue: c, table: t)
        func assessments(_ year: Int) -> [String: RateAssessment] {
            let p = Participation(catalogue: c, values: v, year: year)
            var out: [String: RateAssessment] = [:]
            for i in c.indicators { if let a = RateAssessment(indicator: i, year: year, values: v, participation: p) { out[i.code] = a } }
            return out
        }
        let result = StatusDynamics.compute(catalogue: c, current: assessments(2007), earlier: assessments(2005), fields: [1])
        let field = result.filter { $0.field == 1 }
        // numpy: z(v) = (v − mean) / std (ddof 0); status = z((−z(Q1) + z(Q2)) / 2); dynamics likewise on the changes 2005→2007.
        let status = [1.2161657221036621, 0.29077991596577457, 0.053046058240563944, -1.5599916963100007]
        let dynamics = [1.6097857971368423, -0.8379218465129136, 0.06605789588898509, -0.8379218465129136]
        XCTAssertEqual(field.map(\.district), districts)
        for (n, s) in field.enumerated() {
            XCTAssertEqual(s.status, status[n], accuracy: 1e-12, s.district)
            XCTAssertEqual(try XCTUnwrap(s.dynamics), dynamics[n], accuracy: 1e-12, s.district)
        }
        XCTAssertEqual(field.map(\.statusClass), [.high, .medium, .medium, .veryLow])
        XCTAssertEqual(field.map(\.dynamicsClass), [.positive, .negative, .stable, .negative])
        // Only d is both low and getting worse; b gets worse from a medium status.
        XCTAssertEqual(field.filter(\.needsAttention).map(\.district), ["d"])
        XCTAssertEqual(result.filter { $0.field == StatusDynamics.allFields }.count, 4)
        let dataset = AssessmentDatasets.status(result, catalogue: c)
        XCTAssertEqual(dataset.size, [7, 4, 4])
        XCTAssertEqual(dataset.value(["1", "d", "statusClass"]), .some(4))
        XCTAssertEqual(dataset.value(["1", "d", "dynamicsClass"]), .some(3))
        XCTAssertEqual(try XCTUnwrap(dataset.value(["1", "a", "status"]) ?? nil), status[0], accuracy: 1e-12)
        XCTAssertEqual(dataset.value(["2", "a", "status"]), .some(nil), "field 2 has no rates: not taking part")

        // Without the earlier year there is no dynamics: "keine Angabe", never "improving".
        let alone = StatusDynamics.compute(catalogue: c, current: assessments(2007), earlier: [:], fields: [1])
        XCTAssertTrue(alone.allSatisfy { $0.dynamics == nil && $0.dynamicsClass == nil && !$0.needsAttention })
    }

    func testAGoalImprovingUnderHigherIsWorseHasPositiveProgress() throws {
        var c = catalogue(["01"])
        c.goals = [Goal(field: 1, statement: "Quote senken", indicator: "Q", category: "nichtdeutsch", baselineYear: 2005,
                        baselineValue: 20, targetYear: 2010, targetValue: 10, priority: 1)]
        var t = ObservationTable()
        for (year, cases) in [(2005, 195.0), (2006, 190), (2007, 180)] {
            t.add(indicator: "W", year: year, row: "01", category: "nichtdeutsch", value: 1000)
            t.add(indicator: "N", year: year, row: "01", category: "nichtdeutsch", value: cases)
        }
        let p = GoalProgress(goal: c.goals[0], year: 2007, values: IndicatorValues(catalogue: c, table: t), years: [2005, 2006, 2007])
        // Observed baseline 19.5 (not the catalogue's 20), now 18: (19.5 − 18) / (19.5 − 10) = 15.8 % of the way.
        XCTAssertEqual(p.baseline, 19.5, accuracy: 1e-12)
        XCTAssertFalse(p.baselineDiffers, "0.5 is within the tolerance")
        XCTAssertEqual(try XCTUnwrap(p.progress), 1.5 / 9.5 * 100, accuracy: 1e-9)
        // The straight path asks for 19.5 − 9.5 × 2/5 = 15.7 in 2007: 18 is behind.
        XCTAssertEqual(p.onTrack, false)
        let goals = AssessmentDatasets.goals([p])
        XCTAssertEqual(goals.dimensions.map(\.id), ["goal", "measure"])
        XCTAssertEqual(try XCTUnwrap(goals.value(["1", "progress"]) ?? nil), 1.5 / 9.5, accuracy: 1e-12)
        XCTAssertEqual(goals.value(["1", "baseline"]), .some(19.5))
        XCTAssertEqual(goals.value(["1", "projected"]), .some(nil), "three years give no projection")
    }

    func testACatalogueBaselineFarFromTheDataIsAFinding() {
        var c = catalogue(["01"])
        c.goals = [Goal(field: 1, statement: "nah", indicator: "Q", category: "nichtdeutsch", baselineYear: 2005, baselineValue: 20,
                        targetYear: 2010, targetValue: 10, priority: 1),
                   Goal(field: 1, statement: "fern", indicator: "Q", category: "nichtdeutsch", baselineYear: 2005, baselineValue: 18,
                        targetYear: 2010, targetValue: 10, priority: 2)]
        var t = ObservationTable()
        t.add(indicator: "W", year: 2005, row: "01", category: "nichtdeutsch", value: 1000)
        t.add(indicator: "N", year: 2005, row: "01", category: "nichtdeutsch", value: 195)
        // Observed 19.5: 0.5 from the first goal's 20 (within the tolerance), 1.5 from the second's 18.
        let findings = GoalBaselineCheck.findings(c, values: IndicatorValues(catalogue: c, table: t))
        XCTAssertEqual(findings.map(\.kind), [.baselineDiffersFromData(goal: 2, indicator: "Q", catalogue: 18, observed: 19.5)])
        XCTAssertEqual(findings.first?.kind.code, "baseline-differs")
    }

    func testARateOnThePreviousYearsDenominatorUsesIt() throws {
        var c = catalogue(["01"])
        c.indicators.append(Indicator(code: "E", name: "Einbürgerungen je 1000", field: 1, department: "12", unit: .perThousand,
                                      categories: ["insgesamt"], direction: .higherIsBetter, numerator: "N", denominator: "W",
                                      denominatorCategory: "nichtdeutsch", denominatorYearOffset: -1))
        var t = ObservationTable()
        t.add(indicator: "W", year: 2006, row: "01", category: "nichtdeutsch", value: 800)
        t.add(indicator: "W", year: 2007, row: "01", category: "nichtdeutsch", value: 1000)
        t.add(indicator: "N", year: 2007, row: "01", category: "insgesamt", value: 12)
        let v = IndicatorValues(catalogue: c, table: t)
        let e = try XCTUnwrap(c.indicator("E"))
        // 12 per 800 non-German inhabitants at the end of 2006: 15 ‰, not 12 ‰.
        XCTAssertEqual(try XCTUnwrap(v.district(e, 2007, "01", "insgesamt")), 15, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(v.city(e, 2007, "insgesamt")), 15, accuracy: 1e-12)
    }
}
