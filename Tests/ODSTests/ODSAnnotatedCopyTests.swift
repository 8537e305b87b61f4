import Foundation
import XCTest
import Spreadsheet
import WorkbookIO
import XMLStream
import Zip
@testable import ODS

/// A feedback copy made inside a department's own OpenDocument file. The
/// fixture is a submission with planted mistakes whose city-total rows were
/// given a style of their own (bold, bordered, filled, `#,##0`), saved by
/// LibreOffice 7.4: Tests/Fixtures/feedback/Amt_51_2007_Summen_LibreOffice.ods
/// (and the same as a flat .fods).
final class ODSAnnotatedCopyTests: XCTestCase {
    private var directory: URL!
    private let tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    private let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    private let foNS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-ods-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func fixture(_ ext: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/feedback/Amt_51_2007_Summen_LibreOffice.\(ext)").path
    }

    private static let red = RGBColor(hex: 0xFFC7CE)

    private func annotations() -> WorkbookAnnotations {
        var layout = SheetLayout(name: "Prüfprotokoll")
        layout.columnWidths = [0: 5, 1: 12, 2: 60]
        layout.frozenRows = 1
        var bold = CellStyle()
        bold.bold = true
        let rows = [
            OutputRow(index: 0, cells: [OutputCell(column: 0, value: .string("Prüfprotokoll: 3 Fehler"), style: bold)]),
            OutputRow(index: 2, cells: [OutputCell(column: 0, value: .number(1)),
                                        OutputCell(column: 1, value: .string("E21"), link: (sheet: "J02", cell: CellReference(row: 20, column: 4))),
                                        OutputCell(column: 2, value: .string("Ein Teil ist größer als die Summe."))]),
        ]
        return WorkbookAnnotations(firstSheet: layout, firstSheetRows: rows, marks: [
            CellMark(sheet: "J02", cell: CellReference(row: 20, column: 4), fill: Self.red, comment: "Ein Teil ist größer\nals die Summe."),
            CellMark(sheet: "J05", cell: CellReference(row: 45, column: 2), fill: Self.red, comment: "Stadt ≠ Summe der Stadtteile"),
            CellMark(sheet: "J05", cell: CellReference(row: 45, column: 3), fill: RGBColor(hex: 0xFFEB9C), comment: "auch hier"),
            // Far below and to the right of anything the sheet holds: inside LibreOffice's repeated empty rows and cells.
            CellMark(sheet: "J05", cell: CellReference(row: 70, column: 30), fill: Self.red, comment: "leer"),
        ])
    }

    private func copy(_ ext: String) throws -> String {
        let target = directory.appendingPathComponent("Prüfung.\(ext)").path
        try ODSAnnotatedCopy.write(source: fixture(ext), annotations(), to: target)
        return target
    }

    private func content(_ path: String) throws -> [UInt8] {
        let file = try MappedFile(path: path)
        guard file.bytes.first == 0x50 else { return Array(file.bytes) }
        return try XCTUnwrap(try ZipArchive(file: file).data(named: "content.xml"))
    }

    func testEveryOtherPartOfThePackageIsCopiedUnchangedAndInOrder() throws {
        let original = try ZipArchive(file: MappedFile(path: fixture("ods")))
        let copied = try ZipArchive(file: MappedFile(path: copy("ods")))
        XCTAssertEqual(copied.entries.map(\.name), original.entries.map(\.name))
        XCTAssertEqual(copied.entries.first?.name, "mimetype")
        XCTAssertEqual(copied.entries.first?.method, 0)
        for entry in original.entries where !["content.xml", "styles.xml", "settings.xml"].contains(entry.name) {
            XCTAssertEqual(try copied.data(named: entry.name), try original.data(of: entry), entry.name)
        }
        // Saved without a view (headless), settings.xml names no active table: it stays as it was.
        XCTAssertEqual(try copied.data(named: "settings.xml"), try original.data(named: "settings.xml"))
        // styles.xml only gains the protocol's landscape page: the department's pages and styles stay as they were.
        let before = String(decoding: try XCTUnwrap(try original.data(named: "styles.xml")), as: UTF8.self)
        let after = String(decoding: try XCTUnwrap(try copied.data(named: "styles.xml")), as: UTF8.self)
        for container in ["office:styles", "office:automatic-styles", "office:master-styles"] {
            let inner = try XCTUnwrap(before.components(separatedBy: "<\(container)>").dropFirst().first?.components(separatedBy: "</\(container)>").first)
            XCTAssertTrue(after.contains("<\(container)>" + inner), container)
        }
        XCTAssertTrue(after.contains("<style:master-page style:name=\"imon-Landscape\" style:page-layout-name=\"imon-pm2\">"))
        XCTAssertEqual(after.count - before.count, (ODSDocumentParts.pageLayouts(prefix: "imon-").bytes.count + ODSDocumentParts.masterPages(prefix: "imon-").utf8.count))
    }

