import Foundation
import XCTest
import Monitoring
@testable import MonitoringStore

/// A store written by an earlier imon (on the GRDB library) opens and goes
/// on being used: Tests/Fixtures/store/grdb-v1-2005.sqlite holds the ten
/// sample submissions of 2005 (Samples/Abgaben/2005), merged by that version.
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

    func testAStoreOfTheEarlierVersionOpensWithItsHistoryAndTakesMoreMerges() throws {
        let store = try MonitoringStore(path: copy, create: false)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let migrations: [String] = try store.read { db in try db.values("SELECT identifier FROM grdb_migrations") }
        XCTAssertEqual(migrations, ["v1"], "the schema is not created a second time")
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
