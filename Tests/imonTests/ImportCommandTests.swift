import Foundation
import XCTest

/// `imon import` on the city's KISS-MD exports (Tests/Fixtures/kiss-md):
/// into a fresh store, again, corrected, with an unknown district, without
/// a mapping, as a dry run, and the report after it.
final class ImportCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    }
    private var t41: String { fixtures.appendingPathComponent("kiss-md/K3_T41_entwicklung-der-auslaendischen-hauptwohnsitzbevoelkerung.xlsx").path }
    private var t33: String { fixtures.appendingPathComponent("kiss-md/K3_T33_flaeche-und-einwohnerdichte.xlsx").path }
    private var store: String { directory.appendingPathComponent("m.sqlite").path }

    /// K3_T41 with its rows edited as text of the canonical dump (`imon convert` there and back).
    private func edited(_ name: String, _ replacements: [(String, String)]) throws -> String {
        let json = directory.appendingPathComponent("\(name).json").path
        XCTAssertEqual(try ImonProcess.run(["convert", t41, json]).status, 0)
        var text = try String(contentsOfFile: json, encoding: .utf8)
        for (old, new) in replacements {
            XCTAssertTrue(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: json, atomically: true, encoding: .utf8)
        let file = directory.appendingPathComponent("\(name).xlsx").path
        XCTAssertEqual(try ImonProcess.run(["convert", json, file]).status, 0)
        return file
    }

    private func lines(_ out: String, _ year: Int) -> [String] {
        out.split(separator: "\n").map(String.init).filter { $0.contains(", \(year)):") }
    }

    func testAFreshImportThenTheSameAgainIsUnchangedAndACorrectionSupersedesOnlyItsYear() throws {
        let first = try ImonProcess.run(["import", "--lang", "en", "--store", store, "--year", "2023", "--year", "2024", t41])
        XCTAssertEqual(first.status, 0, first.out + first.err)
        XCTAssertTrue(lines(first.out, 2023).first?.hasSuffix("(K3_T41, department 12, 2023): imported (38 observations)") == true, first.out)
        XCTAssertTrue(lines(first.out, 2024).first?.hasSuffix(": imported (38 observations)") == true, first.out)

        let again = try ImonProcess.run(["import", "--lang", "en", "--store", store, "--year", "2023", "--year", "2024", t41])
        XCTAssertEqual(again.status, 0, again.out + again.err)
        XCTAssertTrue(lines(again.out, 2023).first?.hasSuffix(": unchanged (the same values are current)") == true, again.out)
        XCTAssertTrue(lines(again.out, 2024).first?.hasSuffix(": unchanged (the same values are current)") == true, again.out)

        // The city corrects Altstadt's 2024 count by one, and the city total with it.
        let corrected = try edited("K3_T41_korrigiert", [(#"[2024,"01","4013","K3_T41"]"#, #"[2024,"01","4014","K3_T41"]"#),
                                                          (#"[2024,"15003","37454","K3_T41"]"#, #"[2024,"15003","37455","K3_T41"]"#)])
        let third = try ImonProcess.run(["import", "--lang", "en", "--store", store, "--year", "2023", "--year", "2024", corrected])
        XCTAssertEqual(third.status, 0, third.out + third.err)
        XCTAssertTrue(lines(third.out, 2023).first?.hasSuffix(": unchanged (the same values are current)") == true, third.out)
        XCTAssertTrue(lines(third.out, 2024).first?.contains(": superseded \(t41) (38 observations)") == true, third.out)

        let history = try ImonProcess.run(["history", "--store", store, "--year", "2024"])
        let outcomes = history.out.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true)[1] }
        XCTAssertEqual(outcomes, ["imported", "unchanged", "superseded"], history.out)
        let export = directory.appendingPathComponent("x.csv").path
        XCTAssertEqual(try ImonProcess.run(["export", "--store", store, "--year", "2024", "-o", export]).status, 0)
        let rows = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(rows.contains { $0.contains("W01") && $0.contains(";01;") && $0.contains("4014") && $0.contains("C570") }, rows.prefix(3).joined())
    }

    func testAnUnknownDistrictNumberRejectsItsYearAndNamesTheRow() throws {
        let file = try edited("K3_T41_80", [(#"[2024,"02","#, #"[2024,"80","#)])
        let result = try ImonProcess.run(["import", "--store", store, "--year", "2024", "--lang", "en", file])
        XCTAssertEqual(result.status, 1, result.out + result.err)
        XCTAssertTrue(lines(result.out, 2024).first?.hasSuffix(": rejected: 1 error") == true, result.out)
        XCTAssertTrue(result.out.contains("B571   error    row 571: district number \"80\" is not in the catalogue; the year is not imported. [80]  (unknown-district)"),
                      result.out)
        let history = try ImonProcess.run(["history", "--store", store])
        XCTAssertTrue(history.out.contains("rejected"), history.out)
    }

    func testATableNoMappingDescribesIsRejectedWithItsFinding() throws {
        let other = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/bevoelkerung-2005.xlsx").path
        let result = try ImonProcess.run(["import", "--store", store, "--lang", "en", other])
        XCTAssertEqual(result.status, 1, result.out + result.err)
        XCTAssertTrue(result.out.contains("rejected: 1 error"), result.out)
        XCTAssertTrue(result.out.contains("(no-mapping)"), result.out)
    }

    func testADryRunShowsTheYearAndStoresNothing() throws {
        let result = try ImonProcess.run(["import", "--lang", "en", "--store", store, "--dry-run", "--year", "2024", t41, t33])
        XCTAssertEqual(result.status, 0, result.out + result.err)
        XCTAssertTrue(result.out.contains("(K3_T41, department 12, 2024): would import 38 observations"), result.out)
        XCTAssertTrue(result.out.contains("    W01 nichtdeutsch: 37 districts (2 marked), city 37454 (Sheet 1!C607)"), result.out)
        XCTAssertTrue(result.out.contains("    W01 insgesamt: 40 districts, city 245521 (Sheet 1!F165)"), result.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store))
    }

    func testTheReportRunsOnImportedTables() throws {
        let imported = try ImonProcess.run(["import", "--store", store, "--year", "2024", t33, t41])
        XCTAssertEqual(imported.status, 0, imported.out + imported.err)
        let report = directory.appendingPathComponent("Lagebericht.xlsx").path
        let result = try ImonProcess.run(["report", "--store", store, "--year", "2024", "-o", report])
        XCTAssertEqual(result.status, 0, result.out + result.err)
        let sheet = try ImonProcess.run(["cat", "--format", "csv", "--sheet", "HF 1 Wohnen - Interkulturelle K", report])
        XCTAssertTrue(sheet.out.contains("Einwohner mit Hauptwohnsitz"), sheet.out)
    }
}
