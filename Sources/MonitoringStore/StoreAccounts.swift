import Foundation
import GRDB

extension MonitoringStore {
    /// The portal's accounts, by name.
    public func accounts() throws -> [StoredAccount] {
        try read { db in
            try db.all("SELECT name, role, department, passwordHash, createdAt FROM account ORDER BY name") { row in
                StoredAccount(name: try row["name"], role: try row["role"], department: try row["department"],
                              passwordHash: try row["passwordHash"], createdAt: try row["createdAt"])
            }
        }
    }

    /// Adds an account; `StoreError.accountExists` when the name is taken.
    public func addAccount(_ account: StoredAccount) throws {
        try write { db in
            if try db.first("SELECT name FROM account WHERE name = ?", [account.name], { try $0["name"] as String }) != nil {
                throw StoreError.accountExists(path, name: account.name)
            }
            try db.execute(sql: "INSERT INTO account (name, role, department, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [account.name, account.role, account.department, account.passwordHash, account.createdAt])
        }
    }

    /// Replaces an account's password hash; false when there is no such account.
    public func setPasswordHash(_ hash: String, of name: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE name = ?", arguments: [hash, name])
            return db.changesCount > 0
        }
    }

    /// Removes an account; false when there is no such account.
    public func removeAccount(_ name: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM account WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Keeps an upload in conflict until it is decided; returns its number.
    public func holdUpload(_ upload: HeldUpload) throws -> Int64 {
        try write { db in
            try db.execute(sql: """
                INSERT INTO heldUpload (fileName, sha256, department, year, uploadedAt, uploadedBy, conflicts, bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [upload.fileName, upload.sha256, upload.department, upload.year, upload.uploadedAt, upload.uploadedBy,
                                 upload.conflicts, Data(upload.bytes)])
            return db.lastInsertedRowID
        }
    }

    /// The uploads in conflict not yet decided, oldest first.
    public func heldUploads() throws -> [HeldUpload] {
        try read { db in
            try db.all("SELECT * FROM heldUpload ORDER BY id") { row in
                HeldUpload(id: try row["id"], fileName: try row["fileName"], sha256: try row["sha256"], department: try row["department"],
                           year: try row["year"], uploadedAt: try row["uploadedAt"], uploadedBy: try row["uploadedBy"],
                           conflicts: try row["conflicts"], bytes: [UInt8](try row["bytes"] as Data))
            }
        }
    }

    /// Forgets a held upload once it is decided.
    public func releaseUpload(_ id: Int64) throws {
        try write { db in try db.execute(sql: "DELETE FROM heldUpload WHERE id = ?", arguments: [id]) }
    }
}
