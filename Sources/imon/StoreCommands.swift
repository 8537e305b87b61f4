import ArgumentParser
import Dispatch
import Monitoring
import MonitoringStore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The person running the command, recorded with every merge and decision.
func currentUser() -> String {
    if let name = getenv("USER").map({ String(cString: $0) }), !name.isEmpty { return name }
    return getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "unknown"
}

func openStore(_ path: String, create: Bool) throws -> MonitoringStore {
    do {
        return try MonitoringStore(path: path, create: create)
    } catch {
        throw CommandFailure(file: path, location: "store", reason: "\(error)")
    }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Validate submissions and merge the valid ones into the monitoring store.",
        discussion: """
            Each file is imported in one transaction, all of it or nothing: imported, unchanged (the same \
            file again), superseded (the same department and year again; the earlier version stays in the \
            history), rejected (validation errors) or conflict (another department delivered different \
            values for the same cells; --prefer new|old decides). Exit 0 when all were imported or \
            unchanged, 1 when any was rejected or in conflict, 2 when the merge could not run.
            """)

    @Option(help: "The store file.")
    var store = "monitoring.sqlite"

    @Option(help: "A catalogue workbook; the built-in default when left out.")
    var catalogue: String?

    @Option(help: "Decide conflicts: new (the new file's values win) or old (the store's stay).")
    var prefer: String?

    @Argument(help: "Submission workbooks or folders.")
    var files: [String]

    @OptionGroup(title: "Limits")
    var limits: ReadingLimitOptions

    func validate() throws {
        if let prefer, ConflictPreference(rawValue: prefer) == nil { throw ValidationError("--prefer is new or old") }
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
            if showProgress { printToStandardError("\r\u{1B}[2Kread \(n)/\(paths.count)", newline: false) }
        }
        let items = prepared.withLock { all in paths.indices.compactMap { all[$0] } }
        let results: [MergeResult]
        do {
            results = try store.merge(items, catalogue: catalogue, prefer: prefer.flatMap(ConflictPreference.init(rawValue:)),
                                      user: currentUser()) { n in
                if showProgress { printToStandardError("\r\u{1B}[2Kmerged \(n)/\(items.count)", newline: false) }
            }
        } catch {
            if showProgress { printToStandardError("\r\u{1B}[2K", newline: false) }
            throw CommandFailure(file: self.store, location: "store", reason: "\(error)")
        }
        if showProgress { printToStandardError("\r\u{1B}[2K", newline: false) }
        for result in results {
            let who = [result.department.map { "department \($0)" }, result.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
            let line: String
            switch result.outcome {
            case .imported(let n): line = "imported (\(n) observations)"
            case .unchanged: line = "unchanged (merged before)"
            case .superseded(let previous, let n): line = "superseded \(previous) (\(n) observations)"
            case .rejected(let errors): line = "rejected: \(errors) validation error\(errors == 1 ? "" : "s") (imon validate shows them)"
            case .conflict(let conflicts):
                line = "conflict: \(conflicts.count) value\(conflicts.count == 1 ? "" : "s") differ from another department's; nothing imported (decide with --prefer new|old)\n"
                    + conflicts.prefix(5).map { "    \($0)" }.joined(separator: "\n")
            }
            print("\(result.file)\(who.isEmpty ? "" : " (\(who))"): \(line)\(result.decision.map { "; \($0)" } ?? "")")
        }
        let count = (try? store.currentObservationCount()) ?? 0
        print("\(results.count) file\(results.count == 1 ? "" : "s"); the store \(self.store) holds \(count) current observations")
        if results.contains(where: { $0.outcome.isProblem }) { throw ExitCode(1) }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store's current observations: a tidy table with provenance and one wide sheet per indicator.")

    @Option(help: "The store file.")
    var store = "monitoring.sqlite"

    @Option(help: "A catalogue workbook; the built-in default when left out.")
    var catalogue: String?

    @Option(help: "Only these years (repeat for several).")
    var year: [Int] = []

    @Option(name: .shortAndLong, help: "The file to write: .xlsx, .ods or .csv (tidy table only).")
    var output: String

    func run() throws {
        let catalogue = try CatalogueSource.load(self.catalogue)
        let store = try openStore(self.store, create: false)
        let observations: [StoredObservation]
        do { observations = try store.currentObservations(years: year) } catch {
            throw CommandFailure(file: self.store, location: "store", reason: "\(error)")
        }
        do {
            try StoreExport.write(observations, catalogue: catalogue, to: output)
        } catch {
            throw CommandFailure(file: output, error: error)
        }
        print("wrote \(output) (\(observations.count) observations)")
    }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "What was imported, superseded, rejected or in conflict, when, from which file.")

    @Option(help: "The store file.")
    var store = "monitoring.sqlite"

    @Option(help: "Only this department.")
    var department: String?

    @Option(help: "Only this reporting year.")
    var year: Int?

    func run() throws {
        let store = try openStore(self.store, create: false)
        let entries: [HistoryEntry]
        do { entries = try store.history(department: department, year: year) } catch {
            throw CommandFailure(file: self.store, location: "store", reason: "\(error)")
        }
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
