/// A person who may log in to the portal, without the password hash.
public struct Account: Sendable, Equatable {
    public var name: String
    public var role: Role
    /// The department a department's account delivers for (nil for the other roles).
    public var department: String?

    public init(name: String, role: Role, department: String?) {
        self.name = name
        self.role = role
        self.department = department
    }

    /// May this account see or deliver `department`'s workbooks?
    public func mayHandle(department code: String) -> Bool {
        role != .department || department == code
    }
}
