import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The monitoring store: one SQLite file with submissions, observations,
/// their provenance (file, hash, sheet, cell) and the history of every
/// merge. A resubmission supersedes, never deletes; every file is merged
/// in one transaction, all of it or nothing of it. Opened for reading, the
/// file is never written; opened for merging, it is written only when it
/// is an imon store (`StoreIdentity`) or a new one.
public final class MonitoringStore: Sendable {
    public let path: String
    /// How long a merge waits for another merge on the same store to finish.
    public let lockTimeout: Double
    /// Opened with `init(readingAt:)`: SQLite refuses every write on this connection.
    public let isReadOnly: Bool
    let queue: DatabaseQueue
    /// The `quick_check` begun when the store was opened for merging (nil when opened for reading).
    let openingCheck: OpeningCheck?

    /// Opens the store at `path` for merging, creating it when missing (and
    /// `create`). A file that is not an imon store is refused before anything
    /// is written to it; a new or older store is brought up to date under
    /// the merge lock, so that two first merges at once make it only once.
    public init(path: String, create: Bool = true, lockTimeout: Double = 60) throws {
        self.path = path
        self.lockTimeout = lockTimeout
        isReadOnly = false
        if !create && access(path, F_OK) != 0 { throw StoreError.notFound(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let queue = try Self.inStore(path) { try DatabaseQueue(path: path, configuration: configuration) }
        self.queue = queue
        let current = try Self.refuseForeign(try Self.inStore(path) { try queue.read(StoreIdentity.read) }, path)
            == .imon(version: StoreSchema.version)
        if !current {
            let lock = try StoreLock(storePath: path, timeout: lockTimeout)
            defer { withExtendedLifetime(lock) {} }
            try Self.inStore(path) {
                // Again under the lock: another merge may have made or upgraded it meanwhile.
                guard try Self.refuseForeign(try queue.read(StoreIdentity.read), path) != .imon(version: StoreSchema.version) else { return }
                // WAL: a transaction is on disk when it commits, a killed process
                // never leaves half of one, and commits need no fsync of the main
                // file each time (200 files merged in 2.5 s instead of 4.5 s).
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                try StoreSchema.migrator.migrate(queue)
            }
        }
        openingCheck = OpeningCheck { try Self.quickCheck(queue, path) }
    }

    /// Opens the store at `path` for reading only (SQLite's read-only mode):
    /// no file is created, nothing is migrated or switched, the file's bytes
    /// stay as they are, and a store the user may only read can be read.
    /// Refuses what is not an imon store, or one that needs an upgrade, and
    /// checks the file (`quick_check`) before anything is read from it.
    public init(readingAt path: String) throws {
        self.path = path
        lockTimeout = 0
        isReadOnly = true
        openingCheck = nil
        guard access(path, F_OK) == 0 else { throw StoreError.notFound(path) }
        queue = try Self.openForReading(path)
    }

    /// The connection of `init(readingAt:)`, once the file has shown what it is and passed `quick_check`.
    private static func openForReading(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError
                    where [.SQLITE_CANTOPEN, .SQLITE_READONLY_DIRECTORY, .SQLITE_READONLY_CANTINIT].contains(error.extendedResultCode)
                    || error.resultCode == .SQLITE_CANTOPEN {
            // A store in WAL mode whose folder the user may not write, and
            // without its -shm file: SQLite can neither make nor share the
            // WAL index. No process has the store open then (an open WAL
            // store has its -shm), so it is read as immutable
            // (https://www.sqlite.org/wal.html#readonly, "immutable" URI parameter).
            queue = try inStore(path) { try DatabaseQueue(path: uri(path, "immutable=1"), configuration: configuration) }
        } catch {
            throw StoreError.from(error, path: path)
        }
        let identity = try refuseForeign(try inStore(path) { try queue.read(StoreIdentity.read) }, path)
        var older = false
        if case .unmarked = identity { older = true }
        if case .imon(let version) = identity, version < StoreSchema.version { older = true }
        if older {
            let done = Set(try inStore(path) { try queue.read { db in try db.all("SELECT identifier FROM grdb_migrations") { try $0["identifier"] as String } } })
            throw StoreError.needsUpgrade(path, pending: StoreSchema.identifiers.filter { !done.contains($0) })
        }
        try quickCheck(queue, path)
        guard identity == .empty else { return queue }
        // A new store whose first merge was stopped before its first file (or
        // an empty file): nothing merged yet. Its reads are answered by an
        // empty store in memory, so that they need no case of their own.
        let empty = try inStore(path) { try DatabaseQueue() }
        try inStore(path) { try StoreSchema.migrator.migrate(empty) }
        return empty
    }

    /// Throws for a file that is not (and cannot become) this version's store; returns the identity otherwise.
    private static func refuseForeign(_ identity: StoreIdentity, _ path: String) throws -> StoreIdentity {
        switch identity {
        case .foreign(let id, let tables): throw StoreError.foreign(path, applicationID: id, tables: tables)
        case .imon(let version) where version > StoreSchema.version:
            throw StoreError.newerVersion(path, userVersion: version, known: StoreSchema.version)
        default: return identity
        }
    }

    /// An SQLite URI for `path` with `parameters` (https://www.sqlite.org/uri.html).
    private static func uri(_ path: String, _ parameters: String) -> String {
        var escaped = ""
        for c in path.unicodeScalars {
            switch c {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(c)
            }
        }
        return "file:" + escaped + "?" + parameters
    }

    /// Runs `body`, its SQLite errors turned into `StoreError`s that name the store.
    static func inStore<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw StoreError.from(error, path: path) }
    }

    /// Runs `body` in a read transaction: one consistent state of the store.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.inStore(path) { try queue.read(body) }
    }

    /// Runs `body` in a write transaction (BEGIN IMMEDIATE): all of it is
    /// stored, or none of it when it throws.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.inStore(path) {
            try queue.inDatabase { db in
                var result: Result<T, any Error>?
                try db.inTransaction(.immediate) {
                    result = .success(try body(db))
                    return .commit
                }
                guard case .success(let value)? = result else {
                    throw StoreError.sqlite(resultCode: 1, extendedResultCode: 1, message: "transaction ended without a result", sql: nil)
                }
                return value
            }
        }
    }

    /// SQLite's own check of the file: `ok` when it is intact.
    public func integrityCheck() throws -> String {
        try read { db in try db.all("PRAGMA integrity_check") { try $0["integrity_check"] as String }.joined(separator: "\n") }
    }

    /// SQLite's `quick_check` (https://www.sqlite.org/pragma.html#pragma_quick_check):
    /// throws `StoreError.damaged` with what it found unless the file is intact.
    public func checkIntact() throws {
        try Self.quickCheck(queue, path)
    }

    private static func quickCheck(_ queue: DatabaseQueue, _ path: String) throws {
        let problems = try inStore(path) { try queue.read { db in try db.all("PRAGMA quick_check") { try $0["quick_check"] as String } } }
        guard problems == ["ok"] else { throw StoreError.damaged(path, problems: problems) }
    }

    /// The number of current observations (optionally of one year).
    public func currentObservationCount(year: Int? = nil) throws -> Int {
        try read { db in
            if let year {
                return try db.single("SELECT COUNT(*) FROM observation WHERE current = 1 AND year = ?", [year])
            }
            return try db.single("SELECT COUNT(*) FROM observation WHERE current = 1")
        }
    }
}
