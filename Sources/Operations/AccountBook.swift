import Foundation
import HummingbirdBcrypt
import Monitoring
import MonitoringStore

/// The portal's accounts in the store: added, listed, removed, their
/// passwords set and checked. Passwords are kept only as bcrypt hashes.
public struct AccountBook: Sendable {
    public let store: any SubmissionStore
    /// bcrypt's cost: 2^cost rounds (12 takes about a quarter second here, which slows guessing).
    public var cost: UInt8

    public init(store: any SubmissionStore, cost: UInt8 = 12) {
        self.store = store
        self.cost = cost
    }

    /// The accounts, by name.
    public func list() throws -> [Account] {
        try store.accounts().compactMap { stored in
            Role(rawValue: stored.role).map { Account(name: stored.name, role: $0, department: stored.department) }
        }
    }

    /// Adds an account after checking its name, role, department (against `catalogue`) and password.
    public func add(_ account: Account, password: String, catalogue: Catalogue) throws {
        try Self.check(name: account.name)
        switch (account.role, account.department) {
        case (.department, nil): throw AccountError.departmentRequired(role: account.role)
        case (.department, let code?):
            guard catalogue.department(code) != nil else {
                throw AccountError.unknownDepartment(code, known: catalogue.departments.map(\.code))
            }
        case (_, .some): throw AccountError.departmentNotAllowed(role: account.role)
        case (_, nil): break
        }
        try Self.check(password: password)
        try store.addAccount(StoredAccount(name: account.name, role: account.role.rawValue, department: account.department,
                                           passwordHash: Bcrypt.hash(password, cost: cost), createdAt: Clock.now()))
    }

    /// Sets a new password.
    public func setPassword(_ password: String, of name: String) throws {
        try Self.check(password: password)
        guard try store.setPasswordHash(Bcrypt.hash(password, cost: cost), of: name) else { throw AccountError.noSuchAccount(name) }
    }

    /// Removes an account.
    public func remove(_ name: String) throws {
        guard try store.removeAccount(name) else { throw AccountError.noSuchAccount(name) }
    }

    /// The account when `password` is its password; nil otherwise. An unknown
    /// name costs as much time as a known one, so the answer does not tell
    /// whether the account exists.
    public func verify(name: String, password: String) throws -> Account? {
        let stored = try store.accounts().first { $0.name == name }
        let hash = stored?.passwordHash ?? Self.decoy
        let matches = Bcrypt.verify(password, hash: hash)
        guard let stored, matches, let role = Role(rawValue: stored.role) else { return nil }
        return Account(name: stored.name, role: role, department: stored.department)
    }

    /// A hash of no one's password, checked for unknown names (cost 12, as real ones).
    private static let decoy = Bcrypt.hash(UUID().uuidString, cost: 12)

    static func check(name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-_".unicodeScalars.contains($0)) }
        guard (1...64).contains(name.count), allowed else { throw AccountError.badName(name) }
    }

    static func check(password: String) throws {
        if password.count < 10 { throw AccountError.badPassword(reason: "at least 10 characters") }
        // bcrypt reads only the first 72 bytes; a longer password would be
        // accepted with any ending.
        if password.utf8.count > 72 { throw AccountError.badPassword(reason: "at most 72 bytes") }
        if password.utf8.contains(0) { throw AccountError.badPassword(reason: "contains a NUL character") }
    }
}
