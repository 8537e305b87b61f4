import XCTest
@testable import Monitoring

/// The leaks of issue 22's "Why", each on a hand-made table: the audit finds
/// it when the step that prevents it is switched off (or with the earlier
/// per-line rule), and the full method passes. Expected intervals are worked
/// out by hand in the comments.
final class DisclosureAuditTests: XCTestCase {
    let nationality = ["insgesamt", "deutsch", "nichtdeutsch"]

    func countTable(_ code: String, _ categories: [String], minimum: Int = 3) -> PublicationStructure.Table {
        PublicationStructure.Table(code: code, unit: .count, categories: categories,
                                   total: categories.count > 1 ? categories[0] : nil, level: .districts, minimumCases: minimum)
    }

    /// `rows`: district → values in category order (the city is summed by the builder).
    func counts(_ code: String, _ categories: [String], _ year: Int, _ rows: [String: [Double]]) -> [CellKey: Double] {
        var out: [CellKey: Double] = [:]
        for (row, values) in rows { for (c, v) in zip(categories, values) { out[CellKey(code, row, c, year)] = v } }
        return out
    }

    func build(_ structure: PublicationStructure, _ counts: [CellKey: Double], _ options: ProtectionOptions,
               earlier: [Publication] = []) throws -> (Publication, DisclosureAudit) {
        try PublicationBuilder(structure: structure, counts: counts, earlier: earlier, options: options).build()
    }

    func narrowed(_ audit: DisclosureAudit) -> [String: ClosedRange<Int>] {
        var out: [String: ClosedRange<Int>] = [:]
        for f in audit.findings { if case .narrowed(let lo, let hi) = f.kind { out["\(f.cell.row) \(f.cell.category) \(f.cell.year)"] = lo...hi } }
        return out
    }

    // MARK: hidden total with published parts

    func testHiddenTotalWithPublishedPartsIsFoundAndTheAuditedMethodCloses() throws {
        // 02 has 2 = 2 + 0 and 04 has 11 = 1 + 10: primary 02 insgesamt, 02 deutsch, 04 deutsch.
        // The per-line rule hides 04 nichtdeutsch (row 04), 03 insgesamt (column insgesamt: the
        // smallest other, 4), 01 nichtdeutsch (column nichtdeutsch), 01 deutsch (row 01); row 03
        // is skipped because its total is hidden, and its parts 4 + 0 are printed.
        // Attacker: 03 insgesamt = 4 + 0 = 4; column insgesamt 47 − 30 − 11 − 4 = 2 = 02 insgesamt;
        // row 02: 02 deutsch = 2 − 0 = 2.
        let s = PublicationStructure(reportYear: 2007, years: [2007], districts: ["01", "02", "03", "04"], tables: [countTable("T", nationality)])
        let c = counts("T", nationality, 2007, ["01": [30, 20, 10], "02": [2, 2, 0], "03": [4, 4, 0], "04": [11, 1, 10]])
        var old = ProtectionOptions.full
        old.secondary = .perLine
        let (_, leaky) = try build(s, c, old)
        XCTAssertEqual(narrowed(leaky), ["03 insgesamt 2007": 4...4, "02 insgesamt 2007": 2...2, "02 deutsch 2007": 2...2])
        let (publication, audit) = try build(s, c, .full)
        XCTAssertTrue(audit.passed, "\(audit.findings)")
        XCTAssertTrue(publication.value("T", "02", "deutsch", 2007).isSuppressed)
        XCTAssertEqual(try DisclosureAudit.run(publication).findings, [])
    }

    // MARK: city minus districts with the ≥ 1 bound

