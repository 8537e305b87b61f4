import Foundation
import XCTest

/// `imon report --json` and `imon audit`, run as a user runs them.
final class PublicationCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-pub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testPublishedJSONPassesItsAuditAndAPrintedSmallCountIsNamed() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let store = directory.appendingPathComponent("m.sqlite").path
        XCTAssertEqual(try ImonProcess.run(["merge", "--store", store, samples.appendingPathComponent("Abgaben").path]).status, 0)
        let json = directory.appendingPathComponent("r.json").path
        let report = try ImonProcess.run(["report", "--store", store, "--year", "2006", "-o", directory.appendingPathComponent("r.xlsx").path, "--json", json])
        XCTAssertEqual(report.status, 0, report.err)
        XCTAssertTrue(report.out.contains("audit passed"), report.out)
        let audit = try ImonProcess.run(["audit", json])
        XCTAssertEqual(audit.status, 0, audit.err + audit.out)
        XCTAssertTrue(audit.out.contains("audit passed"), audit.out)

        // Hide W01 insgesamt of Altstadt 2006 while its parts stay printed: the audit names it.
        var root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        var link = try XCTUnwrap(root["link"] as? [String: Any])
        var items = try XCTUnwrap(link["item"] as? [[String: Any]])
        let dimension = try XCTUnwrap(items[0]["dimension"] as? [String: [String: Any]])
        func ids(_ name: String) throws -> [String] {
            try XCTUnwrap((dimension[name]?["category"] as? [String: Any])?["index"] as? [String])
        }
        let (i, d, c, y) = (try ids("indicator").firstIndex(of: "W01"), try ids("district").firstIndex(of: "01"),
                            try ids("category").firstIndex(of: "insgesamt"), try ids("year").firstIndex(of: "2006"))
        let sizes = try XCTUnwrap(items[0]["size"] as? [Int])
        let (ii, di, ci, yi) = (try XCTUnwrap(i), try XCTUnwrap(d), try XCTUnwrap(c), try XCTUnwrap(y))
        let cell = (((ii * sizes[1] + di) * sizes[2] + ci) * sizes[3] + yi) * sizes[4]
        var status = try XCTUnwrap(items[0]["status"] as? [String: String])
        var values = try XCTUnwrap(items[0]["value"] as? [Any])
        XCTAssertNotNil(values[cell] as? NSNumber)
        values[cell] = NSNull()
        status[String(cell)] = "."
        items[0]["value"] = values
        items[0]["status"] = status
        link["item"] = items
        root["link"] = link
        let tampered = directory.appendingPathComponent("tampered.json").path
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: tampered))
        let leak = try ImonProcess.run(["audit", tampered])
        XCTAssertEqual(leak.status, 1, leak.err)
        XCTAssertTrue(leak.out.contains("disclosed: W01 2006 Stadtteil 01 insgesamt: the suppressed count can be worked out exactly"), leak.out)

        // The protected export carries the same figures: what the JSON hides has no value there.
        let csv = directory.appendingPathComponent("p.csv").path
        let export = try ImonProcess.run(["export", "--store", store, "--protected", "--year", "2006", "-o", csv])
        XCTAssertEqual(export.status, 0, export.err)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst()
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("geschützt") })
        // German dialect: fields separated by ";", trailing empty fields left out.
        func field(_ line: Substring, _ n: Int) -> Substring {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false)
            return n < fields.count ? fields[n] : ""
        }
        let hiddenLines = lines.filter { field($0, 8) == "." }
        XCTAssertEqual(hiddenLines.count, status.values.filter { $0 == "." }.count - 1 - lines.filter { field($0, 10) == "." }.count)
        XCTAssertTrue(hiddenLines.allSatisfy { field($0, 7).isEmpty })


        let broken = try ImonProcess.run(["audit", directory.appendingPathComponent("r.xlsx").path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.err.hasPrefix("imon: error: "), broken.err)
    }

    func testWorkbookShowsExactlyTheFiguresOfTheJSON() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let store = directory.appendingPathComponent("m.sqlite").path
        XCTAssertEqual(try ImonProcess.run(["merge", "--store", store, samples.appendingPathComponent("Abgaben").path]).status, 0)
        let json = directory.appendingPathComponent("r.json").path, xlsx = directory.appendingPathComponent("r.xlsx").path
        XCTAssertEqual(try ImonProcess.run(["report", "--store", store, "--year", "2007", "-o", xlsx, "--json", json]).status, 0)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let item = try XCTUnwrap(((root["link"] as? [String: Any])?["item"] as? [[String: Any]])?.first)
        let dimension = try XCTUnwrap(item["dimension"] as? [String: [String: Any]])
        func ids(_ name: String) throws -> [String] { try XCTUnwrap((dimension[name]?["category"] as? [String: Any])?["index"] as? [String]) }
        let (indicators, districts, categories, years) = (try ids("indicator"), try ids("district"), try ids("category"), try ids("year"))
        let values = try XCTUnwrap(item["value"] as? [Any]), status = try XCTUnwrap(item["status"] as? [String: String])
        /// The figure as the workbook's CSV shows it: the number or the marker.
        func figure(_ indicator: String, _ district: String, _ category: String, _ measure: Int) throws -> String {
            let i = try XCTUnwrap(indicators.firstIndex(of: indicator)), d = try XCTUnwrap(districts.firstIndex(of: district))
            let c = try XCTUnwrap(categories.firstIndex(of: category)), y = try XCTUnwrap(years.firstIndex(of: "2007"))
            let n = (((i * districts.count + d) * categories.count + c) * years.count + y) * 2 + measure
            if let v = values[n] as? NSNumber { return String(v.intValue) }
            return status[String(n)] == "." ? "." : "–"
        }
        let csv = try ImonProcess.run(["cat", "--format", "csv", "--sheet", "HF 2 Politische Teilhabe", xlsx]).out
        let lines = csv.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.firstIndex { $0 == "Nr.,Stadtteil,insgesamt,männlich,weiblich,Veränderung" })
        XCTAssertTrue(lines[header - 1].hasPrefix("Stadt (insgesamt): \(try figure("P01", "city", "insgesamt", 0)) · Veränderung zum Vorjahr: \(try figure("P01", "city", "insgesamt", 1))"), lines[header - 1])
        var hidden = 0
        for line in lines[(header + 1)...(header + 40)] {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            XCTAssertEqual(Array(f[2...4]), try ["insgesamt", "männlich", "weiblich"].map { try figure("P01", f[0], $0, 0) }, line)
            XCTAssertEqual(f.count, 6, line)
            guard f.count == 6 else { continue }
            XCTAssertEqual(f[5], try figure("P01", f[0], "insgesamt", 1), line)
            hidden += f[2...4].filter { $0 == "." }.count
        }
        XCTAssertGreaterThan(hidden, 10)
    }

    func testEachReportBuildsOnWhatTheStoreRecordedOfTheOneBefore() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let store = directory.appendingPathComponent("m.sqlite").path
        XCTAssertEqual(try ImonProcess.run(["merge", "--store", store, samples.appendingPathComponent("Abgaben").path]).status, 0)
        var files: [String] = []
        for year in [2005, 2006] {
            let json = directory.appendingPathComponent("r\(year).json").path
            let result = try ImonProcess.run(["report", "--store", store, "--year", "\(year)", "-o",
                                              directory.appendingPathComponent("r\(year).xlsx").path, "--json", json, "--publish"])
            XCTAssertEqual(result.status, 0, result.err)
            // Built on the store's record of 2005: its hidden cells are kept, and said so.
            XCTAssertEqual(result.out.contains("kept hidden from the earlier report"), year == 2006, result.out)
            files.append(json)
        }
        /// Year 2005's count values of a report: cell → published number or ".".
        func figures2005(_ path: String) throws -> [String: String] {
            let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            let item = try XCTUnwrap(((root["link"] as? [String: Any])?["item"] as? [[String: Any]])?.first)
            let dimension = try XCTUnwrap(item["dimension"] as? [String: [String: Any]])
            func ids(_ name: String) throws -> [String] { try XCTUnwrap((dimension[name]?["category"] as? [String: Any])?["index"] as? [String]) }
            let (ind, dis, cat, yrs) = (try ids("indicator"), try ids("district"), try ids("category"), try ids("year"))
            let values = try XCTUnwrap(item["value"] as? [Any]), status = try XCTUnwrap(item["status"] as? [String: String])
            let y = try XCTUnwrap(yrs.firstIndex(of: "2005"))
            var out: [String: String] = [:]
            for (i, code) in ind.enumerated() { for (d, district) in dis.enumerated() { for (c, category) in cat.enumerated() {
                let n = (((i * dis.count + d) * cat.count + c) * yrs.count + y) * 2
                if let v = values[n] as? NSNumber { out["\(code) \(district) \(category)"] = "\(v)" }
                else if status[String(n)] == "." { out["\(code) \(district) \(category)"] = "." }
            } } }
            return out
        }
        let first = try figures2005(files[0]), second = try figures2005(files[1])
        XCTAssertGreaterThan(first.values.filter { $0 == "." }.count, 100)
        XCTAssertEqual(second, first, "the 2006 report shows 2005 exactly as the 2005 report did")
        let audit = try ImonProcess.run(["audit", files[1], files[0]])
        XCTAssertEqual(audit.status, 0, audit.out + audit.err)
    }
}
