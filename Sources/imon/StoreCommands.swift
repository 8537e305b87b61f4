import CommandArguments
import Dispatch
import Monitoring
import MonitoringStore
import Reporting
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The person running the command, recorded with every merge and decision.
func currentUser() -> String {
    if let name = getenv("USER").map({ String(cString: $0) }), !name.isEmpty { return name }
    return getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "unknown"
}

/// Opens the store for merging: made when missing, upgraded when older.
func openStore(_ path: String, create: Bool) throws -> MonitoringStore {
    do {
        return try MonitoringStore(path: path, create: create)
    } catch {
        throw storeFailure(path, error)
    }
}

/// Opens the store for a command that only reads it: nothing is written.
func openStoreForReading(_ path: String) throws -> MonitoringStore {
    do {
        return try MonitoringStore(readingAt: path)
    } catch {
        throw storeFailure(path, error)
    }
}

/// The earlier years' values of `imon validate --store`, read from the store at once.
func earlierValues(fromStore path: String) throws -> StoreEarlierValues {
    let store = try openStoreForReading(path)
    do {
        return try StoreEarlierValues(store: store)
    } catch {
        throw storeFailure(path, error)
    }
}

/// A store error as a command failure; the store's own errors already name the file.
func storeFailure(_ path: String, _ error: any Error) -> CommandFailure {
    var reason = "\(error)"
    reason = reason.replacingPrefix(path + ": ", with: "")
    return CommandFailure(file: path, location: "store", reason: reason)
}

struct MergeCommand: Command {
    static let store = CommandParameters.store
    static let catalogue = CommandParameters.catalogue
    static let prefer = Parameter.option("prefer", help: "Decide conflicts: new (the new file's values win) or old (the store's stay).",
                                         choices: ConflictPreference.choices)
    static let lang = CommandParameters.language("Language of the lines printed for each file.")
    static let files = Parameter.argument("files", help: "Submission workbooks or folders.", repeating: true)

    static let spec = CommandSpec(
        "merge",
        abstract: "Validate submissions and merge the valid ones into the monitoring store.",
        discussion: """
            Each file is imported in one transaction, all of it or nothing: imported, unchanged (the same \
            file again), superseded (the same department and year again; the earlier version stays in the \
            history), rejected (validation errors) or conflict (another department delivered different \
            values for the same cells; --prefer new|old decides). Each file's line is printed as soon as \
            it is committed. Exit 0 when all were imported or unchanged, 1 when any was rejected or in \
            conflict, 2 when the merge could not run (a store that is damaged or not imon's included).
            """,
        parameters: [files, store, catalogue, prefer, lang] + ReadingLimitOptions.parameters) { try MergeCommand($0) }

