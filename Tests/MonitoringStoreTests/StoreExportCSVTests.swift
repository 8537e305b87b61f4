import Foundation
import Monitoring
import WorkbookIO
import XCTest
@testable import MonitoringStore

/// The tidy CSV export as German and English Excel open it, with nothing in
/// it a spreadsheet would evaluate (issue 21, item 3).
final class StoreExportCSVTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func observation(_ value: Double?, marker: String? = nil, file: String = "Amt_12_2007.xlsx", sheet: String = "W01") -> StoredObservation {
        StoredObservation(indicator: "W01", district: "01", year: 2007, category: "insgesamt", value: value, marker: marker,
                          department: "12", file: file, sheet: sheet, cell: "C6", importedAt: "2007-06-30T12:00:00Z")
    }

    private func export(_ observations: [StoredObservation], _ dialect: DelimitedDialect) throws -> (bytes: [UInt8], lines: [String]) {
        let path = directory.appendingPathComponent("x.csv").path
        try StoreExport.write(observations, catalogue: DefaultCatalogue.magdeburg, to: path, csvDialect: dialect)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        return (bytes, text.split(separator: "\n").map(String.init))
    }

    func testGermanDialectWritesSemicolonsDecimalCommaAndAByteOrderMark() throws {
        let (bytes, lines) = try export([observation(12.5), observation(-2), observation(8686)], .germanSpreadsheet)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "Excel reads UTF-8 only after a BOM")
        XCTAssertEqual(lines[0], "Kennziffer;Indikator;Nr.;Stadtteil;Jahr;Kategorie;Wert;Zeichen;Amt;Datei;Blatt;Zelle;übernommen am;Fassung")
        XCTAssertEqual(lines[1], "W01;Einwohner mit Hauptwohnsitz;01;Altstadt;2007;insgesamt;12,5;;12;Amt_12_2007.xlsx;W01;C6;2007-06-30T12:00:00Z;"
                       + StoreExport.version)
        XCTAssertTrue(lines[2].contains(";insgesamt;-2;;12;"), lines[2])
        XCTAssertTrue(lines[3].contains(";insgesamt;8686;;12;"), lines[3])
    }

    func testEnglishDialectWritesCommasAndDecimalPoint() throws {
        let (bytes, lines) = try export([observation(12.5), observation(-2)], .englishSpreadsheet)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(lines[1], "W01,Einwohner mit Hauptwohnsitz,01,Altstadt,2007,insgesamt,12.5,,12,Amt_12_2007.xlsx,W01,C6,2007-06-30T12:00:00Z,"
                       + StoreExport.version)
        XCTAssertTrue(lines[2].contains(",insgesamt,-2,,12,"), lines[2])
    }

    func testFormulaLikeTextIsGuardedAndNumbersAndTheMarkerAreNot() throws {
        let observations = [
            observation(nil, marker: "-", file: #"=HYPERLINK("http://x","y")"#, sheet: "@SUM(A1)"),
            observation(-2, file: "+1", sheet: "-2+3"),
            observation(nil, marker: ".", file: "\tx", sheet: "\r=1"),
        ]
        for dialect in [DelimitedDialect.germanSpreadsheet, .englishSpreadsheet] {
            let s = Character(UnicodeScalar(dialect.separator))
            let (_, lines) = try export(observations, dialect)
            XCTAssertTrue(lines[1].hasSuffix("\(s)\(s)-\(s)12\(s)\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\(s)\"'@SUM(A1)\"\(s)C6\(s)2007-06-30T12:00:00Z\(s)\(StoreExport.version)"), lines[1])
            XCTAssertTrue(lines[2].hasSuffix("\(s)-2\(s)\(s)12\(s)\"'+1\"\(s)\"'-2+3\"\(s)C6\(s)2007-06-30T12:00:00Z\(s)\(StoreExport.version)"), lines[2])
            XCTAssertTrue(lines[3].contains("\(s).\(s)12\(s)\"'\tx\"\(s)\"'\r=1\"\(s)C6"), lines[3])
        }
    }
}