    func testTheDepartmentsStylesAndUnmarkedTablesStayByteForByte() throws {
        let original = String(decoding: try content(fixture("ods")), as: UTF8.self)
        let copied = String(decoding: try content(copy("ods")), as: UTF8.self)
        let styles = try XCTUnwrap(original.range(of: "<office:automatic-styles>").flatMap { open in
            original.range(of: "</office:automatic-styles>").map { String(original[open.upperBound..<$0.lowerBound]) }
        })
        XCTAssertTrue(copied.contains(styles), "the department's automatic styles are all still there, unchanged")
        for name in ["Angaben", "Hinweise"] {
            let start = try XCTUnwrap(original.range(of: "<table:table table:name=\"\(name)\""))
            let end = try XCTUnwrap(original.range(of: "</table:table>", range: start.upperBound..<original.endIndex))
            XCTAssertTrue(copied.contains(String(original[start.lowerBound..<end.upperBound])), name)
        }
    }

    func testTheCopyReadsBackWithTheProtocolFirstAndEveryValueAsItWas() throws {
        for ext in ["ods", "fods"] {
            let original = try Workbook(reading: WorkbookFile.open(fixture(ext)))
            let copied = try Workbook(reading: WorkbookFile.open(copy(ext)))
            XCTAssertEqual(copied.sheets.first?.name, "Prüfprotokoll", ext)
            XCTAssertEqual(copied.sheets.first?.value(at: CellReference(row: 0, column: 0)), .string("Prüfprotokoll: 3 Fehler"))
            XCTAssertEqual(copied.sheets.dropFirst().map(\.name), original.sheets.map(\.name), ext)
            for (a, b) in zip(original.sheets, copied.sheets.dropFirst()) {
                let values = { (sheet: Sheet) in sheet.rows.flatMap { row in row.cells.filter { $0.value != .empty }.map { "\(row.index):\($0.column)=\($0.value)" } } }
                XCTAssertEqual(values(b), values(a), "\(ext) \(a.name)")
            }
        }
    }

