import Foundation
import Monitoring
import TestFixtures
import XCTest

/// The `imon` executable, run as a user runs it.
final class CommandLineTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let outcome = try ImonProcess.run(arguments)
        return (outcome.status, outcome.out, outcome.err)
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func sampleWorkbook() throws -> String {
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings(["<t>Stadtteil</t>", "<t>Altstadt</t>", "<t>Say \"hi\", then\nleave</t>"])
        f.setNumberFormats(cellXfs: [0, 14])
        f.addSheet("Bildung", rows: """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>\
            <row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>12.5</v></c><c r="D3" s="1"><v>38496</v></c></row>
            """)
        f.addSheet("Leer", rows: "", state: "hidden")
        return try write(try f.build(), "Abgabe 2005.xlsx")
    }

    func testCatPrintsTheCanonicalJSON() throws {
        let result = try run(["cat", "--format", "json", try sampleWorkbook()])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertEqual(result.out, """
            {"sheets":[
            {"name":"Bildung","rows":[
            ["Stadtteil","Say \\"hi\\", then\\nleave"],
            [],
            ["Altstadt",null,12.5,{"date":"2005-05-24"}]]},
            {"name":"Leer","rows":[]}
            ]}

            """)
    }

    func testCatPrintsOneSheetAsCSVOrTSV() throws {
        let file = try sampleWorkbook()
        let csv = try run(["cat", "--format", "csv", "--sheet", "Bildung", file])
        XCTAssertEqual(csv.status, 0, csv.err)
        XCTAssertEqual(csv.out, "Stadtteil,\"Say \"\"hi\"\", then\nleave\"\n\nAltstadt,,12.5,2005-05-24\n")
        let tsv = try run(["cat", "--format", "tsv", file])
        XCTAssertEqual(tsv.out, "Stadtteil\tSay \"hi\", then leave\n\nAltstadt\t\t12.5\t2005-05-24\n")
    }

    func testCSVLeavesOutCellsUnderMergesAndSortsRowsOutOfOrder() throws {
        var f = XLSXFixture()
        // B1 is covered by A1:B2 (merges come after the rows); row 3 comes before row 2.
        f.addSheet("M", rows: """
            <row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>\
            <row r="3"><c r="A3"><v>5</v></c></row><row r="2"><c r="C2"><v>4</v></c></row>
            """, after: #"<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>"#)
        f.addSheet("N", rows: """
            <row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>
            """, after: #"<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>"#)
        let file = try write(try f.build(), "merged.xlsx")
        XCTAssertEqual(try run(["cat", "--format", "csv", "--sheet", "M", file]).out, "1\n,,4\n5\n")
        XCTAssertEqual(try run(["cat", "--format", "csv", "--sheet", "N", file]).out, "1,2\n3\n")
    }

    func testUnknownSheetIsOneErrorLineWithStatus2() throws {
        let file = try sampleWorkbook()
        let result = try run(["cat", "--sheet", "Jugend", file])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.err, "imon: error: \(file): sheet \"Jugend\": no such sheet (the workbook has \"Bildung\", \"Leer\")\n")
        XCTAssertEqual(result.out, "")
    }

    func testTruncatedWorkbookIsOneErrorLineWithStatus2() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: try sampleWorkbook())))
        for cut in [10, bytes.count / 2, bytes.count - 30] {
            let file = try write(Array(bytes[..<cut]), "cut\(cut).xlsx")
            let result = try run(["cat", "--format", "json", file])
            XCTAssertEqual(result.status, 2, "cut at \(cut)")
            XCTAssertTrue(result.err.hasPrefix("imon: error: \(file): "), result.err)
            XCTAssertEqual(result.err.filter { $0 == "\n" }.count, 1, result.err)
        }
    }

    func testLegacyAndEncryptedWorkbooksAreNamedForWhatTheyAre() throws {
        let header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let xls = try write(header + utf16("Workbook"), "old.xlsx")
        let encrypted = try write(header + utf16("EncryptedPackage"), "secret.xlsx")
        let old = try run(["inspect", xls])
        XCTAssertEqual(old.status, 2)
        XCTAssertTrue(old.err.contains("legacy Excel 97-2003 workbook (.xls)"), old.err)
        let secret = try run(["cat", encrypted])
        XCTAssertEqual(secret.status, 2)
        XCTAssertTrue(secret.err.contains("password-protected"), secret.err)
    }

    func testEmptyAndMissingFilesAreErrors() throws {
        let empty = try write([], "empty.xlsx")
        XCTAssertEqual(try run(["cat", empty]).err, "imon: error: \(empty): file: the file is empty\n")
        let missing = directory.appendingPathComponent("nope.xlsx").path
        let result = try run(["inspect", missing])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.err, "imon: error: \(missing): file: cannot read it: No such file or directory\n")
    }

    func testInspectCountsCellsByTypePerSheet() throws {
        let file = try sampleWorkbook()
        let json = try run(["inspect", "--format", "json", file])
        XCTAssertEqual(json.status, 0, json.err)
        XCTAssertTrue(json.out.contains("\"format\":\"xlsx\""))
        XCTAssertTrue(json.out.contains(#"{"name":"Bildung","visibility":"visible","usedRange":"A1:D3","cells":5,"counts":{"number":1,"string":3,"date":1},"mergedRanges":[]}"#), json.out)
        XCTAssertTrue(json.out.contains(#"{"name":"Leer","visibility":"hidden","usedRange":null,"cells":0"#), json.out)
        let text = try run(["inspect", file])
        XCTAssertTrue(text.out.contains("totals: sheets=2 cells=5 number=1 string=3 bool=0 date=1 error=0"), text.out)
    }

    func testTheSampleReadsTheSameFromXLSXODSAndFlatODS() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let outputs = try ["bevoelkerung-2005.xlsx", "bevoelkerung-2005.ods", "source/bevoelkerung-2005.fods"].map { name in
            let result = try run(["cat", "--format", "json", samples.appendingPathComponent(name).path])
            XCTAssertEqual(result.status, 0, result.err)
            return result.out
        }
        XCTAssertEqual(Set(outputs).count, 1)
        XCTAssertTrue(outputs[0].contains(#"["Stichtag",{"date":"2005-12-31"}]"#), outputs[0])
        XCTAssertTrue(outputs[0].contains(#"[null,"Stadt insgesamt",160763,154179,6584,0.040955]"#), outputs[0])
    }

    func testConvertCarriesEveryValueThroughEachFormat() throws {
        let source = try sampleWorkbook()
        let original = try run(["cat", "--format", "json", source]).out
        for ext in ["xlsx", "ods", "fods", "json"] {
            let target = directory.appendingPathComponent("copy.\(ext)").path
            let result = try run(["convert", source, target])
            XCTAssertEqual(result.status, 0, result.err)
            XCTAssertEqual(try run(["cat", "--format", "json", target]).out, original, ext)
        }
        let csv = directory.appendingPathComponent("one.csv").path
        XCTAssertEqual(try run(["convert", source, csv, "--sheet", "Bildung"]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: csv, encoding: .utf8), "Stadtteil,\"Say \"\"hi\"\", then\nleave\"\n\nAltstadt,,12.5,2005-05-24\n")
    }

    func testCSVInputIsTypedUnlessToldNotTo() throws {
        let csv = try write(Array("Nr,Stadtteil,Anzahl,Stichtag,geprüft\n01,Altstadt,12,2005-12-31,TRUE\n02,\"Werder, Nord\",3.5,,FALSE\n".utf8), "in.csv")
        let typed = directory.appendingPathComponent("typed.json").path
        XCTAssertEqual(try run(["convert", csv, typed]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: typed, encoding: .utf8), """
            {"sheets":[
            {"name":"in","rows":[
            ["Nr","Stadtteil","Anzahl","Stichtag","geprüft"],
            ["01","Altstadt",12,{"date":"2005-12-31"},true],
            ["02","Werder, Nord",3.5,null,false]]}
            ]}

            """)
        let text = directory.appendingPathComponent("text.json").path
        XCTAssertEqual(try run(["convert", "--no-infer", csv, text]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: text, encoding: .utf8).contains(#"["01","Altstadt","12","2005-12-31","TRUE"]"#))
    }

    func testConvertRefusesToOverwriteItsInputAndLeavesNothingOnFailure() throws {
        let source = try sampleWorkbook()
        let same = try run(["convert", source, source])
        XCTAssertEqual(same.status, 2)
        XCTAssertTrue(same.err.contains("the output would overwrite the input"), same.err)
        let unknown = try run(["convert", source, directory.appendingPathComponent("x.pdf").path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("unknown output format"), unknown.err)
        let csv = try write(Array("a\u{1}b\n".utf8), "control.csv")
        let target = directory.appendingPathComponent("control.ods").path
        let failed = try run(["convert", csv, target])
        XCTAssertEqual(failed.status, 2)
        XCTAssertTrue(failed.err.contains("control character U+1 cannot be stored in ODS"), failed.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("tmp") }, [])
    }

    func testCatalogueExportCheckAndTemplates() throws {
        let catalogue = directory.appendingPathComponent("katalog.ods").path
        XCTAssertEqual(try run(["catalogue", "export", "-o", catalogue]).status, 0)
        let check = try run(["catalogue", "check", "--lang", "en", catalogue])
        XCTAssertEqual(check.status, 0, check.err)
        XCTAssertTrue(check.out.contains("no problems (40 indicators, 40 districts, 3 active goals)"), check.out)
        let folder = directory.appendingPathComponent("vorlagen").path
        let all = try run(["template", "--catalogue", catalogue, "--all", "--year", "2006", "-o", folder])
        XCTAssertEqual(all.status, 0, all.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).count, 10)
        let unknown = try run(["template", "--department", "99", "--year", "2006", "-o", directory.appendingPathComponent("x.xlsx").path])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("not in the catalogue"), unknown.err)
        let broken = try sampleWorkbook()
        let bad = try run(["catalogue", "check", "--lang", "en", broken])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.out.contains("the sheet \"Indikatoren\" is missing"), bad.out)
    }

    func testValidateFindsExactlyThePlantedMistakesAndWritesFeedbackCopies() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let feedback = directory.appendingPathComponent("rueckmeldung").path
        let result = try run(["validate", "--format", "json", "--annotate", feedback, samples.appendingPathComponent("Fehler").path])
        XCTAssertEqual(result.status, 1, "errors give exit status 1")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        var found: Set<String> = []
        for file in parsed?["files"] as? [[String: Any]] ?? [] {
            let name = (file["file"] as? String ?? "").split(separator: "/").last.map(String.init) ?? ""
            for f in file["findings"] as? [[String: Any]] ?? [] {
                found.insert("\(name) \(f["sheet"] as? String ?? "") \(f["cell"] as? String ?? "")")
            }
        }
        let readme = try String(contentsOf: samples.appendingPathComponent("Fehler/README.md"), encoding: .utf8)
        let planted = Set(readme.split(separator: "\n").filter { $0.hasPrefix("| Amt") }.map { line -> String in
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return "\(parts[0]) \(parts[1]) \(parts[2])"
        })
        XCTAssertEqual(found, planted)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: feedback)),
                       ["Prüfung_Amt_40_2007_Werte.xlsx", "Prüfung_Amt_51_2007_Summen.ods", "Prüfung_Amt_BA_2007_Aufbau.xlsx"])
        let copy = try run(["cat", "--format", "json", "--sheet", "Prüfprotokoll", feedback + "/Prüfung_Amt_40_2007_Werte.xlsx"])
        XCTAssertTrue(copy.out.contains("text-in-number-cell") || copy.out.contains("ca. 50"), copy.out)
        // The department's sheets come back as they were sent, after the protocol.
        let sent = try run(["cat", "--format", "json", samples.appendingPathComponent("Fehler/Amt_40_2007_Werte.xlsx").path])
        let back = try run(["cat", "--format", "json", feedback + "/Prüfung_Amt_40_2007_Werte.xlsx"])
        let sheets = { (json: String) in (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["sheets"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(sheets(back.out).dropFirst().map { ($0["name"] as? String ?? "") + "\($0["rows"] ?? "")" },
                       sheets(sent.out).map { ($0["name"] as? String ?? "") + "\($0["rows"] ?? "")" })
        XCTAssertEqual(sheets(back.out).first?["name"] as? String, "Prüfprotokoll")

        let clean = try run(["validate", samples.appendingPathComponent("Abgaben/2007").path])
        XCTAssertEqual(clean.status, 0, clean.out)
        XCTAssertTrue(clean.out.hasSuffix("10 Dateien geprüft: 0 Fehler, 0 Warnungen\n"), clean.out)
        let missing = try run(["validate", directory.appendingPathComponent("nope.xlsx").path])
        XCTAssertEqual(missing.status, 2)
    }

    func testMergeExportHistoryOnTheSamples() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let store = directory.appendingPathComponent("m.sqlite").path
        let merged = try run(["merge", "--lang", "en", "--store", store, samples.appendingPathComponent("Abgaben").path])
        XCTAssertEqual(merged.status, 0, merged.out + merged.err)
        // Every filled-in cell of the 30 samples is one observation.
        var expected = 0
        let c = DefaultCatalogue.magdeburg
        for department in c.submittingDepartments {
            for indicator in c.submittedIndicators(of: department.code) {
                expected += (indicator.level == .districts ? c.districts.count + 1 : 1) * indicator.categories.count * 3
            }
        }
        XCTAssertTrue(merged.out.hasSuffix("30 files; the store \(store) holds \(expected) current observations\n"), merged.out)
        let csv = directory.appendingPathComponent("tidy.csv").path
        XCTAssertEqual(try run(["export", "--store", store, "-o", csv]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count, expected + 1)
        let again = try run(["merge", "--store", store, samples.appendingPathComponent("Abgaben/2007").path,
                             samples.appendingPathComponent("Fehler").path])
        XCTAssertEqual(again.status, 1, "rejected files give exit status 1")
        let history = try run(["history", "--store", store, "--year", "2007"]).out
        XCTAssertEqual(history.split(separator: "\n").filter { $0.contains(" unchanged ") }.count, 10, history)
        // The BA file with the wrong year counts for the year it names (2006).
        XCTAssertEqual(history.split(separator: "\n").filter { $0.contains(" rejected ") }.count, 2, history)
    }

    func testAMergeKilledHalfwayLeavesAConsistentStore() throws {
        let folder = directory.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let c = DefaultCatalogue.magdeburg
        let generator = SyntheticSubmissions(catalogue: c)
        let departments = c.submittingDepartments
        for n in 0..<80 {
            let d = departments[n % departments.count], year = 1990 + n / departments.count
            try SubmissionTemplate(catalogue: c, department: d, year: year)
                .write(to: folder.appendingPathComponent("Amt_\(d.code)_\(year).xlsx").path, values: generator.values(department: d.code, year: year))
        }
        let store = directory.appendingPathComponent("m.sqlite").path
        let process = Process()
        process.executableURL = ImonProcess.executable
        process.arguments = ["merge", "--store", store, folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once it has started writing.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !FileManager.default.fileExists(atPath: store + "-journal")
                && !FileManager.default.fileExists(atPath: store + "-wal") && (try? Data(contentsOf: URL(fileURLWithPath: store)).count) ?? 0 < 200_000 {
            usleep(5_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        // Read-only, history may not finish a change the kill interrupted; it says so.
        let check = try run(["history", "--store", store])
        // Killed while the new store's migrations ran (each its own transaction), it is a store to upgrade, and says so.
        XCTAssertTrue(check.status == 0 || check.err.contains("was stopped in the middle of a change")
                      || check.err.contains("needs an upgrade"), check.err)
        // Reopened: intact, and every current submission has all its observations.
        let merged = try run(["merge", "--lang", "en", "--store", store, folder.path])
        XCTAssertEqual(merged.status, 0, merged.err)
        XCTAssertTrue(merged.out.contains("unchanged") || merged.out.contains("imported"))
        let imported = merged.out.split(separator: "\n").filter { $0.contains(": imported (") }.count
        let unchanged = merged.out.split(separator: "\n").filter { $0.contains(": unchanged") }.count
        XCTAssertEqual(imported + unchanged, 80)
        let csv = directory.appendingPathComponent("all.csv").path
        XCTAssertEqual(try run(["export", "--store", store, "-o", csv]).status, 0)
        var expected = 0
        for n in 0..<80 {
            let d = departments[n % departments.count]
            for indicator in c.submittedIndicators(of: d.code) {
                expected += (indicator.level == .districts ? c.districts.count + 1 : 1) * indicator.categories.count
            }
        }
        XCTAssertEqual(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count, expected + 1,
                       "no half-imported file: after the kill and a second merge every file is in exactly once")
    }

    func testDemoRunsTheWholeFlowAndTheReportIsSelfContained() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples").path
        let out = directory.appendingPathComponent("demo").path
        let result = try run(["demo", "-o", out, "--samples", samples])
        XCTAssertEqual(result.status, 0, result.err)
        XCTAssertTrue(result.out.contains("30 übernommen, 3 abgelehnt"), result.out)
        // One language per surface: the protection lines of the reports speak German too.
        XCTAssertTrue(result.out.contains("Prüfung bestanden"), result.out)
        XCTAssertFalse(result.out.contains("audit passed"), result.out)
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        for name in ["Lagebericht_2007.xlsx", "Lagebericht_2007.ods", "Lagebericht_2007.html", "monitoring.sqlite", "Vorlagen", "Rueckmeldungen"] {
            XCTAssertTrue(files.contains(name), name)
        }
        let html = try String(contentsOfFile: out + "/Lagebericht_2007.html", encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertFalse(html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("@import"), "nothing from the network")
        let overview = try run(["cat", "--format", "json", "--sheet", "Übersicht", out + "/Lagebericht_2007.xlsx"])
        XCTAssertEqual(overview.status, 0, overview.err)
        XCTAssertTrue(overview.out.contains("\"Altstadt\""), overview.out)
        let sheets = try run(["inspect", "--format", "json", out + "/Lagebericht_2007.ods"]).out
        for name in ["Übersicht", "Status und Dynamik", "HF 1 ", "Ziele", "Datenqualität", "Methodik", "IB P02"] { XCTAssertTrue(sheets.contains(name), name) }

        // The Übersicht counts exactly the ● the field sheets show, field by field.
        let dump = try run(["cat", "--format", "json", out + "/Lagebericht_2007.xlsx"])
        let workbook = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dump.out.utf8)) as? [String: Any])
        let all = try XCTUnwrap(workbook["sheets"] as? [[String: Any]])
        func rows(_ prefix: String) -> [[Any]] { all.filter { ($0["name"] as? String)?.hasPrefix(prefix) == true }.flatMap { $0["rows"] as? [[Any]] ?? [] } }
        let districtRows = rows("Übersicht").filter { ($0.first as? String).map { $0.count == 2 && $0.allSatisfy(\.isNumber) } == true }
        XCTAssertEqual(districtRows.count, 40)
        var total = 0
        for field in 1...7 {
            let counted = districtRows.compactMap { $0.count > field + 1 ? ($0[field + 1] as? NSNumber)?.intValue : nil }.reduce(0, +)
            let shown = rows("HF \(field) ").flatMap { $0 }.filter { ($0 as? String) == "●" }.count
            XCTAssertEqual(counted, shown, "field \(field)")
            total += shown
        }
        XCTAssertGreaterThan(total, 0, "the demo has districts that stand out")
    }

    func testReportForChosenFieldsAndAMissingYear() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        let store = directory.appendingPathComponent("m.sqlite").path
        XCTAssertEqual(try run(["merge", "--store", store, samples.appendingPathComponent("Abgaben").path]).status, 0)
        let report = directory.appendingPathComponent("r.xlsx").path
        let result = try run(["report", "--store", store, "--year", "2007", "--field", "3", "--field", "5", "-o", report])
        XCTAssertEqual(result.status, 0, result.err)
        let sheets = try run(["inspect", "--format", "json", report]).out
        XCTAssertTrue(sheets.contains("HF 3 Bildung") && sheets.contains("HF 5 Beruf und Arbeit"), sheets)
        XCTAssertFalse(sheets.contains("HF 1 "), sheets)
        let missing = try run(["report", "--store", store, "--year", "1999", "-o", report])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("no observations for this year"), missing.err)
    }

    func testLimitsAreFlagsAndGoingOverOneNamesIt() throws {
        let file = try sampleWorkbook()
        let cells = try run(["inspect", "--max-cells", "3", file])
        XCTAssertEqual(cells.status, 2)
        XCTAssertTrue(cells.err.contains("more than 3 cells (raise the limit with --max-cells)"), cells.err)
        let size = try run(["cat", "--format", "json", "--max-part-size", "0", file])
        XCTAssertEqual(size.status, 2)
        XCTAssertTrue(size.err.contains("exceeds the limit of 0 (raise it with --max-part-size, in MiB)"), size.err)
        XCTAssertEqual(try run(["inspect", "--max-cells", "5", file]).status, 0)
    }

    func testUsageErrorsExitWith2() throws {
        let result = try run(["cat", "--format", "xml", try sampleWorkbook()])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.hasPrefix("imon: error: "), result.err)
    }
}
