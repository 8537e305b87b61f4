import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
@testable import Monitoring

/// One test per rule: a submission that triggers it at an exact cell, and
/// the valid submission it was made from, on which no rule fires.
final class ValidationTests: XCTestCase {
    private static let catalogue = DefaultCatalogue.magdeburg
    /// Made once: writing and reading the workbook is the slow part.
    private static let valid: Result<Workbook, any Error> = Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imon-valid-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let c = catalogue
        try SubmissionTemplate(catalogue: c, department: c.department("40")!, year: 2007)
            .write(to: file, values: SyntheticSubmissions(catalogue: c).values(department: "40", year: 2007))
        return try WorkbookFile.read(file)
    }
    private let validator = Validator(catalogue: ValidationTests.catalogue)

    /// A filled-in, consistent submission of department 40 for 2007, read back.
    private func submission() throws -> Workbook { try Self.valid.get() }

    /// Writes a workbook's values as an XLSX file, as a department's program would save it.
    private func write(_ workbook: Workbook, to path: String) throws {
        let writer = try WorkbookFile.writer(for: path)
        for sheet in workbook.sheets {
            try writer.beginSheet(SheetLayout(name: sheet.name))
            for row in sheet.rows { try writer.write(OutputRow(index: row.index, cells: row.cells.map { OutputCell(column: $0.column, value: $0.value) })) }
            try writer.endSheet()
        }
        try writer.finish()
    }

    private func set(_ workbook: inout Workbook, _ sheet: String, _ cell: String, _ value: CellValue) {
        guard let s = workbook.sheets.firstIndex(where: { $0.name == sheet }), let ref = CellReference(cell) else { return XCTFail() }
        var rows = workbook.sheets[s].rows
        if let r = rows.firstIndex(where: { $0.index == ref.row }) {
            if let c = rows[r].cells.firstIndex(where: { $0.column == ref.column }) {
                if value.isEmpty { rows[r].cells.remove(at: c) } else { rows[r].cells[c].value = value }
            } else if !value.isEmpty {
                rows[r].cells.append(Cell(column: ref.column, value: value))
                rows[r].cells.sort { $0.column < $1.column }
            }
        } else if !value.isEmpty {
            rows.append(Row(index: ref.row, cells: [Cell(column: ref.column, value: value)]))
            rows.sort { $0.index < $1.index }
        }
        workbook.sheets[s].rows = rows
    }

    private func number(_ workbook: Workbook, _ sheet: String, _ cell: String) -> Double {
        if case .number(let n) = workbook.sheet(named: sheet)?.value(at: CellReference(cell)!) { return n }
        return .nan
    }

    private func findings(_ workbook: Workbook) -> [ValidationFinding] {
        validator.validate(workbook, file: "test.xlsx").0.findings
    }

    private func assertOnly(_ workbook: Workbook, _ code: String, sheet: String?, cell: String?,
                            file: StaticString = #filePath, line: UInt = #line) {
        let found = findings(workbook)
        XCTAssertEqual(found.map(\.code), [code], "\(found)", file: file, line: line)
        XCTAssertEqual(found.first?.sheet, sheet, file: file, line: line)
        XCTAssertEqual(found.first?.cell, cell, file: file, line: line)
    }

    func testAValidSubmissionHasNoFindings() throws {
        XCTAssertEqual(findings(try submission()), [])
    }

    func testValidSamplesRaiseNothing() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/Abgaben")
        let years = try FileManager.default.contentsOfDirectory(atPath: samples.path)
        var checked = 0
        for year in years {
            for name in try FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent(year).path) {
                let (report, _) = validator.validate(file: samples.appendingPathComponent(year).appendingPathComponent(name).path)
                XCTAssertEqual(report.findings, [], name)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 30)
    }

    // MARK: Values

    func testTextWhereANumberBelongs() throws {
        var w = try submission()
        set(&w, "B01", "D6", .string("ca. 50"))
        assertOnly(w, "text-in-number-cell", sheet: "B01", cell: "D6")
    }

    func testNumbersStoredAsTextAreAcceptedWithAWarning() throws {
        var w = try submission()
        let value = number(w, "B01", "C6")
        let german = value >= 1000 ? "\(Int(value) / 1000).\(String(String(Int(value) % 1000 + 1000).dropFirst()))" : "\(Int(value))"
        set(&w, "B01", "C6", .string(german))
        assertOnly(w, "number-as-text", sheet: "B01", cell: "C6")
        XCTAssertEqual(ValueRules.germanNumber("12,5"), 12.5)
        XCTAssertEqual(ValueRules.germanNumber("1.234,5"), 1234.5)
        XCTAssertEqual(ValueRules.germanNumber("1 234"), 1234)
        XCTAssertNil(ValueRules.germanNumber("12 Pers."))
    }

    func testNegativeCount() throws {
        var w = try submission()
        let part = number(w, "B01", "E6")
        set(&w, "B01", "E6", .number(-2))
        set(&w, "B01", "C6", .number(number(w, "B01", "C6") - part - 2))
        set(&w, "B01", "E46", .number(number(w, "B01", "E46") - part - 2))
        set(&w, "B01", "C46", .number(number(w, "B01", "C46") - part - 2))
        assertOnly(w, "negative-count", sheet: "B01", cell: "E6")
    }

    func testFractionalCount() throws {
        var w = try submission()
        for cell in ["D7", "C7", "D46", "C46"] { set(&w, "B02", cell, .number(number(w, "B02", cell) + 0.5)) }
        let found = findings(w)
        XCTAssertEqual(Set(found.map(\.code)), ["fractional-count"])
        XCTAssertEqual(found.map(\.cell), ["C7", "D7", "C46", "D46"])
    }

    func testUnknownMarkerAndValidMarkers() throws {
        var w = try submission()
        set(&w, "B04", "C8", .string("k.A."))
        assertOnly(w, "unknown-marker", sheet: "B04", cell: "C8")
        var ok = try submission()
        set(&ok, "B04", "E9", .string("."))
        set(&ok, "B04", "C9", .string("x"))
        XCTAssertEqual(findings(ok), [], "markers are valid entries; a column with a marker is not summed")
    }

    func testDateInANumberCell() throws {
        var w = try submission()
        set(&w, "B05", "C10", .date(CivilDate(year: 2007, month: 12, day: 31)))
        assertOnly(w, "date-in-number-cell", sheet: "B05", cell: "C10")
    }

    func testFormulaError() throws {
        var w = try submission()
        set(&w, "B05", "D10", .error("#DIV/0!"))
        assertOnly(w, "formula-error", sheet: "B05", cell: "D10")
    }

    func testFormulaWithoutACachedResult() throws {
        var w = try submission()
        set(&w, "B05", "E10", .empty)
        if let s = w.sheets.firstIndex(where: { $0.name == "B05" }) { w.sheets[s].uncachedFormulas = [CellReference("E10")!] }
        assertOnly(w, "formula-without-value", sheet: "B05", cell: "E10")
    }

    func testEmptyCellIsAWarningOrAnErrorByChoice() throws {
        var w = try submission()
        set(&w, "B07", "E12", .empty)
        assertOnly(w, "empty-cell", sheet: "B07", cell: "E12")
        XCTAssertEqual(findings(w).first?.severity, .warning)
        var strict = validator
        strict.emptyCellsAreErrors = true
        XCTAssertEqual(strict.validate(w, file: "x").0.findings.first?.severity, .error)
    }

    func testValueOutsideTheCataloguesRange() throws {
        var c = Self.catalogue
        if let i = c.indicators.firstIndex(where: { $0.code == "B01" }) { c.indicators[i].maximum = 10 }
        let found = Validator(catalogue: c).validate(try submission(), file: "x").0.findings
        XCTAssertTrue(found.contains { $0.code == "out-of-range" && $0.sheet == "B01" && $0.cell == "C6" }, "\(found.prefix(3))")
    }

    // MARK: Consistency

    func testPartLargerThanItsTotal() throws {
        var w = try submission()
        let total = number(w, "B01", "C20"), part = number(w, "B01", "E20")
        set(&w, "B01", "E20", .number(total + 1))
        set(&w, "B01", "E46", .number(number(w, "B01", "E46") - part + total + 1))
        let found = findings(w)
        XCTAssertEqual(found.map(\.code), ["part-exceeds-total", "parts-do-not-add-up"])
        XCTAssertEqual(found.map(\.cell), ["E20", "C46"])
    }

    func testPartsNotAddingUpToTheTotal() throws {
        var w = try submission()
        set(&w, "B02", "C11", .number(number(w, "B02", "C11") + 3))
        let found = findings(w)
        XCTAssertEqual(found.map(\.code), ["parts-do-not-add-up", "city-total-mismatch"])
        XCTAssertEqual(found.map(\.cell), ["C11", "C46"])
    }

    func testCityTotalNotTheSumOfTheDistricts() throws {
        var w = try submission()
        for cell in ["C46", "D46"] { set(&w, "B04", cell, .number(number(w, "B04", cell) + 10)) }
        let found = findings(w)
        XCTAssertEqual(found.map(\.code), ["city-total-mismatch", "city-total-mismatch"])
        XCTAssertEqual(found.map(\.cell), ["C46", "D46"])
    }

    func testNumeratorLargerThanItsDenominator() throws {
        var w = try submission()
        // Leavers without a qualification (B05) above all leavers (B04) in Altstadt's total.
        let leavers = number(w, "B04", "C6"), without = number(w, "B05", "C6"), german = number(w, "B05", "D6")
        let more = leavers + 1 - without
        set(&w, "B05", "C6", .number(leavers + 1))
        set(&w, "B05", "D6", .number(german + more))
        set(&w, "B05", "C46", .number(number(w, "B05", "C46") + more))
        set(&w, "B05", "D46", .number(number(w, "B05", "D46") + more))
        let found = findings(w)
        XCTAssertTrue(found.contains { $0.code == "numerator-exceeds-denominator" && $0.sheet == "B05" && $0.cell == "C6" }, "\(found)")
    }

    // MARK: Structure

    func testMissingDetailsSheet() throws {
        var w = try submission()
        w.sheets.removeAll { $0.name == "Angaben" }
        XCTAssertEqual(findings(w).map(\.code), ["details-missing"])
    }

    func testDepartmentAndYearMustMatchTheTemplate() throws {
        var w = try submission()
        set(&w, "Angaben", "B4", .number(2006))
        assertOnly(w, "template-mismatch", sheet: "Angaben", cell: "B4")
        var unknown = try submission()
        set(&unknown, "Angaben", "B3", .string("77 – Stadtgartenamt"))
        XCTAssertEqual(findings(unknown).first?.code, "unknown-department")
        var year = try submission()
        set(&year, "Angaben", "B4", .string("zweitausendsieben"))
        XCTAssertEqual(findings(year).first?.code, "year-invalid")
        let expecting = Validator(catalogue: Self.catalogue, expectedYear: 2008)
        XCTAssertEqual(expecting.validate(try submission(), file: "x").0.findings.map(\.code), ["year-unexpected"])
    }

    func testRenamedSheetsAreRecognisedByTheirTitleAndUnknownSheetsWarned() throws {
        var w = try submission()
        if let s = w.sheets.firstIndex(where: { $0.name == "B07" }) { w.sheets[s].info.name = "Abitur" }
        assertOnly(w, "sheet-renamed", sheet: "Abitur", cell: "A1")
        var extra = try submission()
        extra.sheets.append(Sheet(info: SheetInfo(name: "Notizen")))
        assertOnly(extra, "unknown-sheet", sheet: "Notizen", cell: nil)
        var missing = try submission()
        missing.sheets.removeAll { $0.name == "B02" }
        assertOnly(missing, "sheet-missing", sheet: "B02", cell: nil)
    }

    func testMissingHeaderColumn() throws {
        var w = try submission()
        set(&w, "B01", "E5", .string("Ausländer"))
        let found = findings(w)
        XCTAssertEqual(found.first?.code, "column-missing")
        XCTAssertEqual(found.first?.cell, "B5")
    }

    func testDistrictRowsMatchedTolerantlyAndMissingOrDuplicatedOnesReported() throws {
        var tolerant = try submission()
        set(&tolerant, "B01", "A9", .string("6"))
        set(&tolerant, "B01", "B9", .string("NEUE-NEUSTADT"))
        set(&tolerant, "B01", "A10", .empty)
        set(&tolerant, "B01", "B10", .string("Neustaedter See"))
        XCTAssertEqual(findings(tolerant), [], "numbers without leading zero and umlaut spellings match")

        var missing = try submission()
        missing.sheets[missing.sheets.firstIndex { $0.name == "B02" }!].rows.removeAll { $0.index == 23 }
        assertOnly(missing, "district-missing", sheet: "B02", cell: "B25")

        var duplicate = try submission()
        set(&duplicate, "B04", "A7", .string("01"))
        set(&duplicate, "B04", "B7", .string("Altstadt"))
        let found = findings(duplicate)
        XCTAssertEqual(found.map(\.code), ["district-duplicate", "district-missing"])
        XCTAssertEqual(found.first?.cell, "B7")

        var unknown = try submission()
        set(&unknown, "B05", "A47", .string("99"))
        set(&unknown, "B05", "B47", .string("Atlantis"))
        assertOnly(unknown, "unknown-district", sheet: "B05", cell: "B47")
    }

    /// A sheet whose columns B–F were sorted by district name while the
    /// numbers in column A stayed, as LibreOffice saved it (the W04 sheet of
    /// the 2007 sample of department 50; with the number alone deciding, it
    /// passed and Alt Olvenstedt's 439/400/39 were stored as Altstadt's).
    func testAHalfSortedSheetIsAnErrorNamingNumberAndNameAndIsNotImported() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/intake/Amt_50_2007_halb_sortiert.xlsx").path
        let (report, submission) = validator.validate(file: file)
        let mismatches = report.findings.filter { $0.code == "district-mismatch" }
        XCTAssertEqual(Set(report.findings.map(\.code)), ["district-mismatch"], "\(report.findings.prefix(5))")
        XCTAssertTrue(mismatches.allSatisfy { $0.severity == .error && $0.sheet == "W04" })
        // Row 6: number 01 (Altstadt in the catalogue) beside Alt Olvenstedt (number 20).
        let first = try XCTUnwrap(mismatches.first)
        XCTAssertEqual(first.cell, "B6")
        XCTAssertEqual(first.value, "01 Alt Olvenstedt")
        for part in ["01", "Altstadt", "Alt Olvenstedt", "20"] { XCTAssertTrue(first.message(.de).contains(part), first.message(.de)) }
        XCTAssertGreaterThan(mismatches.count, 30, "one finding per row that disagrees")
        XCTAssertNil(submission?.tables["W04"], "the sheet's values are not taken")
        XCTAssertNotNil(submission?.tables["W05"])
    }

    func testADepartmentsOwnNumberingIsOneWarningAndRowsAreTakenByName() throws {
        var w = try submission()
        for n in 1...40 { set(&w, "B02", "A\(5 + n)", .string(String(n))) }
        let (report, submission) = validator.validate(w, file: "x")
        XCTAssertEqual(report.findings.map(\.code), ["district-own-numbering"])
        XCTAssertEqual(report.findings.first?.severity, .warning)
        XCTAssertEqual(report.findings.first?.cell, "A8")
        XCTAssertTrue(report.findings.first?.message(.de).contains("Alte Neustadt") == true, report.findings.first?.message(.de) ?? "")
        let original = validator.validate(try self.submission(), file: "x").1
        XCTAssertEqual(submission.observations, original.observations, "every value lands on the same district as with the catalogue's numbers")
    }

    func testRowsWithNamesOnlyAreOneWarningAndRowsAreTakenByName() throws {
        var w = try submission()
        for n in 1...40 { set(&w, "B04", "A\(5 + n)", .empty) }
        let (report, submission) = validator.validate(w, file: "x")
        XCTAssertEqual(report.findings.map(\.code), ["district-names-only"])
        XCTAssertEqual(report.findings.first?.severity, .warning)
        XCTAssertEqual(submission.observations, validator.validate(try self.submission(), file: "x").1.observations)
    }

    func testOneRowWhoseNumberAndNameDisagreeRejectsItsSheet() throws {
        var w = try submission()
        set(&w, "B05", "A8", .string("06"))
        let (report, submission) = validator.validate(w, file: "x")
        XCTAssertEqual(report.findings.map(\.code), ["district-mismatch"])
        XCTAssertEqual(report.findings.first?.cell, "B8")
        XCTAssertTrue(report.findings.first?.message(.de).contains("Neue Neustadt") == true)
        XCTAssertNil(submission.tables["B05"])
    }

    func testCategoryColumnsAreFoundByTheirHeaderWhereverTheyStand() throws {
        var w = try submission()
        // Swap the columns deutsch (D) and nichtdeutsch (E) with their headers.
        let s = try XCTUnwrap(w.sheets.firstIndex { $0.name == "B01" })
        for r in w.sheets[s].rows.indices {
            for c in w.sheets[s].rows[r].cells.indices where [3, 4].contains(w.sheets[s].rows[r].cells[c].column) {
                w.sheets[s].rows[r].cells[c].column = 7 - w.sheets[s].rows[r].cells[c].column
            }
            w.sheets[s].rows[r].cells.sort { $0.column < $1.column }
        }
        let (report, submission) = validator.validate(w, file: "x")
        XCTAssertEqual(report.findings, [])
        let original = validator.validate(try self.submission(), file: "x").1
        func values(_ s: Submission) -> [String] {
            s.observations.filter { $0.indicator == "B01" }.map { "\($0.district) \($0.category) \($0.displayValue)" }.sorted()
        }
        XCTAssertEqual(values(submission), values(original))

        var twice = try self.submission()
        set(&twice, "B01", "F5", .string("deutsch"))
        let (doubled, read) = validator.validate(twice, file: "x")
        XCTAssertEqual(doubled.findings.map(\.code), ["column-duplicate"])
        XCTAssertEqual(doubled.findings.first?.cell, "F5")
        XCTAssertNil(read.tables["B01"])
    }

    func testFindingsAreRenderedInGermanOrEnglishWithTheLanguagesNumbers() throws {
        var w = try submission()
        for cell in ["D7", "C7", "D46", "C46"] { set(&w, "B02", cell, .number(number(w, "B02", cell) + 0.5)) }
        set(&w, "B02", "C46", .number(number(w, "B02", "C46") + 1000))
        let (report, _) = validator.validate(w, file: "x.xlsx")
        let fractional = try XCTUnwrap(report.findings.first { $0.code == "fractional-count" && $0.cell == "D7" })
        guard case .fractionalCount(let found) = fractional.kind else { return XCTFail("\(fractional.kind)") }
        let german = Language.de.number(found), english = Language.en.number(found)
        XCTAssertTrue(german.contains(","), german)
        XCTAssertEqual(fractional.message(.de), "Eine Anzahl ist eine ganze Zahl; eingetragen ist \(german).")
        XCTAssertEqual(fractional.message(.en), "A count is a whole number; \(english) was entered.")
        let city = try XCTUnwrap(report.findings.first { $0.code == "city-total-mismatch" })
        guard case .cityTotalMismatch(let sum, let total) = city.kind else { return XCTFail("\(city.kind)") }
        XCTAssertEqual(total - sum, 1000)
        XCTAssertTrue(city.message(.de).contains("(Differenz 1.000)"), city.message(.de))
        XCTAssertTrue(city.message(.en).contains("(difference 1000)"), city.message(.en))

        let text = ValidationReport.text([report], language: .en)
        XCTAssertTrue(text.contains("error    A count is a whole number"), text)
        XCTAssertFalse(text.contains("Fehler"), text)
        let json = try JSONSerialization.jsonObject(with: Data(ValidationReport.json([report], language: .en).utf8)) as? [String: Any]
        let messages = ((json?["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])?.compactMap { $0["message"] as? String }
        XCTAssertEqual(messages, report.findings.map { $0.message(.en) })
    }

    func testNumbersInGermanMessagesUseTheGermanFormat() {
        XCTAssertEqual(Language.de.number(40.5), "40,5")
        XCTAssertEqual(Language.de.number(8686), "8.686")
        XCTAssertEqual(Language.de.number(-1_234_567.25), "-1.234.567,25")
        XCTAssertEqual(Language.de.number(999), "999")
        XCTAssertEqual(Language.de.number(0.5), "0,5")
        XCTAssertEqual(Language.en.number(8686), "8686")
        XCTAssertEqual(Language.en.number(40.5), "40.5")
    }

    func testTheFeedbackWorkbookIsWrittenInTheLanguageAsked() throws {
        var w = try submission()
        set(&w, "B01", "D6", .string("ca. 50"))
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("imon-submission-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: source) }
        try write(w, to: source)
        let (report, submission) = validator.validate(w, file: "x.xlsx")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imon-feedback-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try FeedbackWorkbook.write(submission.workbook, report: report, language: .en, source: source, to: file)
        let copy = try WorkbookFile.read(file)
        let log = try XCTUnwrap(copy.sheet(named: "Check report"), "\(copy.sheets.map(\.name))")
        XCTAssertEqual(log.value(at: CellReference("F4")!), .string(report.findings[0].message(.en)))
        XCTAssertEqual(log.value(at: CellReference("B4")!), .string("error"))
    }

    func testUnreadableFilesAreFindingsForThatFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imon-broken-\(UUID().uuidString).xlsx").path
        try Data("PK\u{3}\u{4} not really".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (report, submission) = validator.validate(file: file)
        XCTAssertNil(submission)
        XCTAssertEqual(report.findings.map(\.code), ["unreadable"])
    }

    func testJSONReportHasTheAgreedShape() throws {
        var w = try submission()
        set(&w, "B01", "D6", .string("ca. 50"))
        let (report, _) = validator.validate(w, file: "a \"b\".xlsx")
        let json = ValidationReport.json([report], language: .de)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let files = parsed?["files"] as? [[String: Any]]
        XCTAssertEqual(files?.first?["file"] as? String, "a \"b\".xlsx")
        XCTAssertEqual(files?.first?["department"] as? String, "40")
        XCTAssertEqual(files?.first?["year"] as? Int, 2007)
        let finding = (files?.first?["findings"] as? [[String: Any]])?.first
        XCTAssertEqual(Set(finding?.keys.map { $0 } ?? []), ["severity", "code", "sheet", "cell", "value", "message"])
        XCTAssertEqual((parsed?["summary"] as? [String: Int])?["errors"], 1)
    }
}

/// Last year's values as the store would give them, from a synthetic submission.
private struct LastYear: EarlierValues {
    let values: SubmissionValues

    func values(indicator: String, year: Int) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for (key, categories) in values.cells[indicator] ?? [:] {
            for (category, value) in categories { if case .number(let n) = value { out[key, default: [:]][category] = n } }
        }
        return out
    }
}

final class PlausibilityTests: XCTestCase {
    private let catalogue = DefaultCatalogue.magdeburg

    private func workbook(_ change: (inout SubmissionValues) -> Void = { _ in }) throws -> Workbook {
        var values = SyntheticSubmissions(catalogue: catalogue).values(department: "40", year: 2007)
        change(&values)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imon-plaus-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try SubmissionTemplate(catalogue: catalogue, department: catalogue.department("40")!, year: 2007).write(to: file, values: values)
        return try WorkbookFile.read(file)
    }

    private func validator() -> Validator {
        var v = Validator(catalogue: catalogue)
        v.earlier = LastYear(values: SyntheticSubmissions(catalogue: catalogue).values(department: "40", year: 2006))
        return v
    }

    func testOrdinaryYearOnYearMovementRaisesNothing() throws {
        XCTAssertEqual(validator().validate(try workbook(), file: "x").0.findings, [])
    }

    func testALargeChangeOnThePreviousYearIsAWarning() throws {
        let w = try workbook { v in
            for (key, category) in [("01", "insgesamt"), ("01", "deutsch"), ("Stadt", "insgesamt"), ("Stadt", "deutsch")] {
                if case .number(let n) = v["B01", key, category] { v["B01", key, category] = .number(n + 900) }
            }
        }
        let found = validator().validate(w, file: "x").0.findings
        XCTAssertTrue(found.contains { $0.code == "large-change" && $0.cell == "C6" && $0.severity == .warning }, "\(found)")
        XCTAssertFalse(found.contains { $0.severity == .error })
        XCTAssertTrue(PlausibilityRules.surprisingChange(from: 1000, to: 1400))
        XCTAssertFalse(PlausibilityRules.surprisingChange(from: 2, to: 6), "small counts move a lot by chance")
        XCTAssertFalse(PlausibilityRules.surprisingChange(from: 1000, to: 1200))
    }

    func testADistrictFarOutsideTheOthersIsAWarning() throws {
        let w = try workbook { v in
            // Almost every pupil in Sudenburg (30) non-German: far from every other district.
            if case .number(let total) = v["B01", "30", "insgesamt"], case .number(let foreign) = v["B01", "30", "nichtdeutsch"],
               case .number(let german) = v["B01", "30", "deutsch"] {
                let moved = german - 5
                v["B01", "30", "deutsch"] = .number(5)
                v["B01", "30", "nichtdeutsch"] = .number(foreign + moved)
                _ = total
                if case .number(let cd) = v["B01", "Stadt", "deutsch"], case .number(let cn) = v["B01", "Stadt", "nichtdeutsch"] {
                    v["B01", "Stadt", "deutsch"] = .number(cd - moved)
                    v["B01", "Stadt", "nichtdeutsch"] = .number(cn + moved)
                }
            }
        }
        var plain = Validator(catalogue: catalogue)
        plain.earlier = LastYear(values: SubmissionValues())
        let found = plain.validate(w, file: "x").0.findings
        XCTAssertTrue(found.contains { $0.code == "district-outlier" && $0.sheet == "B01" && $0.cell == "E21" }, "\(found)")
    }

    func testASheetIdenticalToLastYearIsAWarning() throws {
        let last = SyntheticSubmissions(catalogue: catalogue).values(department: "40", year: 2006)
        let w = try workbook { v in v.cells["B02"] = last.cells["B02"] }
        let found = validator().validate(w, file: "x").0.findings
        XCTAssertEqual(found.map(\.code), ["same-as-last-year"])
        XCTAssertEqual(found.first?.sheet, "B02")
    }
}
