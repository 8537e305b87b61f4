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

    func testASheetOfGigabytesOfOrdinaryCellsIsRefusedAtTheCellsInMemoryLimit() throws {
        let bytes = BombFixture.xlsxOfCells(megabytes: 2048)
        XCTAssertLessThan(bytes.count, 16 << 20)
        let file = try write(bytes, "zellen.xlsx")
        // 136 million cells: holding them took 19 GB; the default limit
        // (10 million) stops it at about half a gigabyte.
        let refused = try ImonProcess.run(["cat", "--format", "json", file])
        assertRefused(refused, file, mentioning: "more than 10000000 cells to hold in memory")
        XCTAssertTrue(refused.err.contains("--max-cells-in-memory"), refused.err)
        XCTAssertLessThan(refused.peakMiB, 800)
        for command in [["cat", "--format", "table"], ["convert", file, directory.appendingPathComponent("z.ods").path]] {
            let outcome = try ImonProcess.run(command + ["--max-cells-in-memory", "1000000"] + (command[0] == "cat" ? [file] : []))
            assertRefused(outcome, file, mentioning: "--max-cells-in-memory")
            XCTAssertLessThan(outcome.peakMiB, 200, command[0])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("z.ods").path))

        let ods = try write(BombFixture.odsOfCells(megabytes: 2048), "zellen.ods")
        let odsRefused = try ImonProcess.run(["cat", "--format", "json", "--max-cells-in-memory", "1000000", ods])
        assertRefused(odsRefused, ods, mentioning: "more than 1000000 cells to hold in memory")
        XCTAssertLessThan(odsRefused.peakMiB, 200)
    }

    func testALocalHeaderNamingAnotherFileThanTheCentralDirectoryIsRefused() throws {
        let mimetype = RawEntry(name: "mimetype", content: Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        let content = ODSFixture(body: #"<table:table table:name="T"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>"#).content
        var forged = RawEntry(name: "content.xml", content: Array(content.utf8))
        forged.localName = "styles.xml"
        let file = try write(RawEntry.package([mimetype, forged]), "zweinamig.ods")
        let outcome = try ImonProcess.run(["cat", "--format", "json", file])
        assertRefused(outcome, file, mentioning: #"content.xml: the local header names another file, "styles.xml""#)
        forged.localName = nil
        let honest = try write(RawEntry.package([mimetype, forged]), "einnamig.ods")
        XCTAssertEqual(try ImonProcess.run(["cat", "--format", "json", honest]).status, 0)
    }

    func testNumberCellsHoldingInfinityOrNaNAreRefusedAtTheirCell() throws {
        for text in ["1e999", "NaN", "inf", "-1e999"] {
            var xlsx = XLSXFixture()
            xlsx.addSheet("Werte", rows: #"<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>\#(text)</v></c></row>"#)
            let file = try write(try xlsx.build(), "unendlich.xlsx")
            assertRefused(try ImonProcess.run(["cat", "--format", "json", file]), file,
                          mentioning: #"xl/worksheets/sheet1.xml: cell B2: "\#(text)" is not a finite number"#)
            let ods = ODSFixture(body: #"<table:table table:name="Werte"><table:table-row><table:table-cell/>"#
                                 + #"<table:table-cell office:value-type="float" office:value="\#(text)"/></table:table-row></table:table>"#)
            for (name, bytes) in [("unendlich.ods", try ods.package()), ("unendlich.fods", ods.flat())] {
                let file = try write(bytes, name)
                assertRefused(try ImonProcess.run(["cat", "--format", "json", file]), file,
                              mentioning: #"table "Werte" cell B1: invalid office:value "\#(text)""#)
            }
        }
        let duration = ODSFixture(body: #"<table:table table:name="Werte"><table:table-row><table:table-cell office:value-type="time" "#
                                  + #"office:time-value="PT\#(String(repeating: "9", count: 400))H"/></table:table-row></table:table>"#)
        let file = try write(try duration.package(), "dauer.ods")
        assertRefused(try ImonProcess.run(["cat", "--format", "json", file]), file, mentioning: #"cell A1: invalid office:time-value"#)
        let dump = try write(Array(#"{"sheets":[{"name":"S","rows":[[1e999]]}]}"#.utf8), "unendlich.json")
        assertRefused(try ImonProcess.run(["cat", "--format", "json", dump]), dump, mentioning: "a number beyond the range of a double")
    }

    func testPartsThatAreNotUTF8OrUTF16AreRefusedWithThePartAndTheByteOffset() throws {
        /// `text` with `@@` as the bytes C3 28 (a lead byte, then no continuation), and where they lie.
        func broken(_ text: String) -> ([UInt8], Int) {
            var bytes = Array(text.utf8)
            let offset = bytes.firstRange(of: Array("@@".utf8))?.lowerBound ?? -1
            bytes.replaceSubrange(offset..<(offset + 2), with: [0xC3, 0x28])
            return (bytes, offset)
        }
        var xlsx = XLSXFixture()
        xlsx.sharedStrings = XLSXFixture.sharedStrings(["<t>Straße</t>", "<t>Gr@@e</t>"])
        xlsx.addSheet("Daten", rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>ä@@</t></is></c></row>"#)
        let (strings, stringsOffset) = broken(try XCTUnwrap(xlsx.sharedStrings))
        let (sheet, sheetOffset) = broken(xlsx.sheets[0].xml)
        for (part, bytes, offset) in [("xl/sharedStrings.xml", strings, stringsOffset), ("xl/worksheets/sheet1.xml", sheet, sheetOffset)] {
            var fixture = xlsx
            fixture.partBytes = [part: bytes]
            let file = try write(try fixture.build(), "kaputt.xlsx")
            assertRefused(try ImonProcess.run(["cat", "--format", "json", file]), file,
                          mentioning: "\(part): the bytes are not UTF-8 at byte \(offset) ")
        }

        let ods = ODSFixture(body: #"<table:table table:name="Bl@@tt"><table:table-row><table:table-cell office:value-type="string">"#
                             + "<text:p>Gr@@e</text:p></table:table-cell></table:table-row></table:table>")
        let (content, contentOffset) = broken(ods.content)
        let mimetype = RawEntry(name: "mimetype", content: Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        let file = try write(RawEntry.package([mimetype, RawEntry(name: "content.xml", content: content)]), "kaputt.ods")
        assertRefused(try ImonProcess.run(["cat", "--format", "json", file]), file,
                      mentioning: "content.xml: the bytes are not UTF-8 at byte \(contentOffset) ")
        let (flat, flatOffset) = broken(String(decoding: ods.flat(), as: UTF8.self))
        let flatFile = try write(flat, "kaputt.fods")
        assertRefused(try ImonProcess.run(["cat", "--format", "json", flatFile]), flatFile,
                      mentioning: "the bytes are not UTF-8 at byte \(flatOffset) ")

        // UTF-16 with a high surrogate that no low one follows.
        let utf16 = ODSFixture(body: #"<table:table table:name="T"><table:table-row><table:table-cell office:value-type="string">"#
                               + "<text:p>ab@@</text:p></table:table-cell></table:table-row></table:table>")
        let text = utf16.content.replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="UTF-16""#)
        var units = [UInt16](text.utf16)
        let at = try XCTUnwrap(units.firstIndex(of: UInt16(UInt8(ascii: "@"))))
        units[at] = 0xD83D
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let utf16File = try write(RawEntry.package([mimetype, RawEntry(name: "content.xml", content: le)]), "utf16.ods")
        assertRefused(try ImonProcess.run(["cat", "--format", "json", utf16File]), utf16File,
                      mentioning: "content.xml: the bytes are not UTF-16 at byte \(2 + 2 * at) ")
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
