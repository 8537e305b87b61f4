import XCTest
import Spreadsheet
import TestFixtures
import XMLStream
import Zip
@testable import XLSX

/// Reading a worksheet in runs of rows on other threads must give exactly
/// what one sequential pass gives: the same rows, and for a broken sheet
/// the same rows before the same error.
final class SheetRunTests: XCTestCase {
    private func rows(_ range: Range<Int>) -> String {
        range.map { r in
            #"<row r="\#(r + 1)"><c r="A\#(r + 1)"><v>\#(r)</v></c><c r="B\#(r + 1)" t="s"><v>\#(r % 3)</v></c>"#
                + #"<c r="C\#(r + 1)" s="1"><v>\#(40000 + r)</v></c><c r="D\#(r + 1)" t="inlineStr"><is><t>i\#(r)</t></is></c></row>"#
        }.joined()
    }

    private func fixture(_ sheetData: String, after: String = "") -> XLSXFixture {
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings(["<t>null</t>", "<t>eins</t>", "<t>zwei</t>"])
        f.setNumberFormats(cellXfs: [0, 14])
        f.addSheet("Daten", rows: sheetData, after: after)
        return f
    }

    private func reader(_ fixture: XLSXFixture, runSize: Int?) throws -> XLSXReader {
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try fixture.build())))
        reader.rowRuns = runSize.map { .always(runSize: $0) } ?? .never
        return reader
    }

    /// The sheet as delivered: each row as visited, the summary; after an
    /// error, what came before it and the error.
    private func dump(_ reader: XLSXReader, limit: ((XLSXReader) -> Void)? = nil) -> String {
        limit?(reader)
        return RowRecorder.dump { try reader.readSheet(at: 0, into: &$0) }
    }

    private func assertSameInRuns(_ fixture: XLSXFixture, expectError: Bool = false, limit: ((XLSXReader) -> Void)? = nil,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = dump(try reader(fixture, runSize: nil), limit: limit)
        XCTAssertEqual(expected.contains("error: "), expectError, expected, file: file, line: line)
        for runSize in [1, 81, 200, 1 << 18] {
            XCTAssertEqual(dump(try reader(fixture, runSize: runSize), limit: limit), expected, "runs of \(runSize) bytes",
                           file: file, line: line)
        }
    }

    func testRowsAreTheSameInRuns() throws {
        try assertSameInRuns(fixture(rows(0..<40) + #"<row r="60" spans="1:2"><c r="B60"><f>1+1</f></c></row>"#
            + #"<row r="50"><c r="A50"><v>5</v></c><c r="A50"><v>6</v></c></row>"# + rows(70..<80),
            after: #"<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>"#))
    }

    func testRowsWithoutNumbersAreLeftToOnePass() throws {
        let numbered = rows(0..<20)
        let unnumbered = (0..<20).map { "<row><c><v>\($0)</v></c><c t=\"s\"><v>1</v></c></row>" }.joined()
        try assertSameInRuns(fixture(numbered + unnumbered + numbered))
        try assertSameInRuns(fixture(unnumbered + numbered))
    }

    func testErrorsInRunsReadAsWithoutThem() throws {
        try assertSameInRuns(fixture(rows(0..<30) + #"<row r="31"><c r="A31"><v>abc</v></c></row>"# + rows(31..<40)),
                             expectError: true)
        try assertSameInRuns(fixture(rows(0..<30) + #"<row r="31"><c r="A31"><v>1</c></row>"# + rows(31..<40)),
                             expectError: true)
        try assertSameInRuns(fixture(rows(0..<30) + #"<row r="31"><c r="A31" t="s"><v>7</v></c></row>"#), expectError: true)
        try assertSameInRuns(fixture(rows(0..<30)), expectError: true) { $0.maxCellsPerSheet = 75 }
        try assertSameInRuns(fixture(rows(0..<30) + #"<row r="31"><c r="A31" t="inlineStr"><is><t>\#(String(repeating: "x", count: 500))</t></is></c></row>"#),
                             expectError: true) { $0.xmlLimits.maxTextLength = 100 }
    }

    func testStrayBytesBetweenRowsReadAsInOnePass() throws {
        // A fuzz finding: a byte that begins no UTF-8 character between two
        // rows sends the row after it to the skeleton's parser; the runs
        // after it must not overtake that row. Such a byte is an error now,
        // after the same rows in runs as in one pass.
        var f = fixture("")
        let rowsBefore = Array(rows(0..<5).utf8), rowsAfter = Array(rows(5..<30).utf8)
        var sheet = Array(#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(f.mainNamespace)"><sheetData>"#.utf8)
        sheet += rowsBefore + [0xFE] + rowsAfter + Array("</sheetData></worksheet>".utf8)
        f.sheets[0].bytes = sheet
        try assertSameInRuns(f, expectError: true)
        XCTAssertTrue(dump(try reader(f, runSize: 81)).hasSuffix("not UTF-8 at byte \(sheet.count - rowsAfter.count - 25) "
                                                                  + "(the part is read as UTF-8, as it declares or by default)"))
        sheet.removeLast(Array("</sheetData></worksheet>".utf8).count)
        sheet += Array(#"<row r="40"><c r="A40" s="<"><v>1</v></c></row></sheetData></worksheet>"#.utf8)
        f.sheets[0].bytes = sheet
        try assertSameInRuns(f, expectError: true)
    }

    func testRowsEndOnlyAtTheirEndTags() throws {
        // What looks like a row's end tag inside a comment, character data or
        // an instruction, names that end like `row`, text with its letters.
        let tricky = #"<row r="41"><!-- </row> --><c r="A41"><v>1</v></c><?pi </row>?></row>"#
            + #"<row r="42"><c r="A42" t="str"><v>arrow w</v></c><c r="B42"><f>"row"</f><v>2</v></c></row>"#
            + #"<row r="43"><c r="A43"><v>3</v></c><c r="B43" t="inlineStr"><is><t><![CDATA[</row>]]></t></is></c></row>"#
            + #"<row r="44"><arrow/><rowx/><c r="A44"><v>4</v></c></row>"#
        let sheet = rows(0..<40) + tricky + rows(44..<60)
        try assertSameInRuns(fixture(sheet))
        let document = Array(fixture(sheet).sheets[0].xml.utf8)
        for chunkSize in [1, 7, 64, 4096] {
            let cut = SegmentedDocument(document, .spreadsheetML, segmentSize: 100, chunkSize: chunkSize)
            for run in cut.runs {
                XCTAssertTrue(run.bytes.starts(with: Array("<row ".utf8)))
                XCTAssertTrue(run.bytes.reversed().starts(with: Array("</row>".utf8).reversed()))
                // Cut anywhere but after whole rows, a run is no document.
                do { try run.parse(with: XMLScanner(handler: IgnoringHandler())) } catch {
                    XCTFail("\(error): \(String(decoding: run.bytes, as: UTF8.self))")
                }
            }
            XCTAssertEqual(cut.routed, document, "chunks of \(chunkSize)")
            XCTAssertGreaterThan(cut.runs.count, 20, "chunks of \(chunkSize)")
        }
    }

    func testAVisitorsErrorIsPassedOnAsItIs() throws {
        var refusing = RefusingVisitor(refusingAt: 25)
        let r = try reader(fixture(rows(0..<50)), runSize: 100)
        XCTAssertThrowsError(try r.readSheet(at: 0, into: &refusing)) { error in
            XCTAssertTrue(error is RefusingVisitor.Refusal, "\(error)")
        }
    }
}

/// Takes the events of a parse and keeps none.
private final class IgnoringHandler: XMLEventHandler {
    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {}
    func endElement(_ name: XMLName) throws {}
    func characters(_ text: UnsafeRawBufferPointer) throws {}
}
