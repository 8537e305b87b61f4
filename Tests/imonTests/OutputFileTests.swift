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

extension OutputFileTests {
    /// Every file under `root`, relative to it.
    private func files(under root: String) -> Set<String> {
        Set((FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [])
    }

    func testTemplatesForACatalogueWithAPathInACodeStayInTheirFolder() throws {
        var catalogue = DefaultCatalogue.magdeburg
        let code = try XCTUnwrap(catalogue.submittingDepartments.first?.code)
        let hostile = "x/../../esc"
        for i in catalogue.departments.indices where catalogue.departments[i].code == code { catalogue.departments[i].code = hostile }
        for i in catalogue.indicators.indices where catalogue.indicators[i].department == code { catalogue.indicators[i].department = hostile }
        // Deep enough that ../../ from the output folder is still inside `directory`, where the test can look.
        let outer = path("a/b")
        try FileManager.default.createDirectory(atPath: outer, withIntermediateDirectories: true)
        let catalogueFile = path("a/b/katalog.xlsx")
        try CatalogueWorkbook.write(catalogue, to: catalogueFile)
        let folder = path("a/b/vorlagen")
        // The kernel resolves `Vorlage_2007_Amt_x/../..` only through an existing folder of that name.
        try FileManager.default.createDirectory(atPath: folder + "/Vorlage_2007_Amt_x", withIntermediateDirectories: true)
        let result = try ImonProcess.run(["template", "--catalogue", catalogueFile, "--all", "--year", "2007", "-o", folder])
        // Outside the output folder nothing but the catalogue, whether or not the catalogue is refused.
        XCTAssertEqual(Set(files(under: directory.path).filter { !$0.hasPrefix("a/b/vorlagen/") }),
                       Set(["a", "a/b", "a/b/katalog.xlsx", "a/b/vorlagen"]), result.out + result.err)
        if result.status == 0 {
            XCTAssertTrue(files(under: folder).contains("Vorlage_2007_Amt_x_.._.._esc.xlsx"), "\(files(under: folder))")
            XCTAssertEqual(files(under: folder).count, catalogue.submittingDepartments.count + 1)
        }
    }
}

/// Folders as offices keep them (issue 21, item 5).
extension OutputFileTests {
    private var samples: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
    }

