/// Why an account could not be added or changed.
public enum AccountError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A name must be 1 to 64 letters, digits, `.`, `-` or `_`.
    case badName(String)
    /// A department's account needs the department's code; other roles take none.
    case departmentRequired(role: Role)
    case departmentNotAllowed(role: Role)
    /// The code is not a department of the catalogue.
    case unknownDepartment(String, known: [String])
    /// Passwords are at least 10 characters (and bcrypt reads at most 72 bytes).
    case badPassword(reason: String)
    case noSuchAccount(String)

    public var description: String {
        switch self {
        case .badName(let name): return "account name \"\(name)\": use 1 to 64 letters, digits, '.', '-' or '_'"
        case .departmentRequired: return "a department's account needs --department CODE"
        case .departmentNotAllowed(let role): return "a \(role.rawValue)'s account belongs to no department; leave out --department"
        case .unknownDepartment(let code, let known):
            return "department \"\(code)\" is not in the catalogue (it has \(known.joined(separator: ", ")))"
        case .badPassword(let reason): return "password: \(reason)"
        case .noSuchAccount(let name): return "no account \"\(name)\""
        }
    }
}
