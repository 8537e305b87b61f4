import Foundation
import Monitoring
import XCTest

/// The store as the commands use it: read commands never write it, a file
/// that is not an imon store or is damaged is refused with exit 2, two
/// first merges at once both succeed, and a merge says each file's outcome
/// as soon as it is committed, in the coordinator's language.
final class StoreCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("imon-storecli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        chmod(directory.path, 0o755)
        try? FileManager.default.removeItem(at: directory)
    }

    private var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A store holding the samples of 2005.
    private func filledStore(in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = folder + "/m.sqlite"
        let merged = try ImonProcess.run(["merge", "--store", store, samples.appendingPathComponent("Abgaben/2005").path])
        XCTAssertEqual(merged.status, 0, merged.err)
        return store
    }

    /// The read commands on `store`, writing their outputs into `out`.
    private func readCommands(_ store: String, out: String) -> [[String]] {
        [["history", "--store", store],
         ["export", "--store", store, "-o", out + "/e.csv"],
         ["report", "--store", store, "--year", "2005", "-o", out + "/r.xlsx"],
         ["validate", "--store", store, samples.appendingPathComponent("Abgaben/2006/Amt_12_2006.xlsx").path]]
    }

    /// A folder of 0555 with the store as 0444, and the read commands run
    /// as `nobody` (tests run as root, whom modes do not stop): every read
    /// command works and the file's bytes stay as they were.
    func testReadCommandsWorkOnAStoreTheUserMayOnlyRead() throws {
        let store = try filledStore(in: path("ro"))
        try? FileManager.default.removeItem(atPath: store + ".lock")
        let before = try bytes(store)
        chmod(store, 0o444)
        chmod(path("ro"), 0o555)
        let out = path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        chmod(out, 0o777)
        let setpriv = "/usr/bin/setpriv"
        let asNobody = FileManager.default.isExecutableFile(atPath: setpriv) && getuid() == 0
        for command in readCommands(store, out: out) {
            let result = asNobody
                ? try ImonProcess.run(["--reuid=nobody", "--regid=nogroup", "--clear-groups", ImonProcess.executable.path] + command,
                                      executable: setpriv)
                : try ImonProcess.run(command)
            XCTAssertEqual(result.status, 0, "\(command[0]): \(result.err)")
        }
        XCTAssertEqual(try bytes(store), before, "not one byte of the store changed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("ro")), ["m.sqlite"], "nothing made beside it")
        XCTAssertTrue(try String(contentsOfFile: out + "/e.csv", encoding: .utf8).split(separator: "\n").count > 2000)
    }

    /// Another program's database and a text file: every command refuses
    /// them with exit 2 and leaves them byte for byte as they were.
    func testAFileThatIsNotAnImonStoreIsRefusedAndLeftUntouched() throws {
        let foreign = path("kunden.sqlite")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        sqlite.arguments = ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)'); c.execute(\"INSERT INTO kunden (name) VALUES ('Meier')\"); c.commit()", foreign]
        try sqlite.run()
        sqlite.waitUntilExit()
        XCTAssertEqual(sqlite.terminationStatus, 0)
        let text = path("notizen.sqlite")
        try Data(String(repeating: "Keine Datenbank.\n", count: 300).utf8).write(to: URL(fileURLWithPath: text))
        let submission = samples.appendingPathComponent("Abgaben/2005/Amt_12_2005.xlsx").path
        for file in [foreign, text] {
            let before = try bytes(file)
            for command in [["merge", "--store", file, submission]] + readCommands(file, out: directory.path) {
                let result = try ImonProcess.run(command)
                XCTAssertEqual(result.status, 2, "\(command[0]) \(file): \(result.out) \(result.err)")
                XCTAssertTrue(result.err.hasPrefix("imon: error: \(file): store: not an imon store"), result.err)
            }
            XCTAssertEqual(try bytes(file), before, "\(file) left byte for byte")
        }
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)), ["kunden.sqlite", "notizen.sqlite"],
                       "no -wal, -shm or lock file, no output beside them")
    }

    /// 8 KB overwritten in the middle of a store: merge and report say it is
    /// damaged (exit 2), never "holds 0 current observations".
    func testAStoreWithOverwrittenPagesIsReportedAsDamaged() throws {
        let store = try filledStore(in: path("broken"))
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: store))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2 - 4096)
        try handle.write(contentsOf: Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try handle.close()
        let merge = try ImonProcess.run(["merge", "--store", store, samples.appendingPathComponent("Abgaben/2006").path])
        XCTAssertEqual(merge.status, 2, merge.out + merge.err)
        XCTAssertTrue(merge.err.contains("the store is damaged"), merge.err)
        XCTAssertFalse(merge.out.contains("current observations") || merge.out.contains("aktuelle Beobachtungen"), merge.out)
        let report = try ImonProcess.run(["report", "--store", store, "--year", "2005", "-o", path("r.xlsx")])
        XCTAssertEqual(report.status, 2, report.out + report.err)
        XCTAssertTrue(report.err.hasPrefix("imon: error: \(store): store: the store is damaged (SQLite: "), report.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("r.xlsx")))
    }

    /// Two first merges into a new store at once, 20 times: both succeed
    /// every time (the second waits for the first's lock and migration),
    /// and the store ends with both departments' observations.
    func testTwoFirstMergesAtOnceBothSucceed() throws {
        let a = samples.appendingPathComponent("Abgaben/2005/Amt_12_2005.xlsx").path
        let b = samples.appendingPathComponent("Abgaben/2005/Amt_40_2005.xlsx").path
        for trial in 0..<20 {
            let store = path("m\(trial).sqlite")
            let processes = [a, b].map { file -> (Process, URL) in
                let process = Process()
                process.executableURL = ImonProcess.executable
                process.arguments = ["merge", "--store", store, file]
                let err = directory.appendingPathComponent("err-\(trial)-\(file.hashValue)")
                FileManager.default.createFile(atPath: err.path, contents: nil)
                process.standardOutput = FileHandle.nullDevice
                process.standardError = try? FileHandle(forWritingTo: err)
                return (process, err)
            }
            for (process, _) in processes { try process.run() }
            for (process, err) in processes {
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0, "trial \(trial): " + ((try? String(contentsOf: err, encoding: .utf8)) ?? ""))
            }
            let history = try ImonProcess.run(["history", "--store", store])
            XCTAssertEqual(history.status, 0, history.err)
            XCTAssertEqual(history.out.split(separator: "\n").filter { $0.contains(" imported ") }.count, 2, "trial \(trial): \(history.out)")
        }
    }

    /// Each file's line appears when that file is committed: a merge killed
    /// halfway has printed lines only for files the store holds.
    func testAMergeSaysEachFilesOutcomeAsSoonAsItIsCommitted() throws {
        let folder = path("many")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let c = DefaultCatalogue.magdeburg
        let generator = SyntheticSubmissions(catalogue: c)
        let departments = c.submittingDepartments
        for n in 0..<60 {
            let d = departments[n % departments.count], year = 1990 + n / departments.count
            try SubmissionTemplate(catalogue: c, department: d, year: year)
                .write(to: folder + "/Amt_\(d.code)_\(year).xlsx", values: generator.values(department: d.code, year: year))
        }
        let store = path("m.sqlite")
        let out = path("out.txt")
        FileManager.default.createFile(atPath: out, contents: nil)
        let process = Process()
        process.executableURL = ImonProcess.executable
        process.arguments = ["merge", "--store", store, folder]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var printed: [Substring] = []
        while Date() < deadline && process.isRunning {
            printed = ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").split(separator: "\n").filter(Self.isImported)
            if printed.count >= 3 { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "killed before it finished")
        XCTAssertGreaterThanOrEqual(printed.count, 3, "lines came while the merge was running")
        let history = try ImonProcess.run(["history", "--store", store])
        XCTAssertEqual(history.status, 0, history.err)
        let committed = history.out.split(separator: "\n").filter { $0.contains(" imported ") }.count
        XCTAssertLessThan(committed, 60, "the lines came while the merge was still running, not at its end")
        let final = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").filter(Self.isImported)
        XCTAssertLessThanOrEqual(final.count, committed, "every line printed is a file the store holds")
        for line in final {
            let file = String(line.prefix { $0 != " " })
            XCTAssertTrue(history.out.contains(file), "printed as committed, so in the store: \(file)")
        }
    }

    private static func isImported(_ line: Substring) -> Bool { line.contains(": übernommen (") || line.contains(": imported (") }

    /// Merge lines follow --lang: German by default, with German numbers.
    func testMergeSpeaksGermanByDefaultAndEnglishWithLangEn() throws {
        let store = path("m.sqlite")
        let de = try ImonProcess.run(["merge", "--store", store, samples.appendingPathComponent("Abgaben/2005").path])
        XCTAssertEqual(de.status, 0, de.err)
        XCTAssertTrue(de.out.contains("Amt_12_2005.xlsx (Amt 12, 2005): übernommen ("), de.out)
        XCTAssertTrue(de.out.hasSuffix("10 Dateien; der Speicher \(store) enthält 2.382 aktuelle Beobachtungen\n"), de.out)
        let en = try ImonProcess.run(["merge", "--lang", "en", "--store", store, samples.appendingPathComponent("Abgaben/2005").path])
        XCTAssertEqual(en.status, 0, en.err)
        XCTAssertTrue(en.out.contains("Amt_12_2005.xlsx (department 12, 2005): unchanged (merged before)"), en.out)
        XCTAssertTrue(en.out.hasSuffix("10 files; the store \(store) holds 2382 current observations\n"), en.out)
    }
}
