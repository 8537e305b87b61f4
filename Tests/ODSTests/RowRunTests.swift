import XCTest
import Spreadsheet
import TestFixtures
import XMLStream
import Zip
@testable import ODS

/// Reading a body in runs of rows on other threads must give exactly what
/// one sequential pass gives: the same rows, tables and listing, and for a
/// broken file the same error, line and column.
final class RowRunTests: XCTestCase {
    private func num(_ v: Int) -> String {
        #"<table:table-cell office:value-type="float" office:value="\#(v)"><text:p>\#(v)</text:p></table:table-cell>"#
    }

    private func rows(_ range: Range<Int>) -> String {
        range.map { "<table:table-row>\(num($0))<table:table-cell office:value-type=\"string\"><text:p>t\($0)</text:p></table:table-cell></table:table-row>" }
            .joined()
    }

    private func reader(_ fixture: ODSFixture, runSize: Int?) throws -> ODSReader {
        let reader = try ODSReader(zip: ZipArchive(file: MappedFile(copying: try fixture.package())))
        reader.rowRuns = runSize.map { .always(runSize: $0) } ?? .never
        return reader
    }

    /// Every sheet as text, as the reader delivers it: name, visibility,
    /// each row as visited, and the merged ranges; after an error, what was
    /// delivered before it and the error.
    private func dump(_ reader: ODSReader) -> String {
        final class Log { var text = "" }
        struct Recorder: SheetVisitor {
            let log: Log
            mutating func visit(_ row: Row) throws {
                log.text += "  \(row.index): \(row.cells.map { "\($0.column)=\($0.value)" }) uncached \(row.uncachedFormulaColumns)\n"
            }
            mutating func finish(_ summary: SheetSummary) throws { log.text += "  merged \(summary.mergedRanges)\n" }
        }
        let log = Log()
        do {
            try reader.readEverySheet(concurrently: false, making: { _ in Recorder(log: log) }) { info, _ in
                log.text += "(that was \(info.name) \(info.visibility))\n"
            }
        } catch {
            log.text += "error: \(error)"
        }
        return log.text
    }

    private func assertSameInRuns(_ fixture: ODSFixture, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = dump(try reader(fixture, runSize: nil))
        XCTAssertFalse(expected.contains("error: "), expected, file: file, line: line)
        for runSize in [1, 100, 1000, 1 << 18] {
            XCTAssertEqual(dump(try reader(fixture, runSize: runSize)), expected, "runs of \(runSize) bytes", file: file, line: line)
        }
    }

    private func assertSameError(_ fixture: ODSFixture, limit: ((ODSReader) -> Void)? = nil,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        func read(_ runSize: Int?) throws -> String {
            let r = try reader(fixture, runSize: runSize)
            limit?(r)
            return dump(r)
        }
        let expected = try read(nil)
        XCTAssertTrue(expected.contains("error: "), expected, file: file, line: line)
        for runSize in [1, 300, 1 << 18] {
            XCTAssertEqual(try read(runSize), expected, "runs of \(runSize) bytes", file: file, line: line)
        }
    }

    func testRowsTablesAndListingAreTheSameInRuns() throws {
        var f = ODSFixture(body: """
            <table:table table:name="Leer"/>\
            <table:table table:name="Eins" table:style-name="ta1"><table:table-column table:number-columns-repeated="3"/>\
            <table:table-header-rows>\(rows(0..<3))</table:table-header-rows>\
            <table:table-row-group>\(rows(3..<20))<table:table-row-group>\(rows(20..<25))</table:table-row-group></table:table-row-group>\
            <table:table-row table:number-rows-repeated="4"><table:table-cell table:number-columns-repeated="2"/></table:table-row>\
            <table:table-row table:number-rows-repeated="3">\(num(9))</table:table-row>\
            <table:table-row><table:table-cell table:formula="of:=1+1"/>\(num(2))</table:table-row>\
            <table:shapes><draw:frame/></table:shapes>\(rows(40..<50))</table:table>\

            <table:table table:name="Zwei">
              \(rows(0..<30).replacingOccurrences(of: "</table:table-row>", with: "</table:table-row>\n  "))
            </table:table>
            """)
        f.automaticStyles = #"<style:style style:name="ta1" style:family="table"><style:table-properties table:display="false"/></style:style>"#
        try assertSameInRuns(f)
    }

    func testSpansReachingAcrossRunsCoverTheSameCells() throws {
        let covered = (0..<45).map { i in
            "<table:table-row>\(num(i))<table:covered-table-cell office:value-type=\"float\" office:value=\"99\"/>"
                + "<table:covered-table-cell office:value-type=\"float\" office:value=\"98\"/>\(num(3))</table:table-row>"
        }.joined()
        let f = ODSFixture(body: """
            <table:table table:name="T">\(rows(0..<10))<table:table-row>\(num(1))\
            <table:table-cell table:number-rows-spanned="40" table:number-columns-spanned="2" office:value-type="float" office:value="7"/>\
            \(num(2))</table:table-row>\(covered)\(rows(60..<70))</table:table>
            """)
        try assertSameInRuns(f)
    }

