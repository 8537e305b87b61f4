import XCTest
import Spreadsheet
import TestFixtures
import Zip
@testable import XLSX

final class XLSXReaderTests: XCTestCase {
    private func read(_ fixture: XLSXFixture) throws -> Workbook {
        let zip = try ZipArchive(file: MappedFile(copying: try fixture.build()))
        return try Workbook(reading: try XLSXReader(zip: zip))
    }

    private func values(_ fixture: XLSXFixture, sheet: Int = 0) throws -> [String: CellValue] {
        var out: [String: CellValue] = [:]
        for row in try read(fixture).sheets[sheet].rows {
            for cell in row.cells { out[CellReference(row: row.index, column: cell.column).description] = cell.value }
        }
        return out
    }

    func testCellsHeldInMemoryAreBoundedAcrossSheetsAndRowsKeptNoWiderThanThemselves() throws {
        var f = XLSXFixture()
        let rows = (1...50).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c><c r="B\#($0)"><v>2</v></c></row>"# }.joined()
        f.addSheet("Eins", rows: rows)
        f.addSheet("Zwei", rows: rows)
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
        // 200 cells in all: each sheet fits alone, both together do not.
        let whole = try Workbook(reading: reader, maxCells: 200)
        XCTAssertTrue(whole.sheets.allSatisfy { $0.rows.allSatisfy { $0.cells.capacity <= 10 } },
                      "\(whole.sheets.flatMap { $0.rows.map(\.cells.capacity) }.max() ?? 0)")
        XCTAssertThrowsError(try Workbook(reading: reader, maxCells: 199)) {
            XCTAssertTrue(String(describing: $0).contains("more than 199 cells to hold in memory"), "\($0)")
            XCTAssertTrue(String(describing: $0).contains("--max-cells-in-memory"), "\($0)")
        }
        var seen = 0
        try reader.eachSheet(at: [0, 1], maxCells: 100) { seen += $0.rows.count }
        XCTAssertEqual(seen, 100, "one sheet held at a time")
        XCTAssertThrowsError(try reader.eachSheet(at: [1], maxCells: 99) { _ in }) {
            XCTAssertEqual(($0 as? CellBudgetExceeded)?.sheet, #"sheet "Zwei""#)
        }
    }

    func testANumberCellThatIsNotAFiniteDoubleIsAnErrorAtItsCell() throws {
        for text in ["1e999", "-1e999", "NaN", "INF", "-INF", "inf", " 1E400 "] {
            // Read from the row's bytes, and by the scanner (a comment in the row).
            for (reference, row) in [("C1", #"<row r="1"><c r="B1"><v>2</v></c><c r="C1"><v>\#(text)</v></c></row>"#),
                                     ("D3", #"<row r="3"><c r="D3"><v>\#(text)</v><!-- --></c></row>"#)] {
                var f = XLSXFixture()
                f.addSheet("Zahlen", rows: row)
                XCTAssertThrowsError(try read(f), text) {
                    XCTAssertEqual("\($0)", #"xl/worksheets/sheet1.xml: cell \#(reference): "\#(text)" is not a finite number"#
                                   + " (a number cell holds one)")
                }
            }
        }
        var f = XLSXFixture()
        f.addSheet("Zahlen", rows: #"<row r="1"><c r="A1"><v>1.7976931348623157e308</v></c><c r="B1"><v>-4.9e-324</v></c></row>"#)
        XCTAssertEqual(try values(f), ["A1": .number(.greatestFiniteMagnitude), "B1": .number(-4.9e-324)])
    }

    func testSharedStringsJoinRichRunsAndLeavePhoneticRunsOut() throws {
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings([
            "<t>plain</t>",
            "<r><rPr><b/></rPr><t>bold</t></r><r><t xml:space=\"preserve\"> and more</t></r>",
            "<t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh>",
            "<t>line_x000D_break</t>",
            "<t>_x005F_x000D_ stays</t>",
            "<t>  trimmed  </t>",
            "<t xml:space=\"preserve\">  kept  </t>",
        ])
        f.addSheet("S", rows: (0..<7).map { "<row r=\"\($0 + 1)\"><c r=\"A\($0 + 1)\" t=\"s\"><v>\($0)</v></c></row>" }.joined())
        let v = try values(f)
        XCTAssertEqual(v["A1"], .string("plain"))
        XCTAssertEqual(v["A2"], .string("bold and more"))
        XCTAssertEqual(v["A3"], .string("東京"))
        XCTAssertEqual(v["A4"], .string("line\rbreak"))
        XCTAssertEqual(v["A5"], .string("_x000D_ stays"))
        XCTAssertEqual(v["A6"], .string("trimmed"))
        XCTAssertEqual(v["A7"], .string("  kept  "))
    }

    func testEveryStoredCellType() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: """
            <row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="n"><v>-2E3</v></c>\
            <c r="C1" t="inlineStr"><is><t>inline</t></is></c><c r="D1" t="str"><f>A1&amp;"x"</f><v>1.5x</v></c>\
            <c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#DIV/0!</v></c>\
            <c r="H1" t="d"><v>2005-05-24T10:30:00</v></c><c r="I1" t="d"><v>2005-05-24</v></c>\
            <c r="J1"><f>1/0</f></c><c r="K1" s="0"/></row>
            """)
        let v = try values(f)
        XCTAssertEqual(v["A1"], .number(1.5))
        XCTAssertEqual(v["B1"], .number(-2000))
        XCTAssertEqual(v["C1"], .string("inline"))
        XCTAssertEqual(v["D1"], .string("1.5x"))
        XCTAssertEqual(v["E1"], .bool(true))
        XCTAssertEqual(v["F1"], .bool(false))
        XCTAssertEqual(v["G1"], .error("#DIV/0!"))
        XCTAssertEqual(v["H1"], .dateTime(CivilDateTime(date: CivilDate(year: 2005, month: 5, day: 24), millisecondOfDay: 37_800_000)))
        XCTAssertEqual(v["I1"], .date(CivilDate(year: 2005, month: 5, day: 24)))
        XCTAssertNil(v["J1"], "a formula without a cached value is empty")
        XCTAssertNil(v["K1"])
    }

    func testFormulasWithoutACachedResultAreKnown() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "<row r=\"2\"><c r=\"B2\"><f>SUM(A1:A3)</f></c><c r=\"C2\"><f>1+1</f><v>2</v></c></row><row r=\"4\"><c r=\"A4\"><f>A1</f></c></row>")
        let sheet = try read(f).sheets[0]
        XCTAssertEqual(sheet.uncachedFormulas, [CellReference("B2")!, CellReference("A4")!])
        XCTAssertEqual(sheet.value(at: CellReference("C2")!), .number(2))
        XCTAssertEqual(sheet.rows.map(\.index), [1], "a row with only uncached formulas has no values")
    }

