import ArgumentParser
import Dispatch
import Monitoring
import MonitoringStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check department submissions: findings with sheet, cell, value and what to do.",
        discussion: """
            FILES may be workbooks or folders (their .xlsx and .ods files). Exit status 0 when \
            there is no error, 1 when there are errors, 2 when the check itself could not run.
            """)

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "A catalogue workbook; the built-in default when left out.")
    var catalogue: String?

    @Option(help: "The reporting year the files must be for.")
    var year: Int?

    @Option(help: "A monitoring store with earlier years: adds plausibility warnings (large changes, outliers, copied sheets).")
    var store: String?

    @Option(help: "Output: text or json.")
    var format: Format = .text

    @Option(help: "Write an annotated feedback copy of each file into this folder.")
    var annotate: String?

    @Option(help: "Language of the findings and feedback copies: de or en.")
    var lang: String = "de"

    @Flag(help: "Count empty input cells as errors (default: warnings).")
    var emptyIsError = false

    @Argument(help: "Submission workbooks or folders.")
    var files: [String]

    @OptionGroup(title: "Limits")
    var limits: ReadingLimitOptions

    func validate() throws {
        if Language(rawValue: lang) == nil { throw ValidationError("--lang is de or en") }
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        let language = Language(rawValue: lang) ?? .de
        var configured = Validator(catalogue: catalogue, language: language, expectedYear: year)
        configured.emptyCellsAreErrors = emptyIsError
        configured.reading = limits.options
        if let store { configured.earlier = StoreEarlierValues(store: try openStore(store, create: false)) }
        let validator = configured
        let paths = try SubmissionFiles.expand(files)
        if let annotate { mkdir(annotate, 0o755) }
        let results = Mutex<[Int: FileReport]>([:])
        let done = Mutex(0)
        let showProgress = isatty(2) != 0 && paths.count > 1
        let annotateFolder = annotate
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            var (report, submission) = validator.validate(file: paths[i])
            if let folder = annotateFolder, let submission {
                let name = paths[i].split(separator: "/").last.map(String.init) ?? paths[i]
                let target = folder + "/" + language("Prüfung_", "Checked_") + name
                do {
                    try FeedbackWorkbook.write(submission.workbook, report: report, language: language, to: target)
                } catch {
                    report.findings.append(ValidationFinding(.warning, "feedback-not-written", message:
                        language("Die Rückmeldedatei konnte nicht geschrieben werden: \(error)", "The feedback copy could not be written: \(error)")))
                }
            }
            results.withLock { $0[i] = report }
            let n = done.withLock { count -> Int in
                count += 1
                return count
            }
            if showProgress { printToStandardError("\r\u{1B}[2Kchecked \(n)/\(paths.count)", newline: false) }
        }
        if showProgress { printToStandardError("\r\u{1B}[2K", newline: false) }
        let reports = results.withLock { all in paths.indices.compactMap { all[$0] } }
        switch format {
        case .text: print(ValidationReport.text(reports, language: language), terminator: "")
        case .json: print(ValidationReport.json(reports), terminator: "")
        }
        if reports.contains(where: { $0.errors > 0 }) { throw ExitCode(1) }
    }
}

/// Files named on the command line, folders expanded to their workbooks.
enum SubmissionFiles {
    static func expand(_ arguments: [String]) throws -> [String] {
        var out: [String] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                throw CommandFailure(file: argument, location: "file", reason: "cannot read it: \(String(cString: strerror(errno)))")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                out += workbooks(in: argument).sorted()
            } else {
                out.append(argument)
            }
        }
        return out
    }

    private static func workbooks(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                found += workbooks(in: path)
            } else if [".xlsx", ".xlsm", ".ods", ".fods"].contains(where: { name.lowercased().hasSuffix($0) }) {
                found.append(path)
            }
        }
        return found
    }
}
