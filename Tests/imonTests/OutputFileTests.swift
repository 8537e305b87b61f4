import Foundation
import Monitoring
import XCTest

/// Where and how commands write their files: the user's umask, one file per
/// output, names that stay inside the folder given (issue 21, items 2 and 5).
final class OutputFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Runs imon with `mask` as its umask (a spawned process inherits it).
    private func run(umask mask: mode_t, _ arguments: [String]) throws -> ImonProcess.Outcome {
        let previous = umask(mask)
        defer { umask(previous) }
        return try ImonProcess.run(arguments)
    }

    func testOutputFilesKeepTheUsersUmask() throws {
        let strict = try run(umask: 0o077, ["catalogue", "export", "-o", path("strict.xlsx")])
        XCTAssertEqual(strict.status, 0, strict.err)
        XCTAssertEqual(try permissions(path("strict.xlsx")), 0o600)
        let group = try run(umask: 0o027, ["template", "--department", "12", "--year", "2007", "-o", path("group.ods")])
        XCTAssertEqual(group.status, 0, group.err)
        XCTAssertEqual(try permissions(path("group.ods")), 0o640)
        let open = try run(umask: 0o002, ["convert", path("group.ods"), path("open.csv")])
        XCTAssertEqual(open.status, 0, open.err)
        XCTAssertEqual(try permissions(path("open.csv")), 0o664)
    }
}
