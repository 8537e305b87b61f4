import Foundation
import XCTest
import Spreadsheet
import XMLStream
import Zip
import TestFixtures
@testable import XLSX

/// The annotated copy is the department's package with our additions: what
/// is not changed keeps its bytes, what is changed keeps everything but the
/// additions (issue 24).
final class XLSXAnnotatedCopyTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// Saved by LibreOffice 7.4: Angaben, Hinweise, W04, W05, S03 (sheet1…5).
    private let libreOffice = fixtures.appendingPathComponent("intake/Amt_50_2007_halb_sortiert.xlsx").path
    /// Saved by Excel 2016+: one sheet with a table and a comment in E1.
    private let excel = fixtures.appendingPathComponent("excel/DataValidationEvaluations.xlsx").path
    /// Saved by Excel 2016+: a sheet-local name on its one sheet.
    private let localName = fixtures.appendingPathComponent("excel/unicodeSheetName.xlsx").path

    private var temporary: [String] = []
    override func tearDown() {
        for path in temporary { try? FileManager.default.removeItem(atPath: path) }
    }

    private func output() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("imon-annotated-\(UUID().uuidString).xlsx").path
        temporary.append(path)
        return path
    }

    private func protocolSheet(_ name: String = "Prüfprotokoll", links: [(String, String)] = []) -> (SheetLayout, [OutputRow]) {
        var layout = SheetLayout(name: name)
        layout.columnWidths = [0: 5, 1: 40]
        layout.frozenRows = 1
        layout.printLandscape = true
        var rows = [OutputRow(index: 0, values: [.string("Nr."), .string("Zelle")], style: .header)]
        for (n, link) in links.enumerated() {
            var bold = CellStyle()
            bold.bold = true
            bold.fill = RGBColor(hex: 0xFFC7CE)
            rows.append(OutputRow(index: n + 1, cells: [
                OutputCell(column: 0, value: .number(Double(n + 1)), style: bold),
                OutputCell(column: 1, value: .string("\(link.0)!\(link.1)"), link: (sheet: link.0, cell: CellReference(link.1)!)),
            ]))
        }
        return (layout, rows)
    }

    private func annotate(_ source: String, _ marks: [CellMark], links: [(String, String)] = []) throws -> String {
        let (layout, rows) = protocolSheet(links: links)
        let path = output()
        try XLSXAnnotatedCopy.write(source: source, WorkbookAnnotations(firstSheet: layout, firstSheetRows: rows, marks: marks), to: path)
        return path
    }

    private func mark(_ sheet: String, _ cell: String, _ colour: UInt32, _ text: String) -> CellMark {
        CellMark(sheet: sheet, cell: CellReference(cell)!, fill: RGBColor(hex: colour), comment: text)
    }

    /// Each entry's uncompressed bytes and its bytes as stored, in package order.
    private func entries(_ path: String) throws -> [(name: String, content: [UInt8], stored: [UInt8])] {
        let zip = try ZipArchive(path: path)
        return try zip.entries.map { ($0.name, try zip.data(of: $0), Array(try zip.storedBytes(of: $0))) }
    }

    private func part(_ path: String, _ name: String) throws -> XMLElement {
        let zip = try ZipArchive(path: path)
        return try XMLElement.parse(try XCTUnwrap(try zip.data(named: name), name), documentName: name)
    }

    private func text(_ path: String, _ name: String) throws -> String {
        String(decoding: try XCTUnwrap(try ZipArchive(path: path).data(named: name), name), as: UTF8.self)
    }

    private func cell(_ sheet: XMLElement, _ ref: String) -> XMLElement? {
        sheet.child(named: "sheetData")?.children(named: "row").flatMap { $0.children(named: "c") }.first { $0["r"] == ref }
    }

    private func fillColour(_ styles: XMLElement, xf index: Int) -> String? {
        guard let xf = styles.child(named: "cellXfs")?.children(named: "xf")[index],
              let fill = xf["fillId"].flatMap({ Int($0) }) else { return nil }
        return styles.child(named: "fills")?.children(named: "fill")[fill].child(named: "patternFill")?.child(named: "fgColor")?["rgb"]
    }

    // MARK: - LibreOffice

    func testEveryEntryNotChangedIsCopiedAsStoredInItsOrder() throws {
        let copy = try annotate(libreOffice, [mark("W04", "B6", 0xFFC7CE, "Nummer und Name passen nicht zusammen"),
                                              mark("W04", "C6", 0xFFEB9C, "auffällig"), mark("W04", "H60", 0xFFC7CE, "fehlt")])
        let before = try entries(libreOffice), after = try entries(copy)
        XCTAssertEqual(Array(after.prefix(before.count).map(\.name)), before.map(\.name), "the department's entries keep their order")
        var changed: [String] = []
        for (old, new) in zip(before, after) {
            if old.content != new.content {
                changed.append(old.name)
            } else {
                XCTAssertEqual(old.stored, new.stored, "\(old.name) is copied as stored, not compressed again")
            }
        }
        // Angaben (sheet1) was the selected tab: only the new first sheet is selected now.
        XCTAssertEqual(changed.sorted(), ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml",
                                          "xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"])
        XCTAssertEqual(after.dropFirst(before.count).map(\.name), ["xl/worksheets/sheet6.xml", "xl/comments1.xml",
                                                                   "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet3.xml.rels"])
        let angaben = try text(copy, "xl/worksheets/sheet1.xml"), original = try text(libreOffice, "xl/worksheets/sheet1.xml")
        XCTAssertEqual(angaben, original.components(separatedBy: "tabSelected=\"true\"").joined(separator: "tabSelected=\"0\""))
    }

    func testMarkedCellsKeepTheirFormatAndGetTheFill() throws {
        let copy = try annotate(libreOffice, [mark("W04", "B6", 0xFFC7CE, "a"), mark("W04", "C6", 0xFFEB9C, "b"),
                                              mark("W04", "H60", 0xFFC7CE, "c")])
        let oldStyles = try part(libreOffice, "xl/styles.xml"), newStyles = try part(copy, "xl/styles.xml")
        let oldSheet = try part(libreOffice, "xl/worksheets/sheet3.xml"), newSheet = try part(copy, "xl/worksheets/sheet3.xml")
        let oldXfs = try XCTUnwrap(oldStyles.child(named: "cellXfs")).children(named: "xf")
        let newXfs = try XCTUnwrap(newStyles.child(named: "cellXfs")).children(named: "xf")
        XCTAssertEqual(newStyles.child(named: "cellXfs")?["count"], String(newXfs.count))
        XCTAssertEqual(newStyles.child(named: "fills")?["count"], String(newStyles.child(named: "fills")?.children(named: "fill").count ?? -1))
        XCTAssertEqual(Array(newXfs.prefix(oldXfs.count)).map(\.attributes), oldXfs.map(\.attributes), "the department's formats stay")
        for (ref, colour) in [("B6", "FFFFC7CE"), ("C6", "FFFFEB9C")] {
            let old = try XCTUnwrap(cell(oldSheet, ref)), new = try XCTUnwrap(cell(newSheet, ref))
            let oldXf = oldXfs[Int(old["s"] ?? "0")!], newIndex = Int(try XCTUnwrap(new["s"]))!
            let newXf = newXfs[newIndex]
            for key in ["numFmtId", "fontId", "borderId", "xfId", "applyNumberFormat", "applyFont", "applyBorder", "applyAlignment"] {
                XCTAssertEqual(newXf[key], oldXf[key], "\(ref) keeps its \(key)")
            }
            XCTAssertEqual(newXf.children.map(\.localName), oldXf.children.map(\.localName), "\(ref) keeps its alignment and protection")
            XCTAssertEqual(fillColour(newStyles, xf: newIndex), colour)
            XCTAssertEqual(new.child(named: "v")?.text, old.child(named: "v")?.text)
        }
        // C6 shows 565 as #,##0, and so does its marked copy.
        let format = newXfs[Int(try XCTUnwrap(cell(newSheet, "C6")?["s"]))!]["numFmtId"]
        let code = newStyles.child(named: "numFmts")?.children(named: "numFmt").first { $0["numFmtId"] == format }?["formatCode"]
        XCTAssertEqual(code, "#,##0")
        // H60 did not exist: its row and cell are made, after the rows before it.
        let rows = try XCTUnwrap(newSheet.child(named: "sheetData")).children(named: "row").compactMap { $0["r"].flatMap { Int($0) } }
        XCTAssertEqual(rows, rows.sorted())
        XCTAssertEqual(fillColour(newStyles, xf: Int(try XCTUnwrap(cell(newSheet, "H60")?["s"]))!), "FFFFC7CE")
        // The department's column widths are the same bytes.
        let cols = { (s: String) in s.range(of: "<cols>.*</cols>", options: .regularExpression).map { String(s[$0]) } }
        XCTAssertEqual(cols(try text(copy, "xl/worksheets/sheet3.xml")), cols(try text(libreOffice, "xl/worksheets/sheet3.xml")))
        XCTAssertNotNil(cols(try text(libreOffice, "xl/worksheets/sheet3.xml")))
    }

    func testCommentsShowOnHoverAndTheProtocolComesFirstWithLinksThatResolve() throws {
        let copy = try annotate(libreOffice, [mark("W04", "B6", 0xFFC7CE, "Nummer & Name <passen> nicht"), mark("W04", "D7", 0xFFEB9C, "b")],
                                links: [("W04", "B6"), ("W04", "D7")])
        let comments = try part(copy, "xl/comments1.xml")
        XCTAssertEqual(comments.child(named: "commentList")?.children(named: "comment").map { $0["ref"] ?? "" }, ["B6", "D7"])
        XCTAssertEqual(comments.child(named: "commentList")?.children(named: "comment").first?.child(named: "text")?.child(named: "t")?.text,
                       "Nummer & Name <passen> nicht")
        let vml = try text(copy, "xl/drawings/vmlDrawing1.vml")
        XCTAssertEqual(vml.components(separatedBy: "visibility:hidden").count - 1, 2)
        XCTAssertFalse(vml.contains("visibility:visible") || vml.contains("<x:Visible/>"))
        let sheet = try text(copy, "xl/worksheets/sheet3.xml")
        XCTAssertTrue(sheet.contains("<legacyDrawing xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rIdImon2\"/></worksheet>"))
        let rels = try part(copy, "xl/worksheets/_rels/sheet3.xml.rels").children(named: "Relationship")
        XCTAssertEqual(rels.map { $0["Target"] ?? "" }, ["../comments1.xml", "../drawings/vmlDrawing1.vml"])

        let workbook = try part(copy, "xl/workbook.xml")
        let sheets = try XCTUnwrap(workbook.child(named: "sheets")).children(named: "sheet")
        XCTAssertEqual(sheets.map { $0["name"] ?? "" }, ["Prüfprotokoll", "Angaben", "Hinweise", "W04", "W05", "S03"])
        XCTAssertEqual(Set(sheets.compactMap { $0["sheetId"] }).count, 6, "sheet ids stay unique")
        let id = try XCTUnwrap(sheets[0].attribute("id", in: ["http://schemas.openxmlformats.org/officeDocument/2006/relationships"]))
        let target = try part(copy, "xl/_rels/workbook.xml.rels").children(named: "Relationship").first { $0["Id"] == id }?["Target"]
        XCTAssertEqual(target, "worksheets/sheet6.xml")
        let log = try part(copy, "xl/worksheets/sheet6.xml")
        let links = try XCTUnwrap(log.child(named: "hyperlinks")).children(named: "hyperlink").map { $0["location"] ?? "" }
        XCTAssertEqual(links, ["'W04'!B6", "'W04'!D7"])
        let types = try text(copy, "[Content_Types].xml")
        for name in ["/xl/worksheets/sheet6.xml", "/xl/comments1.xml"] { XCTAssertTrue(types.contains("PartName=\"\(name)\""), name) }
        XCTAssertTrue(types.contains("Extension=\"vml\""))
        // The protocol's strings are inline: the department's shared strings are untouched.
        XCTAssertFalse(try text(copy, "xl/worksheets/sheet6.xml").contains("t=\"s\""))
    }

    func testReadingTheCopyGivesTheDepartmentsValues() throws {
        let copy = try annotate(libreOffice, [mark("W04", "B6", 0xFFC7CE, "a"), mark("W05", "Z99", 0xFFC7CE, "b"), mark("Angaben", "B5", 0xFFEB9C, "c")])
        let original = try Workbook(reading: XLSXReader(path: libreOffice))
        let annotated = try Workbook(reading: XLSXReader(path: copy))
        XCTAssertEqual(annotated.sheets.map(\.name), ["Prüfprotokoll"] + original.sheets.map(\.name))
        for sheet in original.sheets {
            let other = try XCTUnwrap(annotated.sheet(named: sheet.name))
            XCTAssertEqual(other.rows.map { $0.cells.filter { !$0.value.isEmpty } }.filter { !$0.isEmpty },
                           sheet.rows.map { $0.cells.filter { !$0.value.isEmpty } }.filter { !$0.isEmpty }, sheet.name)
        }
        // 31.12.2007 stays a date with the department's own format.
        XCTAssertEqual(annotated.sheet(named: "Angaben")?.value(at: CellReference("B5")!), .date(CivilDate(year: 2007, month: 12, day: 31)))
        let styles = try part(copy, "xl/styles.xml"), old = try part(libreOffice, "xl/styles.xml")
        let s = Int(try XCTUnwrap(cell(try part(copy, "xl/worksheets/sheet1.xml"), "B5")?["s"]))!
        let formatID = styles.child(named: "cellXfs")?.children(named: "xf")[s]["numFmtId"]
        XCTAssertEqual(formatID, old.child(named: "cellXfs")?.children(named: "xf")[3]["numFmtId"])
        XCTAssertEqual(styles.child(named: "numFmts")?.children(named: "numFmt").first { $0["numFmtId"] == formatID }?["formatCode"], "dd\\.mm\\.yyyy")
    }

    // MARK: - Excel

    func testAnExcelPackageKeepsItsPartsAndItsOwnComments() throws {
        let copy = try annotate(excel, [mark("Sheet1", "E1", 0xFFEB9C, "Unsere Anmerkung"), mark("Sheet1", "B3", 0xFFC7CE, "Fehler hier")],
                                links: [("Sheet1", "E1")])
        let before = try entries(excel), after = try entries(copy)
        XCTAssertEqual(Array(after.prefix(before.count).map(\.name)), before.map(\.name))
        let changed = zip(before, after).filter { $0.0.content != $0.1.content }.map(\.0.name)
        XCTAssertEqual(changed.sorted(), ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/comments1.xml",
                                          "xl/drawings/vmlDrawing1.vml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"])
        for (old, new) in zip(before, after) where old.content == new.content { XCTAssertEqual(old.stored, new.stored, old.name) }
        XCTAssertEqual(after.dropFirst(before.count).map(\.name), ["xl/worksheets/sheet2.xml"], "the sheet's own comments part and drawing are used")

        let comments = try part(copy, "xl/comments1.xml")
        XCTAssertEqual(comments.child(named: "authors")?.children(named: "author").map(\.text), ["Greg Woolsey", "imon"])
        let list = try XCTUnwrap(comments.child(named: "commentList")).children(named: "comment")
        XCTAssertEqual(list.map { $0["ref"] ?? "" }, ["E1", "B3"])
        let e1 = list[0].child(named: "text")?.children(named: "r").compactMap { $0.child(named: "t")?.text } ?? []
        XCTAssertEqual(e1, ["Blank for Formulas", "\n\nUnsere Anmerkung"], "the department's comment stays and ours follows it")
        XCTAssertEqual(list[1]["authorId"], "1")
        let vml = try text(copy, "xl/drawings/vmlDrawing1.vml"), oldVML = try text(excel, "xl/drawings/vmlDrawing1.vml")
        let end = try XCTUnwrap(oldVML.range(of: "</xml>", options: .backwards))
        let kept = String(oldVML[..<end.lowerBound])
        XCTAssertTrue(vml.hasPrefix(kept), "the department's drawing stays as it was: \(vml.prefix(kept.count + 80))")
        XCTAssertEqual(vml.components(separatedBy: "<v:shape ").count - oldVML.components(separatedBy: "<v:shape ").count, 1,
                       "one new box, for B3; E1 has its box")
        XCTAssertTrue(vml.contains("id=\"_x0000_s1337\"") && vml.contains("visibility:hidden"), "after the highest shape id there, 1336")
        let newStyles = try part(copy, "xl/styles.xml")
        let s = Int(try XCTUnwrap(cell(try part(copy, "xl/worksheets/sheet1.xml"), "B3")?["s"]))!
        XCTAssertEqual(fillColour(newStyles, xf: s), "FFFFC7CE")
        XCTAssertEqual(try Workbook(reading: XLSXReader(path: copy)).sheets.map(\.name), ["Prüfprotokoll", "Sheet1"])
    }

    /// `source` with one part's text changed, zipped anew.
    private func rewritten(_ source: String, _ name: String, _ change: (String) -> String) throws -> String {
        let zip = try ZipArchive(path: source)
        var out = ZipWriter()
        for entry in zip.entries {
            let content = try zip.data(of: entry)
            try out.add(entry.name, entry.name == name ? Array(change(String(decoding: content, as: UTF8.self)).utf8) : content)
        }
        let path = output()
        try Data(out.finish()).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testTheWorkbookOpensOnTheProtocol() throws {
        let source = try rewritten(libreOffice, "xl/workbook.xml") {
            $0.components(separatedBy: "firstSheet=\"0\" activeTab=\"0\"").joined(separator: "firstSheet=\"2\" activeTab=\"3\"")
        }
        XCTAssertTrue(try text(source, "xl/workbook.xml").contains("activeTab=\"3\""))
        let view = try XCTUnwrap(try part(try annotate(source, []), "xl/workbook.xml").child(named: "bookViews")?.child(named: "workbookView"))
        XCTAssertEqual(view["activeTab"], "0")
        XCTAssertEqual(view["firstSheet"], "0")
    }

    func testSheetLocalNamesMoveWithTheirSheet() throws {
        let copy = try annotate(localName, [mark("Sheet・1", "A1", 0xFFC7CE, "x")])
        let names = try part(copy, "xl/workbook.xml").child(named: "definedNames")?.children(named: "definedName") ?? []
        XCTAssertEqual(names.map { $0["localSheetId"] ?? "" }, ["1"])
        XCTAssertEqual(try part(copy, "xl/workbook.xml").child(named: "sheets")?.children(named: "sheet")[1]["name"], "Sheet・1")
    }

    func testPrefixedStylesGetPrefixedAdditionsAndAPackageWithoutStylesGetsSome() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        var fixture = XLSXFixture()
        fixture.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        fixture.styles = """
            <x:styleSheet xmlns:x="\(main)"><x:fonts count="1"><x:font><x:sz val="10"/></x:font></x:fonts>\
            <x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>\
            <x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>
            """
        let source = output()
        try Data(try fixture.build()).write(to: URL(fileURLWithPath: source))
        let copy = try annotate(source, [mark("S", "A1", 0xFFC7CE, "x")], links: [("S", "A1")])
        let styles = try part(copy, "xl/styles.xml")
        let fills = try XCTUnwrap(styles.child(named: "fills")).children
        XCTAssertEqual(fills.map(\.localName), Array(repeating: "fill", count: 5), "two of the department's, one highlight, two of the protocol")
        XCTAssertEqual(styles.child(named: "fills")?["count"], "5")
        XCTAssertTrue(fills.allSatisfy { $0.namespace == main }, "our fills are in the spreadsheet namespace, with the part's prefix")
        XCTAssertTrue(try text(copy, "xl/styles.xml").contains("<x:fill><x:patternFill patternType=\"solid\"><x:fgColor rgb=\"FFFFC7CE\"/>"))
        XCTAssertEqual(fillColour(styles, xf: Int(try XCTUnwrap(cell(try part(copy, "xl/worksheets/sheet1.xml"), "A1")?["s"]))!), "FFFFC7CE")

        fixture.styles = nil
        try Data(try fixture.build()).write(to: URL(fileURLWithPath: source))
        let plain = try annotate(source, [mark("S", "A1", 0xFFEB9C, "x")])
        let added = try part(plain, "xl/styles.xml")
        XCTAssertEqual(fillColour(added, xf: Int(try XCTUnwrap(cell(try part(plain, "xl/worksheets/sheet1.xml"), "A1")?["s"]))!), "FFFFEB9C")
        XCTAssertTrue(try text(plain, "xl/_rels/workbook.xml.rels").contains("Target=\"styles.xml\""))
        XCTAssertTrue(try text(plain, "[Content_Types].xml").contains("PartName=\"/xl/styles.xml\""))
    }

    // MARK: - Bad packages

    func testAProtocolNameAlreadyTakenIsMadeUnique() throws {
        let (layout, rows) = protocolSheet("w04")
        let path = output()
        try XLSXAnnotatedCopy.write(source: libreOffice, WorkbookAnnotations(firstSheet: layout, firstSheetRows: rows, marks: []), to: path)
        XCTAssertEqual(try Workbook(reading: XLSXReader(path: path)).sheets.first?.name, "w04 1")
    }

    func testAMarkOnAMissingSheetIsATypedErrorAndNothingIsWritten() throws {
        let path = output()
        XCTAssertThrowsError(try XLSXAnnotatedCopy.write(source: libreOffice, WorkbookAnnotations(
            firstSheet: SheetLayout(name: "P"), firstSheetRows: [], marks: [mark("Nirgends", "A1", 0xFFC7CE, "x")]), to: path)) { error in
            XCTAssertEqual("\(error)", "xl/workbook.xml: no sheet \"Nirgends\" to mark")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        let folder = (path as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("." + (path as NSString).lastPathComponent) }
        XCTAssertEqual(leftovers, [])
    }

    func testASheetRelationshipLeavingThePackageFindsNoPart() throws {
        var fixture = XLSXFixture()
        fixture.addSheet("S", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        let source = output()
        try Data(try fixture.build()).write(to: URL(fileURLWithPath: source))
        let hostile = try rewritten(source, "xl/_rels/workbook.xml.rels") {
            $0.components(separatedBy: "worksheets/sheet1.xml").joined(separator: "../../../../etc/passwd")
        }
        XCTAssertTrue(try text(hostile, "xl/_rels/workbook.xml.rels").contains("../../../../etc/passwd"))
        XCTAssertThrowsError(try annotate(hostile, [mark("S", "A1", 0xFFC7CE, "x")])) { error in
            XCTAssertEqual("\(error)", "xl/workbook.xml: no sheet \"S\" to mark")
        }
    }

    func testTwoEntriesOfOneNameAreRefused() throws {
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", Array("<Types/>".utf8))
        try zip.add("xl/workbook.xml", Array("<workbook/>".utf8))
        try zip.add("XL/Workbook.xml", Array("<workbook/>".utf8))
        let path = output()
        try Data(zip.finish()).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try annotate(path, [])) { error in
            XCTAssertEqual("\(error)", "XL/Workbook.xml: the package holds two entries of this name")
        }
    }
}

private extension XMLElement {
    subscript(_ name: String) -> String? { self[attribute: name] }
}
