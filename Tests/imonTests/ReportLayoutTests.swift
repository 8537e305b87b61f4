import Foundation
import XCTest
import Zip

/// How printed workbooks lay out what does not fit the usual way: a field of
/// indicators known only for the whole city (their years and a line chart
/// each, two to a page, not a page of one line each), and a template title
/// longer than its table is wide.
final class ReportLayoutTests: XCTestCase {
    func testCityLevelIndicatorsGetTheirChartAndShareAPage() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("imon-layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let demo = try ImonProcess.run(["demo", "-o", out.path, "--samples", samples])
        XCTAssertEqual(demo.status, 0, demo.err)
        let xlsx = try ZipArchive(path: out.appendingPathComponent("Lagebericht_2007.xlsx").path)
        let charts = try xlsx.entries.filter { $0.name.hasPrefix("xl/charts/chart") }.map { String(decoding: try xlsx.data(of: $0), as: UTF8.self) }
        for code in ["V01", "V02", "V03", "V04", "V05"] {
            XCTAssertEqual(charts.filter { $0.contains("\(code) insgesamt: Stadt im Zeitverlauf") }.count, 1, code)
        }
        // Field 7 holds the five city-level indicators V01…V05 only: three printed pages, so two page breaks.
        let field7 = String(decoding: try XCTUnwrap(try xlsx.data(named: "xl/worksheets/sheet10.xml")), as: UTF8.self)
        XCTAssertEqual(field7.components(separatedBy: "<brk ").count - 1, 2, "page breaks on the field 7 sheet")
    }

    func testALongIndicatorNameWrapsWithinTheTemplatesTable() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("imon-title-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try ImonProcess.run(["template", "--department", "50", "--year", "2008", "-o", out.path])
        XCTAssertEqual(result.status, 0, result.err)
        // Sheet 5 is S03 „Empfänger von Leistungen nach dem Asylbewerberleistungsgesetz“, a table of four columns:
        // its title takes two lines, so its row is high enough for them (20 points hold one).
        let sheet = String(decoding: try XCTUnwrap(try ZipArchive(path: out.path).data(named: "xl/worksheets/sheet5.xml")), as: UTF8.self)
        let row = try XCTUnwrap(sheet.components(separatedBy: "<row r=\"1\"").dropFirst().first?.prefix { $0 != ">" })
        let height = try XCTUnwrap(row.components(separatedBy: "ht=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) })
        XCTAssertGreaterThanOrEqual(height, 34, String(row))
    }
}