    func testAMarkedCellKeepsItsOwnStyleGainsTheFillAndAHiddenNote() throws {
        for ext in ["ods", "fods"] {
            let originalRoot = try XMLElement.parse(content(fixture(ext)))
            let copiedRoot = try XMLElement.parse(content(copy(ext)))
            let before = try XCTUnwrap(cell(in: originalRoot, table: "J05", row: 45, column: 2))
            let after = try XCTUnwrap(cell(in: copiedRoot, table: "J05", row: 45, column: 2))
            let oldStyle = try XCTUnwrap(style(before.attribute("style-name", in: [tableNS]), in: originalRoot))
            let newStyle = try XCTUnwrap(style(after.attribute("style-name", in: [tableNS]), in: copiedRoot))
            XCTAssertNotNil(oldStyle.attribute("data-style-name", in: [styleNS]), "the fixture's total row has a number format")
            XCTAssertEqual(newStyle.attribute("data-style-name", in: [styleNS]), oldStyle.attribute("data-style-name", in: [styleNS]))
            XCTAssertEqual(newStyle.child(named: "text-properties")?.attribute("font-weight", in: [foNS]), "bold")
            XCTAssertEqual(newStyle.child(named: "table-cell-properties")?.attribute("background-color", in: [foNS]), "#ffc7ce")
            XCTAssertEqual(newStyle.child(named: "table-cell-properties")?.attribute("border", in: [foNS]),
                           oldStyle.child(named: "table-cell-properties")?.attribute("border", in: [foNS]))
            let note = try XCTUnwrap(after.child(named: "annotation"))
            XCTAssertNil(note.attribute("display", in: ["urn:oasis:names:tc:opendocument:xmlns:office:1.0"]), "shown on hovering only")
            XCTAssertEqual(note.children(named: "p").map(\.text), ["Stadt ≠ Summe der Stadtteile"])
            XCTAssertEqual(after.children(named: "p").map(\.text), before.children(named: "p").map(\.text))

            let far = try XCTUnwrap(cell(in: copiedRoot, table: "J05", row: 70, column: 30), ext)
            XCTAssertEqual(far.child(named: "annotation")?.children(named: "p").map(\.text), ["leer"])
            let two = try XCTUnwrap(cell(in: copiedRoot, table: "J02", row: 20, column: 4))
            XCTAssertEqual(two.child(named: "annotation")?.children(named: "p").map(\.text), ["Ein Teil ist größer", "als die Summe."])
            // The cells beside a split run are still there, with their old style.
            let left = try XCTUnwrap(cell(in: copiedRoot, table: "J05", row: 70, column: 29))
            XCTAssertNil(left.child(named: "annotation"))
        }
    }

    func testTheCopyOpensOnTheProtocolWhereTheSettingsNameATable() throws {
        let settings = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings>\
            <config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views">\
            <config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item>\
            <config:config-item config:name="ActiveTable" config:type="string">J05</config:config-item>\
            </config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>
            """
        let changed = try XCTUnwrap(try ActiveTableSetting.pointing(Array(settings.utf8), at: "Prüf & Protokoll", part: "settings.xml"))
        XCTAssertEqual(String(decoding: changed, as: UTF8.self), settings.replacingOccurrences(
            of: "string\">J05<", with: "string\">Prüf &amp; Protokoll<"))
        XCTAssertNil(try ActiveTableSetting.pointing(Array(settings.replacingOccurrences(of: "ActiveTable", with: "Other").utf8),
                                                     at: "x", part: "settings.xml"))
    }

    func testADocumentThatIsNotASpreadsheetIsRefusedAndNothingIsWritten() throws {
        let bogus = directory.appendingPathComponent("x.fods").path
        try Data("<?xml version=\"1.0\"?><a/>".utf8).write(to: URL(fileURLWithPath: bogus))
        let target = directory.appendingPathComponent("out.fods").path
        XCTAssertThrowsError(try ODSAnnotatedCopy.write(source: bogus, annotations(), to: target))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    // MARK: Reading the XML

    /// The cell element at a row and column, counting repeated rows and cells.
    private func cell(in root: XMLElement, table name: String, row: Int, column: Int) -> XMLElement? {
        guard let table = root.descendants(named: "table").first(where: { $0.attribute("name", in: [tableNS]) == name }) else { return nil }
        var r = 0
        for rowElement in table.descendants(named: "table-row") {
            let n = Int(rowElement.attribute("number-rows-repeated", in: [tableNS]) ?? "1") ?? 1
            if row < r + n {
                var c = 0
                for cell in rowElement.children where cell.localName == "table-cell" || cell.localName == "covered-table-cell" {
                    let m = Int(cell.attribute("number-columns-repeated", in: [tableNS]) ?? "1") ?? 1
                    if column < c + m { return cell }
                    c += m
                }
                return nil
            }
            r += n
        }
        return nil
    }

    private func style(_ name: String?, in root: XMLElement) -> XMLElement? {
        guard let name else { return nil }
        return root.descendants(named: "style").first { $0.attribute("name", in: [styleNS]) == name }
    }
}
