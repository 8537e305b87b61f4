import CommandArguments
import Dispatch
import Monitoring
import MonitoringStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct ImportCommand: Command {
    static let store = CommandParameters.store
    static let catalogue = CommandParameters.catalogue
    static let year = Parameter.option("year", help: "Only these years of the tables (repeat for several).", repeating: true)
    static let prefer = Parameter.option("prefer", help: "Decide conflicts: new (the table's values win) or old (the store's stay).",
                                         choices: ConflictPreference.choices)
    static let dryRun = Parameter.flag("dry-run", help: "Show what would be stored, per year; the store is not opened.")
    static let lang = CommandParameters.language("Language of what is printed.")
    static let files = Parameter.argument("files", help: "Statistics-office tables (XLSX, ODS) or folders of them.", repeating: true)

    static let spec = CommandSpec(
        "import",
        abstract: "Take the statistics office's tables (KISS-MD exports) into the store through the catalogue's mappings.",
        discussion: """
            Each file is recognised by a mapping of the catalogue's sheet Quellen (its table id), its \
            rows become observations of the mapped department, with file, sheet and cell, and each year \
            is checked like a submission and merged in one transaction: imported, unchanged (the same \
            values again), superseded (the same table, department and year with other values; the earlier \
            version stays in the history), rejected (errors, listed below it) or conflict (another source \
            holds different values for the same cells; --prefer new|old decides). A '.' cell is stored as \
            the marker; with it the known districts may add up to less than the city, never more. Exit 0 \
            when all were imported or unchanged, 1 when any was rejected or in conflict, 2 when the import \
            could not run.
            """,
        parameters: [files, store, catalogue, year, prefer, dryRun, lang] + ReadingLimitOptions.parameters) { try ImportCommand($0) }

    let store: String
    let catalogue: String?
    let years: [Int]
    let prefer: ConflictPreference?
    let dryRun: Bool
    let language: Language
    let files: [String]
    let limits: ReadingLimitOptions

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        catalogue = try arguments.optionalValue(Self.catalogue)
        years = try arguments.values(Self.year)
        prefer = try arguments.optionalValue(Self.prefer)
        dryRun = arguments.flag(Self.dryRun)
        language = try arguments.value(Self.lang)
        files = try arguments.values(Self.files)
        limits = try ReadingLimitOptions(arguments)
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        if catalogue.sources.isEmpty {
            throw CommandFailure(file: self.catalogue ?? "the built-in catalogue", location: CatalogueWorkbook.sourcesSheet,
                                 reason: "the catalogue maps no statistics-office table; nothing can be imported")
        }
        let paths = try SubmissionFiles.expand(files)
        var configured = TableImport(catalogue: catalogue, years: years.isEmpty ? nil : Set(years))
        configured.reading = limits.options
        let importer = configured
        let prepared = Mutex<[Int: [PreparedSubmission]]>([:])
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let items = PreparedSubmission.prepareImport(file: paths[i], importer: importer)
            prepared.withLock { $0[i] = items }
        }
        let items = prepared.withLock { all in paths.indices.flatMap { all[$0] ?? [] } }
        if dryRun { return try preview(items, files: paths.count) }
        let store = try openStore(self.store, create: true)
        let l = language
        let results: [MergeResult]
        do {
            results = try store.merge(items, catalogue: catalogue, prefer: prefer, user: currentUser()) { result, n in
                // Said as soon as it is committed, as merge does: an import
                // stopped later has told what it stored.
                let item = items[n - 1]
                print("\(heading(item)): \(Self.outcome(result, l))")
                for finding in ValidationReport.findingLines(item.report.findings, language: l) { print(finding) }
                fflush(nil)
            }
        } catch {
            throw storeFailure(self.store, error)
        }
        let count: Int
        do { count = try store.currentObservationCount() } catch { throw storeFailure(self.store, error) }
        let files = paths.count, years = items.filter { $0.report.year != nil }.count
        print(l("\(files) \(files == 1 ? "Datei" : "Dateien"), \(years) \(years == 1 ? "Jahr" : "Jahre"); der Speicher \(self.store) enthält \(l.number(count)) aktuelle Beobachtungen",
                "\(files) file\(files == 1 ? "" : "s"), \(years) year\(years == 1 ? "" : "s"); the store \(self.store) holds \(l.number(count)) current observations"))
        if results.contains(where: { $0.outcome.isProblem }) { throw ExitStatus.problemsFound }
    }

    /// One year's outcome, in `l`.
    static func outcome(_ result: MergeResult, _ l: Language) -> String {
        func observations(_ n: Int) -> String { l("\(l.number(n)) Beobachtung\(n == 1 ? "" : "en")", "\(l.number(n)) observation\(n == 1 ? "" : "s")") }
        var line: String
        switch result.outcome {
        case .imported(let n): line = l("übernommen (\(observations(n)))", "imported (\(observations(n)))")
        case .unchanged: line = l("unverändert (dieselben Werte sind aktuell)", "unchanged (the same values are current)")
        case .superseded(let previous, let n): line = l("ersetzt \(previous) (\(observations(n)))", "superseded \(previous) (\(observations(n)))")
        case .rejected(let errors):
            line = l("abgelehnt: \(l.number(errors)) Fehler", "rejected: \(l.number(errors)) error\(errors == 1 ? "" : "s")")
        case .conflict(let conflicts):
            let n = conflicts.count
            line = l("Konflikt: \(l.number(n)) Wert\(n == 1 ? " weicht" : "e weichen") von denen einer anderen Quelle ab; nichts übernommen (entscheiden mit --prefer new|old)",
                     "conflict: \(l.number(n)) value\(n == 1 ? "" : "s") differ from another source's; nothing imported (decide with --prefer new|old)")
            for c in conflicts.prefix(5) {
                line += "\n    " + l("\(c.indicator) \(c.district) \(c.year) \(c.category): neu \(c.newValue) (\(c.newCell)), bisher \(c.existingValue) von Amt \(c.existingDepartment) (\(c.existingFile))",
                                     "\(c)")
            }
        }
        if let decided = result.decidedConflicts {
            let n = decided.count
            line += "; " + l("\(l.number(n)) Konflikt\(n == 1 ? "" : "e"): \(decided.preferred == .new ? "die neuen Werte" : "die Werte im Speicher") behalten (entschieden von \(decided.user))",
                             "\(l.number(n)) conflicting value\(n == 1 ? "" : "s"): kept the \(decided.preferred == .new ? "new" : "store's") values (decided by \(decided.user))")
        }
        return line
    }

    /// `FILE (K3_T41, department 12, 2024)`
    private func heading(_ item: PreparedSubmission) -> String {
        let who = [item.submission?.source, item.report.department.map { language("Amt \($0)", "department \($0)") }, item.report.year.map(String.init)]
            .compactMap { $0 }.joined(separator: ", ")
        return "\(item.file)\(who.isEmpty ? "" : " (\(who))")"
    }

    /// `--dry-run`: what each year would bring, and why a year would be rejected.
    private func preview(_ items: [PreparedSubmission], files: Int) throws {
        var rejected = 0
        for item in items {
            if let submission = item.submission, item.report.errors == 0 {
                let n = submission.observations.count
                print("\(heading(item)): " + language("würde \(language.number(n)) Beobachtungen übernehmen", "would import \(language.number(n)) observations"))
                for line in ImportPreview.lines(submission, language: language) { print(line) }
            } else {
                rejected += 1
                let n = max(item.report.errors, 1)
                print("\(heading(item)): " + language("würde abgelehnt: \(language.number(n)) Fehler", "would be rejected: \(language.number(n)) error\(n == 1 ? "" : "s")"))
            }
            for finding in ValidationReport.findingLines(item.report.findings, language: language) { print(finding) }
        }
        let years = items.filter { $0.report.year != nil }.count
        print(language("\(files) \(files == 1 ? "Datei" : "Dateien"), \(years) \(years == 1 ? "Jahr" : "Jahre") gelesen; nichts gespeichert (--dry-run)",
                       "\(files) file\(files == 1 ? "" : "s"), \(years) year\(years == 1 ? "" : "s") read; nothing was stored (--dry-run)"))
        if rejected > 0 { throw ExitStatus.problemsFound }
    }
}
