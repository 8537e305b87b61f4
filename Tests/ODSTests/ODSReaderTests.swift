import XCTest
import Spreadsheet
import TestFixtures
import Zip
@testable import ODS

final class ODSReaderTests: XCTestCase {
    private func reader(_ fixture: ODSFixture) throws -> ODSReader {
        try ODSReader(zip: ZipArchive(file: MappedFile(copying: try fixture.package())))
    }

    private func values(_ fixture: ODSFixture, sheet: Int = 0) throws -> [String: CellValue] {
        var out: [String: CellValue] = [:]
        for row in try Workbook(reading: try reader(fixture)).sheets[sheet].rows {
            for cell in row.cells { out[CellReference(row: row.index, column: cell.column).description] = cell.value }
        }
        return out
    }

    private func cell(_ attributes: String, _ text: String = "") -> String {
        "<table:table-cell \(attributes)>\(text)</table:table-cell>"
    }

    func testEveryValueType() throws {
        let f = ODSFixture(body: """
            <table:table table:name="Werte"><table:table-row>\
            \(cell(#"office:value-type="float" office:value="12.5""#, "<text:p>12,5</text:p>"))\
            \(cell(#"office:value-type="percentage" office:value="0.25""#, "<text:p>25 %</text:p>"))\
            \(cell(#"office:value-type="currency" office:currency="EUR" office:value="-3""#))\
            \(cell(#"office:value-type="date" office:date-value="2005-05-24""#))\
            \(cell(#"office:value-type="date" office:date-value="2005-05-24T13:30:00""#))\
            \(cell(#"office:value-type="time" office:time-value="PT12H30M00S""#))\
            \(cell(#"office:value-type="time" office:time-value="PT36H00M00S""#))\
            \(cell(#"office:value-type="boolean" office:boolean-value="true""#))\
            \(cell(#"office:value-type="boolean" office:boolean-value="1""#))\
            \(cell(#"office:value-type="string" office:string-value="from attribute""#, "<text:p>shown</text:p>"))\
            \(cell(#"office:value-type="string" calcext:value-type="error""#, "<text:p>#DIV/0!</text:p>"))\
            \(cell("", "<text:p>no type</text:p>"))\
            </table:table-row></table:table>
            """)
        let v = try values(f)
        XCTAssertEqual(v["A1"], .number(12.5))
        XCTAssertEqual(v["B1"], .number(0.25))
        XCTAssertEqual(v["C1"], .number(-3))
        XCTAssertEqual(v["D1"], .date(CivilDate(year: 2005, month: 5, day: 24)))
        XCTAssertEqual(v["E1"], .dateTime(CivilDateTime(date: CivilDate(year: 2005, month: 5, day: 24), millisecondOfDay: 48_600_000)))
        XCTAssertEqual(v["F1"], .time(milliseconds: 45_000_000))
        XCTAssertEqual(v["G1"], .duration(seconds: 129_600))
        XCTAssertEqual(v["H1"], .bool(true))
        XCTAssertEqual(v["I1"], .bool(true))
        XCTAssertEqual(v["J1"], .string("from attribute"))
        XCTAssertEqual(v["K1"], .error("#DIV/0!"))
        XCTAssertEqual(v["L1"], .string("no type"))
    }