    func testMarkupThatLooksLikeARowEndStaysInsideTheRow() throws {
        let f = ODSFixture(body: """
            <table:table table:name="T">\(rows(0..<5))<!-- <table:table-row> -->\
            <table:table-row>\(num(1))<table:table-cell office:value-type="string"><text:p><![CDATA[a</table:table-row>b]]></text:p>\
            <!-- </table:table-row> --></table:table-cell><table:table-cell><table:table table:name="innen"><table:table-row>\
            \(num(5))</table:table-row></table:table></table:table-cell></table:table-row><?pi </table:table-row> ?>\(rows(5..<10))</table:table>
            """)
        try assertSameInRuns(f)
    }

    func testANamespaceDeclaredBelowTheRootIsLeftToTheParser() throws {
        let f = ODSFixture(body: """
            <table:table table:name="A">\(rows(0..<5))</table:table>\
            <table:table table:name="B" xmlns:text="urn:example:other">\(rows(0..<5))</table:table>
            """)
        try assertSameInRuns(f)
    }

    func testErrorsInRunsReadAsWithoutThem() throws {
        let late = rows(0..<30)
        try assertSameError(ODSFixture(body: """
            <table:table table:name="A">\(rows(0..<20))</table:table><table:table table:name="B">\(late)\
            <table:table-row><table:table-cell office:value-type="float" office:value="abc"/></table:table-row>\(rows(0..<5))</table:table>
            """))
        try assertSameError(ODSFixture(body: """
            <table:table table:name="A">\(late)<table:table-row><table:table-cell></table:table-row>\(rows(0..<5))</table:table>
            """))
        try assertSameError(ODSFixture(body: """
            <table:table table:name="A">\(rows(0..<20))<table:table-row table:number-rows-repeated="1048560"/>\(rows(0..<10))</table:table>
            """))
        try assertSameError(ODSFixture(body: "<table:table table:name=\"A\">\(late)</table:table>")) { $0.maxCellsPerSheet = 41 }
        try assertSameError(ODSFixture(body: """
            <table:table table:name="A">\(late)<table:table-row><table:table-cell office:value-type="string">\
            <text:p>\(String(repeating: "x", count: 500))</text:p></table:table-cell></table:table-row></table:table>
            """)) { $0.xmlLimits.maxTextLength = 100 }
    }

    func testOneTableIsReadInRunsAsWithoutThem() throws {
        let f = ODSFixture(body: """
            <table:table table:name="A">\(rows(0..<30))</table:table><table:table table:name="B">\(rows(100..<140))</table:table>\
            <table:table table:name="C">\(rows(0..<30))</table:table>
            """)
        func read(_ runSize: Int?) throws -> [String] {
            var seen: [String] = []
            try reader(f, runSize: runSize).readSheets(at: [1], making: { _ in SheetBuilder() }) { index, builder in
                seen = [String(index)] + builder.rows.map { "\($0.index): \($0.cells.map(\.value))" }
            }
            return seen
        }
        let expected = try read(nil)
        XCTAssertEqual(expected.count, 41)
        for runSize in [1, 500] { XCTAssertEqual(try read(runSize), expected, "runs of \(runSize) bytes") }
    }

    func testARunOfVeryManyRepeatedCellsIsLeftToOnePass() throws {
        // 100 000 rows of 50 cells: more than a run may hold, so it is read without runs.
        let f = ODSFixture(body: """
            <table:table table:name="A">\(rows(0..<10))<table:table-row table:number-rows-repeated="100000">\
            <table:table-cell table:number-columns-repeated="50" office:value-type="float" office:value="7"/></table:table-row>\
            \(rows(0..<10))</table:table>
            """)
        func statistics(_ runSize: Int?) throws -> String {
            var result = ""
            try reader(f, runSize: runSize).readEverySheet(concurrently: false, making: { _ in SheetStatistics() }) { _, s in
                result = "\(s.cellCount) \(String(describing: s.usedRange)) \(s.counts.map { "\($0.key)=\($0.value)" }.sorted())"
            }
            return result
        }
        let expected = try statistics(nil)
        XCTAssertTrue(expected.hasPrefix("5000040 "), expected)
        XCTAssertEqual(try statistics(1000), expected)
    }

    func testAVisitorsErrorIsPassedOnAsItIs() throws {
        let r = try reader(ODSFixture(body: "<table:table table:name=\"A\">\(rows(0..<50))</table:table>"), runSize: 100)
        XCTAssertThrowsError(try r.readEverySheet(concurrently: false, making: { _ in RefusingVisitor(refusingAt: 25) }) { _, _ in }) { error in
            XCTAssertTrue(error is RefusingVisitor.Refusal, "\(error)")
        }
    }

    func testTheSegmenterRoutesEveryByteOnceInOrder() throws {
        let f = ODSFixture(body: """
            <table:table table:name="A">\(rows(0..<40))<!-- c --><table:table-row/>\(rows(40..<50))</table:table>\
            <table:table table:name="B">\n \(rows(0..<3))\n</table:table>
            """)
        let document = Array(f.content.utf8)
        for chunkSize in [1, 7, 64, 4096] {
            let cut = SegmentedDocument(document, .openDocument, segmentSize: 200, chunkSize: chunkSize)
            for run in cut.runs {
                XCTAssertTrue(run.bytes.starts(with: Array("<table:table-row".utf8)))
                XCTAssertEqual(run.bytes.last, UInt8(ascii: ">"))
            }
            XCTAssertEqual(cut.routed, document, "chunks of \(chunkSize)")
            XCTAssertGreaterThan(cut.runs.count, 10, "chunks of \(chunkSize)")
        }
    }
}
