import Foundation
import Monitoring
import TestFixtures
import XCTest

/// CSV and TSV for spreadsheet programs never hold a field they would
/// evaluate (OWASP CSV injection; issue 21, item 3b), and `export` writes the
/// dialect German or English Excel opens (item 3c).
final class FormulaGuardTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// One row of text cells that look like formulas, then numbers and the marker `-`.
    private func formulaLikeWorkbook() throws -> String {
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings([#"<t>=HYPERLINK("http://x","y")</t>"#, "<t>+1</t>", "<t>@SUM(A1)</t>",
                                                     "<t>-2+3</t>", "<t>-</t>", "<t>_x0009_=1</t>", "<t>＝1+1</t>"])
        f.addSheet("Daten", rows: """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>\
            <row r="2"><c r="A2"><v>-2</v></c><c r="B2"><v>12.5</v></c><c r="C2" t="s"><v>4</v></c><c r="D2" t="s"><v>5</v></c><c r="E2" t="s"><v>6</v></c></row>
            """)
        let url = directory.appendingPathComponent("formeln.xlsx")
        try Data(try f.build()).write(to: url)
        return url.path
    }

    func testCatAsCSVAndTSVGuardsTextThatLooksLikeAFormula() throws {
        let file = try formulaLikeWorkbook()
        let csv = try ImonProcess.run(["cat", "--format", "csv", file])
        XCTAssertEqual(csv.status, 0, csv.err)
        XCTAssertEqual(csv.out, #"""
            "'=HYPERLINK(""http://x"",""y"")","'+1","'@SUM(A1)","'-2+3"
            -2,12.5,-,"'	=1","'＝1+1"

            """#)
        let tsv = try ImonProcess.run(["cat", "--format", "tsv", file])
        XCTAssertEqual(tsv.out, "'=HYPERLINK(\"http://x\",\"y\")\t'+1\t'@SUM(A1)\t'-2+3\n-2\t12.5\t-\t' =1\t'＝1+1\n")
    }

    func testConvertToCSVGuardsTextThatLooksLikeAFormula() throws {
        let file = try formulaLikeWorkbook()
        let result = try ImonProcess.run(["convert", file, path("out.csv")])
        XCTAssertEqual(result.status, 0, result.err)
        let written = try String(contentsOfFile: path("out.csv"), encoding: .utf8)
        XCTAssertTrue(written.hasPrefix(#""'=HYPERLINK(""http://x"",""y"")","'+1","'@SUM(A1)","'-2+3""#), written)
        XCTAssertTrue(written.contains("\n-2,12.5,-,"), written)
    }

    func testExportGuardsFileAndSheetNamesAndWritesTheChosenDialect() throws {
        let catalogue = DefaultCatalogue.magdeburg
        var values = SyntheticSubmissions(catalogue: catalogue).values(department: "11", year: 2007)
        let indicator = try XCTUnwrap(catalogue.submittedIndicators(of: "11").first?.code)
        values.renamedSheets[indicator] = #"=HYPERLINK("http.x","y")"#
        let name = "@SUM(A1).xlsx"
        try SubmissionTemplate(catalogue: catalogue, department: try XCTUnwrap(catalogue.department("11")), year: 2007)
            .write(to: path(name), values: values)
        // The store keeps the file name as given: relative, so the field begins with `@`.
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(directory.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let merged = try ImonProcess.run(["merge", "--store", "s.sqlite", name])
        XCTAssertEqual(merged.status, 0, merged.out + merged.err)

        let german = try ImonProcess.run(["export", "--store", "s.sqlite", "-o", "de.csv"])
        XCTAssertEqual(german.status, 0, german.err)
        let de = try Data(contentsOf: directory.appendingPathComponent("de.csv"))
        XCTAssertEqual(Array(de.prefix(3)), [0xEF, 0xBB, 0xBF])
        let deLines = String(decoding: de.dropFirst(3), as: UTF8.self).split(separator: "\n")
        XCTAssertTrue(deLines[0].hasPrefix("Kennziffer;Indikator;"), "\(deLines[0])")
        let renamed = try XCTUnwrap(deLines.first { $0.contains("HYPERLINK") })
        XCTAssertTrue(renamed.contains(#";"'@SUM(A1).xlsx";"'=HYPERLINK(""http.x"",""y"")";"#), "\(renamed)")

        let english = try ImonProcess.run(["export", "--store", "s.sqlite", "-o", "en.csv", "--csv-dialect", "en"])
        XCTAssertEqual(english.status, 0, english.err)
        let en = String(decoding: try Data(contentsOf: directory.appendingPathComponent("en.csv")).dropFirst(3), as: UTF8.self)
        XCTAssertTrue(en.hasPrefix("Kennziffer,Indikator,"), en)
        XCTAssertTrue(en.contains(#","'@SUM(A1).xlsx","'=HYPERLINK(""http.x"",""y"")","#), en)
        XCTAssertEqual(en.split(separator: "\n").count, deLines.count)
    }
}
