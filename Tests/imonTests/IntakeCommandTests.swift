import Foundation
import Monitoring
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
        let file = fixtures.appendingPathComponent("Amt_50_2007_halb_sortiert.xlsx").path
        let validated = try ImonProcess.run(["validate", file])
        XCTAssertEqual(validated.status, 1, validated.out + validated.err)
        let first = validated.out.split(separator: "\n").first { $0.contains("district-mismatch") }.map(String.init) ?? ""
        XCTAssertTrue(first.contains("B6"), validated.out)
        for part in ["01", "„Altstadt“", "„Alt Olvenstedt“", "20"] { XCTAssertTrue(first.contains(part), first) }

        let store = directory.appendingPathComponent("m.sqlite").path
        let merged = try ImonProcess.run(["merge", "--lang", "en", "--store", store, file])
        XCTAssertEqual(merged.status, 1, merged.out + merged.err)
        XCTAssertTrue(merged.out.contains("rejected"), merged.out)
    }

    func testAPathCarryingCatalogueIsRefusedByCheckAndMakesNoTemplate() throws {
        var c = DefaultCatalogue.magdeburg
        let department = c.departments[1].code
        c.departments[1].code = "x/../../esc"
        for i in c.indicators.indices where c.indicators[i].department == department { c.indicators[i].department = "x/../../esc" }
        c.indicators[0].code = "A[1]"
        c.indicators[1].code = String(repeating: "K", count: 32)
        c.districts[3].name = "Neue\nNeustadt"
        let catalogue = directory.appendingPathComponent("katalog.xlsx").path
        try CatalogueWorkbook.write(c, to: catalogue)

        let check = try ImonProcess.run(["catalogue", "check", catalogue])
        XCTAssertEqual(check.status, 1, check.out + check.err)
        let lines = check.out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("\(catalogue): Ämter!A3: Amt „x/../../esc“ taugt nicht als Datei- und Blattname: "
                                     + "Pfad-Trennzeichen „/“, „..“ (übergeordneter Ordner) [unsafe-code]"), check.out)
        XCTAssertTrue(lines.contains { $0.contains("Indikatoren!A2: Indikator „A[1]“") }, check.out)
        XCTAssertTrue(lines.contains { $0.contains("Indikatoren!A3:") && $0.contains("32 Zeichen (höchstens 31)") }, check.out)
        XCTAssertTrue(lines.contains { $0.contains("Sozialräume!B5: Stadtteil „Neue<U+000A>Neustadt“") }, check.out)
        let english = try ImonProcess.run(["catalogue", "check", "--lang", "en", catalogue])
        XCTAssertTrue(english.out.contains("department \"x/../../esc\" cannot serve as a file and sheet name"), english.out)

        let sandbox = directory.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
        let templates = try ImonProcess.run(["template", "--catalogue", catalogue, "--all", "--year", "2008", "-o", sandbox.appendingPathComponent("out").path])
        XCTAssertEqual(templates.status, 2, templates.out + templates.err)
        XCTAssertTrue(templates.err.hasPrefix("imon: error: \(catalogue): "), templates.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["a", "katalog.xlsx"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sandbox.path), [])
    }

    func testValidateSpeaksTheLanguageAskedInTextAndJSON() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/Fehler/Amt_40_2007_Werte.xlsx").path
        let german = try ImonProcess.run(["validate", samples])
        XCTAssertTrue(german.out.contains("Eine Anzahl ist eine ganze Zahl; eingetragen ist 38,5."), german.out)
        let english = try ImonProcess.run(["validate", "--lang", "en", "--format", "json", samples])
        XCTAssertEqual(english.status, 1, english.err)
        let parsed = try JSONSerialization.jsonObject(with: Data(english.out.utf8)) as? [String: Any]
        let findings = (parsed?["files"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        let fractional = findings.first { $0["code"] as? String == "fractional-count" }
        XCTAssertEqual(fractional?["message"] as? String, "A count is a whole number; 38.5 was entered.")
        XCTAssertEqual(Set(fractional?.keys.map { $0 } ?? []), ["severity", "code", "sheet", "cell", "value", "message"])
    }
}
