import Foundation
import XCTest

/// The portal's commands on the command line: accounts, who delivered, the report's warning.
final class PortalCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-portalcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
    }

    /// Runs imon with `input` on standard input (not a terminal).
    private func run(_ arguments: [String], input: String) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = ImonProcess.executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func testUsersAreAddedWithAPasswordFromStandardInputListedAndRemoved() throws {
        let store = directory.appendingPathComponent("m.sqlite").path
        let added = try run(["users", "add", "amt40", "--role", "department", "--department", "40", "--store", store], input: "ein-gutes-passwort\n")
        XCTAssertEqual(added.status, 0, added.err)
        XCTAssertEqual(added.out, "added amt40 (department, department 40)\n")
        let short = try run(["users", "add", "k", "--role", "coordinator", "--store", store], input: "kurz\n")
        XCTAssertEqual(short.status, 2)
        XCTAssertEqual(short.err, "imon: error: users: password: at least 10 characters\n")
        let wrongDepartment = try run(["users", "add", "x", "--role", "department", "--department", "99", "--store", store], input: "ein-gutes-passwort\n")
        XCTAssertEqual(wrongDepartment.status, 2)
        XCTAssertTrue(wrongDepartment.err.contains("department \"99\" is not in the catalogue"), wrongDepartment.err)
        let again = try run(["users", "add", "amt40", "--role", "analyst", "--store", store], input: "ein-gutes-passwort\n")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.err.contains("an account \"amt40\" exists already"), again.err)
        let listed = try ImonProcess.run(["users", "list", "--store", store])
        XCTAssertEqual(listed.out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }, [["amt40", "department", "40"]])
        XCTAssertFalse(try String(decoding: Data(contentsOf: URL(fileURLWithPath: store)), as: UTF8.self).contains("ein-gutes-passwort"),
                       "only the hash is stored")
        XCTAssertEqual(try run(["users", "password", "amt40", "--store", store], input: "ein-anderes-passwort\n").status, 0)
        XCTAssertEqual(try run(["users", "remove", "amt40", "--store", store], input: "").status, 0)
        XCTAssertEqual(try ImonProcess.run(["users", "list", "--store", store]).out, "(no accounts)\n")
    }

    func testStatusAndTheReportSayWhichDepartmentsAreMissing() throws {
        let store = directory.appendingPathComponent("m.sqlite").path
        let files = ["Abgaben/2007/Amt_11_2007.xlsx", "Abgaben/2007/Amt_12_2007.xlsx", "Fehler/Amt_40_2007_Werte.xlsx"]
        _ = try ImonProcess.run(["merge", "--store", store] + files.map { samples.appendingPathComponent($0).path })
        let status = try ImonProcess.run(["status", "--year", "2007", "--store", store])
        XCTAssertEqual(status.status, 1, "departments are missing")
        let lines = status.out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("11 ") && $0.contains("delivered") }, status.out)
        XCTAssertTrue(lines.contains { $0.hasPrefix("40 ") && $0.contains("rejected") }, status.out)
        XCTAssertTrue(lines.contains { $0.hasPrefix("32 ") && $0.contains("missing") }, status.out)
        XCTAssertEqual(lines.last, "2 of 10 departments delivered for 2007")
        let report = try ImonProcess.run(["report", "--store", store, "--year", "2007", "--html", directory.appendingPathComponent("r.html").path])
        XCTAssertEqual(report.status, 0, report.err)
        XCTAssertTrue(report.err.contains("imon: warning: 8 of 10 departments delivered nothing usable for 2007: 32 (missing), 40 (rejected)"), report.err)
    }
}