    let store: String
    let catalogue: String?
    let prefer: ConflictPreference?
    let files: [String]
    let limits: ReadingLimitOptions
    let language: Language

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        catalogue = try arguments.optionalValue(Self.catalogue)
        prefer = try arguments.optionalValue(Self.prefer)
        language = try arguments.value(Self.lang)
        files = try arguments.values(Self.files)
        limits = try ReadingLimitOptions(arguments)
    }

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        let paths = try SubmissionFiles.expand(files)
        var configured = Validator(catalogue: catalogue)
        configured.reading = limits.options
        let validator = configured
        let store = try openStore(self.store, create: true)
        let prepared = Mutex<[Int: PreparedSubmission]>([:])
        let showProgress = isatty(2) != 0 && paths.count > 1
        let read = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let item = PreparedSubmission.prepare(file: paths[i], validator: validator)
            prepared.withLock { $0[i] = item }
            let n = read.withLock { count -> Int in
                count += 1
                return count
            }
            if showProgress { printProgress("read \(n)/\(paths.count)") }
        }
        let items = prepared.withLock { all in paths.indices.compactMap { all[$0] } }
        let results: [MergeResult]
        let l = language
        do {
            results = try store.merge(items, catalogue: catalogue, prefer: prefer, user: currentUser()) { result, n in
                // Said as soon as it is committed: a merge stopped later (a full
                // disk, a kill) has told what it stored.
                if showProgress { printProgress(nil) }
                print(Self.line(result, l))
                fflush(nil)
                if showProgress { printProgress(l("übernommen", "merged") + " \(n)/\(items.count)") }
            }
        } catch {
            if showProgress { printProgress(nil) }
            throw storeFailure(self.store, error)
        }
        if showProgress { printProgress(nil) }
        let count: Int
        do { count = try store.currentObservationCount() } catch { throw storeFailure(self.store, error) }
        print(l("\(results.count) \(results.count == 1 ? "Datei" : "Dateien"); der Speicher \(self.store) enthält \(l.number(count)) aktuelle Beobachtungen",
                "\(results.count) file\(results.count == 1 ? "" : "s"); the store \(self.store) holds \(l.number(count)) current observations"))
        if results.contains(where: { $0.outcome.isProblem }) { throw ExitStatus.problemsFound }
    }

    /// One file's outcome for the coordinator, in `l`.
    static func line(_ result: MergeResult, _ l: Language) -> String {
        let who = [result.department.map { l("Amt \($0)", "department \($0)") }, result.year.map(String.init)].compactMap { $0 }
            .joined(separator: ", ")
        func observations(_ n: Int) -> String { l("\(l.number(n)) Beobachtung\(n == 1 ? "" : "en")", "\(l.number(n)) observation\(n == 1 ? "" : "s")") }
        var line: String
        switch result.outcome {
        case .imported(let n): line = l("übernommen (\(observations(n)))", "imported (\(observations(n)))")
        case .unchanged: line = l("unverändert (schon übernommen)", "unchanged (merged before)")
        case .superseded(let previous, let n): line = l("ersetzt \(previous) (\(observations(n)))", "superseded \(previous) (\(observations(n)))")
        case .rejected(let errors):
            line = l("abgelehnt: \(l.number(errors)) Fehler (imon validate zeigt sie)",
                     "rejected: \(l.number(errors)) validation error\(errors == 1 ? "" : "s") (imon validate shows them)")
        case .conflict(let conflicts):
            let n = conflicts.count
            line = l("Konflikt: \(l.number(n)) Wert\(n == 1 ? " weicht" : "e weichen") von denen eines anderen Amts ab; nichts übernommen (entscheiden mit --prefer new|old)",
                     "conflict: \(l.number(n)) value\(n == 1 ? "" : "s") differ from another department's; nothing imported (decide with --prefer new|old)")
            for c in conflicts.prefix(5) {
                line += "\n    " + l("\(c.indicator) \(c.district) \(c.year) \(c.category): neu \(c.newValue) (\(c.newCell)), bisher \(c.existingValue) von Amt \(c.existingDepartment) (\(c.existingFile))",
                                     "\(c)")
            }
        }
        if let decided = result.decidedConflicts {
            let n = decided.count
            line += "; " + l("\(l.number(n)) Konflikt\(n == 1 ? "" : "e"): \(decided.preferred == .new ? "die Werte der neuen Datei" : "die Werte im Speicher") behalten (entschieden von \(decided.user))",
                             "\(l.number(n)) conflicting value\(n == 1 ? "" : "s"): kept the \(decided.preferred == .new ? "new file's" : "store's") (decided by \(decided.user))")
        }
        return "\(result.file)\(who.isEmpty ? "" : " (\(who))"): \(line)"
    }
}

struct ExportCommand: Command {
    static let store = CommandParameters.store
    static let catalogue = CommandParameters.catalogue
    static let year = Parameter.option("year", help: "Only these years (repeat for several); with --protected, the report's year.", repeating: true)
    static let output = Parameter.option("output", short: "o", help: "The file to write: .xlsx, .ods or .csv (tidy table only).",
                                         required: true)
    static let protected = Parameter.flag("protected", help: "The published figures of the report for --year (the latest year without it), protected as the report is.")