    func testANumberThatIsNotAFiniteDoubleIsAnErrorAtItsCellInPackageAndFlatDocument() throws {
        let cases = [("float", "office:value", "1e999"), ("float", "office:value", "NaN"), ("percentage", "office:value", "-INF"),
                     ("currency", "office:value", "inf"), ("time", "office:time-value", "PT" + String(repeating: "9", count: 400) + "H")]
        for (type, attribute, text) in cases {
            let f = ODSFixture(body: #"<table:table table:name="Zahlen"><table:table-row><table:table-cell/>"#
                               + #"<table:table-cell office:value-type="\#(type)" \#(attribute)="\#(text)"/></table:table-row></table:table>"#)
            let flat = try ODSReader(flatDocument: MappedFile(copying: f.flat()))
            for reader in [try reader(f), flat] {
                XCTAssertThrowsError(try Workbook(reading: reader), text) {
                    XCTAssertTrue("\($0)".hasSuffix(#"table "Zahlen" cell B1: invalid \#(attribute) "\#(text)""#), "\($0)")
                }
            }
        }
    }

    func testReadingOneTableStopsSoonAfterIt() throws {
        // The second table's deep nesting lies past the first chunk of it
        // (128 KiB): reading the first table must not get that far.
        let row = "<table:table-row>\(cell(#"office:value-type="float" office:value="1""#))</table:table-row>"
        let deep = String(repeating: "<text:span>", count: 40) + "x" + String(repeating: "</text:span>", count: 40)
        let f = ODSFixture(body: """
            <table:table table:name="Eins">\(row)</table:table>\
            <table:table table:name="Zwei">\(String(repeating: row, count: 3000))<table:table-row>\
            \(cell(#"office:value-type="string""#, "<text:p>\(deep)</text:p>"))</table:table-row></table:table>
            """)
        let r = try reader(f)
        r.xmlLimits.maxDepth = 30
        XCTAssertEqual(try r.sheets.map(\.name), ["Eins", "Zwei"])
        XCTAssertEqual(try Sheet(reading: r, at: 0).rows.count, 1)
        XCTAssertThrowsError(try Sheet(reading: r, at: 1), "the limit holds where the document is read")
    }

    func testTextMarkupReadsAsLibreOfficeShowsIt() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T"><table:table-row>\
            \(cell(#"office:value-type="string""#, #"<text:p>a<text:s text:c="3"/>b<text:tab/>c</text:p><text:p>zweite <text:span>Zeile</text:span><text:line-break/><text:a xlink:href="x">Link</text:a></text:p>"#))\
            \(cell(#"office:value-type="string""#, "<office:annotation><text:p>Kommentar</text:p></office:annotation><text:p>Wert</text:p>"))\
            \(cell(#"office:value-type="string""#, "<text:p>Fuß<text:note><text:note-body><text:p>Anmerkung</text:p></text:note-body></text:note>note</text:p>"))\
            </table:table-row></table:table>
            """.replacingOccurrences(of: "xlink:href=\"x\"", with: ""))
        let v = try values(f)
        XCTAssertEqual(v["A1"], .string("a   b\tc\nzweite Zeile\nLink"))
        XCTAssertEqual(v["B1"], .string("Wert"))
        XCTAssertEqual(v["C1"], .string("Fußnote"))
    }

    func testRepeatedRowsAndColumnsStayCompressed() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T">\
            <table:table-row table:number-rows-repeated="2">\(cell(#"table:number-columns-repeated="3" office:value-type="float" office:value="7""#))\
            <table:table-cell table:number-columns-repeated="16381"/></table:table-row>\
            <table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>\
            </table:table>
            """)
        var statistics = SheetStatistics()
        try reader(f).readSheet(at: 0, into: &statistics)
        XCTAssertEqual(statistics.cellCount, 6)
        XCTAssertEqual(statistics.usedRange?.description, "A1:C2")
    }

    func testARowRepeatedToTheLastRowWithAValueReadsAndBeyondIsAnError() throws {
        let full = ODSFixture(body: """
            <table:table table:name="T"><table:table-row table:number-rows-repeated="1048576">\
            \(cell(#"office:value-type="float" office:value="1""#))</table:table-row></table:table>
            """)
        var statistics = SheetStatistics()
        try reader(full).readSheet(at: 0, into: &statistics)
        XCTAssertEqual(statistics.cellCount, 1_048_576)
        let beyond = ODSFixture(body: """
            <table:table table:name="T"><table:table-row table:number-rows-repeated="1048577">\
            \(cell(#"office:value-type="float" office:value="1""#))</table:table-row></table:table>
            """)
        var more = SheetStatistics()
        XCTAssertThrowsError(try reader(beyond).readSheet(at: 0, into: &more)) { error in
            guard case .outsideTheSheet = error as? ODSError else { return XCTFail("\(error)") }
        }
    }

    func testHugeRepeatsWithAValueAreRefusedQuickly() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T"><table:table-row table:number-rows-repeated="999999999">\
            \(cell(#"table:number-columns-repeated="999999999" office:value-type="float" office:value="1""#))\
            </table:table-row></table:table>
            """)
        var statistics = SheetStatistics()
        XCTAssertThrowsError(try reader(f).readSheet(at: 0, into: &statistics)) { error in
            guard case .outsideTheSheet = error as? ODSError else { return XCTFail("\(error)") }
        }
    }

    func testCellLimitCountsRepeatedRows() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T"><table:table-row table:number-rows-repeated="1000">\
            \(cell(#"table:number-columns-repeated="10" office:value-type="float" office:value="1""#))\
            </table:table-row></table:table>
            """)
        let r = try reader(f)
        r.maxCellsPerSheet = 5_000
        var statistics = SheetStatistics()
        XCTAssertThrowsError(try r.readSheet(at: 0, into: &statistics)) { error in
            guard case .tooManyCells(5_000, "T") = error as? ODSError else { return XCTFail("\(error)") }
        }
    }

    func testCoveredCellsInsideSpansAreEmptyAndOutsideAreOrdinary() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T">\
            <table:table-row>\(cell(#"table:number-columns-spanned="2" table:number-rows-spanned="2" office:value-type="string""#, "<text:p>Titel</text:p>"))\
            <table:covered-table-cell office:value-type="float" office:value="9"/>\
            <table:covered-table-cell office:value-type="float" office:value="5"/></table:table-row>\
            <table:table-row><table:covered-table-cell table:number-columns-repeated="2" office:value-type="float" office:value="8"/>\
            \(cell(#"office:value-type="float" office:value="3""#))</table:table-row>\
            </table:table>
            """)
        let sheet = try Workbook(reading: try reader(f)).sheets[0]
        XCTAssertEqual(sheet.mergedRanges, [CellRange("A1:B2")!])
        XCTAssertEqual(sheet.value(at: CellReference("A1")!), .string("Titel"))
        XCTAssertEqual(sheet.value(at: CellReference("B1")!), .empty)
        XCTAssertEqual(sheet.value(at: CellReference("C1")!), .number(5), "a covered cell outside every span is ordinary")
        XCTAssertEqual(sheet.value(at: CellReference("A2")!), .empty)
        XCTAssertEqual(sheet.value(at: CellReference("C2")!), .number(3))
    }

    func testFormulasWithoutAStoredResultAreKnown() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T"><table:table-row><table:table-cell table:formula="of:=1+1"/>\
            \(cell(#"table:formula="of:=2" office:value-type="float" office:value="2""#))</table:table-row></table:table>
            """)
        let sheet = try Workbook(reading: try reader(f)).sheets[0]
        XCTAssertEqual(sheet.uncachedFormulas, [CellReference("A1")!])
        XCTAssertEqual(sheet.value(at: CellReference("B1")!), .number(2))
    }

    func testRowsInHeaderRowsAndGroupsCountAsRows() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T"><table:table-header-rows><table:table-row>\(cell(#"office:value-type="float" office:value="1""#))</table:table-row></table:table-header-rows>\
            <table:table-row-group><table:table-row>\(cell(#"office:value-type="float" office:value="2""#))</table:table-row>\
            <table:table-rows><table:table-row>\(cell(#"office:value-type="float" office:value="3""#))</table:table-row></table:table-rows></table:table-row-group>\
            </table:table>
            """)
        let v = try values(f)
        XCTAssertEqual([v["A1"], v["A2"], v["A3"]], [.number(1), .number(2), .number(3)])
    }

    func testTablesInOrderWithVisibilityFromTheirStyles() throws {
        var f = ODSFixture(body: """
            <table:table table:name="Erste" table:style-name="ta1"/><table:table table:name="Versteckt &amp; weg" table:style-name="ta2"/>\
            <table:table table:name="Dritte"><table:table-row>\(cell(#"office:value-type="float" office:value="3""#))</table:table-row></table:table>
            """)
        f.automaticStyles = """
            <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>\
            <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
            """
        let r = try reader(f)
        XCTAssertEqual(try r.sheets.map(\.name), ["Erste", "Versteckt & weg", "Dritte"])
        XCTAssertEqual(try r.sheets.map(\.visibility), [.visible, .hidden, .visible])
        var statistics = SheetStatistics()
        try r.readSheet(at: 2, into: &statistics)
        XCTAssertEqual(statistics.cellCount, 1)
    }

    func testReadingEverySheetListsTheTablesOnTheWay() throws {
        var f = ODSFixture(body: """
            <table:table table:name="Erste"/><table:table table:name="Versteckt" table:style-name="ta2"/>\
            <table:table table:name="Dritte"><table:table-row>\(cell(#"office:value-type="float" office:value="3""#))</table:table-row></table:table>
            """)
        f.automaticStyles = """
            <style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>
            """
        let r = try reader(f)
        var seen: [(SheetInfo, Int)] = []
        try r.readEverySheet(concurrently: true, making: { _ in SheetStatistics() }) { seen.append(($0, $1.cellCount)) }
        XCTAssertEqual(seen.map(\.0.name), ["Erste", "Versteckt", "Dritte"])
        XCTAssertEqual(seen.map(\.0.visibility), [.visible, .hidden, .visible])
        XCTAssertEqual(seen.map(\.1), [0, 0, 1])
        // The pass listed them: the same list as a listing pass of its own.
        XCTAssertEqual(try r.sheets.map(\.name), try reader(f).sheets.map(\.name))

        let limited = try reader(f)
        limited.maxSheets = 2
        XCTAssertThrowsError(try limited.readEverySheet(concurrently: false, making: { _ in SheetStatistics() }) { _, _ in }) { error in
            XCTAssertEqual((error as? ODSError)?.description, "workbook: more sheets than the limit of 2 (--max-sheets raises it)")
        }
        XCTAssertThrowsError(try limited.sheets) { error in
            XCTAssertEqual((error as? ODSError)?.description, "workbook: 3 sheets, more than the limit of 2 (--max-sheets raises it)")
        }

        var zip = ZipWriter()
        try zip.add("content.xml", Array("""
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">\
            <office:body><office:text/></office:body></office:document-content>
            """.utf8))
        let text = try ODSReader(zip: ZipArchive(file: MappedFile(copying: zip.finish())))
        XCTAssertThrowsError(try text.readEverySheet(concurrently: false, making: { _ in SheetStatistics() }) { _, _ in }) { error in
            guard case .notASpreadsheet = error as? ODSError else { return XCTFail("\(error)") }
        }
    }

    func testFlatDocumentReadsLikeThePackage() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T"><table:table-row>\(cell(#"office:value-type="float" office:value="4""#))\
            \(cell(#"office:value-type="string""#, "<text:p>flach</text:p>"))</table:table-row></table:table>
            """)
        let flat = try ODSReader(flatDocument: MappedFile(copying: f.flat()))
        XCTAssertEqual(flat.properties.format, .fods)
        let fromFlat = try Workbook(reading: flat).sheets[0].rows.map(\.cells)
        let fromPackage = try Workbook(reading: try reader(f)).sheets[0].rows.map(\.cells)
        XCTAssertEqual(fromFlat, fromPackage)
        XCTAssertEqual(fromFlat.first?.count, 2)
    }

    func testEncryptedDocumentIsRefused() throws {
        var f = ODSFixture(body: "<table:table table:name=\"T\"/>")
        f.manifestExtra = "<manifest:encryption-data manifest:checksum-type=\"SHA1\" manifest:checksum=\"x\"/>"
        XCTAssertThrowsError(try reader(f)) { error in
            guard case .encrypted = error as? ODSError else { return XCTFail("\(error)") }
        }
    }

    func testOtherOpenDocumentTypesAreNamed() throws {
        var f = ODSFixture(body: "")
        f.mimetype = "application/vnd.oasis.opendocument.text"
        XCTAssertThrowsError(try reader(f)) { error in
            XCTAssertEqual((error as? ODSError)?.description,
                           "mimetype: \"application/vnd.oasis.opendocument.text\" is an OpenDocument file but not a spreadsheet")
        }
    }

    func testMissingMimetypeIsReadLeniently() throws {
        var f = ODSFixture(body: "<table:table table:name=\"T\"><table:table-row>\(cell(#"office:value-type="float" office:value="1""#))</table:table-row></table:table>")
        f.mimetype = nil
        XCTAssertEqual(try values(f)["A1"], .number(1))
    }

    func testBillionLaughsInContentIsRefused() throws {
        var zip = ZipWriter()
        try zip.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8), compression: .stored)
        try zip.add("content.xml", Array("""
            <?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&b;</office:document-content>
            """.utf8))
        let reader = try ODSReader(zip: ZipArchive(file: MappedFile(copying: zip.finish())))
        // Refused whether the tables are listed first or on the way.
        XCTAssertThrowsError(try reader.sheets) { error in
            guard case .xml(_, .doctypeNotAllowed) = error as? ODSError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try reader.readEverySheet(concurrently: false, making: { _ in SheetBuilder() }) { _, _ in }) { error in
            guard case .xml(_, .doctypeNotAllowed) = error as? ODSError else { return XCTFail("\(error)") }
        }
    }
}