    func testCityMinusDistrictsPinsHiddenCellsOnceZerosArePublished() throws {
        // 01 and 02 are 2 = 1 + 1: all six cells primary; the per-line rule adds nothing (each
        // column already has two hidden cells, each row a hidden total). Column männlich:
        // 152 − 150 = 2 = 01 + 02 with both ≥ 1 → 1 and 1; likewise weiblich; then each total is 2.
        let sex = ["insgesamt", "männlich", "weiblich"]
        let s = PublicationStructure(reportYear: 2007, years: [2007], districts: ["01", "02", "03", "04"], tables: [countTable("P", sex)])
        let c = counts("P", sex, 2007, ["01": [2, 1, 1], "02": [2, 1, 1], "03": [100, 50, 50], "04": [200, 100, 100]])
        var old = ProtectionOptions.full
        old.secondary = .perLine
        let (leakyPublication, leaky) = try build(s, c, old)
        XCTAssertEqual(narrowed(leaky), ["01 insgesamt 2007": 2...2, "01 männlich 2007": 1...1, "01 weiblich 2007": 1...1,
                                         "02 insgesamt 2007": 2...2, "02 männlich 2007": 1...1, "02 weiblich 2007": 1...1])
        // Without the ≥ 1 bound (were zeros hidden too) the same pattern would hold: männlich 0 … 2.
        let loose = try DisclosureAudit.run(leakyPublication, zerosPublished: false)
        XCTAssertEqual(loose.findings, [])
        XCTAssertEqual(loose.intervals[CellKey("P", "01", "männlich", 2007)], DisclosureAudit.Interval(lower: 0, upper: 2))
        let (_, audit) = try build(s, c, .full)
        XCTAssertTrue(audit.passed, "\(audit.findings)")
    }

    // MARK: change against last year

    func testChangeOnAHiddenPreviousValueGivesItAway() throws {
        // 2006: 01 = 2 (primary), the per-line rule hides 02 = 10 as well. 2007: all 10, published.
        // A change printed for 01 (+8) and 02 (0) gives 2006: 10 − 8 = 2 and 10 − 0 = 10.
        let t = countTable("V", ["insgesamt"])
        let s = PublicationStructure(reportYear: 2007, years: [2006, 2007], districts: ["01", "02", "03"], tables: [t])
        let c = counts("V", ["insgesamt"], 2006, ["01": [2], "02": [10], "03": [10]])
            .merging(counts("V", ["insgesamt"], 2007, ["01": [10], "02": [10], "03": [10]])) { a, _ in a }
        var off = ProtectionOptions.full
        off.secondary = .perLine
        off.changesOnlyWhereBothPublished = false
        let (leakyPublication, leaky) = try build(s, c, off)
        XCTAssertEqual(leakyPublication.change("V", "01", "insgesamt", 2007), .value(8))
        XCTAssertEqual(narrowed(leaky), ["01 insgesamt 2006": 2...2, "02 insgesamt 2006": 10...10])
        var on = off
        on.changesOnlyWhereBothPublished = true
        let (publication, audit) = try build(s, c, on)
        XCTAssertEqual(publication.change("V", "01", "insgesamt", 2007), .suppressed(.primary))
        XCTAssertTrue(audit.passed, "\(audit.findings)")
        XCTAssertTrue(try build(s, c, .full).1.passed)
    }

    // MARK: rate with published denominator

    func testRateWithPublishedDenominatorGivesTheNumerator() throws {
        // N: 01 = 2 (primary), 02 = 10 (per-line secondary), 03 = 10. D: 40, 50, 60.
        // Published R = 5,0 % and 20,0 % with D 40 and 50: N ∈ [4,95·0,4; 5,05·0,4] = [1,98; 2,02] → 2,
        // and [19,95·0,5; 20,05·0,5] = [9,975; 10,025] → 10.
        let n = countTable("N", ["insgesamt"]), d = countTable("D", ["insgesamt"])
        let r = PublicationStructure.Table(code: "R", unit: .percent, categories: ["insgesamt"], total: nil, level: .districts,
                                           minimumCases: 3, minimumDenominator: 3, numerator: "N", denominator: "D")
        let s = PublicationStructure(reportYear: 2007, years: [2007], districts: ["01", "02", "03"], tables: [n, d, r])
        let c = counts("N", ["insgesamt"], 2007, ["01": [2], "02": [10], "03": [10]])
            .merging(counts("D", ["insgesamt"], 2007, ["01": [40], "02": [50], "03": [60]])) { a, _ in a }
        var off = ProtectionOptions.full
        off.secondary = .perLine
        off.hideRatesOfHiddenCounts = false
        let (leakyPublication, leaky) = try build(s, c, off)
        XCTAssertEqual(leakyPublication.value("R", "01", "insgesamt", 2007), .value(5))
        XCTAssertEqual(narrowed(leaky), ["01 insgesamt 2007": 2...2, "02 insgesamt 2007": 10...10])
        let (publication, audit) = try build(s, c, .full)
        XCTAssertEqual(publication.value("R", "01", "insgesamt", 2007), .suppressed(.primary))
        XCTAssertTrue(audit.passed, "\(audit.findings)")
    }

