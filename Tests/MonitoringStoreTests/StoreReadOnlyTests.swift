import Foundation
import GRDB
import XCTest
@testable import MonitoringStore

/// Read commands open the store read-only: every read works, the file's
/// bytes stay as they were, and SQLite itself refuses a write.
final class StoreReadOnlyTests: XCTestCase {
    private var folder: StoreFolder!

    override func setUpWithError() throws { folder = try StoreFolder() }
    override func tearDown() { folder.remove() }

    func testEveryReadLeavesTheFileByteForByte() throws {
        let file = try folder.filledStore()
        let before = try folder.bytes(file)
        let store = try MonitoringStore(readingAt: file)
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(try store.currentObservations(years: [2006]).count, try store.currentObservationCount())
        XCTAssertEqual(try store.history().map(\.outcome), ["imported", "imported", "imported"])
        XCTAssertEqual(try store.observationTable().years, [2006])
        XCTAssertEqual(try store.openConflicts(year: 2006), [])
        _ = try StoreEarlierValues(store: store)
        XCTAssertThrowsError(try store.write { db in try db.execute(sql: "DELETE FROM event") }) { error in
            guard case StoreError.sqlite(8, _, _, _) = error else { return XCTFail("SQLITE_READONLY expected: \(error)") }
        }
        XCTAssertEqual(try folder.bytes(file), before)
    }

    /// An empty file, or a new store whose first merge stopped before its
    /// first file: read commands find nothing merged, and leave it as it is.
    func testAnEmptyStoreReadsAsNothingMergedAndStaysEmpty() throws {
        let file = folder.path("leer.sqlite")
        FileManager.default.createFile(atPath: file, contents: nil)
        let store = try MonitoringStore(readingAt: file)
        XCTAssertEqual(try store.history().count, 0)
        XCTAssertEqual(try store.currentObservations().count, 0)
        XCTAssertEqual(try store.observationTable().years, [])
        XCTAssertEqual(try folder.bytes(file).count, 0, "no schema written into it")
    }

    /// A change a stopped process left half done (a hot journal): reading
    /// would mean rolling it back, a write, so the read is refused, saying
    /// why, and the file and its journal stay as they were.
    func testAChangeLeftHalfDoneIsNotRolledBackByARead() throws {
        let original = folder.path("a.sqlite"), copy = folder.path("b.sqlite")
        let queue = try DatabaseQueue(path: original)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x BLOB)") }
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = 1; BEGIN IMMEDIATE")
            for _ in 0..<500 { try db.execute(sql: "INSERT INTO t VALUES (randomblob(500))") }
            // What a process killed now leaves: the file with its journal, and no lock.
            try FileManager.default.copyItem(atPath: original, toPath: copy)
            try FileManager.default.copyItem(atPath: original + "-journal", toPath: copy + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        let before = (try folder.bytes(copy), try folder.bytes(copy + "-journal"))
        XCTAssertThrowsError(try MonitoringStore(readingAt: copy)) { error in
            guard case StoreError.unfinished = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("the next imon merge into it does"), "\(error)")
        }
        XCTAssertEqual(try folder.bytes(copy), before.0)
        XCTAssertEqual(try folder.bytes(copy + "-journal"), before.1)
    }
}
