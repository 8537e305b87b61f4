/// Why a publication could not be made.
public enum PublicationError: Error, Sendable, Equatable, CustomStringConvertible {
    case audit(AuditError)
    /// No published cell is left whose suppression would protect this one.
    case cannotProtect(CellKey)
    /// The finished publication fails its own audit (a protection step is switched off).
    case disclosed([DisclosureAudit.Finding])

    public var description: String {
        switch self {
        case .audit(let e): return e.description
        case .cannotProtect(let c): return "\(c): no further cell can be hidden to protect this count"
        case .disclosed(let f):
            return "the publication fails its disclosure audit: " + (f.first.map(\.description) ?? "")
                + (f.count > 1 ? " (and \(f.count - 1) more)" : "")
        }
    }
}
