import Foundation
import Monitoring
import TestFixtures
import XCTest

/// Text from workbooks reaches a terminal inert: control characters are
/// shown, never sent (issue 21, item 3a).
final class InertContentTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-inert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Bytes a terminal acts on: C0 controls other than line feed and tab, DEL,
    /// and the UTF-8 forms of C1 controls (C2 80…9F) and of the bidi overrides.
    private func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value)
                || [0x061C, 0x200E, 0x200F, 0x2066, 0x2067, 0x2068, 0x2069].contains(s.value) || (0x202A...0x202E).contains(s.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    /// A filled-in submission whose first value cell holds an OSC title change
    /// and a screen clear, and whose first remark a C1 CSI and a bidi override.
    private func hostileSubmission() throws -> (path: String, indicator: String) {
        let catalogue = DefaultCatalogue.magdeburg
        let department = try XCTUnwrap(catalogue.submittingDepartments.first)
        let template = SubmissionTemplate(catalogue: catalogue, department: department, year: 2007)
        let indicator = try XCTUnwrap(template.indicators.first { $0.level == .districts })
        var values = SubmissionValues()
        for district in catalogue.districts.map(\.number) + [SubmissionValues.cityTotalKey] {
            for category in indicator.categories { values[indicator.code, district, category] = .number(1) }
        }
        values[indicator.code, catalogue.districts[0].number, indicator.categories[0]] = .string("\u{1B}]0;pwned\u{07}\u{1B}[2J")
        values.remarks[indicator.code] = [catalogue.districts[1].number: "\u{9B}31m\u{202E}gnp.exe"]
        let path = directory.appendingPathComponent("Amt_hostile.xlsx").path
        try template.write(to: path, values: values)
        return (path, indicator.code)
    }

    func testTheWorkbookReallyHoldsTheEscapesAsOOXMLWritesThem() throws {
        let (path, _) = try hostileSubmission()
        let json = try ImonProcess.run(["cat", "--format", "json", path])
        XCTAssertEqual(json.status, 0, json.err)
        XCTAssertTrue(json.out.contains(#""\u001b]0;pwned\u0007\u001b[2J""#), json.out)
        // JSON escapes C1 and bidi controls too; the value read back is the same.
        XCTAssertTrue(json.out.contains(#""\u009b31m\u202egnp.exe""#), json.out)
        XCTAssertEqual(rawControls(json.out), [])
    }

    func testValidateShowsControlCharactersInsteadOfSendingThem() throws {
        let (path, _) = try hostileSubmission()
        let result = try ImonProcess.run(["validate", path])
        XCTAssertEqual(result.status, 1, result.out + result.err)
        XCTAssertEqual(rawControls(result.out), [], result.out)
        XCTAssertTrue(result.out.contains(#"\u001B]0;pwned\u0007\u001B[2J"#), result.out)
    }

    func testCatTableAndCSVOnATerminalShowControlCharacters() throws {
        let (path, indicator) = try hostileSubmission()
        let table = try ImonProcess.run(["cat", "--format", "table", "--sheet", indicator, path])
        XCTAssertEqual(table.status, 0, table.err)
        XCTAssertEqual(rawControls(table.out), [], table.out)
        XCTAssertTrue(table.out.contains(#"\u001B]0;pwned\u0007"#), table.out)
        XCTAssertTrue(table.out.contains(#"\u009B31m\u202Egnp.exe"#), table.out)
        // Into a file (not a terminal) CSV keeps the text exact.
        let csv = try ImonProcess.run(["cat", "--format", "csv", "--sheet", indicator, path])
        XCTAssertTrue(csv.out.contains("\u{1B}]0;pwned\u{07}\u{1B}[2J"), csv.out)
    }

    func testErrorLinesShowControlCharactersOfFileNames() throws {
        let path = directory.appendingPathComponent("a\u{1B}]0;pwned\u{07}.xlsx").path
        try Data("not a workbook".utf8).write(to: URL(fileURLWithPath: path))
        let result = try ImonProcess.run(["inspect", path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.hasPrefix("imon: error: "), result.err)
        XCTAssertEqual(rawControls(result.err), [], result.err)
        XCTAssertTrue(result.err.contains(#"a\u001B]0;pwned\u0007.xlsx"#), result.err)
    }

    func testMergeAndHistoryShowControlCharactersOfStoredFileNames() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let name = directory.appendingPathComponent("Amt_11\u{1B}[2J\u{202E}.xlsx").path
        try FileManager.default.copyItem(atPath: samples.appendingPathComponent("Abgaben/2007/Amt_11_2007.xlsx").path, toPath: name)
        let store = directory.appendingPathComponent("s.sqlite").path
        let merge = try ImonProcess.run(["merge", "--lang", "en", "--store", store, name])
        XCTAssertEqual(merge.status, 0, merge.err)
        XCTAssertEqual(rawControls(merge.out), [], merge.out)
        XCTAssertTrue(merge.out.contains(#"Amt_11\u001B[2J\u202E.xlsx (department 11, 2007): imported"#), merge.out)
        let history = try ImonProcess.run(["history", "--store", store])
        XCTAssertEqual(history.status, 0, history.err)
        XCTAssertEqual(rawControls(history.out), [], history.out)
        XCTAssertTrue(history.out.contains(#"Amt_11\u001B[2J\u202E.xlsx"#), history.out)
    }
}