    private func copySample(_ sample: String, to name: String) throws {
        let target = path(name)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: samples.appendingPathComponent(sample).path, toPath: target)
    }

    func testOwnerFilesLockFilesAndFeedbackCopiesAreSkippedWithANote() throws {
        try copySample("Abgaben/2007/Amt_11_2007.xlsx", to: "inbox/Amt_11_2007.xlsx")
        // A department may call its own file so; without the check report sheet it is a submission.
        try copySample("Abgaben/2007/Amt_12_2007.xlsx", to: "inbox/Prüfung_Amt_12_2007.xlsx")
        // What Excel and LibreOffice leave beside a workbook someone has open.
        try Data([0x05] + Array("Sachbearbeitung".utf8) + [UInt8](repeating: 0x20, count: 147)).write(to: directory.appendingPathComponent("inbox/~$Amt_11_2007.xlsx"))
        try Data(",Sachbearbeitung,host,/home/x/.config/libreoffice/4;".utf8).write(to: directory.appendingPathComponent("inbox/.~lock.Amt_11_2007.xlsx#"))
        // A feedback copy written into the inbox itself.
        try copySample("Fehler/Amt_40_2007_Werte.xlsx", to: "elsewhere/Amt_40_2007.xlsx")
        let annotate = try ImonProcess.run(["validate", "--annotate", path("inbox"), path("elsewhere")])
        XCTAssertEqual(annotate.status, 1, annotate.out + annotate.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("inbox/Prüfung_Amt_40_2007.xlsx")))

        let check = try ImonProcess.run(["validate", path("inbox")])
        XCTAssertEqual(check.status, 0, check.out + check.err)
        XCTAssertTrue(check.out.hasSuffix("2 Dateien geprüft: 0 Fehler, 0 Warnungen\n"), check.out)
        XCTAssertTrue(check.out.contains("Prüfung_Amt_12_2007.xlsx (Amt 12, 2007): in Ordnung"), check.out)
        let notes = check.err.split(separator: "\n")
        XCTAssertEqual(notes.count, 3, check.err)
        XCTAssertTrue(notes.contains { $0.hasPrefix("imon: skipped \(path("inbox/~$Amt_11_2007.xlsx")): Excel's owner file") }, check.err)
        XCTAssertTrue(notes.contains { $0.hasPrefix("imon: skipped \(path("inbox/.~lock.Amt_11_2007.xlsx#")): LibreOffice's lock file") }, check.err)
        XCTAssertTrue(notes.contains { $0.hasPrefix("imon: skipped \(path("inbox/Prüfung_Amt_40_2007.xlsx")): a feedback copy") }, check.err)

        // The English copies are known as well.
        let english = try ImonProcess.run(["validate", "--lang", "en", "--annotate", path("inbox"), path("elsewhere")])
        XCTAssertEqual(english.status, 1, english.err)
        let again = try ImonProcess.run(["validate", path("inbox")])
        XCTAssertTrue(again.err.contains("imon: skipped \(path("inbox/Checked_Amt_40_2007.xlsx")): a feedback copy"), again.err)
        XCTAssertTrue(again.out.hasSuffix("2 Dateien geprüft: 0 Fehler, 0 Warnungen\n"), again.out)

        let merge = try ImonProcess.run(["merge", "--lang", "en", "--store", path("m.sqlite"), path("inbox")])
        XCTAssertEqual(merge.status, 0, merge.out + merge.err)
        XCTAssertTrue(merge.out.contains("\n2 files; the store"), merge.out)
        XCTAssertFalse(merge.out.contains("Amt_40"), merge.out)
    }

    func testAFolderWithoutWorkbooksStopsTheCommandWithStatus1() throws {
        try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: true)
        let validate = try ImonProcess.run(["validate", path("empty")])
        XCTAssertEqual(validate.status, 1)
        XCTAssertEqual(validate.out, "")
        XCTAssertEqual(validate.err, "imon: \(path("empty")): no workbooks to check in this folder (looked for .xlsx, .xlsm, .ods, .fods)\n")
        try Data("x".utf8).write(to: directory.appendingPathComponent("empty/~$Amt_11_2007.xlsx"))
        let merge = try ImonProcess.run(["merge", "--store", path("m.sqlite"), path("empty")])
        XCTAssertEqual(merge.status, 1)
        XCTAssertTrue(merge.err.hasSuffix("no workbooks to check in this folder (looked for .xlsx, .xlsm, .ods, .fods)\n"), merge.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("m.sqlite")), "nothing is created")
        // One empty folder among others stops the command before it does anything.
        try copySample("Abgaben/2007/Amt_11_2007.xlsx", to: "full/Amt_11_2007.xlsx")
        XCTAssertEqual(try ImonProcess.run(["validate", path("full"), path("empty")]).status, 1)
        XCTAssertEqual(try ImonProcess.run(["validate", path("full")]).status, 0)
    }

    func testAnnotatedCopiesOfFilesWithTheSameNameNeverOverwriteEachOther() throws {
        try copySample("Fehler/Amt_40_2007_Werte.xlsx", to: "a/Amt_40.xlsx")
        try copySample("Abgaben/2007/Amt_40_2007.xlsx", to: "b/Amt_40.xlsx")
        try copySample("Fehler/Amt_BA_2007_Aufbau.xlsx", to: "c/Amt_40.xlsx")
        // A file of someone else's that happens to have the first copy's name stays as it is.
        try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: directory.appendingPathComponent("out/Prüfung_Amt_40.xlsx"))
        let result = try ImonProcess.run(["validate", "--format", "json", "--annotate", path("out"), path("a"), path("b"), path("c")])
        XCTAssertEqual(result.status, 1, result.err)
        XCTAssertEqual(try String(contentsOfFile: path("out/Prüfung_Amt_40.xlsx"), encoding: .utf8), "mine")
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: path("out"))),
                       ["Prüfung_Amt_40.xlsx", "Prüfung_Amt_40_2.xlsx", "Prüfung_Amt_40_3.xlsx", "Prüfung_Amt_40_4.xlsx"])
        // Each copy is the one of its own input, in the order given.
        func title(_ name: String) throws -> String {
            let cat = try ImonProcess.run(["cat", "--format", "csv", "--sheet", "Prüfprotokoll", path("out/" + name)])
            return String(cat.out.split(separator: "\n").first ?? "")
        }
        let (second, third, fourth) = (try title("Prüfung_Amt_40_2.xlsx"), try title("Prüfung_Amt_40_3.xlsx"), try title("Prüfung_Amt_40_4.xlsx"))
        XCTAssertTrue(second.contains("Amt 40, 2007: ") && !second.contains(": 0 Fehler"), second)
        XCTAssertTrue(third.contains("Amt 40, 2007: 0 Fehler"), third)
        XCTAssertTrue(fourth.contains("Amt BA"), fourth)
        // Checked again, each replaces its own earlier copy: still four files.
        XCTAssertEqual(try ImonProcess.run(["validate", "--annotate", path("out"), path("a"), path("b"), path("c")]).status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("out")).count, 4)
    }
}

/// Two outputs of one command are two files (issue 21, item 5).
extension OutputFileTests {
    func testTwoOutputsOrAnOutputAndAnInputNamingOneFileAreRefusedBeforeWriting() throws {
        let store = path("m.sqlite")
        let merged = try ImonProcess.run(["merge", "--store", store, samples.appendingPathComponent("Abgaben/2007").path])
        XCTAssertEqual(merged.status, 0, merged.err)
        let storeBytes = try Data(contentsOf: URL(fileURLWithPath: store))
        try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("link"), withDestinationPath: path("out"))

        let same = try ImonProcess.run(["report", "--store", store, "--year", "2007", "-o", path("out/r.xlsx"), "--html", path("out/r.xlsx")])
        XCTAssertEqual(same.status, 2)
        XCTAssertEqual(same.err, "imon: error: \(path("out/r.xlsx")): --html: the same file as --output \(path("out/r.xlsx")); give another name (nothing was written)\n")
        let dotted = try ImonProcess.run(["report", "--store", store, "--year", "2007", "-o", path("out/r.xlsx"), "--html", path("out/./../out/r.xlsx")])
        XCTAssertEqual(dotted.status, 2, dotted.err)
        let linked = try ImonProcess.run(["report", "--store", store, "--year", "2007", "-o", path("out/r.xlsx"), "--html", path("link/r.xlsx")])
        XCTAssertEqual(linked.status, 2, linked.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("out")), [], "nothing was written")

        let overStore = try ImonProcess.run(["export", "--store", store, "-o", path("./m.sqlite")])
        XCTAssertEqual(overStore.status, 2)
        XCTAssertTrue(overStore.err.contains("--output: the same file as --store"), overStore.err)
        try FileManager.default.createSymbolicLink(atPath: path("store-link.csv"), withDestinationPath: store)
        XCTAssertEqual(try ImonProcess.run(["export", "--store", store, "-o", path("store-link.csv")]).status, 2)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), storeBytes)

        let fine = try ImonProcess.run(["report", "--store", store, "--year", "2007", "-o", path("out/r.xlsx"), "--html", path("link/r.html")])
        XCTAssertEqual(fine.status, 0, fine.err)
    }
}