    static let spec = CommandSpec(
        "export",
        abstract: "Export the store's current observations: a tidy table with provenance and one wide sheet per indicator.",
        discussion: """
            Without --protected the file holds every stored value and says on every row that it is internal, \
            for the project group only. With --protected it holds the report's figures as published: \
            suppressed cells as ".", nothing of their values, files or cells.
            """,
        parameters: [store, catalogue, year, output, protected, CSVDialectOption.parameter]) { try ExportCommand($0) }

    let store: String
    let catalogue: String?
    let year: [Int]
    let output: String
    let protected: Bool
    let csvDialect: CSVDialectOption

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        catalogue = try arguments.optionalValue(Self.catalogue)
        year = try arguments.values(Self.year)
        output = try arguments.value(Self.output)
        protected = arguments.flag(Self.protected)
        csvDialect = try arguments.value(CSVDialectOption.parameter)
        if protected && year.count > 1 { throw arguments.refuse("--protected exports one report: give at most one --year") }
    }

    func run() throws {
        try DistinctFiles.require(outputs: [("--output", output)], inputs: [("--store", store), ("--catalogue", self.catalogue)])
        let catalogue = try CatalogueSource.load(self.catalogue)
        let store = try openStoreForReading(self.store)
        if protected { return try exportProtected(catalogue, store) }
        let observations: [StoredObservation]
        do { observations = try store.currentObservations(years: year) } catch { throw storeFailure(self.store, error) }
        do {
            try StoreExport.write(observations, catalogue: catalogue, to: output, csvDialect: csvDialect.dialect)
        } catch {
            throw CommandFailure(file: output, error: error)
        }
        print("wrote \(output) (\(observations.count) observations)")
    }

    private func exportProtected(_ catalogue: Catalogue, _ store: MonitoringStore) throws {
        let table: ObservationTable
        do { table = try store.observationTable() } catch { throw storeFailure(self.store, error) }
        guard let reportYear = year.first ?? table.years.last, table.years.contains(reportYear) else {
            throw CommandFailure(file: self.store, location: "year \(year.first.map(String.init) ?? "")", reason: "no observations for this year")
        }
        let report: SituationReport
        let earlier: [PublishedPattern]
        do { earlier = try store.publishedPatterns(before: reportYear) } catch { throw storeFailure(self.store, error) }
        do { report = try SituationReport(catalogue: catalogue, table: table, year: reportYear, earlier: earlier) } catch {
            throw CommandFailure(file: output, location: "publication \(reportYear)", reason: "not written: \(error)")
        }
        do { try ProtectedExport.write(report, to: output, csvDialect: csvDialect.dialect) } catch { throw CommandFailure(file: output, error: error) }
        print("wrote \(output) (the published figures of the \(reportYear) report)")
    }
}

struct HistoryCommand: Command {
    static let store = CommandParameters.store
    static let department = Parameter.option("department", help: "Only this department.")
    static let year = Parameter.option("year", help: "Only this reporting year.")

    static let spec = CommandSpec(
        "history",
        abstract: "What was imported, superseded, rejected or in conflict, when, from which file.",
        parameters: [store, department, year]) { try HistoryCommand($0) }

    let store: String
    let department: String?
    let year: Int?

    init(_ arguments: ParsedArguments) throws {
        store = try arguments.value(Self.store)
        department = try arguments.optionalValue(Self.department)
        year = try arguments.optionalValue(Self.year)
    }

    func run() throws {
        let store = try openStoreForReading(self.store)
        let entries: [HistoryEntry]
        do { entries = try store.history(department: department, year: year) } catch { throw storeFailure(self.store, error) }
        for e in entries {
            let who = [e.department.map { "Amt \($0)" }, e.year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            print("\(e.at)  \(e.outcome.padding(10))  \(who.padding(14))  \(e.file)\(e.detail.isEmpty ? "" : "  — \(e.detail)")  [\(e.user)]")
        }
        if entries.isEmpty { print("(nothing merged yet)") }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
