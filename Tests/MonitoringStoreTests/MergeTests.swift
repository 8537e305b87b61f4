import Foundation
import XCTest
import Spreadsheet
import Monitoring
@testable import MonitoringStore

final class MergeTests: XCTestCase {
    private var directory: URL!
    private let catalogue = DefaultCatalogue.magdeburg

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes a filled-in submission and returns its path.
    private func submission(_ department: String, _ year: Int, catalogue: Catalogue? = nil, name: String? = nil,
                            change: (inout SubmissionValues) -> Void = { _ in }) throws -> String {
        let c = catalogue ?? self.catalogue
        var values = SyntheticSubmissions(catalogue: c).values(department: department, year: year)
        change(&values)
        let file = path(name ?? "Amt_\(department)_\(year).xlsx")
        try SubmissionTemplate(catalogue: c, department: c.department(department)!, year: year).write(to: file, values: values)
        return file
    }

    private func merge(_ files: [String], into store: MonitoringStore, catalogue: Catalogue? = nil,
                       prefer: ConflictPreference? = nil) throws -> [MergeOutcome] {
        let c = catalogue ?? self.catalogue
        let validator = Validator(catalogue: c)
        let items = files.map { PreparedSubmission.prepare(file: $0, validator: validator) }
        return try store.merge(items, catalogue: c, prefer: prefer, user: "test").map(\.outcome)
    }

    func testImportThenUnchangedThenSupersededKeepsHistory() throws {
        let store = try MonitoringStore(path: path("m.sqlite"))
        let first = try submission("40", 2005)
        let outcomes = try merge([first], into: store)
        guard case .imported(let n)? = outcomes.first else { return XCTFail("\(outcomes)") }
        // 5 indicators × 41 rows × 3 categories, all filled in.
        XCTAssertEqual(n, 5 * 41 * 3)
        XCTAssertEqual(try merge([first], into: store), [.unchanged], "the same file again changes nothing")
        XCTAssertEqual(try store.currentObservationCount(), n)

        let corrected = try submission("40", 2005, name: "Amt_40_2005_korrigiert.xlsx") { v in
            if case .number(let x) = v["B05", "01", "deutsch"] {
                v["B05", "01", "deutsch"] = .number(x + 1)
                v["B05", "01", "insgesamt"] = .number((v["B05", "01", "insgesamt"].numberValue ?? 0) + 1)
                v["B05", SubmissionValues.cityTotalKey, "deutsch"] = .number((v["B05", SubmissionValues.cityTotalKey, "deutsch"].numberValue ?? 0) + 1)
                v["B05", SubmissionValues.cityTotalKey, "insgesamt"] = .number((v["B05", SubmissionValues.cityTotalKey, "insgesamt"].numberValue ?? 0) + 1)
            }
        }
        XCTAssertEqual(try merge([corrected], into: store), [.superseded(previous: first, observations: n)])
        XCTAssertEqual(try store.currentObservationCount(), n, "the new version replaces, it does not add")
        let history = try store.history(department: "40", year: 2005).map(\.outcome)
        XCTAssertEqual(history, ["imported", "unchanged", "superseded"])
        let total: Int = try store.read { db in try db.single("SELECT COUNT(*) FROM observation") }
        XCTAssertEqual(total, 2 * n, "the superseded version's observations are kept, not current")
    }

    func testRejectedFilesImportNothing() throws {
        let store = try MonitoringStore(path: path("m.sqlite"))
        let bad = try submission("51", 2006) { v in v["J02", "01", "deutsch"] = .string("ca. 50") }
        XCTAssertEqual(try merge([bad], into: store), [.rejected(errors: 1)])
        XCTAssertEqual(try store.currentObservationCount(), 0)
        XCTAssertEqual(try store.history().map(\.outcome), ["rejected"])
        let garbage = path("kaputt.xlsx")
        try Data("kein Arbeitsblatt".utf8).write(to: URL(fileURLWithPath: garbage))
        XCTAssertEqual(try merge([garbage], into: store), [.rejected(errors: 1)])
    }

