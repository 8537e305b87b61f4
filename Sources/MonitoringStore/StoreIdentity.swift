import GRDB

/// What an SQLite file says it is, read before anything is written to it:
/// imon marks its stores with `PRAGMA application_id` and counts its schema
/// in `PRAGMA user_version` (SQLite file format, "Database Header", offsets
/// 60 and 68), so that another program's database is never mistaken for one.
enum StoreIdentity: Equatable {
    /// No tables at all (a new or zero-length file): a store may be made here.
    case empty
    /// An imon store with `version` as its `user_version`.
    case imon(version: Int32)
    /// A store of imon before the identity was set: `application_id` 0, the
    /// migration record `grdb_migrations` and the five tables of "v1".
    case unmarked(migrations: [String])
    /// Anything else.
    case foreign(applicationID: Int32, tables: [String])

    /// "IMON" in ASCII (0x494D4F4E): the `application_id` of every imon store.
    /// Never changed; SQLite's list of registered ids (magic.txt) has no such entry.
    static let applicationID: Int32 = 0x494D_4F4E

    /// The tables the first migration made; an unmarked file is an imon store only with all of them.
    static let firstTables: Set<String> = ["catalogueVersion", "submission", "observation", "event", "decision", "grdb_migrations"]

    /// Reads the identity; never writes.
    static func read(_ db: Database) throws -> StoreIdentity {
        let applicationID: Int32 = try db.single("PRAGMA application_id")
        let version: Int32 = try db.single("PRAGMA user_version")
        let tables = try db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") {
            try $0["name"] as String
        }
        if applicationID == Self.applicationID { return .imon(version: version) }
        if applicationID != 0 { return .foreign(applicationID: applicationID, tables: tables) }
        if tables.isEmpty && version == 0 { return .empty }
        let migrations = tables.contains("grdb_migrations")
            ? try db.all("SELECT identifier FROM grdb_migrations ORDER BY identifier") { try $0["identifier"] as String } : []
        // The migrator makes its record before the first migration's transaction:
        // a store another merge is making right now.
        if tables == ["grdb_migrations"] && migrations.isEmpty && version == 0 { return .empty }
        guard firstTables.isSubset(of: tables) else { return .foreign(applicationID: 0, tables: tables) }
        let known = Set(StoreSchema.identifiers)
        guard migrations.contains("v1"), migrations.allSatisfy(known.contains) else {
            return .foreign(applicationID: 0, tables: tables)
        }
        return .unmarked(migrations: migrations)
    }
}
