import Foundation
import GRDB
import XCTest
@testable import MonitoringStore

/// Rows are read strictly: a misspelled column, in the SQL or where a row
/// is read, is an error that carries the SQL (and SQLite's result code
/// where SQLite found it), never `""` or `0`.
final class StrictDecodingTests: XCTestCase {
    private var folder: StoreFolder!
    private var store: MonitoringStore!

    override func setUpWithError() throws {
        folder = try StoreFolder()
        store = try MonitoringStore(path: try folder.filledStore())
    }

    override func tearDown() { folder.remove() }

    func testAMisspelledColumnInTheSQLCarriesTheSQLAndResultCode() throws {
        let sql = "SELECT indicator, districtt FROM observation WHERE current = 1"
        XCTAssertThrowsError(try store.read { db in try db.all(sql) { try $0["districtt"] as String } }) { error in
            guard case StoreError.sqlite(let code, _, let message, let failed) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(code, 1, "SQLITE_ERROR")
            XCTAssertTrue(message.contains("no such column: districtt"), message)
            XCTAssertEqual(failed, sql)
        }
    }

    func testAMisspelledColumnWhereTheRowIsReadCarriesTheSQL() throws {
        let sql = "SELECT indicator, district FROM observation WHERE current = 1"
        XCTAssertThrowsError(try store.read { db in try db.all(sql) { try $0["districtt"] as String } }) { error in
            guard case StoreError.missingColumn("districtt", sql: sql) = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try store.read { db in try db.all(sql) { try $0["districtt"] as String? } }, "an optional too") { error in
            guard case StoreError.missingColumn = error else { return XCTFail("\(error)") }
        }
    }

    func testNullOrTextReadIntoANonOptionalNumberIsAnError() throws {
        XCTAssertThrowsError(try store.read { db in try db.all("SELECT marker FROM observation") { try $0["marker"] as String } }) { error in
            guard case StoreError.unreadableValue(column: "marker", _, _) = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try store.read { db in try db.all("SELECT indicator FROM observation") { try $0["indicator"] as Double } }) { error in
            guard case StoreError.unreadableValue(column: "indicator", _, _) = error else { return XCTFail("\(error)") }
        }
    }
}
