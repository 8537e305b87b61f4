import Foundation
import TestFixtures
import XCTest
import Zip

/// Broken and crafted files, read by every command as a coordinator's
/// machine meets them: never a crash, a hang or a full memory; one error
/// line `imon: error: FILE: where: what` and exit status 2; in `validate`
/// and `merge` a finding for that file while the others go through.
final class HostileInputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Asserts the contract for a file that must be refused.
    private func assertRefused(_ outcome: ImonProcess.Outcome, _ file: String, mentioning text: String? = nil,
                               line: UInt = #line) {
        XCTAssertEqual(outcome.status, 2, outcome.err, line: line)
        XCTAssertTrue(outcome.err.hasPrefix("imon: error: \(file): "), outcome.err, line: line)
        XCTAssertEqual(outcome.err.filter { $0 == "\n" }.count, 1, outcome.err, line: line)
        if let text { XCTAssertTrue(outcome.err.contains(text), outcome.err, line: line) }
    }

    func testATwoGiBDecompressionBombIsRefusedInSecondsAndBoundedMemory() throws {
        let bytes = BombFixture.xlsx(megabytes: 2048)
        let zip = try ZipArchive(file: MappedFile(copying: bytes))
        let sheet = try XCTUnwrap(zip.entry(named: "xl/worksheets/sheet1.xml"))
        XCTAssertGreaterThan(sheet.uncompressedSize, 2 << 30, "the fixture really inflates to more than 2 GiB")
        XCTAssertLessThan(bytes.count, 4 << 20)
        let file = try write(bytes, "bombe.xlsx")

        // The blanks are one run of text, past its limit after 10 MB.
        let refused = try ImonProcess.run(["inspect", file])
        assertRefused(refused, file, mentioning: "--max-string-length")
        XCTAssertLessThan(refused.seconds, 10)
        XCTAssertLessThan(refused.peakMiB, 200)

        // With that limit lifted, the compression ratio stops it after 64 MiB.
        let lifted = try ImonProcess.run(["cat", "--format", "json", "--max-string-length", "4000000000", file])
        assertRefused(lifted, file, mentioning: "--max-compression-ratio")
        XCTAssertLessThan(lifted.seconds, 10)
        XCTAssertLessThan(lifted.peakMiB, 200)
    }

    func testTenThousandSheetsAreListedAndTheSheetLimitNamesItsFlag() throws {
        var fixture = XLSXFixture()
        for n in 1...10_000 { fixture.addSheet("Blatt \(n)", rows: n == 10_000 ? #"<row r="1"><c r="A1"><v>1</v></c></row>"# : "") }
        let file = try write(try fixture.build(), "viele.xlsx")
        let listed = try ImonProcess.run(["inspect", file])
        XCTAssertEqual(listed.status, 0, listed.err)
        XCTAssertTrue(listed.out.contains("sheets:       10000"), String(listed.out.prefix(400)))
        XCTAssertTrue(listed.out.contains("totals: sheets=10000 cells=1 number=1"), String(listed.out.suffix(200)))
        XCTAssertLessThan(listed.seconds, 30)
        assertRefused(try ImonProcess.run(["inspect", "--max-sheets", "1000", file]), file, mentioning: "--max-sheets")
        assertRefused(try ImonProcess.run(["inspect", "--max-entries", "100", file]), file, mentioning: "--max-entries")
    }

    func testRowsParsedOnOtherThreadsStayBoundedInMemory() throws {
        // A body large enough to be parsed in runs, then one row element
        // repeated 100 000 times under a merged range: 4.8 million cells,
        // each row a new list of cells. One pass visits them a row at a
        // time; a run must not hold them all.
        let padding = (0..<40_000).map { _ in
            #"<table:table-row><table:table-cell office:value-type="float" office:value="1"/>"#
                + #"<table:table-cell office:value-type="string"><text:p>Auffüllung für den Lauf</text:p></table:table-cell></table:table-row>"#
        }.joined()
        let merged = #"<table:table-row><table:table-cell table:number-rows-spanned="100001" table:number-columns-spanned="2" "#
            + #"office:value-type="float" office:value="7"/><table:table-cell table:number-columns-repeated="48" "#
            + #"office:value-type="float" office:value="1"/></table:table-row>"#
        let repeated = #"<table:table-row table:number-rows-repeated="100000"><table:covered-table-cell "#
            + #"table:number-columns-repeated="2" office:value-type="float" office:value="9"/><table:table-cell "#
            + #"table:number-columns-repeated="48" office:value-type="float" office:value="1"/></table:table-row>"#
        let fixture = ODSFixture(body: "<table:table table:name=\"T\">\(padding)\(merged)\(repeated)</table:table>")
        let file = try write(try fixture.package(), "wiederholt.ods")
        let outcome = try ImonProcess.run(["inspect", file])
        XCTAssertEqual(outcome.status, 0, outcome.err)
        XCTAssertTrue(outcome.out.contains("totals: sheets=1 cells=4880048 number=4840048 string=40000"), outcome.out)
        XCTAssertLessThan(outcome.peakMiB, 100, "\(outcome.seconds) s; \(outcome.err)")
    }

    func testEveryXMLLimitIsAFlagAndGoingOverOneNamesIt() throws {
        var fixture = XLSXFixture()
        fixture.sharedStrings = XLSXFixture.sharedStrings(["<t>\(String(repeating: "lang ", count: 40))</t>"])
        let nested = String(repeating: "<extLst>", count: 300) + String(repeating: "</extLst>", count: 300)
        fixture.addSheet("Tief", rows: #"<row r="1" spans="1:1"><c r="A1" t="s"><v>0</v></c></row>"#, after: nested)
        let file = try write(try fixture.build(), "tief.xlsx")
        assertRefused(try ImonProcess.run(["cat", file]), file, mentioning: "--max-depth")
        XCTAssertEqual(try ImonProcess.run(["cat", "--max-depth", "400", file]).status, 0)
        assertRefused(try ImonProcess.run(["cat", "--max-depth", "400", "--max-string-length", "100", file]), file,
                      mentioning: "--max-string-length")
        assertRefused(try ImonProcess.run(["cat", "--max-depth", "400", "--max-attribute-length", "2", file]), file,
                      mentioning: "--max-attribute-length")
    }

    func testTruncatedAndFlippedWorkbooksNeverCrash() throws {
        for sample in ["Abgaben/2005/Amt_11_2005.xlsx", "Abgaben/2005/Amt_13_2005.ods"] {
            let bytes = Array(try Data(contentsOf: samples.appendingPathComponent(sample)))
            let name = (sample as NSString).lastPathComponent
            for k in 1...12 {
                let cut = try write(Array(bytes[..<(bytes.count * k / 13)]), "cut\(k)-\(name)")
                assertRefused(try ImonProcess.run(["cat", "--format", "json", cut]), cut)
                var flipped = bytes
                let at = bytes.count * k / 13
                flipped[at] ^= 0x5A
                let file = try write(flipped, "flip\(k)-\(name)")
                let outcome = try ImonProcess.run(["cat", "--format", "json", file])
                // A flipped byte in the central directory's comment or a name may still read.
                if outcome.status != 0 { assertRefused(outcome, file) }
            }
        }
    }

    func testLyingSizesAndUnknownMethodsInTheCentralDirectory() throws {
        let content = Array("<a/>".utf8)
        let honest = RawEntry(name: "content.xml", content: content)
        var shorter = honest
        shorter.size = 2
        var longer = honest
        longer.size = 1 << 31
        var method = honest
        method.method = 14 // LZMA
        let mimetype = RawEntry(name: "mimetype", content: Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        for (name, entry, text) in [("kurz.ods", shorter, "content.xml"), ("lang.ods", longer, "content.xml"),
                                    ("lzma.ods", method, "compression method 14")] {
            let file = try write(RawEntry.package([mimetype, entry]), name)
            assertRefused(try ImonProcess.run(["cat", file]), file, mentioning: text)
        }
    }

    func testValidateAndMergeReportABadFileAndGoOnWithTheOthers() throws {
        let folder = directory.appendingPathComponent("Eingang")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sample in ["Amt_11_2005.xlsx", "Amt_13_2005.ods"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent("Abgaben/2005/\(sample)"),
                                             to: folder.appendingPathComponent(sample))
        }
        let good = Array(try Data(contentsOf: samples.appendingPathComponent("Abgaben/2005/Amt_12_2005.xlsx")))
        try Data(good[..<(good.count / 2)]).write(to: folder.appendingPathComponent("Amt_12_2005.xlsx"))
        try Data(BombFixture.xlsx(megabytes: 256)).write(to: folder.appendingPathComponent("Amt_32_2005.xlsx"))

        let validated = try ImonProcess.run(["validate", folder.path])
        XCTAssertEqual(validated.status, 1, validated.err)
        XCTAssertTrue(validated.out.contains("Amt_11_2005.xlsx (Amt 11, 2005): in Ordnung"), validated.out)
        XCTAssertTrue(validated.out.contains("Amt_13_2005.ods (Amt 13, 2005): in Ordnung"), validated.out)
        XCTAssertEqual(validated.out.components(separatedBy: "(unreadable)").count - 1, 2, validated.out)

        let store = directory.appendingPathComponent("m.sqlite").path
        let merged = try ImonProcess.run(["merge", "--lang", "en", "--store", store, folder.path])
        XCTAssertEqual(merged.status, 1, merged.err)
        XCTAssertEqual(merged.out.split(separator: "\n").filter { $0.contains(": imported (") }.count, 2, merged.out)
        XCTAssertEqual(merged.out.split(separator: "\n").filter { $0.contains("rejected") }.count, 2, merged.out)
        XCTAssertLessThan(merged.peakMiB, 200)
    }
}
