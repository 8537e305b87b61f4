import Foundation
import XCTest

final class DemoAnywhereTests: XCTestCase {
    func testDemoOutsideTheCheckoutWritesItsOwnSyntheticSubmissions() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("imon-anywhere-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try ImonProcess.run(["demo", "-o", out.path, "--samples", out.path + "-nothing-here", "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("synthetic ones written to \(out.path)/Beispiele"), result.out)
        XCTAssertTrue(result.out.contains("30 imported, 3 rejected"), result.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path + "/Beispiele/Fehler/Amt_40_2007_Werte.xlsx"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path + "/Lagebericht_2007.html"))
    }
}
