import Foundation
import Monitoring
import MonitoringStore
import Operations
import XCTest

final class AccountBookTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("imon-accounts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testPasswordsAreKeptOnlyAsBcryptHashesAndChecked() throws {
        let store = try MonitoringStore(path: folder.appendingPathComponent("s.sqlite").path)
        let book = AccountBook(store: store, cost: 4)
        try book.add(Account(name: "amt40", role: .department, department: "40"), password: "geheim-geheim", catalogue: DefaultCatalogue.magdeburg)
        let stored = try store.accounts()
        XCTAssertEqual(stored.count, 1)
        XCTAssertTrue(stored[0].passwordHash.hasPrefix("$2"), stored[0].passwordHash)
        XCTAssertFalse(stored[0].passwordHash.contains("geheim"))
        XCTAssertEqual(try book.verify(name: "amt40", password: "geheim-geheim"), Account(name: "amt40", role: .department, department: "40"))
        XCTAssertNil(try book.verify(name: "amt40", password: "geheim-geheiM"))
        XCTAssertNil(try book.verify(name: "niemand", password: "geheim-geheim"))
        try book.setPassword("ein-neues-passwort", of: "amt40")
        XCTAssertNil(try book.verify(name: "amt40", password: "geheim-geheim"))
        XCTAssertNotNil(try book.verify(name: "amt40", password: "ein-neues-passwort"))
        try book.remove("amt40")
        XCTAssertEqual(try book.list(), [])
        XCTAssertThrowsError(try book.remove("amt40")) { XCTAssertEqual($0 as? AccountError, .noSuchAccount("amt40")) }
    }

    func testAccountsAreCheckedBeforeTheyAreStored() throws {
        let store = try MonitoringStore(path: folder.appendingPathComponent("s.sqlite").path)
        let book = AccountBook(store: store, cost: 4)
        let c = DefaultCatalogue.magdeburg
        XCTAssertThrowsError(try book.add(Account(name: "x", role: .department, department: nil), password: "geheim-geheim", catalogue: c)) {
            XCTAssertEqual($0 as? AccountError, .departmentRequired(role: .department))
        }
        XCTAssertThrowsError(try book.add(Account(name: "x", role: .department, department: "99"), password: "geheim-geheim", catalogue: c)) {
            guard case .unknownDepartment("99", _)? = $0 as? AccountError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try book.add(Account(name: "x", role: .coordinator, department: "40"), password: "geheim-geheim", catalogue: c))
        XCTAssertThrowsError(try book.add(Account(name: "../x", role: .coordinator, department: nil), password: "geheim-geheim", catalogue: c))
        XCTAssertThrowsError(try book.add(Account(name: "x", role: .coordinator, department: nil), password: "kurz", catalogue: c))
        XCTAssertThrowsError(try book.add(Account(name: "x", role: .coordinator, department: nil),
                                          password: String(repeating: "a", count: 73), catalogue: c), "bcrypt would ignore the rest")
        try book.add(Account(name: "x", role: .coordinator, department: nil), password: "geheim-geheim", catalogue: c)
        XCTAssertThrowsError(try book.add(Account(name: "x", role: .analyst, department: nil), password: "geheim-geheim", catalogue: c)) {
            guard case .accountExists? = $0 as? StoreError else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(try book.list().map(\.name), ["x"])
    }
}
