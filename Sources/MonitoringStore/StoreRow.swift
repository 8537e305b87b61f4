import GRDB

/// One row of a query, read strictly: a column the query does not return
/// is an error, and so is NULL (or text) where a number or a non-optional
/// value is expected. Both errors carry the SQL, so that a misspelled
/// column name fails loudly instead of reading as `""` or `0`.
struct StoreRow {
    let row: Row
    let sql: String

    /// The value of `column`; `T` is optional only where the schema allows NULL.
    subscript<T: DatabaseValueConvertible>(_ column: String) -> T {
        get throws {
            guard row.hasColumn(column) else { throw StoreError.missingColumn(column, sql: sql) }
            do {
                return try row.decode(T.self, forColumn: column)
            } catch {
                let value = (row[column] as DatabaseValue?).map { "\($0)" } ?? "?"
                throw StoreError.unreadableValue(column: column, sql: sql, reason: "\(value) as \(T.self)")
            }
        }
    }
}

extension Database {
    /// Calls `body` with each row of a query as SQLite steps to it.
    func each(_ sql: String, _ arguments: StatementArguments = [], _ body: (StoreRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(self, sql: sql, arguments: arguments)
        while let row = try rows.next() { try body(StoreRow(row: row, sql: sql)) }
    }

    /// The rows of a query, each made into a `T`.
    func all<T>(_ sql: String, _ arguments: StatementArguments = [], _ make: (StoreRow) throws -> T) throws -> [T] {
        var out: [T] = []
        try each(sql, arguments) { out.append(try make($0)) }
        return out
    }

    /// The first row of a query made into a `T`; nil when there is no row.
    func first<T>(_ sql: String, _ arguments: StatementArguments = [], _ make: (StoreRow) throws -> T) throws -> T? {
        guard let row = try Row.fetchOne(self, sql: sql, arguments: arguments) else { return nil }
        return try make(StoreRow(row: row, sql: sql))
    }

    /// The one value of a query that always gives one row (`COUNT(*)`, a pragma).
    func single<T: DatabaseValueConvertible>(_ sql: String, _ arguments: StatementArguments = []) throws -> T {
        guard let row = try Row.fetchOne(self, sql: sql, arguments: arguments) else {
            throw StoreError.unreadableValue(column: "(first)", sql: sql, reason: "no row")
        }
        let column = row.columnNames.first ?? ""
        return try StoreRow(row: row, sql: sql)[column]
    }
}

extension StoreError {
    /// SQLite's and GRDB's errors in the store's terms, with the SQL and result code kept.
    static func from(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        if [.SQLITE_READONLY_ROLLBACK, .SQLITE_READONLY_RECOVERY].contains(error.extendedResultCode) {
            return StoreError.unfinished(path)
        }
        switch error.resultCode {
        case .SQLITE_CORRUPT: return StoreError.damaged(path, problems: [error.message ?? "database disk image is malformed"])
        case .SQLITE_NOTADB: return StoreError.notADatabase(path)
        default:
            return StoreError.sqlite(resultCode: error.resultCode.rawValue, extendedResultCode: error.extendedResultCode.rawValue,
                                     message: error.message ?? "\(error.resultCode)", sql: error.sql)
        }
    }
}
