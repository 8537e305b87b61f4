import Foundation
import XCTest
import Zip

/// The maps of the demo's report: in the HTML, the XLSX and the ODS every
/// map has exactly one shape per district, and says whose data it is drawn from.
final class ReportMapTests: XCTestCase {
    nonisolated(unsafe) private static var demo: URL?

    /// One demo run for the whole class: it takes a few seconds.
    private func demoFolder() throws -> URL {
        if let demo = Self.demo { return demo }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("imon-maps-\(UUID().uuidString)")
        let result = try ImonProcess.run(["demo", "-o", out.path, "--samples", samples])
        XCTAssertEqual(result.status, 0, result.err)
        Self.demo = out
        return out
    }

    override class func tearDown() {
        if let demo { try? FileManager.default.removeItem(at: demo) }
        super.tearDown()
    }

    private func count(_ needle: String, in text: Substring) -> Int { text.components(separatedBy: needle).count - 1 }

    func testEveryHTMLMapHasOneTitledShapePerDistrict() throws {
        let html = try String(contentsOf: try demoFolder().appendingPathComponent("Lagebericht_2007.html"), encoding: .utf8)
        let figures = html.components(separatedBy: "<figure class=\"mapfig\">").dropFirst().map { $0.prefix { _ in true } }
        XCTAssertGreaterThanOrEqual(figures.count, 1 + 7, "the overview and each field's status at least")
        for figure in figures {
            let map = figure.prefix(while: { _ in true }).components(separatedBy: "</figure>")[0]
            let numbers = map.components(separatedBy: "data-district=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            XCTAssertEqual(numbers.count, 40, String(map.prefix(200)))
            XCTAssertEqual(Set(numbers).count, 40, "one shape per district")
            XCTAssertEqual(count("<title>", in: Substring(map)), 40, "each shape names its district and value")
            XCTAssertTrue(map.contains("© OpenStreetMap-Mitwirkende"))
        }
        // Districts significantly and relevantly unfavourable carry the tables' ● on the map too, and the legend says so.
        let marked = figures.map { $0.components(separatedBy: "</figure>")[0] }.filter { $0.contains("<circle class=\"mark\"") }
        XCTAssertFalse(marked.isEmpty, "some rate has a marked district")
        for map in marked {
            XCTAssertTrue(map.contains("<circle cx=") && map.contains(">signifikant und relevant ungünstig</text>"), "the legend shows the mark and says what it means")
            XCTAssertEqual(count("<circle class=\"mark\"", in: Substring(map)), count(" ●</title>", in: Substring(map)), "one mark per marked district")
        }
        // The outlines are defined once and every map refers to them.
        XCTAssertEqual(count("<path id=\"district-", in: Substring(html)), 40)
    }

    func testTheWorkbooksDrawEveryMapAsVectorShapesWithOneShapePerDistrict() throws {
        let folder = try demoFolder()
        let xlsx = try ZipArchive(path: folder.appendingPathComponent("Lagebericht_2007.xlsx").path)
        let drawings = try xlsx.entries.filter { $0.name.hasPrefix("xl/drawings/drawing") }.map { String(decoding: try xlsx.data(of: $0), as: UTF8.self) }
        let maps = drawings.flatMap { $0.components(separatedBy: "<xdr:oneCellAnchor>").dropFirst() }.filter { $0.contains("<a:custGeom>") }
        XCTAssertGreaterThanOrEqual(maps.count, 1 + 2, "the overview and status and dynamics over all fields at least")
        for map in maps {
            // Districts carry their name and value as the description; legend swatches carry none.
            XCTAssertEqual(count(" descr=\"", in: Substring(map)), 40, "one shape per district")
            XCTAssertTrue(map.contains("© OpenStreetMap-Mitwirkende"))
        }
        XCTAssertTrue(maps[0].contains("descr=\"01 Altstadt: "), "the district and its value as the shape's description")

        let ods = try ZipArchive(path: folder.appendingPathComponent("Lagebericht_2007.ods").path)
        let content = String(decoding: try XCTUnwrap(try ods.data(named: "content.xml")), as: UTF8.self)
        let odsMaps = content.components(separatedBy: "<draw:g ").dropFirst().map { $0.components(separatedBy: "</draw:g>")[0] }
        XCTAssertEqual(odsMaps.count, maps.count, "the same maps in both workbooks")
        for map in odsMaps { XCTAssertEqual(count("<svg:desc>", in: Substring(map)), 40, "one shape per district") }
        XCTAssertTrue(content.contains("<svg:title>01 Altstadt</svg:title>"))
    }

    func testReportWithOnlyHTMLWritesOnlyTheHTML() throws {
        let folder = try demoFolder()
        let out = folder.appendingPathComponent("only")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let html = out.appendingPathComponent("bericht.html").path
        let result = try ImonProcess.run(["report", "--store", folder.appendingPathComponent("monitoring.sqlite").path, "--year", "2007", "--html", html])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["bericht.html"])
        let neither = try ImonProcess.run(["report", "--store", folder.appendingPathComponent("monitoring.sqlite").path, "--year", "2007"])
        XCTAssertEqual(neither.status, 2)
        XCTAssertTrue(neither.err.contains("give -o WORKBOOK, --html FILE or --json FILE"), neither.err)
    }
}
