import XCTest
import Spreadsheet
import TestFixtures
import XMLStream
import Zip
@testable import XLSX

/// Rows read straight from their bytes (`RowMarkup`) must read exactly as
/// through the scanner's events: the same rows, and for a broken sheet the
/// same rows before the same error. Rows of another shape are left to the
/// scanner, which reads them or says what is wrong.
final class RowMarkupTests: XCTestCase {
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let root = #"<worksheet xmlns="\#(main)" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">"#

    /// Rows as Excel writes them; `strings` false leaves out the shared strings.
    private func rows(_ range: Range<Int>, strings: Bool = true) -> String {
        range.map { r in
            #"<row r="\#(r + 1)" spans="1:4" x14ac:dyDescent="0.25"><c r="A\#(r + 1)"><v>\#(r)</v></c>"#
                + (strings ? #"<c r="B\#(r + 1)" t="s"><v>\#(r % 3)</v></c>"# : "")
                + #"<c r="C\#(r + 1)" s="1"><v>\#(40000 + r)</v></c>"#
                + #"<c r="D\#(r + 1)" t="b"><v>\#(r % 2)</v></c></row>"#
        }.joined()
    }

    private func sheet(_ sheetData: String, root: String = RowMarkupTests.root, after: String = "") -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" + root
            + "<sheetData>\(sheetData)</sheetData>\(after)</worksheet>"
    }

    private func fixture(_ xml: String) -> XLSXFixture {
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings(["<t>null</t>", "<t>eins</t>", "<t>zwei</t>"])
        f.setNumberFormats(cellXfs: [0, 14])
        f.sheets.append(.init(name: "Daten", xml: xml))
        return f
    }

