import Foundation
import GRDB
import XCTest
@testable import MonitoringStore

/// The store marks itself, and a file that is not an imon store is refused
/// and left exactly as it was, whether a merge or a read opens it.
final class StoreIdentityTests: XCTestCase {
    private var folder: StoreFolder!

    override func setUpWithError() throws { folder = try StoreFolder() }
    override func tearDown() { folder.remove() }

    func testANewStoreCarriesImonsApplicationIDAndSchemaVersion() throws {
        let store = try MonitoringStore(path: folder.path("m.sqlite"))
        let marks = try store.read { db in (try db.single("PRAGMA application_id") as Int32, try db.single("PRAGMA user_version") as Int32) }
        XCTAssertEqual(marks.0, 0x494D_4F4E, "IMON")
        XCTAssertEqual(marks.1, StoreSchema.version)
        XCTAssertEqual(try store.read { db in try db.single("PRAGMA journal_mode") as String }, "wal")
    }

    func testAnotherProgramsDatabaseIsRefusedAndLeftByteForByte() throws {
        let foreign = folder.path("kunden.sqlite")
        do {
            let queue = try DatabaseQueue(path: foreign)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO kunden (name) VALUES ('Meier')")
            }
            try queue.close()
        }
        let marked = folder.path("andere.sqlite")
        do {
            let queue = try DatabaseQueue(path: marked)
            try queue.write { db in try db.execute(sql: "PRAGMA application_id = 1234; CREATE TABLE t (x)") }
            try queue.close()
        }
        for file in [foreign, marked] {
            let before = try folder.bytes(file)
            let names = try folder.names()
            XCTAssertThrowsError(try MonitoringStore(path: file)) { error in
                guard case StoreError.foreign = error else { return XCTFail("\(error)") }
                XCTAssertTrue("\(error)".contains("not an imon store"), "\(error)")
            }
            XCTAssertThrowsError(try MonitoringStore(readingAt: file)) { error in
                guard case StoreError.foreign = error else { return XCTFail("\(error)") }
            }
            XCTAssertEqual(try folder.bytes(file), before, "no tables made, no WAL switch")
            XCTAssertEqual(try folder.names(), names, "no -wal, -shm or lock file beside it")
        }
    }

    func testATextFileIsRefusedAndLeftByteForByte() throws {
        let text = folder.path("notizen.sqlite")
        let content = Data(String(repeating: "Dies ist keine Datenbank, nur eine Notiz.\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: text))
        XCTAssertThrowsError(try MonitoringStore(path: text)) { error in
            guard case StoreError.notADatabase = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try MonitoringStore(readingAt: text)) { error in
            guard case StoreError.notADatabase = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try folder.bytes(text), content)
        XCTAssertEqual(try folder.names(), ["notizen.sqlite"])
    }

    func testAStoreOfALaterVersionIsRefused() throws {
        let file = try folder.filledStore()
        do {
            let queue = try DatabaseQueue(path: file)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 99") }
            try queue.close()
        }
        XCTAssertThrowsError(try MonitoringStore(path: file)) { error in
            guard case StoreError.newerVersion(_, 99, StoreSchema.version) = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try MonitoringStore(readingAt: file))
    }

    func testReadingANonexistentStoreMakesNoFile() throws {
        XCTAssertThrowsError(try MonitoringStore(readingAt: folder.path("none.sqlite"))) { error in
            guard case StoreError.notFound = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try folder.names(), [])
    }
}