    func testAnotherDepartmentsDifferentValuesAreAConflictUntilDecided() throws {
        let store = try MonitoringStore(path: path("m.sqlite"))
        XCTAssertEqual(try merge([try submission("12", 2007)], into: store).count, 1)
        // The catalogue moves W01 to department 50, whose file says something else for it.
        var moved = catalogue
        if let i = moved.indicators.firstIndex(where: { $0.code == "W01" }) { moved.indicators[i].department = "50" }
        let other = try submission("50", 2007, catalogue: moved) { v in
            for district in ["01", "02", SubmissionValues.cityTotalKey] {
                let delta = district == SubmissionValues.cityTotalKey ? 2.0 : 1.0
                for category in ["insgesamt", "deutsch"] {
                    v["W01", district, category] = .number((v["W01", district, category].numberValue ?? 0) + delta)
                }
            }
        }
        let before = try store.currentObservationCount()
        guard case .conflict(let conflicts)? = try merge([other], into: store, catalogue: moved).first else { return XCTFail() }
        XCTAssertEqual(conflicts.count, 3 * 2)
        XCTAssertEqual(conflicts.first?.existingDepartment, "12")
        XCTAssertEqual(try store.currentObservationCount(), before, "nothing imported")
        XCTAssertEqual(try store.openConflicts(year: 2007), [other], "the report's data quality lists it")

        guard case .imported? = try merge([other], into: store, catalogue: moved, prefer: .old).first else { return XCTFail() }
        let kept = try store.currentObservations(years: [2007]).filter { $0.indicator == "W01" && $0.category == "insgesamt" }
        XCTAssertEqual(Set(kept.map(\.department)), ["12"], "--prefer old keeps the store's values")
        XCTAssertEqual(kept.count, 41)
        let decisions = try store.read { db in try db.all("SELECT preferred FROM decision") { try $0["preferred"] as String } }
        XCTAssertEqual(decisions, ["old"])
        XCTAssertEqual(try store.openConflicts(year: 2007), [], "decided")
    }

    func testPreferNewReplacesTheOtherDepartmentsValues() throws {
        let store = try MonitoringStore(path: path("m.sqlite"))
        _ = try merge([try submission("12", 2007)], into: store)
        var moved = catalogue
        if let i = moved.indicators.firstIndex(where: { $0.code == "W01" }) { moved.indicators[i].department = "50" }
        let other = try submission("50", 2007, catalogue: moved) { v in
            v["W01", "01", "deutsch"] = .number((v["W01", "01", "deutsch"].numberValue ?? 0) + 2)
            v["W01", "01", "insgesamt"] = .number((v["W01", "01", "insgesamt"].numberValue ?? 0) + 2)
            v["W01", SubmissionValues.cityTotalKey, "deutsch"] = .number((v["W01", SubmissionValues.cityTotalKey, "deutsch"].numberValue ?? 0) + 2)
            v["W01", SubmissionValues.cityTotalKey, "insgesamt"] = .number((v["W01", SubmissionValues.cityTotalKey, "insgesamt"].numberValue ?? 0) + 2)
        }
        guard case .imported? = try merge([other], into: store, catalogue: moved, prefer: .new).first else { return XCTFail() }
        let altstadt = try store.currentObservations(years: [2007]).filter { $0.indicator == "W01" && $0.district == "01" && $0.category == "deutsch" }
        XCTAssertEqual(altstadt.map(\.department), ["50"], "one current value, the new one")
    }

    func testMergingTheSameFolderTwiceChangesNothing() throws {
        let store = try MonitoringStore(path: path("m.sqlite"))
        let files = try ["12", "40", "BA"].map { try submission($0, 2006) }
        let first = try merge(files, into: store)
        XCTAssertTrue(first.allSatisfy { if case .imported = $0 { return true } else { return false } })
        let count = try store.currentObservationCount()
        XCTAssertEqual(try merge(files, into: store), [.unchanged, .unchanged, .unchanged])
        XCTAssertEqual(try store.currentObservationCount(), count)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testASecondMergeWaitsForTheFirstAndThenGivesUp() throws {
        let file = path("m.sqlite")
        let store = try MonitoringStore(path: file, lockTimeout: 0.3)
        let holding = try StoreLock(storePath: file, timeout: 1)
        XCTAssertThrowsError(try merge([try submission("13", 2005)], into: store)) { error in
            XCTAssertTrue("\(error)".contains("another merge is writing to this store"), "\(error)")
        }
        withExtendedLifetime(holding) {}
    }

    func testSHA256() {
        func hex(_ s: String) -> String { Array(s.utf8).withUnsafeBytes { SHA256.hex($0) } }
        XCTAssertEqual(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(hex(String(repeating: "a", count: 1000)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

extension CellValue {
    var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}
