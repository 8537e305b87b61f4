/// Why an audit could not be completed.
public enum AuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The published figures admit no value for this cell: they contradict each other or an earlier report.
    case inconsistent(CellKey)
    /// GLPK gave no answer for this cell.
    case solverFailed(CellKey, String)

    public var description: String {
        switch self {
        case .inconsistent(let c): return "\(c): the published figures contradict each other (or an earlier report) around this cell"
        case .solverFailed(let c, let what): return "\(c): the LP solver gave no answer (\(what))"
        }
    }
}
