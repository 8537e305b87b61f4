import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
import Zip
@testable import Monitoring

final class TemplateTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func template(_ department: String, language: Language = .de) -> SubmissionTemplate {
        let c = DefaultCatalogue.magdeburg
        return SubmissionTemplate(catalogue: c, department: c.department(department)!, year: 2005, language: language)
    }

    func testTemplateHasItsSheetsHeadersDistrictsAndID() throws {
        for ext in ["xlsx", "ods"] {
            let file = directory.appendingPathComponent("t.\(ext)").path
            let t = template("40")
            try t.write(to: file)
            let workbook = try WorkbookFile.read(file)
            XCTAssertEqual(workbook.sheets.map(\.name), ["Angaben", "Hinweise", "B01", "B02", "B04", "B05", "B07"], ext)
            let details = workbook.sheets[0]
            XCTAssertEqual(details.value(at: CellReference("B3")!), .string("40 – Fachbereich Schule und Sport"))
            XCTAssertEqual(details.value(at: CellReference("B4")!), .number(2005))
            XCTAssertEqual(details.value(at: CellReference("B5")!), .date(CivilDate(year: 2005, month: 12, day: 31)))
            XCTAssertEqual(details.value(at: CellReference("B9")!), .string(t.id.description))
            let sheet = workbook.sheets[2]
            XCTAssertEqual(sheet.rows.first { $0.index == 4 }?.cells.map(\.value),
                           ["Nr.", "Stadtteil", "insgesamt", "deutsch", "nichtdeutsch", "Bemerkung"].map(CellValue.string))
            XCTAssertEqual(sheet.value(at: CellReference("A6")!), .string("01"))
            XCTAssertEqual(sheet.value(at: CellReference("B6")!), .string("Altstadt"))
            XCTAssertEqual(sheet.value(at: CellReference("A45")!), .string("78"))
            XCTAssertEqual(sheet.value(at: CellReference("B45")!), .string("Beyendorf-Sohlen"))
            XCTAssertEqual(sheet.value(at: CellReference("B46")!), .string("Stadt insgesamt"))
            XCTAssertEqual(sheet.value(at: CellReference("C6")!), .empty, "input cells are empty")
        }
    }

    func testInputCellsAreUnlockedAndValidatedTheRestProtected() throws {
        let xlsx = directory.appendingPathComponent("t.xlsx").path
        try template("40").write(to: xlsx)
        let zip = try ZipArchive(path: xlsx)
        let sheet = String(decoding: try zip.data(named: "xl/worksheets/sheet3.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(sheet.contains("<sheetProtection sheet=\"1\""))
        XCTAssertTrue(sheet.contains("<dataValidation type=\"custom\""))
        XCTAssertTrue(sheet.contains("sqref=\"C6:E46\""), "the validation covers every district and the city total")
        XCTAssertTrue(sheet.contains("<formula1>OR(AND(ISNUMBER(C6),C6&gt;=0,C6&lt;=1000000000000,C6=INT(C6)),C6=\"-\",C6=\".\",C6=\"x\")</formula1>"))
        XCTAssertTrue(sheet.contains("<pane xSplit=\"2\" ySplit=\"5\" topLeftCell=\"C6\""))
        let styles = String(decoding: try zip.data(named: "xl/styles.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(styles.contains("<protection locked=\"0\"/>"))

        let ods = directory.appendingPathComponent("t.ods").path
        try template("40").write(to: ods)
        let content = String(decoding: try ZipArchive(path: ods).data(named: "content.xml") ?? [], as: UTF8.self)
        XCTAssertTrue(content.contains("table:protected=\"true\""))
        XCTAssertTrue(content.contains("of:is-true-formula(OR(AND(ISNUMBER([.C6]);[.C6]&gt;=0"))
        XCTAssertTrue(content.contains("style:cell-protect=\"none\""))
    }

    func testCityLevelIndicatorsHaveOnlyTheCityRow() throws {
        let file = directory.appendingPathComponent("t11.xlsx").path
        try template("11").write(to: file)
        let sheet = try XCTUnwrap(try WorkbookFile.read(file).sheet(named: "V01"))
        XCTAssertEqual(sheet.value(at: CellReference("B6")!), .string("Stadt insgesamt"))
        XCTAssertEqual(sheet.rows.last?.index, 5)
    }

    func testEnglishTemplate() throws {
        let file = directory.appendingPathComponent("en.xlsx").path
        try template("51", language: .en).write(to: file)
        let workbook = try WorkbookFile.read(file)
        XCTAssertEqual(Array(workbook.sheets.map(\.name).prefix(2)), ["Details", "Notes"])
        XCTAssertEqual(workbook.sheets[2].value(at: CellReference("B5")!), .string("District"))
        XCTAssertEqual(workbook.sheets[2].value(at: CellReference("B46")!), .string("City total"))
    }

    func testTemplateIDsParseAndChangeWithTheCatalogue() {
        let id = template("BA").id
        XCTAssertEqual(TemplateID(id.description), id)
        var changed = DefaultCatalogue.magdeburg
        changed.districts.removeLast()
        XCTAssertNotEqual(TemplateID(department: "BA", year: 2005, catalogue: changed).fingerprint, id.fingerprint)
        XCTAssertNil(TemplateID("VORLAGE-1"))
    }
}
