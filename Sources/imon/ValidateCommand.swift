import CommandArguments
import Dispatch
import Monitoring
import MonitoringStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct ValidateCommand: Command {
    enum Format: String, ArgumentValue, CaseIterable { case text, json }

    static let catalogue = CommandParameters.catalogue
    static let year = Parameter.option("year", help: "The reporting year the files must be for.")
    static let store = Parameter.option(
        "store", help: "A monitoring store with earlier years: adds plausibility warnings (large changes, outliers, copied sheets).")
    static let format = Parameter.option("format", help: "Output format.", choices: Format.choices, default: "text")
    static let annotate = Parameter.option("annotate", help: "Write an annotated feedback copy of each file into this folder.")
    static let lang = CommandParameters.language("Language of the findings and feedback copies.")
    static let emptyIsError = Parameter.flag("empty-is-error", help: "Count empty input cells as errors (default: warnings).")
    static let files = Parameter.argument("files", help: "Submission workbooks or folders.", repeating: true)

    static let spec = CommandSpec(
        "validate",
        abstract: "Check department submissions: findings with sheet, cell, value and what to do.",
        discussion: """
            FILES may be workbooks or folders (their .xlsx and .ods files); owner and lock files of \
            Excel and LibreOffice and imon's own feedback copies are skipped with a note, and a folder \
            without workbooks ends the command with exit status 1. Exit status 0 when \
            there is no error, 1 when there are errors, 2 when the check itself could not run.
            """,
        parameters: [files, catalogue, year, store, format, annotate, lang, emptyIsError] + ReadingLimitOptions.parameters) {
        try ValidateCommand($0)
    }

    let catalogue: String?
    let year: Int?
    let store: String?
    let format: Format
    let annotate: String?
    let language: Language
    let emptyIsError: Bool
    let files: [String]
    let limits: ReadingLimitOptions

    init(_ arguments: ParsedArguments) throws {
        catalogue = try arguments.optionalValue(Self.catalogue)
        year = try arguments.optionalValue(Self.year)
        store = try arguments.optionalValue(Self.store)
        format = try arguments.value(Self.format)
        annotate = try arguments.optionalValue(Self.annotate)
        language = try arguments.value(Self.lang)
        emptyIsError = arguments.flag(Self.emptyIsError)
        files = try arguments.values(Self.files)
        limits = try ReadingLimitOptions(arguments)
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        var configured = Validator(catalogue: catalogue, expectedYear: year)
        configured.emptyCellsAreErrors = emptyIsError
        configured.reading = limits.options
        if let store { configured.earlier = try earlierValues(fromStore: store) }
        let validator = configured
        let paths = try SubmissionFiles.expand(files)
        if let annotate { mkdir(annotate, 0o755) }
        // Chosen before the parallel checks, in input order: no two copies share a name,
        // and an existing file is replaced only when it is an earlier feedback copy.
        var names = annotate.map { FolderOutputNames(folder: $0, mayReplace: FeedbackCopy.isFeedbackCopy) }
        let targets = paths.map { path in
            names?.path(for: FeedbackCopy.namePrefix(language) + (path.split(separator: "/").last.map(String.init) ?? path))
        }
        let results = Mutex<[Int: FileReport]>([:])
        let done = Mutex(0)
        let showProgress = isatty(2) != 0 && paths.count > 1
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            var (report, submission) = validator.validate(file: paths[i])
            if let target = targets[i], let submission {
                do {
                    try FeedbackWorkbook.write(submission.workbook, report: report, language: language, to: target)
                } catch {
                    report.findings.append(ValidationFinding(.warning, .feedbackNotWritten(reason: "\(error)")))
                }
            }
            results.withLock { $0[i] = report }
            let n = done.withLock { count -> Int in
                count += 1
                return count
            }
            if showProgress { printProgress("checked \(n)/\(paths.count)") }
        }
        if showProgress { printProgress(nil) }
        let reports = results.withLock { all in paths.indices.compactMap { all[$0] } }
        switch format {
        case .text: print(ValidationReport.text(reports, language: language), terminator: "")
        case .json: print(ValidationReport.json(reports, language: language), terminator: "")
        }
        if reports.contains(where: { $0.errors > 0 }) { throw ExitStatus.problemsFound }
    }
}