    func testRowsAndCellsWithoutReferencesFollowTheirPredecessors() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "<row><c><v>1</v></c><c><v>2</v></c></row><row r=\"4\"><c r=\"C4\"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>")
        let v = try values(f)
        XCTAssertEqual(v["A1"], .number(1))
        XCTAssertEqual(v["B1"], .number(2))
        XCTAssertEqual(v["C4"], .number(3))
        XCTAssertEqual(v["D4"], .number(4))
        XCTAssertEqual(v["A5"], .number(5))
    }

    func testNumberFormatsMakeDatesTimesAndDurations() throws {
        var f = XLSXFixture()
        f.setNumberFormats(cellXfs: [0, 14, 164, 165, 20, 10], custom: [164: "DD.MM.YYYY hh:mm", 165: "[h]:mm"])
        f.addSheet("S", rows: """
            <row r="1"><c r="A1" s="1"><v>38496</v></c><c r="B1" s="2"><v>38496.5</v></c><c r="C1" s="3"><v>1.25</v></c>\
            <c r="D1" s="4"><v>0.75</v></c><c r="E1" s="5"><v>0.125</v></c><c r="F1" s="1"><v>-3</v></c></row>
            """)
        let v = try values(f)
        XCTAssertEqual(v["A1"], .date(CivilDate(year: 2005, month: 5, day: 24)))
        XCTAssertEqual(v["B1"], .dateTime(CivilDateTime(date: CivilDate(year: 2005, month: 5, day: 24), millisecondOfDay: 43_200_000)))
        XCTAssertEqual(v["C1"], .duration(seconds: 108_000))
        XCTAssertEqual(v["D1"], .time(milliseconds: 64_800_000))
        XCTAssertEqual(v["E1"], .number(0.125), "percent stays a number")
        XCTAssertEqual(v["F1"], .number(-3), "a negative serial is no date")
    }

    func testThe1904DateSystem() throws {
        var f = XLSXFixture()
        f.workbookPr = "<workbookPr date1904=\"1\"/>"
        f.setNumberFormats(cellXfs: [0, 14])
        f.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>37034</v></c></row>")
        let workbook = try read(f)
        XCTAssertEqual(workbook.properties.dateSystem, .d1904)
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("A1")!), .date(CivilDate(year: 2005, month: 5, day: 24)))
    }

    func testMergedRangesKeepOnlyTheTopLeftValue() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"><v>3</v></c></row>",
                   after: "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>")
        let sheet = try read(f).sheets[0]
        XCTAssertEqual(sheet.mergedRanges, [CellRange("A1:B1")!])
        XCTAssertEqual(sheet.rows[0].cells.map(\.value), [.number(1), .number(3)])
    }

    func testStrictNamespacesReadLikeTransitional() throws {
        var f = XLSXFixture()
        f.mainNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        f.relationshipsNamespace = "http://purl.oclc.org/ooxml/officeDocument/relationships"
        f.sharedStrings = XLSXFixture.sharedStrings(["<t>strict</t>"], namespace: f.mainNamespace)
        f.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
        XCTAssertEqual(try values(f)["A1"], .string("strict"))
    }

    func testSheetOrderNamesVisibilityAndPartsAnywhere() throws {
        var f = XLSXFixture()
        f.addSheet("Zweites & Erstes", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        f.addSheet("Versteckt", rows: "", state: "hidden")
        f.addSheet("Ganz versteckt", rows: "", state: "veryHidden")
        f.sheets[0].path = "/data/first.xml"
        f.sheets[1].path = "../root.xml"
        let workbook = try read(f)
        XCTAssertEqual(workbook.sheets.map(\.name), ["Zweites & Erstes", "Versteckt", "Ganz versteckt"])
        XCTAssertEqual(workbook.sheets.map(\.info.visibility), [.visible, .hidden, .veryHidden])
        XCTAssertEqual(workbook.sheets[0].value(at: CellReference("A1")!), .number(1))
    }

    func testSharedStringIndexPastTheTableNamesTheCell() throws {
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings(["<t>only</t>"])
        f.addSheet("S", rows: "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>5</v></c></row>")
        XCTAssertThrowsError(try read(f)) { error in
            XCTAssertEqual((error as? XLSXError)?.description,
                           "xl/worksheets/sheet1.xml: cell B3: shared string 5 does not exist (the table has 1)")
        }
    }

    func testASheetReadBesideItsSharedStringsGetsEveryStringWhereverItStands() throws {
        // 100 000 strings; the sheet asks for the last ones first, so it must
        // wait for the table as it is being read on the other thread.
        let count = 100_000
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings((0..<count).map { "<t>text \($0)</t>" })
        let order = [count - 1, 0, count / 2, count - 2] + Array(stride(from: 1, to: count, by: 997))
        f.addSheet("S", rows: order.enumerated().map { r, index in
            "<row r=\"\(r + 1)\"><c r=\"A\(r + 1)\" t=\"s\"><v>\(index)</v></c></row>"
        }.joined())
        for _ in 0..<3 {
            let zip = try ZipArchive(file: MappedFile(copying: try f.build()))
            let sheet = try Sheet(reading: try XLSXReader(zip: zip), at: 0)
            XCTAssertEqual(sheet.rows.map { $0.cells[0].value }, order.map { .string("text \($0)") })
        }
    }

    func testABrokenSharedStringsPartFailsTheReadEvenWhereTheSheetUsesNoneOfIt() throws {
        var f = XLSXFixture()
        f.sharedStrings = String(XLSXFixture.sharedStrings(["<t>fine</t>", "<t>also fine</t>"]).dropLast(6)) + "<si><t>cut"
        f.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>2</v></c></row>")
        XCTAssertThrowsError(try read(f)) { error in
            XCTAssert("\(error)".hasPrefix("xl/sharedStrings.xml"), "\(error)")
        }
        // Closing a workbook without reading a sheet stops the table's thread.
        for _ in 0..<20 {
            let zip = try ZipArchive(file: MappedFile(copying: try f.build()))
            _ = try XLSXReader(zip: zip).sheets
        }
    }

    func testStyleIndexPastTheStylesNamesTheCell() throws {
        var f = XLSXFixture()
        f.setNumberFormats(cellXfs: [0])
        f.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\" s=\"7\"><v>1</v></c></row>")
        XCTAssertThrowsError(try read(f)) { error in
            XCTAssertEqual((error as? XLSXError)?.description,
                           "xl/worksheets/sheet1.xml: cell A1: cell style 7 does not exist (the styles part has 1)")
        }
    }

    func testGarbageCellReferenceIsAnError() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>")
        XCTAssertThrowsError(try read(f)) { XCTAssertEqual(($0 as? XLSXError)?.description, "xl/worksheets/sheet1.xml: invalid cell reference \"1A\"") }
    }

    func testNonNumericNumberCellIsAnError() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "<row r=\"1\"><c r=\"C1\"><v>ca. 50</v></c></row>")
        XCTAssertThrowsError(try read(f)) { XCTAssertEqual(($0 as? XLSXError)?.description, "xl/worksheets/sheet1.xml: cell C1: invalid value \"ca. 50\"") }
    }

    func testDoctypeInASheetIsRefused() throws {
        var f = XLSXFixture()
        f.sheets.append(.init(name: "S", xml: """
            <?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>
            """))
        XCTAssertThrowsError(try read(f)) { error in
            guard case .xml(let part, .doctypeNotAllowed) = error as? XLSXError else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        }
    }

    func testMissingSheetPartIsNamed() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "")
        var bytes = try f.build()
        // Rename the sheet part inside the package so that the relationship dangles.
        let needle = Array("xl/worksheets/sheet1.xml".utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<i + needle.count]) == needle { bytes[i + needle.count - 5] = UInt8(ascii: "9") }
            i += 1
        }
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: bytes)))
        var builder = SheetBuilder()
        XCTAssertThrowsError(try reader.readSheet(at: 0, into: &builder)) { error in
            XCTAssertEqual((error as? XLSXError)?.description, "xl/worksheets/sheet1.xml: missing from the package (needed for sheet \"S\")")
        }
    }

    func testASingleCellAtTheLastAddressReadsWithoutAllocatingTheGrid() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
        var statistics = SheetStatistics()
        try reader.readSheet(at: 0, into: &statistics)
        XCTAssertEqual(statistics.cellCount, 1)
        XCTAssertEqual(statistics.usedRange?.description, "XFD1048576")
    }

    func testCellLimitStopsAHugeSheet() throws {
        var f = XLSXFixture()
        f.addSheet("S", rows: "<row r=\"1\">" + (1...20).map { "<c><v>\($0)</v></c>" }.joined() + "</row>")
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
        reader.maxCellsPerSheet = 10
        var statistics = SheetStatistics()
        XCTAssertThrowsError(try reader.readSheet(at: 0, into: &statistics)) { error in
            guard case .tooManyCells(10, _) = error as? XLSXError else { return XCTFail("\(error)") }
        }
    }

    func testSheetsReadConcurrentlyArriveInOrderWithTheSameCells() throws {
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings(["<t>a</t>", "<t>b</t>"])
        for n in 1...7 {
            let cells = (1...n).map { #"<c r="A\#($0)" t="s"><v>\#($0 % 2)</v></c><c r="B\#($0)"><v>\#($0 * n)</v></c>"# }
            f.addSheet("S\(n)", rows: cells.enumerated().map { #"<row r="\#($0.offset + 1)">\#($0.element)</row>"# }.joined())
        }
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
        var sequential: [(Int, [Row])] = [], concurrent: [(Int, [Row])] = []
        try reader.readSheets(at: Array(0..<7), making: { _ in SheetBuilder() }) { sequential.append(($0, $1.rows)) }
        try reader.readSheetsConcurrently(at: Array(0..<7), making: { _ in SheetBuilder() }) {
            concurrent.append(($0, $1.rows))
        }
        XCTAssertEqual(concurrent.map(\.0), Array(0..<7))
        XCTAssertEqual(concurrent.map { $0.1.count }, [1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual(concurrent.map { "\($0.1)" }, sequential.map { "\($0.1)" })
    }

    func testSheetsReadBesideALargeStringTableArriveInOrderAsReadOneByOne() throws {
        // The first sheets are read while the table is still being read.
        let count = 100_000
        var f = XLSXFixture()
        f.sharedStrings = XLSXFixture.sharedStrings((0..<count).map { "<t>text \($0)</t>" })
        for n in 0..<40 {
            let indices = [n, count - 1 - n, (n * 2_503) % count]
            f.addSheet("S\(n)", rows: indices.enumerated().map { r, index in
                #"<row r="\#(r + 1)"><c r="A\#(r + 1)" t="s"><v>\#(index)</v></c></row>"#
            }.joined())
        }
        for _ in 0..<3 {
            let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
            var sequential: [String] = [], concurrent: [(Int, String)] = []
            try reader.readSheets(at: Array(0..<40), making: { _ in SheetBuilder() }) { sequential.append("\($1.rows)") }
            let fresh = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
            try fresh.readSheetsConcurrently(at: Array(0..<40), making: { _ in SheetBuilder() }) {
                concurrent.append(($0, "\($1.rows)"))
            }
            XCTAssertEqual(concurrent.map(\.0), Array(0..<40))
            XCTAssertEqual(concurrent.map(\.1), sequential)
        }
    }

    func testABrokenStringTableFailsSheetsReadConcurrentlyBeforeAnyIsDelivered() throws {
        var f = XLSXFixture()
        let strings = XLSXFixture.sharedStrings((0..<100_000).map { "<t>text \($0)</t>" })
        f.sharedStrings = String(strings.dropLast(6)) + "<si><t>cut"
        for n in 0..<40 { f.addSheet("S\(n)", rows: #"<row r="1"><c r="A1" t="s"><v>\#(n)</v></c></row>"#) }
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
        var delivered: [Int] = []
        XCTAssertThrowsError(try reader.readSheetsConcurrently(at: Array(0..<40), making: { _ in SheetBuilder() }) { index, _ in
            delivered.append(index)
        }) { XCTAssert("\($0)".hasPrefix("xl/sharedStrings.xml"), "\($0)") }
        XCTAssertEqual(delivered, [])
    }

    func testSheetsReadConcurrentlyStopAtABrokenOneAfterDeliveringThoseBeforeIt() throws {
        var f = XLSXFixture()
        for n in 0..<40 { // more than one window of 32
            f.addSheet("S\(n)", rows: n == 35 ? #"<row r="1"><c r="A1"><v>not a number</v></c></row>"#
                                              : #"<row r="1"><c r="A1"><v>\#(n)</v></c></row>"#)
        }
        let reader = try XLSXReader(zip: ZipArchive(file: MappedFile(copying: try f.build())))
        var delivered: [Int] = []
        XCTAssertThrowsError(try reader.readSheetsConcurrently(at: Array(0..<40), making: { _ in SheetBuilder() }) { index, sheet in
            XCTAssertEqual(sheet.rows.first?.cells.first?.value, .number(Double(index)))
            delivered.append(index)
        }) { XCTAssert("\($0)".contains("sheet36.xml"), "\($0)") }
        XCTAssertEqual(delivered, Array(0..<35))
    }
}
