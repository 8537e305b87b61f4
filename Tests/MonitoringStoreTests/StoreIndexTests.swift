import Foundation
import GRDB
import XCTest
@testable import MonitoringStore

/// The look-ups a merge makes for every file use indexes, so that merging
/// into a store with a long history costs what merging into an empty one does.
final class StoreIndexTests: XCTestCase {
    private var folder: StoreFolder!

    override func setUpWithError() throws { folder = try StoreFolder() }
    override func tearDown() { folder.remove() }

    private func plan(_ store: MonitoringStore, _ sql: String) throws -> String {
        let placeholders = StatementArguments(Array(repeating: "1", count: sql.filter { $0 == "?" }.count))
        return try store.read { db in try db.all("EXPLAIN QUERY PLAN " + sql, placeholders) { try $0["detail"] as String } }
            .joined(separator: "\n")
    }

    func testConflictAndSupersessionLookUpsSearchIndexes() throws {
        let store = try MonitoringStore(path: try folder.filledStore())
        for sql in MonitoringStore.lookUps {
            let plan = try plan(store, sql)
            XCTAssertFalse(plan.contains("SCAN"), "every table is searched by an index, none scanned:\n\(sql)\n\(plan)")
        }
        XCTAssertTrue(try plan(store, MonitoringStore.lookUps[0]).contains("observation_current"))
    }
}