final class TableListingTests: XCTestCase {
    private func list(_ xml: String, chunk: Int = 7) -> [SheetInfo]? {
        var listing = TableListing()
        let bytes = Array(xml.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            bytes[offset..<end].withUnsafeBytes { listing.feed($0) }
            offset = end
        }
        return listing.result
    }

    func testNamesVisibilityAndOtherPrefixesInSmallChunks() {
        let xml = """
            <?xml version="1.0"?><d:document-content xmlns:d="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:s="urn:oasis:names:tc:opendocument:xmlns:style:1.0">\
            <d:automatic-styles><s:style s:name="h" s:family="table"><s:table-properties t:display="false"/></s:style></d:automatic-styles>\
            <!-- <t:table t:name="not a table"> --><d:body><d:spreadsheet>\
            <t:table t:name="Erste &amp; &#x42;este" t:style-name="x"><t:table-row><t:table-cell>\
            <t:table t:name="Untertabelle"/></t:table-cell></t:table-row></t:table>\
            <t:table t:name='Versteckt' t:style-name="h"/></d:spreadsheet></d:body></d:document-content>
            """
        XCTAssertEqual(list(xml), [SheetInfo(name: "Erste & Beste"), SheetInfo(name: "Versteckt", visibility: .hidden)])
        XCTAssertEqual(list(xml, chunk: 1 << 16), list(xml))
    }

    func testGivesUpWhenItCannotBeSure() {
        XCTAssertNil(list("<a><b/></a>"), "no OpenDocument declarations")
        XCTAssertNil(list(#"<o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:s="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><o:body><o:text/></o:body></o:document-content>"#),
                     "no spreadsheet body")
    }
}
