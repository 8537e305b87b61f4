/// A portal account as the store keeps it: the password only as a slow salted hash.
public struct StoredAccount: Sendable, Equatable {
    public var name: String
    /// `department`, `coordinator` or `analyst` (the table's CHECK refuses anything else).
    public var role: String
    /// The department's code, for a department's account only.
    public var department: String?
    public var passwordHash: String
    public var createdAt: String

    public init(name: String, role: String, department: String?, passwordHash: String, createdAt: String) {
        self.name = name
        self.role = role
        self.department = department
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}
