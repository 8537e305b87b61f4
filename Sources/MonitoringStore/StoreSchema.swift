import GRDB

/// The store's tables, created and changed only by numbered migrations so
/// that an older store is brought up to date when a merge opens it.
enum StoreSchema {
    /// The migrations in order, for GRDB's migrator: it records each one done
    /// in the table `grdb_migrations`, the record stores of every imon
    /// version have, and runs each not yet done in a transaction of its own.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (identifier, sql) in migrations {
            migrator.registerMigration(identifier) { db in try db.execute(sql: sql) }
        }
        return migrator
    }

    /// The identifiers of all migrations, in order.
    static var identifiers: [String] { migrations.map(\.identifier) }

    /// The schema version a store has once every migration ran: its `user_version`.
    static var version: Int32 { Int32(migrations.count) }

    /// In order; never changed once released, only added to.
    static let migrations: [(identifier: String, sql: String)] = [
        ("v1", """
                CREATE TABLE catalogueVersion (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fingerprint TEXT NOT NULL UNIQUE,
                    indicators INTEGER NOT NULL,
                    districts INTEGER NOT NULL,
                    firstUsedAt TEXT NOT NULL
                );
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fileName TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    department TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    templateID TEXT,
                    catalogueVersionID INTEGER REFERENCES catalogueVersion(id),
                    importedAt TEXT NOT NULL,
                    importedBy TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('current', 'superseded')),
                    supersededBy INTEGER REFERENCES submission(id),
                    observationCount INTEGER NOT NULL
                );
                CREATE INDEX submission_by_file ON submission(sha256);
                CREATE INDEX submission_by_department_year ON submission(department, year, status);
                CREATE TABLE observation (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    submissionID INTEGER NOT NULL REFERENCES submission(id),
                    indicator TEXT NOT NULL,
                    district TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    value REAL,
                    marker TEXT,
                    sheet TEXT NOT NULL,
                    cell TEXT NOT NULL,
                    current INTEGER NOT NULL DEFAULT 1,
                    CHECK ((value IS NULL) <> (marker IS NULL))
                );
                CREATE INDEX observation_key ON observation(indicator, year, district, category, current);
                CREATE INDEX observation_by_submission ON observation(submissionID);
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    byUser TEXT NOT NULL,
                    fileName TEXT NOT NULL,
                    sha256 TEXT,
                    department TEXT,
                    year INTEGER,
                    outcome TEXT NOT NULL,
                    detail TEXT NOT NULL DEFAULT '',
                    submissionID INTEGER REFERENCES submission(id)
                );
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    byUser TEXT NOT NULL,
                    preferred TEXT NOT NULL CHECK (preferred IN ('new', 'old')),
                    submissionID INTEGER REFERENCES submission(id),
                    detail TEXT NOT NULL
                );
                """),
        // The store marks itself (StoreIdentity), and the look-ups a merge makes
        // for every file use indexes: the current values of one indicator and
        // year (conflicts), a file's hash, and the later events of a file
        // (open conflicts). `observation_key` led with the indicator too but
        // held every superseded version; the partial index holds only the
        // current ones, so its cost does not grow with the history.
        ("v2", """
                CREATE INDEX observation_current ON observation(indicator, year, district, category) WHERE current = 1;
                DROP INDEX observation_key;
                CREATE INDEX event_by_file ON event(sha256);
                PRAGMA application_id = \(StoreIdentity.applicationID);
                PRAGMA user_version = 2;
                """),
        // What each report made public (issue 22, item 5): the next year's
        // report keeps what it printed printed and what it hid hidden, and
        // its audit knows these numbers. One report per year, the latest.
        ("v3", """
                CREATE TABLE publishedReport (
                    reportYear INTEGER PRIMARY KEY,
                    publishedAt TEXT NOT NULL,
                    publishedBy TEXT NOT NULL,
                    figures INTEGER NOT NULL
                );
                CREATE TABLE publishedFigure (
                    reportYear INTEGER NOT NULL REFERENCES publishedReport(reportYear),
                    indicator TEXT NOT NULL,
                    district TEXT NOT NULL,
                    category TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    measure TEXT NOT NULL CHECK (measure IN ('value', 'change')),
                    value REAL,
                    suppression TEXT CHECK (suppression IN ('primary', 'secondary')),
                    PRIMARY KEY (reportYear, indicator, district, category, year, measure),
                    CHECK ((value IS NULL) <> (suppression IS NULL))
                ) WITHOUT ROWID;
                PRAGMA user_version = 3;
                """),
        // Tables the statistics office publishes (`imon import`): a submission
        // names the table it came from, and one department's year may come
        // from several tables, each superseding only its own earlier version.
        // A table brings every year again with each export, so the hash of
        // what one year says (ImportFingerprint) decides `unchanged`.
        ("v4", """
                ALTER TABLE submission ADD COLUMN source TEXT;
                ALTER TABLE submission ADD COLUMN contentHash TEXT;
                CREATE INDEX submission_by_source ON submission(department, year, source, status);
                PRAGMA user_version = 4;
                """),
    ]
}