    func testRateOnThePreviousYearsDenominatorIsPublishedAndAuditedWithThatYear() throws {
        // P02-like: R(2007) = N(2007) / D(2006) · 1000. N 2007: 22, 30; D 2006: 1533, 2000; D 2007: 1932, 2500.
        // 22 / 1533 · 1000 = 14,35… → 14,4 (with D 2007 it would be 11,4); 30 / 2000 · 1000 = 15,0.
        // The first year has no earlier denominator: its rate is not published.
        let n = countTable("N", ["insgesamt"]), d = countTable("D", ["insgesamt"])
        let r = PublicationStructure.Table(code: "R", unit: .perThousand, categories: ["insgesamt"], total: nil, level: .districts,
                                           minimumCases: 3, minimumDenominator: 3, numerator: "N", denominator: "D",
                                           denominatorYearOffset: -1)
        let s = PublicationStructure(reportYear: 2007, years: [2006, 2007], districts: ["01", "02"], tables: [n, d, r])
        let c = counts("N", ["insgesamt"], 2007, ["01": [22], "02": [30]])
            .merging(counts("N", ["insgesamt"], 2006, ["01": [20], "02": [25]])) { a, _ in a }
            .merging(counts("D", ["insgesamt"], 2006, ["01": [1533], "02": [2000]])) { a, _ in a }
            .merging(counts("D", ["insgesamt"], 2007, ["01": [1932], "02": [2500]])) { a, _ in a }
        let (publication, audit) = try build(s, c, .full)
        XCTAssertEqual(publication.value("R", "01", "insgesamt", 2007), .value(14.4))
        XCTAssertEqual(publication.value("R", "02", "insgesamt", 2007), .value(15))
        XCTAssertNotEqual(publication.value("R", "01", "insgesamt", 2006), .value(20 / 1533 * 1000))
        XCTAssertTrue(audit.passed, "\(audit.findings)")
        let (numerator, denominator) = try XCTUnwrap(s.rateParts(r, CellKey("R", "01", "insgesamt", 2007)))
        XCTAssertEqual(numerator, CellKey("N", "01", "insgesamt", 2007))
        XCTAssertEqual(denominator, CellKey("D", "01", "insgesamt", 2006))
    }

    // MARK: city line below the minimum

    func testCityCountBelowTheMinimumIsFound() throws {
        // 01 = 1, 02 = 1, 03 = 0: the city is 2. Printed, it is itself a disclosure, and with the
        // ≥ 1 bound it pins 01 and 02 to 1 each.
        let s = PublicationStructure(reportYear: 2007, years: [2007], districts: ["01", "02", "03"], tables: [countTable("V", ["insgesamt"])])
        let c = counts("V", ["insgesamt"], 2007, ["01": [1], "02": [1], "03": [0]])
        var off = ProtectionOptions.full
        off.secondary = .none
        off.primaryOnCity = false
        let (_, leaky) = try build(s, c, off)
        XCTAssertTrue(leaky.findings.contains(DisclosureAudit.Finding(cell: CellKey("V", PublicationStructure.cityRow, "insgesamt", 2007),
                                                                      kind: .publishedBelowMinimum(2), minimumCases: 3)))
        XCTAssertEqual(narrowed(leaky), ["01 insgesamt 2007": 1...1, "02 insgesamt 2007": 1...1])
        let (publication, audit) = try build(s, c, .full)
        XCTAssertEqual(publication.value("V", PublicationStructure.cityRow, "insgesamt", 2007), .suppressed(.primary))
        XCTAssertTrue(audit.passed, "\(audit.findings)")
    }

