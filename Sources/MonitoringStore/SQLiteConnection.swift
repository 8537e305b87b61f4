import CSQLite

/// One connection to an SQLite file, on SQLite's C interface: statements
/// with bound arguments (prepared once and kept), rows by column name, and
/// transactions. The store uses it from one thread at a time.
final class SQLiteConnection {
    private var handle: OpaquePointer?
    private var prepared: [String: OpaquePointer] = [:]

    /// Opens (creating when missing) the file at `path`; waits up to
    /// `busyTimeout` seconds for another process's write to finish.
    init(path: String, busyTimeout: Double) throws {
        var db: OpaquePointer?
        let result = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard result == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(result))
            sqlite3_close(db)
            throw StoreError.database(message)
        }
        handle = db
        sqlite3_busy_timeout(db, Int32(busyTimeout * 1000))
    }

    deinit {
        for statement in prepared.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs SQL statements without arguments, one after the other (schema, pragmas).
    func execute(script sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? lastError
            sqlite3_free(message)
            throw StoreError.database(text)
        }
    }

    /// Runs one statement with `arguments` bound to its `?` in order.
    func execute(_ sql: String, _ arguments: [any SQLArgument] = []) throws {
        try run(sql, arguments) { _ in }
    }

    /// The rows of a query.
    func rows(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try run(sql, arguments) { rows.append($0) }
        return rows
    }

    /// Calls `body` with each row of a query as SQLite steps to it.
    func each(_ sql: String, _ arguments: [any SQLArgument] = [], _ body: (SQLRow) throws -> Void) throws {
        try run(sql, arguments, body)
    }

    /// The first column of the first row, nil when there is no row.
    func value<T: SQLColumnValue>(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> T? {
        try rows(sql, arguments).first.map { T(column: $0.values[0]) }
    }

    /// The first column of every row.
    func values<T: SQLColumnValue>(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> [T] {
        try rows(sql, arguments).map { T(column: $0.values[0]) }
    }

    /// The row id the last INSERT gave.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in a transaction: committed when it returns, rolled back
    /// when it throws. `immediate` takes the write lock at the start.
    func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        try execute(script: immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")
        let result: T
        do {
            result = try body()
        } catch {
            try? execute(script: "ROLLBACK")
            throw error
        }
        try execute(script: "COMMIT")
        return result
    }

    // MARK: - Statements

    private var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    private func run(_ sql: String, _ arguments: [any SQLArgument], _ row: (SQLRow) throws -> Void) throws {
        let statement = try prepare(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (k, argument) in arguments.enumerated() {
            let index = Int32(k + 1)
            let result: Int32
            switch argument.sqlValue {
            case .null: result = sqlite3_bind_null(statement, index)
            case .integer(let v): result = sqlite3_bind_int64(statement, index, v)
            case .real(let v): result = sqlite3_bind_double(statement, index, v)
            case .text(let v): result = sqlite3_bind_text(statement, index, v, -1, SQLiteConnection.transient)
            }
            guard result == SQLITE_OK else { throw StoreError.database(lastError) }
        }
        let columns = Int(sqlite3_column_count(statement))
        var names: [String: Int]?
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw StoreError.database(lastError) }
            if names == nil {
                names = Dictionary((0..<columns).map { (String(cString: sqlite3_column_name(statement, Int32($0))), $0) },
                                   uniquingKeysWith: { first, _ in first })
            }
            try row(SQLRow(names: names!, values: (0..<columns).map { column(statement, Int32($0)) }))
        }
    }

    private func prepare(_ sql: String) throws -> OpaquePointer {
        if let statement = prepared[sql] { return statement }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw StoreError.database(lastError)
        }
        prepared[sql] = statement
        return statement
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        case SQLITE_NULL: return .null
        default:
            guard let text = sqlite3_column_text(statement, index) else { return .null }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A value as SQLite stores it.
enum SQLValue: Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// What can be bound to a statement's `?`.
protocol SQLArgument {
    var sqlValue: SQLValue { get }
}

extension Int: SQLArgument { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLArgument { var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLArgument { var sqlValue: SQLValue { .real(self) } }
extension String: SQLArgument { var sqlValue: SQLValue { .text(self) } }
extension Optional: SQLArgument where Wrapped: SQLArgument {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One row of a query; columns by name.
struct SQLRow: Sendable {
    let names: [String: Int]
    let values: [SQLValue]

    subscript<T: SQLColumnValue>(_ name: String) -> T {
        T(column: names[name].map { values[$0] } ?? .null)
    }
}

/// What a column can be read as. NULL reads as nil for optionals and as
/// zero or empty otherwise (the schema declares which columns may be NULL).
protocol SQLColumnValue {
    init(column: SQLValue)
}

extension String: SQLColumnValue {
    init(column: SQLValue) {
        switch column {
        case .text(let v): self = v
        case .integer(let v): self = String(v)
        case .real(let v): self = String(v)
        case .null: self = ""
        }
    }
}

extension Int64: SQLColumnValue {
    init(column: SQLValue) {
        switch column {
        case .integer(let v): self = v
        case .real(let v): self = Int64(exactly: v.rounded(.towardZero)) ?? 0
        case .text(let v): self = Int64(v) ?? 0
        case .null: self = 0
        }
    }
}

extension Int: SQLColumnValue {
    init(column: SQLValue) { self = Int(Int64(column: column)) }
}

extension Double: SQLColumnValue {
    init(column: SQLValue) {
        switch column {
        case .real(let v): self = v
        case .integer(let v): self = Double(v)
        case .text(let v): self = Double(v) ?? 0
        case .null: self = 0
        }
    }
}

extension Optional: SQLColumnValue where Wrapped: SQLColumnValue {
    init(column: SQLValue) {
        if case .null = column { self = nil } else { self = Wrapped(column: column) }
    }
}
