/// Why the store could not be used. Every case says where: the file, the
/// SQL and SQLite's result code, or the column that could not be read.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// Another merge holds the store's lock, or the lock file cannot be made.
    case locked(String)
    /// SQLite refused a statement: its (extended) result code, message and the SQL.
    case sqlite(resultCode: Int32, extendedResultCode: Int32, message: String, sql: String?)
    /// A query's row lacks a column the store reads from it.
    case missingColumn(String, sql: String)
    /// A column's value cannot be read as what the store expects (NULL into a non-optional, text into a number).
    case unreadableValue(column: String, sql: String, reason: String)
    /// No file at the path (read commands never create one).
    case notFound(String)
    /// The file is not an SQLite database at all.
    case notADatabase(String)
    /// An SQLite database of something else: another program's `application_id`, or tables that are not imon's.
    case foreign(String, applicationID: Int32, tables: [String])
    /// A store of a later imon, with a schema this version does not know.
    case newerVersion(String, userVersion: Int32, known: Int32)
    /// A store of an earlier imon that must be upgraded (by a merge) before it can be read.
    case needsUpgrade(String, pending: [String])
    /// A merge was stopped in the middle of a change (a hot journal, or a WAL
    /// to recover) and a read-only connection may not finish it; the next merge does.
    case unfinished(String)
    /// SQLite's `quick_check` (or a read) found damage.
    case damaged(String, problems: [String])

    public var description: String {
        switch self {
        case .locked(let why):
            return why
        case .sqlite(let code, let extended, let message, let sql):
            return "SQLite error \(code)\(extended != code ? " (extended \(extended))" : ""): \(message)"
                + (sql.map { " — in: \($0.oneLine)" } ?? "")
        case .missingColumn(let column, let sql):
            return "column \"\(column)\" is not in the result of: \(sql.oneLine)"
        case .unreadableValue(let column, let sql, let reason):
            return "column \"\(column)\" cannot be read (\(reason)) in the result of: \(sql.oneLine)"
        case .notFound(let path):
            return "\(path): no store here (merge submissions first)"
        case .notADatabase(let path):
            return "\(path): not an imon store (not an SQLite database); the file was left as it is"
        case .foreign(let path, let id, let tables):
            let what = id != 0 ? "application_id \(id)" : "tables " + tables.prefix(5).joined(separator: ", ")
            return "\(path): not an imon store (an SQLite database of something else: \(what)); the file was left as it is"
        case .newerVersion(let path, let version, let known):
            return "\(path): the store was made by a later imon (schema version \(version), this one knows up to \(known)); use that version"
        case .needsUpgrade(let path, let pending):
            return "\(path): the store was made by an earlier imon and needs an upgrade (\(pending.joined(separator: ", "))) "
                + "before it can be read; the next imon merge into it upgrades it. Nothing was changed"
        case .unfinished(let path):
            return "\(path): a merge into the store was stopped in the middle of a change, which a read-only command "
                + "may not finish; the next imon merge into it does. Nothing was read or changed"
        case .damaged(let path, let problems):
            return "\(path): the store is damaged (SQLite: \(problems.prefix(3).joined(separator: "; "))"
                + "\(problems.count > 3 ? "; …" : "")); nothing was read or written. Restore it from a backup"
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// SQL on one line, for one-line error messages.
    var oneLine: String {
        split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " ")
    }
}
