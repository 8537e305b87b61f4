import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
@testable import Monitoring

final class CatalogueTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-cat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testTheBuiltInCatalogueIsCompleteAndConsistent() {
        let c = DefaultCatalogue.magdeburg
        XCTAssertEqual(CatalogueRules.check(c), [])
        XCTAssertTrue((25...40).contains(c.indicators.count), "\(c.indicators.count) indicators")
        XCTAssertEqual(c.districts.count, 40)
        XCTAssertEqual(c.goals.filter(\.active).count, 3)
        for field in c.fields {
            XCTAssertFalse(c.indicators.filter { $0.field == field.code }.isEmpty, "field \(field.code) has no indicator")
        }
        for indicator in c.indicators {
            XCTAssertFalse(indicator.definition.isEmpty, indicator.code)
            XCTAssertTrue(indicator.unit == .count || indicator.isDerived, "\(indicator.code) is counted or derived")
        }
    }

    func testCatalogueRoundTripsThroughXLSXAndODS() throws {
        for ext in ["xlsx", "ods"] {
            let file = path("katalog.\(ext)")
            try CatalogueWorkbook.write(DefaultCatalogue.magdeburg, to: file)
            let (read, findings) = try CatalogueWorkbook.read(path: file)
            XCTAssertEqual(findings, [], ext)
            XCTAssertEqual(read, DefaultCatalogue.magdeburg, ext)
        }
    }

    func testSourceMappingsAreCheckedLikeEveryOtherSheetAtTheirCells() throws {
        var c = DefaultCatalogue.magdeburg
        c.sources = [SourceMapping(table: "K3_T41", department: "99", yearColumn: 0, districtColumn: 1, cityKey: "15003", columnCount: 4,
                                   columns: [
                                       SourceColumn(column: 2, indicator: "W01", category: "nichtdeutsch"),
                                       SourceColumn(column: 3, indicator: "W01", category: "nichtdeutsch"),
                                       SourceColumn(column: 6, indicator: "X99", category: "insgesamt"),
                                       SourceColumn(column: 2, indicator: "W01", category: "türkisch"),
                                       SourceColumn(column: 2, indicator: "W02", category: "nichtdeutsch"),
                                       SourceColumn(column: 1, indicator: "W04", category: "insgesamt"),
                                   ])]
        let file = path("quellen.xlsx")
        try CatalogueWorkbook.write(c, to: file)
        let (read, findings) = try CatalogueWorkbook.read(path: file)
        XCTAssertEqual(read.sources, c.sources, "the sheet Quellen round-trips")
        let lines = findings.map { CatalogueFindingText.line($0, .en) }
        XCTAssertEqual(lines, [
            "Quellen!B2: source K3_T41: department \"99\" is not in the sheet Ämter [unknown-department]",
            "Quellen!I3: source K3_T41: columns C, D both feed W01 \"nichtdeutsch\" [columns-onto-one-category]",
            "Quellen!I4: source K3_T41: column G lies outside the table's 4 columns [column-out-of-range]",
            "Quellen!K4: source K3_T41: indicator X99 does not exist [unknown-indicator]",
            "Quellen!L5: source K3_T41: indicator W01 has no category \"türkisch\" (it has insgesamt, deutsch, nichtdeutsch) [unknown-category]",
            "Quellen!K6: source K3_T41: W02 is a rate; rates are derived from counts, never imported [rate-not-importable]",
            "Quellen!I7: source K3_T41: column B is the year or district column and cannot feed a value [column-is-key]",
        ])
    }

    func testASourceSheetWithUnreadableEntriesNamesTheirCells() throws {
        let file = path("quellen-kaputt.xlsx")
        try CatalogueWorkbook.write(DefaultCatalogue.magdeburg, to: file)
        var workbook = try WorkbookFile.read(file)
        let q = try XCTUnwrap(workbook.sheets.firstIndex { $0.name == "Quellen" })
        func set(_ a1: String, _ value: CellValue) {
            let ref = CellReference(a1)!
            let r = workbook.sheets[q].rows.firstIndex { $0.index == ref.row }!
            let c = workbook.sheets[q].rows[r].cells.firstIndex { $0.column == ref.column }!
            workbook.sheets[q].rows[r].cells[c].value = value
        }
        set("C2", .string("1A"))          // year column of K3_T33: not a letter
        set("H3", .string(". = heimlich")) // markers of K3_T41: meaning unknown
        let (_, findings) = CatalogueWorkbook.read(workbook)
        let lines = findings.map { CatalogueFindingText.line($0, .en) }
        XCTAssertTrue(lines.contains("Quellen!C2: source K3_T33: \"1A\" is not a column letter (A, B, …) [not-a-column]"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Quellen!H3: source K3_T41: \". = heimlich\" is not a marker") }, "\(lines)")
    }

    func testAssessmentSettingsRoundTripAndAreChecked() throws {
        var c = DefaultCatalogue.magdeburg
        c.assessment.minimumPopulation = 500
        c.assessment.statusVeryLow = -2
        c.assessment.dynamicsYears = 3
        c.assessment.stableBand = 0.5
        c.assessment.indexRates[4] = ["J03", "S02"]
        c.assessment.rules["B06"] = .init(category: "insgesamt", minimumDenominator: 30, relevantDistance: 4)
        c.assessment.rules["A05"] = .init(category: "nichtdeutsch", reference: "deutsch", minimumDenominator: 20, relevantDistance: 3)
        for ext in ["xlsx", "ods"] {
            let file = path("bewertung.\(ext)")
            try CatalogueWorkbook.write(c, to: file)
            let (read, findings) = try CatalogueWorkbook.read(path: file)
            XCTAssertEqual(findings, [], ext)
            XCTAssertEqual(read.assessment, c.assessment, ext)
            XCTAssertEqual(read.indicator("P02")?.denominatorYearOffset, -1, ext)
        }
        c.assessment.rules["B06"]?.category = "ausländisch"
        c.assessment.statusLow = -3
        XCTAssertEqual(CatalogueRules.check(c).map(\.kind.code), ["unknown-category", "range-contradiction"])
    }

    func testEveryRuleReportsWithItsCell() throws {
        var c = DefaultCatalogue.magdeburg
        c.departments.append(Department(code: "12", name: "doppelt"))
        c.indicators.append(Indicator(code: "W01", name: "doppelt", field: 1, department: "12", unit: .count, categories: ["insgesamt"]))
        c.indicators.append(Indicator(code: "X01", name: "Feld fehlt", field: 9, department: "99", unit: .count, categories: ["insgesamt"]))
        c.indicators.append(Indicator(code: "X02", name: "Quote ohne Nenner", field: 1, department: "12", unit: .percent,
                                      categories: ["insgesamt"], maximum: 150, numerator: "W01"))
        c.indicators.append(Indicator(code: "X03", name: "Quote aus Quote", field: 1, department: "12", unit: .percent,
                                      categories: ["insgesamt"], maximum: 100, numerator: "W02", denominator: "W01"))
        c.indicators.append(Indicator(code: "X04", name: "Kreis A", field: 1, department: "12", unit: .percent,
                                      categories: ["insgesamt"], maximum: 100, numerator: "X05", denominator: "W01"))
        c.indicators.append(Indicator(code: "X05", name: "Kreis B", field: 1, department: "12", unit: .percent,
                                      categories: ["insgesamt"], maximum: 100, numerator: "X04", denominator: "W01"))
        c.indicators.append(Indicator(code: "X06", name: "negativ", field: 1, department: "12", unit: .count,
                                      categories: ["insgesamt"], minimum: -1))
        c.indicators.append(Indicator(code: "X07", name: "Quote eingereicht", field: 1, department: "12", unit: .perThousand,
                                      categories: ["insgesamt"], maximum: 1000))
        for n in 0..<3 {
            c.goals.append(Goal(field: 1, statement: "mehr \(n)", indicator: "W01", category: "insgesamt", baselineYear: 2005,
                                baselineValue: 1, targetYear: 2010, targetValue: 2, priority: 4 + n))
        }
        c.goals.append(Goal(field: 1, statement: "unbekannt", indicator: "Q99", category: "insgesamt", baselineYear: 2005,
                            baselineValue: 1, targetYear: 2004, targetValue: 2, priority: 9, active: false))
        let file = path("kaputt.xlsx")
        try CatalogueWorkbook.write(c, to: file)
        let (_, findings) = try CatalogueWorkbook.read(path: file)
        let codes = Set(findings.map(\.code))
        for code in ["duplicate-code", "unknown-field", "unknown-department", "rate-incomplete", "rate-of-non-count", "rate-cycle",
                     "range-contradiction", "rate-not-derived", "too-many-goals", "unknown-indicator"] {
            XCTAssertTrue(codes.contains(code), "no finding \(code) in \(findings)")
        }
        let unknownDepartment = findings.first { $0.code == "unknown-department" }
        XCTAssertEqual(unknownDepartment?.sheet, "Indikatoren")
        let row = DefaultCatalogue.magdeburg.indicators.count + 3 // header, then the duplicate W01, then X01
        XCTAssertEqual(unknownDepartment?.cell, CellReference(row: row - 1, column: 3), "\(String(describing: unknownDepartment))")
        XCTAssertTrue(findings.contains { $0.code == "duplicate-code" && $0.sheet == "Ämter" && $0.cell == CellReference(row: 11, column: 0) })
    }

    func testCodesThatCannotBeFileOrSheetNamesAndNamesWithLineBreaksAreRefusedAtTheirCell() throws {
        var c = DefaultCatalogue.magdeburg
        let department = c.departments[0].code
        c.departments[0].code = "x/../../esc"
        for i in c.indicators.indices where c.indicators[i].department == department { c.indicators[i].department = "x/../../esc" }
        c.indicators[0].code = "A[1]"
        c.indicators[1].code = String(repeating: "K", count: 32)
        c.indicators[2].code = " B07"
        c.districts[0].name = "Alt\nstadt"
        c.indicators[3].code = c.indicators[4].code.lowercased()
        let file = path("unsicher.xlsx")
        try CatalogueWorkbook.write(c, to: file)
        let (_, findings) = try CatalogueWorkbook.read(path: file)
        func found(_ code: String, _ sheet: String, _ cell: String) -> CatalogueFinding? {
            findings.first { $0.code == code && $0.sheet == sheet && $0.cell == CellReference(cell) }
        }
        let path = try XCTUnwrap(found("unsafe-code", "Ämter", "A2"), "\(findings)")
        XCTAssertEqual(path.kind, .unsafeCode(entry: .department, code: "x/../../esc", problems: [.pathSeparator("/"), .parentFolder]))
        XCTAssertEqual(path.message(.en), "department \"x/../../esc\" cannot serve as a file and sheet name: path separator '/', '..' (parent folder)")
        let bracket = try XCTUnwrap(found("unsafe-code", "Indikatoren", "A2"), "\(findings)")
        XCTAssertEqual(bracket.kind, .unsafeCode(entry: .indicator, code: "A[1]", problems: [.forbiddenInSheetName("["), .forbiddenInSheetName("]")]))
        XCTAssertEqual(found("unsafe-code", "Indikatoren", "A3")?.kind,
                       .unsafeCode(entry: .indicator, code: String(repeating: "K", count: 32), problems: [.tooLong(count: 32)]))
        XCTAssertEqual(found("unsafe-code", "Indikatoren", "A4")?.kind, .unsafeCode(entry: .indicator, code: " B07", problems: [.surroundingBlanks]))
        XCTAssertEqual(found("duplicate-code", "Indikatoren", "A6")?.kind, .duplicateIndicator(c.indicators[4].code),
                       "codes differing only in case are one sheet name")
        let lineBreak = try XCTUnwrap(found("control-character", "Sozialräume", "B2"), "\(findings)")
        XCTAssertEqual(lineBreak.kind, .unsafeText(entry: .district, text: "Alt\nstadt", problems: [.controlCharacter(0x0A)]))
        XCTAssertEqual(lineBreak.message(.de),
                       "Stadtteil „Alt<U+000A>stadt“ enthält das Steuerzeichen U+000A; Namen müssen in einer Zeile stehen")
        let escape = CatalogueFindingText.line(CatalogueFinding(.notANumber(found: "\u{1B}]0;x\u{07}"), sheet: "Ziele", cell: CellReference("E2")), .en)
        XCTAssertEqual(escape, "Ziele!E2: \"<U+001B>]0;x<U+0007>\" is not a number [not-a-number]")
        XCTAssertEqual(NameProblem.ofSheetCode("Hinweise"), [.reservedSheetName])
        XCTAssertEqual(NameProblem.ofCode("B01"), [])
        XCTAssertEqual(NameProblem.ofCode(String(repeating: "K", count: 31)), [])
        XCTAssertEqual(NameProblem.ofCode("a:b?*\\'"), [.pathSeparator("\\"), .forbiddenInSheetName("*"), .forbiddenInSheetName(":"),
                                                       .forbiddenInSheetName("?"), .apostropheAtEdge])
    }

    func testUnreadableValuesAreFindingsNotCrashes() throws {
        let file = path("werte.xlsx")
        try CatalogueWorkbook.write(DefaultCatalogue.magdeburg, to: file)
        var workbook = try WorkbookFile.read(file)
        guard let s = workbook.sheets.firstIndex(where: { $0.name == "Indikatoren" }) else { return XCTFail() }
        workbook.sheets[s].rows[1].cells[4].value = .string("Stück")
        workbook.sheets[s].rows[2].cells[2].value = .string("drei")
        let (_, findings) = CatalogueWorkbook.read(workbook)
        XCTAssertTrue(findings.contains { $0.code == "unknown-unit" && $0.cell == CellReference(row: 1, column: 4) }, "\(findings)")
        XCTAssertTrue(findings.contains { $0.code == "not-a-whole-number" && $0.cell == CellReference(row: 2, column: 2) }, "\(findings)")
    }

    func testAMissingSheetIsNamed() throws {
        let (_, findings) = CatalogueWorkbook.read(Workbook(properties: WorkbookProperties(format: .xlsx), sheets: []))
        XCTAssertEqual(Set(findings.filter { $0.code == "missing-sheet" }.map(\.sheet)),
                       ["Handlungsfelder", "Sozialräume", "Ämter", "Indikatoren", "Ziele"])
    }
}
