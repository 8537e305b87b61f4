/// Why the store could not be used.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case locked(String)
    case database(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .locked(let why): return why
        case .database(let why): return "database: \(why)"
        case .notFound(let path): return "\(path): no store here (merge submissions first)"
        }
    }
}
