import Foundation
import XCTest
import Monitoring
@testable import MonitoringStore

/// A store written by an earlier imon (on the GRDB library, before stores
/// marked themselves with `application_id`) is recognised, upgraded by a
/// merge and goes on being used: Tests/Fixtures/store/grdb-v1-2005.sqlite
/// holds the ten sample submissions of 2005 (Samples/Abgaben/2005), merged
/// by that version.
/// Tests/Fixtures/store/Amt_11_2005.xlsx is one of them as it was then (the
/// samples have since been made again on the city's district numbers).
final class StoreCompatibilityTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private var copy = ""

    override func setUpWithError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imon-compat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        copy = folder.appendingPathComponent("store.sqlite").path
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("Tests/Fixtures/store/grdb-v1-2005.sqlite").path,
                                         toPath: copy)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent)
    }

    func testAStoreOfTheEarlierVersionIsReadOnlyAfterAnUpgradeAndLeftAsItIsUntilThen() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        XCTAssertThrowsError(try MonitoringStore(readingAt: copy)) { error in
            guard case StoreError.needsUpgrade(_, let pending) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(pending, ["v2", "v3", "v4"])
            XCTAssertTrue("\(error)".contains("the next imon merge into it upgrades it"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), before, "a read command never upgrades")
        _ = try MonitoringStore(path: copy, create: false)
        let store = try MonitoringStore(readingAt: copy)
        XCTAssertEqual(try store.currentObservationCount(year: 2005), 2382)
    }

    func testAStoreOfTheEarlierVersionOpensWithItsHistoryAndTakesMoreMerges() throws {
        let store = try MonitoringStore(path: copy, create: false)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let migrations = try store.read { db in try db.all("SELECT identifier FROM grdb_migrations") { try $0["identifier"] as String } }
        XCTAssertEqual(migrations, ["v1", "v2", "v3", "v4"], "the schema is not created a second time, only upgraded")
        let marks = try store.read { db in (try db.single("PRAGMA application_id") as Int32, try db.single("PRAGMA user_version") as Int32) }
        XCTAssertEqual(marks.0, 0x494D_4F4E, "upgraded, it is marked as imon's")
        XCTAssertEqual(marks.1, 4)
        let history = try store.history()
        XCTAssertEqual(history.count, 10)
        XCTAssertEqual(Set(history.map(\.year)), [2005])
        let current = try store.currentObservationCount(year: 2005)
        XCTAssertEqual(current, 2382, "as the earlier version reported after merging")
        XCTAssertEqual(try store.currentObservations(years: [2005]).count, current)

        let catalogue = DefaultCatalogue.magdeburg
        let again = repository.appendingPathComponent("Tests/Fixtures/store/Amt_11_2005.xlsx").path
        let prepared = PreparedSubmission.prepare(file: again, validator: Validator(catalogue: catalogue))
        let outcome = try store.merge([prepared], catalogue: catalogue, prefer: nil, user: "test").map(\.outcome)
        XCTAssertEqual(outcome, [.unchanged], "the file's hash is found in the earlier version's records")
        XCTAssertEqual(try store.currentObservationCount(year: 2005), current)
        XCTAssertEqual(try store.history().count, 11)
    }
}
