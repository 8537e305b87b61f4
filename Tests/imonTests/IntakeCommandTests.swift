import Foundation
import XCTest

/// `imon validate` and `merge` on submissions whose rows or columns were
/// rearranged: every value lands on the right district or is refused.
final class IntakeCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/intake")
    }

    func testAHalfSortedSheetIsReportedRowByRowAndTheFileIsNotMerged() throws {
        let file = fixtures.appendingPathComponent("Amt_40_2007_halb_sortiert.xlsx").path
        let validated = try ImonProcess.run(["validate", file])
        XCTAssertEqual(validated.status, 1, validated.out + validated.err)
        let first = validated.out.split(separator: "\n").first { $0.contains("district-mismatch") }.map(String.init) ?? ""
        XCTAssertTrue(first.contains("B6"), validated.out)
        for part in ["01", "„Altstadt“", "„Alt Olvenstedt“", "20"] { XCTAssertTrue(first.contains(part), first) }

        let store = directory.appendingPathComponent("m.sqlite").path
        let merged = try ImonProcess.run(["merge", "--store", store, file])
        XCTAssertEqual(merged.status, 1, merged.out + merged.err)
        XCTAssertTrue(merged.out.contains("rejected"), merged.out)
    }
}
