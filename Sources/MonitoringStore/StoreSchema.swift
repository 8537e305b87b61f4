/// The store's tables, created and changed only by numbered migrations so
/// that an older store is brought up to date when it is opened.
enum StoreSchema {
    /// Brings the store at `db` up to date: each migration not yet recorded
    /// runs in a transaction of its own. The record is the table
    /// `grdb_migrations`, as stores made with the GRDB library have it.
    static func migrate(_ db: SQLiteConnection) throws {
        try db.execute(script: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        let done: [String] = try db.values("SELECT identifier FROM grdb_migrations")
        for (identifier, sql) in migrations where !done.contains(identifier) {
            try db.transaction(immediate: true) {
                try db.execute(script: sql)
                try db.execute("INSERT INTO grdb_migrations (identifier) VALUES (?)", [identifier])
            }
        }
    }

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
    ]
}