    /// The sheet as delivered, and after an error what came before it and the error.
    private func dump(_ fixture: XLSXFixture, rowMarkup: Bool, runSize: Int?, limit: ((XLSXReader) -> Void)?) throws -> String {
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try fixture.build())))
        reader.readsRowMarkup = rowMarkup
        reader.rowRuns = runSize.map { .always(runSize: $0) } ?? .never
        limit?(reader)
        return RowRecorder.dump { try reader.readSheet(at: 0, into: &$0) }
    }

    private func assertSameAsEvents(_ xml: String, expectError: Bool = false, limit: ((XLSXReader) -> Void)? = nil,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let f = fixture(xml)
        let expected = try dump(f, rowMarkup: false, runSize: nil, limit: limit)
        XCTAssertEqual(expected.contains("error: "), expectError, expected, file: file, line: line)
        for runSize in [nil, 1, 300] as [Int?] {
            XCTAssertEqual(try dump(f, rowMarkup: true, runSize: runSize, limit: limit), expected,
                           "runs of \(String(describing: runSize)) bytes", file: file, line: line)
        }
    }

    /// How many rows a parser read straight from the bytes, and how many it left to the scanner.
    private func rowsTakenAndLeft(_ xml: String) throws -> (taken: Int, left: Int) {
        let parser = WorksheetParser(part: "sheet1.xml", sharedStrings: try .empty(), styles: Styles(), dateSystem: .d1900,
                                     maxCells: .max) { _ in }
        let scanner = XMLScanner(handler: parser, documentName: "sheet1.xml")
        scanner.shortcut = parser
        try Array(xml.utf8).withUnsafeBytes { try scanner.feed($0) }
        try scanner.finish()
        return (parser.rowsTaken, parser.rowsLeft)
    }

    func testUsualRowsAreReadFromTheirBytes() throws {
        let usual = sheet(rows(0..<20, strings: false) + #"<row r="30"><c r="A30"><f>A1&amp;"x"&lt;&#x41;</f><v>1</v></c>"#
            + #"<c r="B30"><f t="shared" ref="B30:B31" si="0"/><v>2</v></c><c r="C30" t="str"><f>"a"</f><v>a</v></c></row>"#)
        XCTAssertEqual(try rowsTakenAndLeft(usual).taken, 21)
        XCTAssertEqual(try rowsTakenAndLeft(usual).left, 0)
        let inline = sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>i</t></is></c></row>"# + rows(1..<3, strings: false))
        XCTAssertEqual(try rowsTakenAndLeft(inline).taken, 3)
        let rich = sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><r><t>i</t></r></is></c></row>"# + rows(1..<3, strings: false))
        XCTAssertEqual(try rowsTakenAndLeft(rich).taken, 2)
        XCTAssertEqual(try rowsTakenAndLeft(rich).left, 1)
    }

    func testAShapeItDoesNotReadOftenStopsBeingOffered() throws {
        let rich = (0..<100).map { #"<row r="\#($0 + 1)"><c r="A\#($0 + 1)" t="inlineStr"><is><r><t>i</t></r></is></c></row>"# }
        let counts = try rowsTakenAndLeft(sheet(rich.joined() + rows(100..<110, strings: false)))
        XCTAssertEqual(counts.left, 16)
        XCTAssertEqual(counts.taken, 0)
    }

    func testUsualRowsReadAsThroughEvents() throws {
        try assertSameAsEvents(sheet(rows(0..<40) + #"<row r="60" spans="1:2"><c r="B60"><f>1+1</f></c></row>"#
            + #"<row r="50"><c r="A50"><v>5</v></c><c r="A50"><v>6</v></c></row>"# + rows(70..<80),
            after: #"<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>"#))
    }

    func testCellTypesReadAsThroughEvents() throws {
        try assertSameAsEvents(sheet(#"<row r="1"><c r="A1" t="str"><v>a &gt; b</v></c><c r="B1" t="e"><v>#N/A</v></c>"#
            + #"<c r="C1" t="d"><v>2021-12-31T23:44:51</v></c><c r="D1" t="n"><v>1.5E3</v></c><c r="E1" t="b"><v>1</v></c>"#
            + #"<c r="F1" t="str"><f>"x"</f><v></v></c><c r="G1"><f>A1</f></c><c r="H1" t="s"><v>2</v></c></row>"#))
    }

    func testSpellingsReadAsThroughEvents() throws {
        let spellings = [
            #"<row r='1'><c r='A1' s='1'><v>1</v></c></row>"#,
            "<row r=\"2\">\r\n  <c r=\"A2\">\n    <v>2</v>\n  </c>\n\t<c r=\"B2\" t=\"s\"><v>1</v></c>\n</row>\n",
            #"<row><c><v>3</v></c><c><v>4</v></c></row><row><c r="C9"><v>5</v></c></row>"#,
            #"<row r="9"/><row r="10"></row><row r="11"><c r="A11" s="1"/><c r="B11"/></row>"#,
            #"<row r="12"><c r="B12"><v>1</v></c><c r="A12"><v>2</v></c><c r="B12"><v>3</v></c></row>"#,
            #"<row r="13"><c r="A13"><v>1</v><v>2</v></c><c r="B13"><v>\#t7</v></c><c r="C13"><v/></c></row>"#,
            #"<row r="14" foo:r="20" xmlns:foo="urn:foo"><c r="A14" foo:r="Z9"><v>1</v></c></row>"#,
            #"<row r="15" x14ac:dyDescent="0.25" ht="15" customHeight="1"><c r="A15" x14ac:foo="a&amp;b"><v>1</v></c></row>"#,
            #"<row r="16" spans = "1:1"><c r="A16"><v>1&#48;</v></c><c r="B16"><![CDATA[7]]></c></row>"#,
            #"<row r="17"><!-- note --><c r="A17"><?pi x?><v>1</v></c><c r="B17" t="inlineStr"><is><t>b</t></is></c></row>"#,
            #"<row r="20"><c r="A20" t="inlineStr"><is><t>x</t></is><is><t>y</t></is></c><c r="B20" t="inlineStr"><is><t>&#xD;</t></is></c></row>"#,
            #"<row r="18"><c r="A18" s="1&#10;"><v>1</v></c><c r="B18" s="1\#t"><v>2</v></c></row>"#,
            #"<row r="19"><c r="A19" unknown="1" _x.y-z="2"><v>1</v></c><c r="B19"><extLst/><v>2</v></c></row>"#,
        ]
        for spelling in spellings {
            try assertSameAsEvents(sheet(rows(0..<3) + spelling + rows(30..<33)))
        }
    }

    func testInlineStringsReadAsThroughEvents() throws {
        let cells = [
            #"<is><t>plain</t></is>"#,
            #"<is><t xml:space="preserve">  kept  </t></is>"#,
            #"<is><t>  trimmed\#n </t></is>"#,
            #"<is><t xml:space="default"> trimmed </t></is>"#,
            #"<is><t space="preserve"> trimmed </t></is>"#,
            #"<is><t xml:space="preserve" lang="de"> a </t></is>"#,
            #"<is><t>a &amp; b &lt;&#x41;&#66;&gt; &quot;c&apos;</t></is>"#,
            #"<is><t>line_x000D_break</t></is>"#,
            #"<is/>"#, #"<is></is>"#, #"<is><t/></is>"#, #"<is>\#n  <t>x</t>\#n</is>"#,
            #"<v>1</v><is><t>beside a value</t></is>"#,
            #"<is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is>"#,
            #"<is><t>a</t><rPh sb="0" eb="1"><t>phonetic</t></rPh></is>"#,
            #"<is><t>a</t><t>b</t></is>"#,
            #"<is><t xml:lang="de">a</t></is>"#,
            "<is><t>carriage\r\nreturn</t></is>",
            #"<is><t>\#u{00E9}t\#u{00E9} \#u{4E2D}</t></is>"#,
        ]
        let sheetData = cells.enumerated().map { k, cell in
            #"<row r="\#(k + 1)"><c r="A\#(k + 1)" t="inlineStr">\#(cell)</c><c r="B\#(k + 1)"><v>\#(k)</v></c></row>"#
        }.joined()
        try assertSameAsEvents(sheet(sheetData + rows(30..<33)))
    }

    func testAnUnboundPrefixReadsAsThroughEvents() throws {
        // The scanner recovers from an unbound prefix as libxml2 does: the
        // attribute then has no namespace, and `foo:r` reads as `r`.
        try assertSameAsEvents(sheet(#"<row r="1"><c r="A1" foo:r="C1"><v>1</v></c></row>"#))
    }

    func testAPrefixBoundAroundOneSheetDataIsNotTakenAsBoundInTheNext() throws {
        // Unbound, `foo:r` reads as `r` (see above); bound, it is another attribute.
        let bound = #"<sheetData xmlns:foo="urn:foo"><row r="1"><c r="A1" foo:r="C1"><v>1</v></c></row></sheetData>"#
        let unbound = #"<sheetData><row r="2"><c r="A2" foo:r="C2"><v>2</v></c></row></sheetData>"#
        try assertSameAsEvents(#"<?xml version="1.0" encoding="UTF-8"?>"# + RowMarkupTests.root + bound + unbound
            + "</worksheet>")
    }

    func testRowsInAnotherNamespaceReadAsThroughEvents() throws {
        func prefixed(_ rows: String) -> String {
            #"<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="\#(RowMarkupTests.main)" xmlns="urn:other">"#
                + "<x:sheetData>\(rows)</x:sheetData></x:worksheet>"
        }
        try assertSameAsEvents(prefixed(#"<row r="1"><c r="A1"><v>1</v></c></row>"#))
        try assertSameAsEvents(prefixed(#"<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>"#))
    }

    func testBrokenRowsFailAsThroughEvents() throws {
        let broken = [
            #"<row r="4"><c r="A4"><v>abc</v></c></row>"#,
            #"<row r="4"><c r="4A"><v>1</v></c></row>"#,
            #"<row r="4"><c r="A4" t="s"><v>7</v></c></row>"#,
            #"<row r="4"><c r="A4"><v>1</c></row>"#,
            #"<row r="4"><c r="A4" r="B4"><v>1</v></c></row>"#,
            #"<row r="4"><c r="A4"s="1"><v>1</v></c></row>"#,
            #"<row r="4"><c r="A4" s="1><v>1</v></c></row>"#,
            #"<row r="4"><c r="A4"><v>1</v></c>"#,
            #"<row r="4"><c r="A4"><v>1&bogus;</v></c></row>"#,
            #"<row r="4"><c r="A4"><f>1&bogus;</f><v>1</v></c></row>"#,
            #"<row r="4"><c r="A4" xmlns:p=""><v>1</v></c></row>"#,
            "<row r=\"4\"><c r=\"A4\"><v>1\u{1}</v></c></row>",
            #"<row r="4"><c r="A4" t="inlineStr"><is><t>a &bogus; b</t></is></c></row>"#,
            #"<row r="4"><c r="A4" t="inlineStr"><is><t>a</is></c></row>"#,
            #"<row r="4"><c r="A4" t="inlineStr"><is><t>a</t></c></row>"#,
            #"<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve" xml:space="default">a</t></is></c></row>"#,
        ]
        for row in broken {
            try assertSameAsEvents(sheet(rows(0..<3) + row + rows(4..<6)), expectError: true)
        }
    }

    func testLimitsHoldAsThroughEvents() throws {
        let long = String(repeating: "1", count: 300)
        try assertSameAsEvents(sheet(rows(0..<3) + #"<row r="4"><c r="A4"><v>\#(long)</v></c></row>"#), expectError: true) {
            $0.xmlLimits.maxTextLength = 100
        }
        try assertSameAsEvents(sheet(rows(0..<3) + #"<row r="4" spans="\#(long)"><c r="A4"><v>1</v></c></row>"#),
                               expectError: true) { $0.xmlLimits.maxAttributeLength = 100 }
        try assertSameAsEvents(sheet(rows(0..<3)), expectError: true) { $0.xmlLimits.maxDepth = 4 }
        try assertSameAsEvents(sheet(rows(0..<30)), expectError: true) { $0.maxCellsPerSheet = 75 }
    }
}
