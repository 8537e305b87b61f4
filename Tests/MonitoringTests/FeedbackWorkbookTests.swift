import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
@testable import Monitoring

/// The feedback copy is the department's own file with the protocol sheet
/// first and each finding's cell marked (issue 24).
final class FeedbackWorkbookTests: XCTestCase {
    private let validator = Validator(catalogue: DefaultCatalogue.magdeburg)
    /// W04 sorted by name while the numbers stayed, saved by LibreOffice 7.4.
    private let halfSorted = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/intake/Amt_50_2007_halb_sortiert.xlsx").path

    private func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imon-feedback-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder + "/" + name
    }

    func testTheCopyOfALibreOfficeSubmissionIsItsOwnFileWithTheFindingsMarked() throws {
        let (report, submission) = validator.validate(file: halfSorted)
        let workbook = try XCTUnwrap(submission).workbook
        let annotations = FeedbackWorkbook.annotations(workbook, report: report, language: .de)
        XCTAssertEqual(annotations.marks.count, report.findings.count)
        XCTAssertEqual(annotations.marks.first, CellMark(sheet: "W04", cell: CellReference("B6")!, fill: RGBColor(hex: 0xFFC7CE),
                                                          comment: report.findings[0].message(.de)))

        let path = temporary(FeedbackCopy.namePrefix(.de) + "Amt_50_2007_halb_sortiert.xlsx")
        try FeedbackWorkbook.write(workbook, report: report, language: .de, source: halfSorted, to: path)
        let copy = try WorkbookFile.read(path), original = try WorkbookFile.read(halfSorted)
        XCTAssertEqual(copy.sheets.map(\.name), ["Prüfprotokoll"] + original.sheets.map(\.name))
        XCTAssertEqual(copy.properties.application, original.properties.application, "the department's own package, not one written anew")
        XCTAssertTrue(original.properties.application?.hasPrefix("LibreOffice") == true, "\(original.properties.application ?? "-")")
        for sheet in original.sheets {
            XCTAssertEqual(copy.sheet(named: sheet.name)?.rows.map(\.index), sheet.rows.map(\.index), sheet.name)
            XCTAssertEqual(copy.sheet(named: sheet.name)?.rows.map(\.cells), sheet.rows.map(\.cells), sheet.name)
        }
        let log = try XCTUnwrap(copy.sheets.first)
        XCTAssertEqual(log.value(at: CellReference("A1")!), .string("Prüfprotokoll – Amt 50, 2007: 40 Fehler, 0 Warnungen"))
        XCTAssertEqual(log.value(at: CellReference("D4")!), .string("B6"))
        XCTAssertTrue(FeedbackCopy.isFeedbackCopy(path: path))
    }

    func testAnODSSubmissionGetsItsOwnFileBackToo() throws {
        let (_, xlsxSubmission) = validator.validate(file: halfSorted)
        let workbook = try XCTUnwrap(xlsxSubmission).workbook
        let source = temporary("Amt_50.ods")
        let writer = try WorkbookFile.writer(for: source)
        for sheet in workbook.sheets {
            try writer.beginSheet(SheetLayout(name: sheet.name))
            for row in sheet.rows { try writer.write(OutputRow(index: row.index, cells: row.cells.map { OutputCell(column: $0.column, value: $0.value) })) }
            try writer.endSheet()
        }
        try writer.finish()
        let (report, submission) = validator.validate(file: source)
        let path = temporary("Prüfung_Amt_50.ods")
        try FeedbackWorkbook.write(try XCTUnwrap(submission).workbook, report: report, language: .de, source: source, to: path)
        let copy = try WorkbookFile.read(path)
        XCTAssertEqual(copy.properties.format, .ods)
        XCTAssertEqual(copy.sheets.map(\.name), ["Prüfprotokoll"] + workbook.sheets.map(\.name))
        XCTAssertEqual(copy.sheet(named: "Angaben")?.value(at: CellReference("B5")!), .date(CivilDate(year: 2007, month: 12, day: 31)))
        XCTAssertTrue(FeedbackCopy.isFeedbackCopy(path: path))
    }

    func testTheCopyNeverReplacesTheSubmission() throws {
        let source = temporary("Amt_50.xlsx")
        try FileManager.default.copyItem(atPath: halfSorted, toPath: source)
        let before = try Data(contentsOf: URL(fileURLWithPath: source))
        let (report, submission) = validator.validate(file: source)
        XCTAssertThrowsError(try FeedbackWorkbook.write(try XCTUnwrap(submission).workbook, report: report, language: .de,
                                                        source: source, to: source)) { error in
            XCTAssertEqual("\(error)", "file: the annotated copy would replace the file it is made from")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: source)), before)
    }
}