    // MARK: earlier reports

    func testEarlierReportsPatternIsKeptAndItsFiguresAreKnown() throws {
        // The 2006 report printed 02 = 10 and the city 22, and hid 01 (2) and 03 (10). The 2007
        // report shows 2006 again: on its own it would hide 01 and 02 (the smaller key on a tie)
        // and print 03 = 10, and with 02 = 10 from the earlier report 01 = 22 − 10 − 10 = 2.
        let t = countTable("V", ["insgesamt"])
        let city = PublicationStructure.cityRow
        let s2006 = PublicationStructure(reportYear: 2006, years: [2006], districts: ["01", "02", "03"], tables: [t])
        let report2006 = Publication(structure: s2006, values: [
            CellKey("V", "01", "insgesamt", 2006): .suppressed(.primary), CellKey("V", "02", "insgesamt", 2006): .value(10),
            CellKey("V", "03", "insgesamt", 2006): .suppressed(.secondary), CellKey("V", city, "insgesamt", 2006): .value(22),
        ], changes: [:])
        XCTAssertTrue(try DisclosureAudit.run(report2006).passed)
        let s2007 = PublicationStructure(reportYear: 2007, years: [2006, 2007], districts: ["01", "02", "03"], tables: [t])
        let c2007 = counts("V", ["insgesamt"], 2006, ["01": [2], "02": [10], "03": [10]])
            .merging(counts("V", ["insgesamt"], 2007, ["01": [5], "02": [5], "03": [5]])) { a, _ in a }
        var off = ProtectionOptions.full
        off.keepEarlierPattern = false
        let (forgetful, alone) = try build(s2007, c2007, off)
        XCTAssertTrue(alone.passed)
        XCTAssertEqual(forgetful.value("V", "03", "insgesamt", 2006), .value(10))
        XCTAssertEqual(narrowed(try DisclosureAudit.run(forgetful, earlier: [report2006])), ["01 insgesamt 2006": 2...2])
        let (publication, audit) = try build(s2007, c2007, .full, earlier: [report2006])
        XCTAssertTrue(audit.passed, "\(audit.findings)")
        XCTAssertEqual(publication.value("V", "02", "insgesamt", 2006), .value(10))
        XCTAssertTrue(publication.value("V", "03", "insgesamt", 2006).isSuppressed)
    }
}

final class SyntheticPublicationTests: XCTestCase {
    /// The demo measures the full 40 × 40 × 10; a smaller table shows the same method passes.
    func testSyntheticPublicationPassesItsAuditDeterministically() throws {
        let builder = SyntheticPublicationTables.make(districts: 20, indicators: 10, years: 3)
        let (publication, audit) = try builder.build()
        XCTAssertTrue(audit.passed)
        XCTAssertGreaterThan(publication.statistics.primary, 20)
        XCTAssertGreaterThan(publication.statistics.secondary, 0)
        XCTAssertTrue(try DisclosureAudit.run(publication).passed)
        let (again, _) = try builder.build()
        XCTAssertEqual(again.suppressedCells, publication.suppressedCells)
    }
}

final class PublishedPatternTests: XCTestCase {
    func testPatternCarriesAnEarlierReportIntoTheNextOne() throws {
        let builder = SyntheticPublicationTables.make(districts: 12, indicators: 5, years: 2)
        let (first, _) = try builder.build()
        let pattern = PublishedPattern(first)
        XCTAssertFalse(pattern.entries.contains { $0.figure == .missing || $0.figure == .notApplicable })
        let back = pattern.publication(structure: first.structure)
        XCTAssertEqual(back.suppressedCells, first.suppressedCells)
        XCTAssertEqual(back.values.filter { $0.value.number != nil }.count, first.values.filter { $0.value.number != nil }.count)
    }
}
