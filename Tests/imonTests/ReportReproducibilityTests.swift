import Foundation
import XCTest

/// A report is a function of the store: two runs over the same store give
/// the same files, byte for byte. Each run is its own process, so a sum
/// taken in a dictionary's order (which Swift seeds anew per process) shows
/// up as differing last digits.
final class ReportReproducibilityTests: XCTestCase {
    func testTheSameStoreGivesTheSameReportInEveryRun() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples").path
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("imon-repro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let demo = try ImonProcess.run(["demo", "-o", out.path, "--samples", samples])
        XCTAssertEqual(demo.status, 0, demo.err)
        let store = out.appendingPathComponent("monitoring.sqlite").path
        var runs: [[Data]] = []
        for run in 1...3 {
            let json = out.appendingPathComponent("run\(run).json").path, html = out.appendingPathComponent("run\(run).html").path
            let result = try ImonProcess.run(["report", "--store", store, "--year", "2007", "--json", json, "--html", html])
            XCTAssertEqual(result.status, 0, result.err)
            runs.append([try Data(contentsOf: URL(fileURLWithPath: json)), try Data(contentsOf: URL(fileURLWithPath: html))])
        }
        XCTAssertEqual(runs[1], runs[0], "JSON-stat and HTML of the second run")
        XCTAssertEqual(runs[2], runs[0], "JSON-stat and HTML of the third run")
    }
}
